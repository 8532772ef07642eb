import type { Role } from '@/auth/roles'
import { api, ApiError } from '@/api'
import { config } from '@/config/runtimeConfig'
import { useAuthStore } from '@/stores/auth'

/** trade-window-service: 加工增值试点审批 (value-added pilot approval) and its process centre. */
const BASE = '/trade-window/v1'

export type PilotStatus = 'DRAFT' | 'IN_REVIEW' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'TERMINATED'
export type Decision = 'APPROVE' | 'RETURN' | 'REJECT'
export const DOCUMENT_TYPES = [
  'APPLICATION',
  'PROFILE',
  'VALUE_ADDED_CALCULATION',
  'TOTAL_REVENUE',
  'COMMITMENT_LETTER',
  'EVIDENCE',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]
export const SHARED_DATA_KINDS = [
  'BUSINESS_REGISTRATION',
  'CUSTOMS_REGISTRATION',
  'BUSINESS_LICENCE',
  'AEO_STATUS',
  'SERIOUS_DISHONESTY',
  'HAINAN_PENALTIES_LEGAL_PERSON',
  'HAINAN_PENALTIES_SOCIAL',
] as const
export type SharedDataKind = (typeof SHARED_DATA_KINDS)[number]

export interface PilotApplication {
  id: string
  enterpriseUscc: string
  enterpriseName: string
  regionCode: string
  productSummary: string
  status: PilotStatus
  caseNumber?: string
  currentStep?: string
  currentStepZh?: string
  currentStepEn?: string
  createdAt: string
  submittedAt?: string
  decidedAt?: string
}

export interface PilotDocument {
  id: string
  type: DocumentType
  fileName: string
  contentType: string
  sizeBytes: number
  sm3: string
  uploadedBy: string
  uploadedAt: string
  revokedAt?: string
}

export interface Opinion {
  id: string
  caseKind: 'APPLICATION' | 'TERMINATION'
  step: string
  unitOrg?: string
  actorName: string
  decision: string
  opinion: string
  createdAt: string
  recordHash: string
  auditSeq: number
}

export interface TaskItem {
  taskId: string
  step: string
  stepZh: string
  stepEn: string
  process: string
  applicationId?: string
  caseNumber?: string
  enterpriseName?: string
  regionCode?: string
  candidateGroups: string[]
  assignee?: string
  createdAt: string
  dueAt?: string
  endedAt?: string
  workingDaysLeft?: number
  warning?: 'NORMAL' | 'DUE_SOON' | 'OVERDUE'
}

export interface Region {
  code: string
  nameZh: string
  nameEn: string
  countyGovOrg: string
  leadUnitOrg: string
  enabled: boolean
}

export interface Qualification {
  enterpriseUscc: string
  qualified: boolean
  reasonsZh: string[]
  reasonsEn: string[]
}

export interface SharedDataSet {
  kind: SharedDataKind
  enterpriseUscc: string
  records: Record<string, string>[]
  source: string
  fetchedAt: string
}

export interface PageResponse<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

export interface BlacklistEntry {
  id: string
  enterpriseUscc: string
  enterpriseName: string
  reason: string
  createdAt: string
  createdBy: string
}

/** One change of a blacklist entry, with whether its hash anchored in the audit chain still matches. */
export interface BlacklistChangeCheck {
  change: {
    id: string
    action: 'ADD' | 'EDIT' | 'REMOVE'
    reasonBefore: string | null
    reasonAfter: string | null
    changeReason: string
    actorName: string
    changedAt: string
  }
  intact: boolean
}

