import { api } from '@/api'
import type { Page } from './api'

/** customs-service: 日志审计 (`/v1/system-logs`) and the shared system administration (`/v1/admin`). */
export interface LoginEntry {
  eventId: string
  occurredAt: string
  type: string
  userId: string | null
  username: string | null
  clientId: string | null
  sessionId: string | null
  ipAddress: string | null
  error: string | null
}

export interface OperationEntry {
  seq: number
  occurredAt: string
  actorName: string | null
  roles: string | null
  organization: string | null
  enterprise: string | null
  action: string
  businessType: string | null
  businessId: string | null
  result: 'SUCCESS' | 'FAILURE'
  detail: string | null
  clientIp: string | null
  hash: string | null
}

export interface DirectoryUser {
  id: string
  username: string
  name: string
  email: string
  enabled: boolean
  roles: string[]
  organisations: { id: string; path: string }[]
}

export interface DirectoryRole {
  name: string
  nameZh: string | null
  nameEn: string | null
  builtIn: boolean
}

export type LogConditions = Record<string, string | number | boolean | undefined>

/** Conditions without the blanks, with local date-times as ISO instants. */
export function conditions(values: Record<string, unknown>): LogConditions {
  const out: LogConditions = {}
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue
    out[k] = v instanceof Date ? v.toISOString() : (v as string | number | boolean)
  }
  return out
}

/** The query string of an export: the same conditions as the list. */
export function exportQuery(c: LogConditions): string {
  const q = new URLSearchParams()
  Object.entries(c).forEach(([k, v]) => v !== undefined && q.set(k, String(v)))
  const s = q.toString()
  return s ? `?${s}` : ''
}

const BASE = '/customs/v1'

export const systemLogApi = {
  logins: (c: LogConditions, page: number, size: number) =>
    api.get<Page<LoginEntry>>(`${BASE}/system-logs/login-log`, { query: { ...c, page, size } }),
  login: (eventId: string) => api.get<LoginEntry>(`${BASE}/system-logs/login-log/entries/${encodeURIComponent(eventId)}`),
  operations: (c: LogConditions, page: number, size: number) =>
    api.get<Page<OperationEntry>>(`${BASE}/system-logs/operation-log`, { query: { ...c, page, size } }),
  operation: (seq: number) => api.get<OperationEntry>(`${BASE}/system-logs/operation-log/entries/${seq}`),
  pull: () => api.post<{ stored: number }>(`${BASE}/admin/login-log/pull`),
  users: (search: string, page: number) => api.get<Page<DirectoryUser>>(`${BASE}/admin/users`, { query: { search: search || undefined, page, size: 20 } }),
  roles: () => api.get<DirectoryRole[]>(`${BASE}/admin/roles`),
}
