import type { ApiClient } from './client'

/** The services whose audit logs the console reads: each has `GET /api/<service>/v1/audit/...`. */
export const AUDITED_SERVICES = [
  'passenger',
  'ledger',
  'trade-window',
  'port-situation',
  'customs',
  'maritime',
  'border',
  'video-analytics',
] as const
export type AuditedService = (typeof AUDITED_SERVICES)[number]

export type AuditResult = 'SUCCESS' | 'FAILURE'
export type LoginEvent = 'LOGIN' | 'LOGOUT' | 'TOKEN_REJECTED'

/** 操作日志 (`cn.hnsw.common.audit.OperationLogEntry`). */
export interface OperationLogEntry {
  seq: number
  occurredAt: string
  actorId?: string
  actorName?: string
  roles?: string
  organization?: string
  enterprise?: string
  action: string
  businessType?: string
  businessId?: string
  result: AuditResult
  detail?: string
  clientIp?: string
  requestId?: string
  hash?: string
}

/** 登录日志 (`cn.hnsw.common.audit.LoginLogEntry`). */
export interface LoginLogEntry {
  seq: number
  occurredAt: string
  event: LoginEvent
  actorId?: string
  actorName?: string
  roles?: string
  organization?: string
  enterprise?: string
  result: AuditResult
  reason?: string
  sessionId?: string
  clientIp?: string
  userAgent?: string
  requestId?: string
  hash?: string
}

/** `cn.hnsw.common.web.PageResponse`; `page` counts from 0. */
export interface PageResponse<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

/** The filters of `AuditLogQuery`; every one optional, `to` exclusive, instants in ISO-8601. */
export interface AuditFilter {
  actor?: string
  enterprise?: string
  action?: string
  businessId?: string
  result?: AuditResult
  from?: string
  to?: string
  oldestFirst?: boolean
  page: number
  size: number
}

export type AuditLogKind = 'operation' | 'login'

export function auditPath(service: AuditedService, kind: AuditLogKind): string {
  return `/${service}/v1/audit/${kind === 'operation' ? 'operation-logs' : 'login-logs'}`
}

/** The query a filter sends: login logs have no action or business id. */
export function auditQuery(kind: AuditLogKind, filter: AuditFilter): Record<string, string | number | boolean | undefined> {
  return {
    actor: filter.actor?.trim(),
    enterprise: filter.enterprise?.trim(),
    action: kind === 'operation' ? filter.action?.trim() : undefined,
    businessId: kind === 'operation' ? filter.businessId?.trim() : undefined,
    result: filter.result,
    from: filter.from,
    to: filter.to,
    oldestFirst: filter.oldestFirst ? true : undefined,
    page: filter.page,
    size: filter.size,
  }
}

export function fetchOperationLogs(client: ApiClient, service: AuditedService, filter: AuditFilter) {
  return client.get<PageResponse<OperationLogEntry>>(auditPath(service, 'operation'), {
    query: auditQuery('operation', filter),
  })
}

export function fetchLoginLogs(client: ApiClient, service: AuditedService, filter: AuditFilter) {
  return client.get<PageResponse<LoginLogEntry>>(auditPath(service, 'login'), { query: auditQuery('login', filter) })
}