export const pilotApi = {
  qualification: () => api.get<Qualification>(`${BASE}/pilot-qualification`),
  sharedData: (kind: SharedDataKind) => api.get<SharedDataSet>(`${BASE}/shared-data/${kind.toLowerCase().replace(/_/g, '-')}`),
  regions: () => api.get<Region[]>(`${BASE}/pilot-routing/regions`),
  list: (status?: PilotStatus, page = 0, size = 20) =>
    api.get<PageResponse<PilotApplication>>(`${BASE}/pilot-applications`, { query: { status, page, size } }),
  get: (id: string) => api.get<PilotApplication>(`${BASE}/pilot-applications/${id}`),
  create: (regionCode: string, productSummary: string) =>
    api.post<PilotApplication>(`${BASE}/pilot-applications`, { regionCode, productSummary }),
  documents: (id: string) => api.get<PilotDocument[]>(`${BASE}/pilot-applications/${id}/documents`),
  upload: (id: string, type: DocumentType, file: File) => {
    const form = new FormData()
    form.append('type', type)
    form.append('file', file)
    return api.post<PilotDocument>(`${BASE}/pilot-applications/${id}/documents`, form)
  },
  revoke: (id: string, documentId: string) => api.post<void>(`${BASE}/pilot-applications/${id}/documents/${documentId}/revocation`, {}),
  remove: (id: string, documentId: string) => api.delete<void>(`${BASE}/pilot-applications/${id}/documents/${documentId}`),
  submit: (id: string) => api.post<PilotApplication>(`${BASE}/pilot-applications/${id}/submission`, {}),
  withdraw: (id: string, reason: string) => api.post<PilotApplication>(`${BASE}/pilot-applications/${id}/withdrawal`, { reason }),
  opinions: (id: string) => api.get<Opinion[]>(`${BASE}/pilot-applications/${id}/opinions`),
  decide: (id: string, decision: Decision, opinion: string) =>
    api.post<PilotApplication>(`${BASE}/pilot-applications/${id}/opinions`, { decision, opinion }),
  copy: (id: string, toOrg: string, note: string) => api.post<unknown>(`${BASE}/pilot-applications/${id}/copies`, { toOrg, note }),
  terminate: (id: string, discoveryRecord: string, blacklistReason: string) =>
    api.post<unknown>(`${BASE}/pilot-applications/${id}/terminations`, { discoveryRecord, blacklistReason }),
  approvedList: () => api.get<PilotApplication[]>(`${BASE}/pilot-list`),
  blacklist: () => api.get<BlacklistEntry[]>(`${BASE}/pilot-blacklist`),
  unblacklist: (id: string) => api.delete<void>(`${BASE}/pilot-blacklist/${id}`),
  editBlacklist: (id: string, reason: string, changeReason: string) =>
    api.put<BlacklistEntry>(`${BASE}/pilot-blacklist/${id}`, { reason, changeReason }),
  blacklistHistory: (id: string) => api.get<BlacklistChangeCheck[]>(`${BASE}/pilot-blacklist/${id}/history`),
  pending: () => api.get<TaskItem[]>(`${BASE}/process-centre/pending`),
  done: () => api.get<TaskItem[]>(`${BASE}/process-centre/done`),
  copies: () => api.get<{ id: string; applicationId: string; toOrg: string; fromActor: string; note?: string; createdAt: string }[]>(
    `${BASE}/process-centre/copies`,
  ),
  warnings: () => api.get<TaskItem[]>(`${BASE}/process-centre/warnings`),
  claim: (taskId: string) => api.post<void>(`${BASE}/process-centre/tasks/${taskId}/claim`, {}),
  decideTask: (taskId: string, decision: Decision, opinion: string) =>
    api.post<PilotApplication>(`${BASE}/process-centre/tasks/${taskId}/decision`, { decision, opinion }),
  addExtraApprover: (taskId: string, unitOrg: string, reason: string) =>
    api.post<void>(`${BASE}/process-centre/tasks/${taskId}/extra-approvers`, { unitOrg, reason }),
  trail: (id: string) => api.get<TaskItem[]>(`${BASE}/process-centre/applications/${id}/trail`),
}

