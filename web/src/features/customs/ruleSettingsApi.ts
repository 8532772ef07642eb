import { api } from '@/api'
import type { Page } from './api'

/**
 * customs-service: the settings operators keep as data — 二线报关单调取核注清单规则设置 (fill rules), 核注清单校验规则设置
 * (list checks) with their logs (`/v1/second-line/rules`), 表格导入/导出校验设置 (`/v1/excel-settings`), and the ERP
 * deliveries' 异常处理 / 日志处理 (`/v1/service-console/receipt-deliveries`).
 */
export interface FillRule {
  id: string
  scope: 'HEADER' | 'BODY'
  targetField: string
  sourceField: string | null
  constant: string | null
  onlyIfBlank: boolean
  enabled: boolean
  sort: number
  descriptionZh: string
  descriptionEn: string
  version: number
  updatedAt: string | null
  updatedBy: string | null
  origin: 'SEEDED' | 'ADDED'
}

export interface ListCheck {
  code: string
  family: string
  enabled: boolean
  messageZh: string
  messageEn: string
  parameter: string | null
  version: number
  updatedAt: string
  updatedBy: string
  kind: string
  origin: 'SEEDED' | 'ADDED'
}

export interface RuleLogEntry {
  id: number
  family: string
  key: string
  action: 'ADDED' | 'CHANGED' | 'ENABLED' | 'DISABLED' | 'DELETED'
  version: number
  snapshot: string
  changedBy: string
  changedAt: string
}

export type Direction = 'IMPORT' | 'EXPORT'

export interface ExcelSetting {
  direction: Direction
  declarationType: string
  maxRows: number
  requiredColumns: string[]
  enabled: boolean
  version: number
  updatedBy: string
  updatedAt: string
}

export interface ErpDelivery {
  id: string
  enterpriseUscc: string
  declarationId: string | null
  preEntryNo: string | null
  receiptKind: string
  receiptStatus: string | null
  callbackUrl: string
  status: 'PENDING' | 'DELIVERED' | 'FAILED' | 'REFUSED'
  attempts: number
  lastHttpStatus: number | null
  lastError: string | null
  createdAt: string
  deliveredAt: string | null
  subscriptionId: string | null
  sourceKey: string | null
}

export interface DeliveryAttempt {
  attempt: number
  outcome: string
  httpStatus: number | null
  error: string | null
  attemptedAt: string
}

export type RuleAction = 'COPY' | 'DELETE'

export interface ActionRule {
  action: RuleAction
  declarationType: string
  statuses: string[]
  enabled: boolean
  version: number
  updatedBy: string
  updatedAt: string
}

/** 报关单备注自动赋值 (FP 219, 224): one setting, versioned, with its history. */
export interface RemarkFillSetting {
  marker: string
  linkedAttribute: string | null
  linkedMarker: string | null
  version: number
  updatedBy: string
  updatedAt: string
}

export interface RemarkFillLogEntry {
  id: number
  version: number
  marker: string
  linkedAttribute: string | null
  linkedMarker: string | null
  changedBy: string
  changedAt: string
}

/** 商品监管条件 (FP 437, 893, 1178): the licence condition codes of an HS code. */
export interface SupervisionCondition {
  hsCode: string
  conditionCodes: string
  updatedBy: string
  updatedAt: string
}

type Query = Record<string, string | number | boolean | undefined>

const RULES = '/customs/v1/second-line/rules'
const EXCEL = '/customs/v1/excel-settings'
const ACTION_RULES = '/customs/v1/declaration-action-rules'
const DELIVERIES = '/customs/v1/service-console/receipt-deliveries'
const REMARK_FILL = '/customs/v1/remark-fill-setting'
const CONDITIONS = '/customs/v1/supervision-conditions'

/** Drops empty conditions so the server sees only what the operator chose. */
export function conditions(q: Query): Query {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null))
}

export const ruleSettingsApi = {
  fillRules: (q: Query) => api.get<Page<FillRule>>(`${RULES}/fill`, { query: conditions(q) }),
  addFillRule: (r: Partial<FillRule>) => api.post<FillRule>(`${RULES}/fill`, r),
  saveFillRule: (r: Partial<FillRule> & { id: string }) => api.put<FillRule>(`${RULES}/fill/${encodeURIComponent(r.id)}`, r),
  enableFillRule: (id: string, enabled: boolean) => api.put<FillRule>(`${RULES}/fill/${encodeURIComponent(id)}/enabled`, { enabled }),
  deleteFillRule: (id: string) => api.delete<void>(`${RULES}/fill/${encodeURIComponent(id)}`),
  fillHistory: (id: string) => api.get<RuleLogEntry[]>(`${RULES}/fill/${encodeURIComponent(id)}/history`),
  checks: (q: Query) => api.get<Page<ListCheck>>(`${RULES}/checks`, { query: conditions(q) }),
  addCheck: (c: { code: string; kind: string; enabled: boolean; messageZh: string; messageEn: string; parameter: string | null }) =>
    api.post<ListCheck>(`${RULES}/checks`, c),
  changeCheck: (code: string, c: { enabled: boolean; parameter: string | null; messageZh?: string; messageEn?: string }) =>
    api.put<ListCheck>(`${RULES}/checks/${encodeURIComponent(code)}`, c),
  deleteCheck: (code: string) => api.delete<void>(`${RULES}/checks/${encodeURIComponent(code)}`),
  checkHistory: (code: string) => api.get<RuleLogEntry[]>(`${RULES}/checks/${encodeURIComponent(code)}/history`),
  excelSettings: (q: Query) => api.get<Page<ExcelSetting>>(EXCEL, { query: conditions(q) }),
  saveExcelSetting: (direction: Direction, type: string, s: { maxRows: number; requiredColumns: string[]; enabled: boolean }) =>
    api.put<ExcelSetting>(`${EXCEL}/${direction}/${type}`, s),
  deleteExcelSetting: (direction: Direction, type: string) => api.delete<void>(`${EXCEL}/${direction}/${type}`),
  actionRules: () => api.get<ActionRule[]>(ACTION_RULES),
  saveActionRule: (action: RuleAction, type: string, r: { statuses: string[]; enabled: boolean }) =>
    api.put<ActionRule>(`${ACTION_RULES}/${action}/${type}`, r),
  deleteActionRule: (action: RuleAction, type: string) => api.delete<void>(`${ACTION_RULES}/${action}/${type}`),
  deliveries: (q: Query) => api.get<Page<ErpDelivery>>(DELIVERIES, { query: conditions(q) }),
  attempts: (id: string) => api.get<DeliveryAttempt[]>(`${DELIVERIES}/${id}/attempts`),
  redrive: (id: string) => api.post<ErpDelivery>(`${DELIVERIES}/${id}/redrive`),
  remarkFill: () => api.get<RemarkFillSetting>(REMARK_FILL),
  saveRemarkFill: (c: { marker: string; linkedAttribute: string | null; linkedMarker: string | null }) =>
    api.put<RemarkFillSetting>(REMARK_FILL, c),
  remarkFillHistory: () => api.get<RemarkFillLogEntry[]>(`${REMARK_FILL}/history`),
  conditions: () => api.get<SupervisionCondition[]>(CONDITIONS),
  saveCondition: (hsCode: string, conditionCodes: string) =>
    api.put<SupervisionCondition>(`${CONDITIONS}/${encodeURIComponent(hsCode)}`, { conditionCodes }),
  deleteCondition: (hsCode: string) => api.delete<void>(`${CONDITIONS}/${encodeURIComponent(hsCode)}`),
}