/** Binary responses (document preview, the process diagram) need the token too: fetched as an object URL. */
export async function fetchObjectUrl(path: string): Promise<string> {
  const token = await useAuthStore().accessToken()
  const base = config().apiBase.replace(/\/+$/, '')
  const response = await fetch(`${base}${BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return URL.createObjectURL(await response.blob())
}

/** Downloads a server export (Excel) under {@code fileName}. */
export async function downloadExport(path: string, fileName: string): Promise<void> {
  const url = await fetchObjectUrl(path)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  URL.revokeObjectURL(url)
}

// --- 消息配置管理 and 部门账号管理 (S1) -----------------------------------------------------------------------

export interface MessageTemplate {
  code: string
  nameZh: string
  nameEn: string
  contentZh: string
  contentEn: string
  updatedBy?: string
  updatedAt: string
}
export interface NotificationConfig {
  event: string
  nameZh: string
  nameEn: string
  templateCode: string
  toUnit: boolean
  sms: boolean
  enabled: boolean
  updatedBy?: string
}
export interface DepartmentAccount {
  id: string
  username: string
  displayName: string
  orgPath: string
  role: 'gov-county-unit' | 'gov-county' | 'gov-provincial-dept' | 'gov-province'
  mobile?: string
  enabled: boolean
  updatedBy?: string
  updatedAt: string
}
export interface NotificationRecord {
  id: string
  channel: string
  recipient: string
  businessId: string
  kind: string
  content: string
  status: 'PENDING' | 'SENT' | 'FAILED'
  createdAt: string
}
/** The placeholders a template may use (NoticeSettingsRepository.PLACEHOLDERS). */
export const TEMPLATE_PLACEHOLDERS = ['enterprise', 'caseNumber', 'step', 'stepEn', 'due', 'status', 'from', 'daysLeft'] as const

/** Fills {placeholders} as the service does (NoticeSettingsRepository.MessageTemplate#render); unknown ones give "-". */
export function renderTemplate(text: string, values: Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => (values as Record<string, string | undefined>)[name] ?? '-')
}

/** Placeholders in {@code text} that no notice fills (the service refuses such a template). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).filter((n) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n))
}

export const SAMPLE_VALUES = {
  enterprise: '海南椰风国际贸易有限公司', caseNumber: 'HYB-SIM-20261127-000001', step: '市县单位审核',
  stepEn: 'City/county unit review', due: '2026-12-04 23:59', status: 'IN_REVIEW', from: 'county-unit', daysLeft: '1',
}

export const noticeApi = {
  templates: () => api.get<MessageTemplate[]>(`${BASE}/message-templates`),
  saveTemplate: (t: Omit<MessageTemplate, 'updatedAt' | 'updatedBy'>) =>
    api.put<MessageTemplate>(`${BASE}/message-templates/${t.code}`, {
      nameZh: t.nameZh, nameEn: t.nameEn, contentZh: t.contentZh, contentEn: t.contentEn,
    }),
  deleteTemplate: (code: string) => api.delete<void>(`${BASE}/message-templates/${code}`),
  configs: () => api.get<NotificationConfig[]>(`${BASE}/notification-configs`),
  saveConfig: (c: NotificationConfig) =>
    api.put<NotificationConfig>(`${BASE}/notification-configs/${c.event}`, {
      nameZh: c.nameZh, nameEn: c.nameEn, templateCode: c.templateCode, toUnit: c.toUnit, sms: c.sms, enabled: c.enabled,
    }),
  accounts: () => api.get<DepartmentAccount[]>(`${BASE}/department-accounts`),
  addAccount: (a: Omit<DepartmentAccount, 'id' | 'updatedAt' | 'updatedBy'>) => api.post<DepartmentAccount>(`${BASE}/department-accounts`, a),
  updateAccount: (id: string, a: Omit<DepartmentAccount, 'id' | 'updatedAt' | 'updatedBy'>) =>
    api.put<DepartmentAccount>(`${BASE}/department-accounts/${id}`, a),
  deleteAccount: (id: string) => api.delete<void>(`${BASE}/department-accounts/${id}`),
  notifications: () => api.get<NotificationRecord[]>(`${BASE}/pilot-notifications`),
  resend: (id: string) => api.post<NotificationRecord[]>(`${BASE}/pilot-notifications/${id}/resend`, {}),
}

export const diagramPath = (id: string) => `/process-centre/applications/${id}/diagram`
export const recordPath = (id: string) => `/pilot-applications/${id}/record`
export const repairRecordPath = (id: string) => `/repair-preferences/${id}/record`
export const documentPath = (id: string, documentId: string) => `/pilot-applications/${id}/documents/${documentId}/content`

// --- 低慢小航空器报送 (S2) -------------------------------------------------------------------------------------

export interface ReportingSubject {
  id: string
  kind: 'ENTERPRISE' | 'INDIVIDUAL'
  name: string
  certificateNo: string
  contactPhone: string
  aircraftRegs: string
  status: 'DRAFT' | 'SUBMITTED' | 'REVOKED'
  version: number
}

export interface ActivityReport {
  id: string
  reportNo: string
  subjectId: string
  activity: 'CARGO' | 'PASSENGER'
  form: 'ORIGINAL' | 'CORRECTION' | 'WITHDRAWAL' | 'SUPPLEMENT'
  originalId?: string
  airport: string
  aircraftReg: string
  flightDate: string
  content: string
  status: string
  logicCheckErrors?: string
  reviewResult?: string
  reviewOpinion?: string
  receiptSentCount: number
  effective: boolean
}

const LA = `${BASE}/low-altitude`
import type { LowAltitudeStatistics } from './lowAltitudeCharts'
export type { LowAltitudeStatistics }
export const lowAltitudeApi = {
  statistics: () => api.get<LowAltitudeStatistics>(`${LA}/statistics`),
  subjects: () => api.get<ReportingSubject[]>(`${LA}/subjects`),
  register: (body: Record<string, unknown>) => api.post<ReportingSubject>(`${LA}/subjects`, body),
  reports: (query: { activity?: string; status?: string; form?: string } = {}) => api.get<ActivityReport[]>(`${LA}/reports`, { query }),
  create: (body: Record<string, unknown>) => api.post<ActivityReport>(`${LA}/reports`, body),
  followUp: (id: string, body: Record<string, unknown>) => api.post<ActivityReport>(`${LA}/reports/${id}/follow-ups`, body),
  declare: (id: string) => api.post<ActivityReport>(`${LA}/reports/${id}/declaration`, {}),
  review: (id: string, result: 'APPROVED' | 'RETURNED', opinion: string) => api.post<ActivityReport>(`${LA}/reports/${id}/review`, { result, opinion }),
  receipt: (id: string) => api.post<ActivityReport>(`${LA}/reports/${id}/receipt`, {}),
  applyReceipt: (id: string) => api.post<ActivityReport>(`${LA}/reports/${id}/receipt-application`, {}),
  myNotices: () => api.get<LaMessage[]>(`${LA}/my-notices`),
  subscriptions: () => api.get<LaSubscription[]>(`${LA}/my-subscriptions`),
  subscribe: (code: string) => api.put<LaSubscription[]>(`${LA}/my-subscriptions/${code}`, {}),
  unsubscribe: (code: string) => api.delete<LaSubscription[]>(`${LA}/my-subscriptions/${code}`),
  loginSettings: () => api.get<LaLoginSettings>(`${LA}/login-settings`),
  saveLoginSettings: (idleTimeoutMinutes: number) => api.put<LaLoginSettings>(`${LA}/login-settings`, { idleTimeoutMinutes }),
  loginSessions: () => api.get<LaLoginSession[]>(`${LA}/login-sessions`),
}

/** A subscribable notice template and whether the reporter (its enterprise or itself) subscribed to it. */
export interface LaSubscription {
  code: string
  nameZh: string
  nameEn: string
  channelPc: boolean
  channelMobile: boolean
  channelSms: boolean
  subscribed: boolean
  subscribedAt?: string
}
/** The reporting end's login timeout (minutes without a request), set by reviewers. */
export interface LaLoginSettings { idleTimeoutMinutes: number; updatedBy?: string; updatedAt: string }
/** A reporter's login session (one Keycloak session across token renewals) as the service saw it. */
export interface LaLoginSession {
  sessionId: string
  ownerKey: string
  username: string
  firstSeen: string
  lastSeen: string
  requests: number
  endedAt?: string
  endReason?: 'IDLE_TIMEOUT' | 'LOGOUT'
}

/** A notice to the reporter from the S2 notice templates (PC or mobile end). */
export interface LaMessage { id: string; channel: 'PC' | 'MOBILE'; kind: string; businessId: string; content: string; createdAt: string }

export interface LaWarningModel {
  activity: 'CARGO' | 'PASSENGER'
  windowDays: number
  maxFlightsPerAircraft: number
  maxRefusedPerSubject: number
  maxItemsPerFlight: number
  enabled: boolean
  updatedBy?: string
}
export interface LaWarning {
  id: string
  activity: string
  rule: 'FLIGHTS_PER_AIRCRAFT' | 'REFUSED_PER_SUBJECT' | 'ITEMS_PER_FLIGHT'
  subjectId: string
  subjectName: string
  observed: number
  threshold: number
  detail: string
  status: 'NEW' | 'PROCESSED'
  createdAt: string
  processNote?: string
}
export interface LaCreditReport {
  id: string
  subjectId: string
  subjectName: string
  score: number
  grade: 'A' | 'B' | 'C' | 'D'
  content: { deductions: { kind: string; count: number; deduction: number }[] }
  generatedAt: string
}
export interface LaCorrection {
  id: string
  subjectId: string
  recordId: string
  reason: string
  evidence?: string
  status: 'DRAFT' | 'DECLARED' | 'CHANGE_REQUESTED' | 'LOGIC_REJECTED' | 'REVOKED' | 'APPROVED' | 'REJECTED'
  logicErrors?: string
  reviewOpinion?: string
  createdAt: string
}
/** 变更申请 of a declared correction: the asked-for reason and evidence beside the declared ones. */
export interface LaCorrectionChange {
  id: string
  correctionId: string
  oldReason: string
  oldEvidence?: string
  reason: string
  evidence?: string
  why: string
  requestedBy: string
  requestedAt: string
  status: 'REQUESTED' | 'ACCEPTED' | 'REFUSED'
  decidedBy?: string
  opinion?: string
}
export interface LaNotice {
  id: string
  kind: 'POLICY' | 'ANNOUNCEMENT'
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  publishedAt: string
}
export interface LaCreditRecord {
  id: string
  kind: string
  detail: string
  created_at: string
  corrected_at?: string | null
}

export const creditApi = {
  models: () => api.get<LaWarningModel[]>(`${LA}/warning-models`),
  saveModel: (m: LaWarningModel) => api.put<LaWarningModel>(`${LA}/warning-models/${m.activity}`, m),
  scan: () => api.post<{ raised: number }>(`${LA}/warnings/scan`, {}),
  warnings: (query: { subjectId?: string; status?: string } = {}) => api.get<LaWarning[]>(`${LA}/warnings`, { query }),
  process: (id: string, note: string) => api.post<LaWarning>(`${LA}/warnings/${id}/processing`, { note }),
  deleteWarnings: (ids: string[]) => api.post<{ deleted: number }>(`${LA}/warnings/deletion`, { ids }),
  generate: (subjectId: string) => api.post<LaCreditReport>(`${LA}/subjects/${subjectId}/credit-reports`, {}),
  reports: (subjectId?: string) => api.get<LaCreditReport[]>(`${LA}/credit-reports`, { query: { subjectId } }),
  records: (subjectId: string) => api.get<LaCreditRecord[]>(`${LA}/subjects/${subjectId}/credit-records`),
  negativeList: () => api.get<Record<string, unknown>[]>(`${LA}/negative-list`),
  corrections: () => api.get<LaCorrection[]>(`${LA}/credit-corrections`),
  draftCorrection: (subjectId: string, recordId: string, reason: string, evidence: string) =>
    api.post<LaCorrection>(`${LA}/credit-corrections`, { subjectId, recordId, reason, evidence }),
  declareCorrection: (id: string) => api.post<LaCorrection>(`${LA}/credit-corrections/${id}/declaration`, {}),
  copyCorrection: (id: string) => api.post<LaCorrection>(`${LA}/credit-corrections/${id}/copy`, {}),
  revokeCorrection: (id: string) => api.post<LaCorrection>(`${LA}/credit-corrections/${id}/revocation`, {}),
  deleteCorrection: (id: string) => api.delete<void>(`${LA}/credit-corrections/${id}`),
  decideCorrection: (id: string, approve: boolean, opinion: string) =>
    api.post<LaCorrection>(`${LA}/credit-corrections/${id}/review`, { approve, opinion }),
  requestChange: (id: string, reason: string, evidence: string, why: string) =>
    api.post<LaCorrectionChange>(`${LA}/credit-corrections/${id}/change-requests`, { reason, evidence, why }),
  changes: (id: string) => api.get<LaCorrectionChange[]>(`${LA}/credit-corrections/${id}/change-requests`),
  decideChange: (id: string, accept: boolean, opinion: string) =>
    api.post<LaCorrection>(`${LA}/credit-corrections/${id}/change-requests/decision`, { accept, opinion }),
  notices: () => api.get<LaNotice[]>(`${LA}/notices`),
  publish: (n: Omit<LaNotice, 'id' | 'publishedAt'>) => api.post<LaNotice>(`${LA}/notices`, n),
}

// --- S2 日志信息管理 and 权限管理 (FP 411–441) -------------------------------------------------------------------


export interface LaOperationLogEntry {
  seq: number
  occurredAt: string
  actorName: string
  roles?: string
  organization?: string
  enterprise?: string
  action: string
  businessId?: string
  result: string
  detail?: string
  clientIp?: string
  hash: string
}

export interface LaSystemLogEntry {
  seq: number
  occurredAt: string
  level: 'INFO' | 'WARN' | 'ERROR'
  category: string
  event: string
  actorName?: string
  businessId?: string
  detail: string
}

export interface LaMenu { code: string; parentCode?: string | null; nameZh: string; nameEn: string; apiPrefix?: string | null; sortOrder: number }
export interface LaGroupMember { type: 'USER' | 'ORGANIZATION'; member: string }
export interface LaPermissionGroup {
  code: string
  nameZh: string
  nameEn: string
  description?: string | null
  sourceMenu?: string | null
  menus: string[]
  members: LaGroupMember[]
  updatedBy: string
  updatedAt: string
}
export interface LaInterface { method: string; path: string; handler: string; menu?: string | null }

/** Query of a log list; blank values are left out. */
export type LogQuery = Record<string, string | number | undefined>

/** The query string of an export or print, blank values left out. */
export function logQueryString(query: LogQuery): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v))
  return q.toString()
}

export const laAdminApi = {
  operationLogs: (query: LogQuery) => api.get<PageResponse<LaOperationLogEntry>>(`${LA}/operation-logs`, { query }),
  systemLogs: (query: LogQuery) => api.get<PageResponse<LaSystemLogEntry>>(`${LA}/system-logs`, { query }),
  systemLog: (seq: number) => api.get<LaSystemLogEntry>(`${LA}/system-logs/${seq}`),
  groups: (keyword?: string) => api.get<LaPermissionGroup[]>(`${LA}/permissions/groups`, { query: { keyword } }),
  saveGroup: (code: string, body: { nameZh: string; nameEn: string; description?: string }) =>
    api.put<LaPermissionGroup>(`${LA}/permissions/groups/${code}`, body),
  deleteGroup: (code: string) => api.delete<void>(`${LA}/permissions/groups/${code}`),
  assignMenus: (code: string, menus: string[]) => api.put<LaPermissionGroup>(`${LA}/permissions/groups/${code}/menus`, { menus }),
  assignMembers: (code: string, members: LaGroupMember[]) =>
    api.put<LaPermissionGroup>(`${LA}/permissions/groups/${code}/members`, { members }),
  importFile: (kind: 'groups' | 'relations', file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<Record<string, number>>(`${LA}/permissions/${kind}/import`, form)
  },
  menus: (keyword?: string) => api.get<LaMenu[]>(`${LA}/permissions/menus`, { query: { keyword } }),
  fromMenu: (code: string) => api.post<LaPermissionGroup>(`${LA}/permissions/menus/${code}/group`, {}),
  interfaces: (keyword?: string) => api.get<LaInterface[]>(`${LA}/permissions/interfaces`, { query: { keyword } }),
  mine: () => api.get<LaMine>(`${LA}/permissions/mine`),
}

/** What the current user may open: {@code limited} false means every menu of the role. */
export interface LaMine { limited: boolean; groups: string[]; menus: string[]; apiPrefixes: string[] }

/** Whether a permission-group answer grants any of {@code menus} (an unlimited user is granted everything). */
export function grants(mine: LaMine | null, ...menus: string[]): boolean {
  return !mine || !mine.limited || menus.some((m) => mine.menus.includes(m))
}

/** Paths (relative to the trade window's API) of the S2 exports and prints. */
export const laExportPath = {
  operationLog: (format: 'xlsx' | 'docx' | 'pdf', query: LogQuery) => `/low-altitude/operation-logs/export?${logQueryString({ ...query, format })}`,
  systemLog: (format: 'xlsx' | 'docx' | 'pdf', query: LogQuery) => `/low-altitude/system-logs/export?${logQueryString({ ...query, format })}`,
  operationLogPrint: (query: LogQuery) => `/low-altitude/operation-logs/export?${logQueryString({ ...query, print: 'true' })}`,
  systemLogPrint: (query: LogQuery) => `/low-altitude/system-logs/export?${logQueryString({ ...query, print: 'true' })}`,
  groups: '/low-altitude/permissions/groups/export',
  relations: '/low-altitude/permissions/relations/export',
}

/** Reviewers of low-altitude reporting (LowAltitudeReportingService.REVIEWERS). */
export const LOW_ALTITUDE_REVIEWER_ROLES: readonly Role[] = ['low-altitude-reviewer', 'gov-provincial-dept', 'sw-operator', 'platform-admin']

/** The grade of a credit score, as the service computes it. */
export function creditGrade(score: number): 'A' | 'B' | 'C' | 'D' {
  return score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : 'D'
}

// --- 维修复运享惠 (S3) -------------------------------------------------------------------------------------------

export interface RepairApplication {
  id: string
  enterpriseName: string
  kind: 'AVIATION' | 'SHIPPING'
  applicationType: 'NEW' | 'CHANGE'
  regionCode: string
  conveyance: string
  imoNumber?: string
  status: 'DRAFT' | 'PENDING' | 'APPROVED' | 'REJECTED'
  caseNumber?: string
  competentResult?: string
  relatedResult?: string
  dueAt?: string
}
export interface RepairView {
  application: RepairApplication
  documents: { id: string; type: string; fileName: string; revokedAt?: string }[]
  overdue: boolean
  workingDaysLeft: number
}
export const REPAIR_DOCUMENTS = {
  AVIATION: ['BUSINESS_LICENCE', 'AIR_OPERATOR_CERTIFICATE', 'OPERATIONS_SPECIFICATION', 'REPAIR_LEDGER', 'IT_MANAGEMENT'],
  SHIPPING: ['BUSINESS_LICENCE', 'WATERWAY_PERMIT', 'SHIP_OWNERSHIP', 'REPAIR_LEDGER', 'IT_MANAGEMENT', 'POLLUTION_CERTIFICATE', 'POLLUTION_DOCUMENTS', 'OTHER'],
} as const

const RP = `${BASE}/repair-preferences`
export const repairApi = {
  list: (status?: string) => api.get<RepairView[]>(RP, { query: { status } }),
  create: (body: Record<string, unknown>) => api.post<RepairApplication>(RP, body),
  upload: (id: string, type: string, file: File) => {
    const form = new FormData()
    form.append('type', type)
    form.append('file', file)
    return api.post<unknown>(`${RP}/${id}/documents`, form)
  },
  submit: (id: string) => api.post<RepairApplication>(`${RP}/${id}/submission`, {}),
  change: (id: string, changeSummary: string) => api.post<RepairApplication>(`${RP}/${id}/changes`, { changeSummary }),
  review: (id: string, approve: boolean, opinion: string) => api.post<RepairApplication>(`${RP}/${id}/reviews`, { approve, opinion }),
  analysis: () => api.get<Record<string, unknown>[]>(`${RP}/analysis`),
  guides: () => api.get<RepairGuide[]>(`${RP}/guides`),
  attachments: (id: string) => api.get<ReviewAttachment[]>(`${RP}/${id}/review-attachments`),
  revokeAttachment: (id: string, attachmentId: string) =>
    api.post<ReviewAttachment>(`${RP}/${id}/review-attachments/${attachmentId}/revocation`, {}),
  attach: (id: string, file: File, note: string) => {
    const form = new FormData()
    form.append('file', file)
    form.append('note', note)
    return api.post<ReviewAttachment>(`${RP}/${id}/review-attachments`, form)
  },
}
export interface RepairGuide {
  kind: 'AVIATION' | 'SHIPPING'
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  documents: { type: string; nameZh: string; nameEn: string }[]
}
export interface ReviewAttachment {
  id: string
  reviewerSide: 'COMPETENT' | 'RELATED'
  fileName: string
  note?: string
  uploadedBy: string
  uploadedAt: string
  revokedAt?: string
}
export const repairDocumentPath = (id: string, documentId: string) => `/repair-preferences/${id}/documents/${documentId}/content`
export const repairAttachmentPath = (id: string, attachmentId: string) => `/repair-preferences/${id}/review-attachments/${attachmentId}/content`

/**
 * Whether an API error says the service ended the reporter's login session (S2 登录超时: idle longer than the
 * configured minutes, or logged out): the web then drops the Keycloak session too, so the reporter logs in again.
 */
export function loginSessionOver(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401
    && (error.code === 'SESSION_IDLE_TIMEOUT' || error.code === 'SESSION_ENDED')
}
