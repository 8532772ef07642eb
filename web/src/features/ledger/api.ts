import { api } from '@/api'

/** Types and calls of ledger-service (`/api/ledger/v1`). */
export interface DocumentLine {
  id: number
  lineNo: number
  kind: string
  itemNo?: string
  hsCode?: string
  nameZh?: string
  spec?: string
  unit?: string
  quantity?: number
  unitPrice?: number
  amount?: number
  currency?: string
  direction?: string
  linkTarget?: string
  linkRef?: number
  extra?: Record<string, unknown>
}

export interface LedgerPosting {
  id: number
  stockId: number
  itemNo: string
  direction: 'INCREASE' | 'DECREASE'
  quantity: number
  balanceAfter: number
  documentNo: string
  documentType: string
  receiptId: string
  postedAt: string
}

export interface DocumentView {
  id: number
  documentNo: string
  type: string
  typeNameZh: string
  typeNameEn: string
  enterprise: string
  enterpriseName?: string
  ledgerId?: number
  sourceDocumentId?: number
  status: string
  statusNameZh: string
  statusNameEn: string
  version: number
  changeRound: number
  title?: string
  header: Record<string, unknown>
  vehicle?: Record<string, unknown>
  returnReason?: string
  actingDelegate?: string
  createdAt: string
  declaredAt?: string
  approvedAt?: string
  lines: DocumentLine[]
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number; sm3: string }[]
  receipts: { receiptId: string; kind: string; statusAfter: string; reason?: string; receivedAt: string }[]
  postings: LedgerPosting[]
  customsDraft?: Record<string, unknown>
  allowedActions: string[]
}

export interface LineSpec {
  kind: string
  link: 'NONE' | 'COMMODITY_LIBRARY' | 'LEDGER_STOCK' | 'DOCUMENT_LINE'
  sourceTypes: string[]
}

export interface DocumentTypeView {
  code: string
  nameZh: string
  nameEn: string
  ledgerType?: string
  lines: LineSpec[]
  stockEffect: string
  customsDraft: boolean
  vehicleInfo: boolean
  sourceDocumentTypes: string[]
}

export interface Ledger {
  id: number
  ledgerNo: string
  enterprise: string
  ledgerType: string
  status: string
  setupDocumentId: number
  activatedAt?: string
}

export interface LedgerStock {
  id: number
  itemNo: string
  itemKind: string
  hsCode: string
  nameZh: string
  unit: string
  quantity: number
  postedTotal: number
  postings: number
}

export interface Commodity {
  id: number
  itemNo: string
  itemKind: string
  hsCode: string
  nameZh: string
  unit: string
}

export interface Page<T> {
  content: T[]
  totalElements: number
}

export interface ValueAddedStep {
  key: string
  labelZh: string
  labelEn: string
  expression: string
  value: number
}

export interface RecognitionCheck {
  code: string
  passed: boolean
  messageZh: string
  messageEn: string
}

/** 岛内自产料件认定校验: conforming when every check passed. */
export interface Recognition {
  documentNo: string
  conforming: boolean
  conformityZh: string
  conformityEn: string
  checks: RecognitionCheck[]
}

export interface ValueAddedCalculation {
  ratePct: number
  thresholdPct: number
  qualifies: boolean
  steps: ValueAddedStep[]
  ruleSourceZh: string
  ruleSourceEn: string
}

export interface Qualification {
  id: number
  enterprise: string
  enterpriseName: string
  type: 'ZERO_TARIFF_BENEFICIARY' | 'PROCESSING_VALUE_ADDED'
  certificateNo: string
  status: 'ACTIVE' | 'REVOKED'
  validFrom: string
  validTo?: string
  grantedBy: string
  grantedAt: string
  revokedAt?: string
  revokeReason?: string
}

export interface WhitelistItem {
  hsCode: string
  name: string
}

export interface Eligibility {
  enterpriseUscc: string
  qualified: boolean
  whitelist: WhitelistItem[]
  qualifications: Qualification[]
}

export interface HomePendingItem {
  kind: 'RETURNED' | 'TO_DECLARE' | 'WARNING' | 'CHAIN_CONFIRMATION'
  documentId?: number
  documentNo?: string
  titleZh: string
  titleEn: string
  since?: string
}

export interface LedgerHome {
  enterprise: string
  qualifications: { count: number; items: Qualification[] }
  ledgers: { count: number; items: Ledger[] }
  goods: Record<string, number>
  pending: HomePendingItem[]
  /** 待办统计: counted in full per kind (RETURNED, TO_DECLARE, CHAIN_CONFIRMATION, WARNING). */
  pendingCounts: Record<string, number>
  menu: string[]
  credit?: CreditView | null
}

/** 我的信用: the enterprise's credit as customs keeps it, with when it was fetched. */
export interface CreditProfile {
  enterprise: string
  enterpriseName?: string
  creditGrade: 'AEO_ADVANCED' | 'GENERAL' | 'DISHONEST'
  creditGradeZh: string
  creditReport: { seriousDishonesty?: boolean; administrativePenalties?: number; records?: string[]; reportedOn?: string }
  clearanceRating: { period?: string; score?: number; level?: string; declarations?: number; inspectionRatePercent?: number }
  comprehensiveEvaluation: { evaluatedOn?: string; score?: number; level?: string }
  registrationStatus?: string
  source: string
  messageId: string
  fetchedAt: string
}

export interface CreditView {
  profile: CreditProfile | null
  stale: boolean
  reasonZh?: string
  reasonEn?: string
}

export interface WarningRule {
  id?: number
  ledgerId?: number
  kind: 'LOW_STOCK' | 'RECEIPT_OVERDUE'
  itemNo?: string
  threshold?: number
  tolerancePct?: number
  toleranceHours?: number
  notifyEnterprise: boolean
}

export interface LedgerWarning {
  id: number
  ledgerId: number
  subject: string
  messageZh: string
  messageEn: string
  raisedAt: string
}

/** 通知方式配置: the channels that carry one kind of warning to the enterprise. */
export interface NotificationSetting {
  kind: 'LOW_STOCK' | 'RECEIPT_OVERDUE'
  inApp: boolean
  sms: boolean
  email: boolean
  smsRecipients: string[]
  emailRecipients: string[]
  configured?: boolean
}

export interface WarningNotice {
  id: number
  warningId: number
  kind: string
  channel: 'IN_APP' | 'SMS' | 'EMAIL'
  recipient?: string
  subject: string
  messageZh: string
  messageEn: string
  status: 'PENDING' | 'DELIVERED' | 'FAILED'
  attempts: number
  detail?: string
  createdAt: string
  deliveredAt?: string
  readAt?: string
}

export interface ImportRowError {
  row: number
  code: string
  messageZh: string
  messageEn: string
}

/** 大文件导入任务: a line import the server runs; the page polls it until it ends. */
export interface LineImportJob {
  id: number
  documentId: number
  fileName?: string
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'
  totalRows: number
  processedRows: number
  importedRows: number
  percent: number
  errors: ImportRowError[]
  errorCount: number
  failureCode?: string
  failureZh?: string
  failureEn?: string
}

/** 简化申报数据: a simplified declaration customs docked for a ledger, booked or waiting. */
export interface SimplifiedDeclaration {
  id: number
  declarationNo: string
  enterprise: string
  ledgerId: number
  ledgerType: string
  port?: string
  declaredAt: string
  lines: { seq: number; itemNo: string; hsCode?: string; nameZh?: string; quantity: number; unit?: string }[]
  receiptStatus?: string
  receiptNote?: string
  dockedAt: string
  entryDocumentId?: number
  entryDocumentNo?: string
  entryStatus?: string
  pendingBooking: boolean
}

/** 数量核扣: what a line has lent to the documents drawing on it. */
export interface LineDraws {
  lineId: number
  lineNo: number
  itemNo?: string
  quantity?: number
  drawnByFamily: Record<string, number>
  remaining?: number
  draws: { documentId: number; documentNo: string; documentType: string; status: string; lineNo: number; quantity: number }[]
}

/** 排名统计: one government ranking, its rows carrying the label and the value its chart plots. */
export interface RankingEntry {
  name: string
  titleZh: string
  titleEn: string
  chart: 'bar' | 'pie' | 'table'
  valueZh: string
  valueEn: string
}

export interface RankingResult extends RankingEntry {
  rows: (Record<string, string | number | null> & { label: string; value: number | string | null })[]
}

export interface Withdrawal {
  id: number
  declarationId: string
  preEntryNo?: string
  reason: string
  rollbackRequested: boolean
  outcome: 'REVERSED' | 'PARTLY_REVERSED' | 'UNMATCHED' | 'NOT_REQUESTED'
  note?: string
  withdrawnAt: string
  receivedAt: string
  items: { seq: number; hsCode: string; name?: string; quantity: number; unit?: string; reversedPostingId?: number; reversingPostingId?: number; note?: string }[]
}

const base = '/ledger/v1'

export const ledgerApi = {
  types: () => api.get<DocumentTypeView[]>(`${base}/document-types`),
  documents: (query: Record<string, string | number | undefined>) => api.get<Page<DocumentView>>(`${base}/documents`, { query }),
  document: (id: number | string) => api.get<DocumentView>(`${base}/documents/${id}`),
  create: (body: { type: string; ledgerId?: number; sourceDocumentId?: number; title?: string; header?: Record<string, unknown> }) =>
    api.post<DocumentView>(`${base}/documents`, body),
  addLines: (id: number, lines: Partial<DocumentLine>[]) => api.post<DocumentLine[]>(`${base}/documents/${id}/lines`, lines),
  deleteLines: (id: number, lineIds: number[]) => api.post<DocumentLine[]>(`${base}/documents/${id}/lines/deletion`, { lineIds }),
  copyLines: (id: number, lineIds: number[]) => api.post<DocumentLine[]>(`${base}/documents/${id}/lines/copies`, { lineIds }),
  importLines: (id: number, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<DocumentLine[]>(`${base}/documents/${id}/lines/import`, form)
  },
  attach: (id: number, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<unknown>(`${base}/documents/${id}/attachments`, form)
  },
  removeAttachment: (id: number, attachmentId: number) => api.delete<void>(`${base}/documents/${id}/attachments/${attachmentId}`),
  action: (id: number, action: 'declaration' | 'change' | 'void' | 'copies' | 'customs-draft') =>
    api.post<DocumentView>(`${base}/documents/${id}/${action}`, {}),
  vehicle: (id: number, vehicle: Record<string, unknown>) => api.put<DocumentView>(`${base}/documents/${id}/vehicle`, vehicle),
  valueAdded: (id: number) => api.get<ValueAddedCalculation>(`${base}/documents/${id}/value-added`),
  recognition: (id: number) => api.get<Recognition>(`${base}/documents/${id}/recognition`),
  logicCheck: (id: number) => api.get<{ passed: boolean; problems: string[] }>(`${base}/documents/${id}/logic-check`),
  consolidate: (type: string, outOfWarehouseIds: number[], title: string) =>
    api.post<DocumentView>(`${base}/consolidations`, { type, outOfWarehouseIds, title }),
  ledgers: () => api.get<Ledger[]>(`${base}/ledgers`),
  stock: (ledgerId: number) => api.get<LedgerStock[]>(`${base}/ledgers/${ledgerId}/stock`),
  chain: (ledgerId: number, stockId: number) =>
    api.get<{ stock: LedgerStock; postings: LedgerPosting[] }>(`${base}/ledgers/${ledgerId}/stock/${stockId}/postings`),
  commodities: () => api.get<Commodity[]>(`${base}/commodities`),
  hsCodes: (q: string) => api.get<{ code: string; nameZh: string; nameEn: string; unit: string }[]>(`${base}/hs-codes`, { query: { q } }),
  statistics: <T>(path: string) => api.get<T>(`${base}/statistics/${path}`),
  home: () => api.get<LedgerHome>(`${base}/home`),
  saveMenuOrder: (order: string[]) => api.put<string[]>(`${base}/home/menu-order`, order),
  resetMenuOrder: () => api.delete<string[]>(`${base}/home/menu-order`),
  pendingReminder: () => api.get<PendingReminder>(`${base}/home/pending/reminder`),
  pendingReminderSeen: () => api.post<PendingReminder>(`${base}/home/pending/reminder/seen`, {}),
  equipmentLedgers: (kind: EquipmentLedgerKind) => api.get<EquipmentLedgerListing>(`${base}/equipment-ledgers`, { query: { kind } }),
  equipmentLedger: (kind: EquipmentLedgerKind, ledgerNo: string) =>
    api.get<EquipmentLedger>(`${base}/equipment-ledgers/${kind}/${encodeURIComponent(ledgerNo)}`),
  filingStatistics: () => api.get<FilingStatistics>(`${base}/filing-statistics`),
  numberLibrary: (query: { kind?: string; q?: string }) => api.get<NumberLibraryEntry[]>(`${base}/numbering-rules/library`, { query }),
  importNumberingRules: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<NumberingRule[]>(`${base}/numbering-rules/import`, form)
  },
  importMainRecords: (type: string, ledgerId: number, declare: boolean, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<DocumentView[]>(`${base}/value-added-codes/${type}/main-records/import`, form, {
      query: { ledgerId, declare: String(declare) },
    })
  },
  delegationAuthorizations: (ledgerType?: string) =>
    api.get<DelegationAuthorization[]>(`${base}/delegations/authorizations`, { query: { ledgerType } }),
  qualifications: () => api.get<Qualification[]>(`${base}/qualifications`),
  registerViews: () => api.get<{ today: number; last30Days: number; total: number }>(`${base}/qualifications/beneficiaries/views`),
  beneficiaries: () =>
    api.get<{ enterprise: string; enterpriseName: string; certificateNo: string; validFrom: string }[]>(`${base}/qualifications/beneficiaries`),
  eligibility: (uscc: string) => api.get<Eligibility>(`${base}/eligibility/${uscc}`),
  grantQualification: (body: { enterprise: string; enterpriseName: string; type: string; certificateNo: string; validFrom: string; validTo?: string }) =>
    api.post<Qualification>(`${base}/qualifications`, body),
  revokeQualification: (id: number, reason: string) => api.post<Qualification>(`${base}/qualifications/${id}/revocation`, { reason }),
  addToWhitelist: (uscc: string, hsCode: string) => api.post<WhitelistItem[]>(`${base}/eligibility/${uscc}/whitelist`, { hsCode }),
  removeFromWhitelist: (uscc: string, hsCode: string) => api.delete<WhitelistItem[]>(`${base}/eligibility/${uscc}/whitelist/${hsCode}`),
  warningRules: (ledgerId: number) => api.get<WarningRule[]>(`${base}/ledgers/${ledgerId}/warning-rules`),
  saveWarningRule: (ledgerId: number, rule: WarningRule) => api.put<WarningRule>(`${base}/ledgers/${ledgerId}/warning-rules`, rule),
  deleteWarningRule: (ledgerId: number, ruleId: number) => api.delete<void>(`${base}/ledgers/${ledgerId}/warning-rules/${ruleId}`),
  deleteWarningTolerance: (ledgerId: number, ruleId: number) =>
    api.delete<WarningRule>(`${base}/ledgers/${ledgerId}/warning-rules/${ruleId}/tolerance`),
  warnings: (ledgerId?: number) => api.get<LedgerWarning[]>(`${base}/warnings`, { query: ledgerId ? { ledgerId } : {} }),
  withdrawals: (ledgerId: number) => api.get<Withdrawal[]>(`${base}/ledgers/${ledgerId}/withdrawals`),
  notificationSettings: () => api.get<NotificationSetting[]>(`${base}/warning-notification-settings`),
  saveNotificationSetting: (s: NotificationSetting) => api.put<NotificationSetting>(`${base}/warning-notification-settings/${s.kind}`, s),
  resetNotificationSetting: (kind: string) => api.delete<void>(`${base}/warning-notification-settings/${kind}`),
  notices: (query: { channel?: string; unread?: boolean } = {}) =>
    api.get<WarningNotice[]>(`${base}/warning-notifications`, { query: { ...query, unread: query.unread ? 'true' : undefined } }),
  readNotice: (id: number) => api.post<void>(`${base}/warning-notifications/${id}/read`, {}),
  importJob: (jobId: number) => api.get<LineImportJob>(`${base}/line-import-jobs/${jobId}`),
  simplifiedDeclarations: (ledgerId: number, pending: boolean) =>
    api.get<SimplifiedDeclaration[]>(`${base}/simplified-declarations`, { query: { ledgerId, pending: pending ? 'true' : undefined } }),
  bookSimplified: (id: number) => api.post<DocumentView>(`${base}/simplified-declarations/${id}/booking`, {}),
  draws: (id: number) => api.get<LineDraws[]>(`${base}/documents/${id}/draws`),
  numberingRules: () => api.get<NumberingRule[]>(`${base}/numbering-rules`),
  saveNumberingRule: (kind: string, rule: { prefix: string; datePattern: string; seqWidth: number }) =>
    api.put<NumberingRule>(`${base}/numbering-rules/${kind}`, rule),
  enableNumberingRule: (kind: string, enabled: boolean) =>
    api.put<NumberingRule>(`${base}/numbering-rules/${kind}/enabled`, { enabled }),
  deleteNumberingRule: (kind: string) => api.delete<void>(`${base}/numbering-rules/${kind}`),
  nextItemNo: (kind: string) => api.post<{ itemKind: string; itemNo: string }>(`${base}/numbering-rules/${kind}/next`, {}),
  jointChains: (role?: 'initiated' | 'confirming') =>
    api.get<JointChain[]>(`${base}/joint-chains${role ? `?role=${role}` : ''}`),
  chainConfirmations: () => api.get<JointChain[]>(`${base}/joint-chains/confirmations`),
  declareChain: (body: NewJointChain) => api.post<JointChain>(`${base}/joint-chains`, body),
  decideChain: (id: number, confirm: boolean, reason?: string) =>
    api.post<JointChain>(`${base}/joint-chains/${id}/decision`, { confirm, reason }),
  cancelChainDecision: (id: number) => api.post<JointChain>(`${base}/joint-chains/${id}/decision/cancel`, {}),
  voidChain: (id: number) => api.post<JointChain>(`${base}/joint-chains/${id}/void`, {}),
  deleteChain: (id: number) => api.delete<void>(`${base}/joint-chains/${id}`),
  chainStatistics: () =>
    api.get<{ initiated: Record<string, number>; confirming: Record<string, number> }>(`${base}/joint-chains/statistics`),
  rankings: () => api.get<RankingEntry[]>(`${base}/statistics/rankings`),
  ranking: (name: string) => api.get<RankingResult>(`${base}/statistics/rankings/${name}`),
  chainGovernmentStatistics: () => api.get<ChainGovernmentStatistics>(`${base}/joint-chains/government-statistics`),
  credit: () => api.get<CreditView>(`${base}/credit`),
  refreshCredit: () => api.post<CreditView>(`${base}/credit/refresh`, {}),
  fetchChainCredit: (id: number) => api.post<JointChain>(`${base}/joint-chains/${id}/member-credit`, {}),
  sendChainForApproval: (id: number) => api.post<JointChain>(`${base}/joint-chains/${id}/customs-approval`, {}),
  copyChain: (id: number) => api.post<JointChain>(`${base}/joint-chains/${id}/copy`, {}),
  chainReceipts: (id: number) =>
    api.get<{ receiptId: string; kind: string; reason?: string; receivedAt: string }[]>(`${base}/joint-chains/${id}/receipts`),
  guideTopics: () => api.get<GuideTopic[]>(`${base}/guides/topics`),
  guides: (topic: string) => api.get<Guide[]>(`${base}/guides?topic=${encodeURIComponent(topic)}`),
}

/** 业务指引: a business topic and how many guides it has. */
export interface GuideTopic {
  code: string
  nameZh: string
  nameEn: string
  sort: number
  guides: number
}

export interface Guide {
  id: number
  topic: string
  title: string
  summary?: string
  steps: { title: string; description?: string }[]
  version: number
  updatedAt: string
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number; sm3: string }[]
}

/** 联合加工增值产业链: enterprises in chain order, each confirming or refusing (with a reason). */
export interface JointChainMember {
  seq: number
  enterprise: string
  enterpriseName?: string
  step?: string
  initiator: boolean
  status: 'PENDING' | 'CONFIRMED' | 'REFUSED'
  reason?: string
  decidedBy?: string
  decidedAt?: string
  creditGrade?: string
  creditGradeZh?: string
  registrationStatus?: string
  creditFetchedAt?: string
}

export interface JointChain {
  id: number
  chainNo: string
  initiator: string
  name: string
  productHsCode?: string
  productName?: string
  status: 'AWAITING_CONFIRMATION' | 'CONFIRMED' | 'REFUSED' | 'VOIDED'
  createdAt: string
  members: JointChainMember[]
  customsStatus: 'NOT_SENT' | 'PENDING_APPROVAL' | 'APPROVED' | 'ANOMALY'
  anomalyReason?: string
  approvalRound: number
  copiedFrom?: string
}

/** 各企业联合加工增值产业链统计 (government side). */
export interface ChainGovernmentStatistics {
  byStatus: Record<string, number>
  byCustomsStatus: Record<string, number>
  initiators: { enterprise: string; chains: number }[]
  participants: { enterprise: string; chains: number }[]
  top5BySize: { chainNo: string; name: string; initiator: string; enterprises: number }[]
  top5SizeShare: { enterprises: number; chains: number }[]
}

/** The tag colour of a customs credit grade (advanced certified green, general blue, dishonest red). */
export function creditTag(grade: string | undefined): 'success' | 'primary' | 'danger' | 'info' {
  return grade === 'AEO_ADVANCED' ? 'success' : grade === 'GENERAL' ? 'primary' : grade === 'DISHONEST' ? 'danger' : 'info'
}

/** The initiator may send its chain to customs once every member confirmed and customs has not got or approved it. */
export function sendable(chain: JointChain, enterprise: string | undefined): boolean {
  return chain.initiator === enterprise && chain.status === 'CONFIRMED'
    && (chain.customsStatus === 'NOT_SENT' || chain.customsStatus === 'ANOMALY')
}

export interface NewJointChain {
  name: string
  productHsCode?: string
  productName?: string
  members: { enterprise: string; enterpriseName?: string; step?: string }[]
}

/** The member entry of {@code enterprise} on the chain, if it is on it and not the initiator (it has to decide). */
export function ownDecision(chain: JointChain, enterprise: string | undefined): JointChainMember | undefined {
  return chain.members.find((m) => m.enterprise === enterprise && !m.initiator)
}

/** A chain its initiator may still delete: no partner has confirmed it (afterwards it is voided instead). */
export function deletable(chain: JointChain, enterprise: string | undefined): boolean {
  return chain.initiator === enterprise && chain.status !== 'VOIDED'
    && !chain.members.some((m) => !m.initiator && m.status === 'CONFIRMED')
    && (chain.customsStatus ?? 'NOT_SENT') === 'NOT_SENT' && !(chain.approvalRound > 0)
}

/** How many members confirmed, of all members (the initiator counts as confirmed). */
export function confirmationProgress(chain: JointChain): string {
  return `${chain.members.filter((m) => m.status === 'CONFIRMED').length}/${chain.members.length}`
}

/** 自主编号规则: prefix + date (pattern) + zero-padded sequence; `example` is the next number it gives. */
export interface NumberingRule {
  itemKind: string
  prefix: string
  datePattern: '' | 'yyyy' | 'yyyyMM' | 'yyyyMMdd'
  seqWidth: number
  nextValue: number
  example: string
  enabled: boolean
}

/** The ledger service's menu entries, in their default order (the server keeps each user's own order). */
export const MENU_ENTRIES = ['home', 'ledgers', 'documents', 'commodities', 'qualifications', 'warnings', 'withdrawals', 'jointChains'] as const

/** 顺序调整: the order with the entry at {@code index} moved by {@code delta} places (unchanged at the ends). */
export function moveEntry(order: readonly string[], index: number, delta: number): string[] {
  const target = index + delta
  const next = [...order]
  if (index < 0 || index >= next.length || target < 0 || target >= next.length) return next
  const [item] = next.splice(index, 1)
  next.splice(target, 0, item)
  return next
}

/** The ECharts option of a ranking: a bar chart over its labels, or a pie of its values; a table ranking has none. */
export function rankingChart(r: RankingResult, zh: boolean): Record<string, unknown> | null {
  const label = (row: RankingResult['rows'][number]) => String(row.enterpriseName ?? row.nameZh ?? row.label)
  const data = r.rows.map((row) => ({ name: label(row), value: Number(row.value ?? 0) }))
  if (r.chart === 'bar') {
    return {
      tooltip: {},
      xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: zh ? r.valueZh : r.valueEn, data: data.map((d) => d.value) }],
    }
  }
  if (r.chart === 'pie') {
    return { tooltip: {}, series: [{ type: 'pie', radius: '65%', name: zh ? r.valueZh : r.valueEn, data }] }
  }
  return null
}

/** Splits what the user typed into recipients: commas, semicolons, Chinese commas or spaces between them. */
export function splitRecipients(text: string): string[] {
  return [...new Set(text.split(/[,;，；\s]+/).map((s) => s.trim()).filter((s) => s.length > 0))]
}

/**
 * Polls an import job until it ends, telling the page each state it sees; gives up (rejects) after maxPolls.
 * `get` and `sleep` are parameters so that the polling can be tested without a server or a clock.
 */
export async function pollImportJob(
  get: () => Promise<LineImportJob>,
  onUpdate: (job: LineImportJob) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  intervalMs = 500,
  maxPolls = 1200,
): Promise<LineImportJob> {
  for (let i = 0; i < maxPolls; i++) {
    const job = await get()
    onUpdate(job)
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return job
    await sleep(intervalMs)
  }
  throw new Error('import job did not finish')
}

/** The stock level at which a low-stock warning is raised: threshold × (1 + tolerance %), as the server computes it. */
export function warningLevel(threshold: number, tolerancePct: number): number {
  return Math.round(threshold * (1 + tolerancePct / 100) * 10000) / 10000
}

/** The Element Plus tag colour of a document state. */
export function statusTag(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'APPROVED':
      return 'success'
    case 'DECLARED':
    case 'RECEIPTED':
      return 'warning'
    case 'RETURNED':
      return 'danger'
    case 'VOIDED':
      return 'info'
    default:
      return 'primary'
  }
}

/** The options a line's link offers, given what the document type says the line kind links to. */
export function linkOptions(
  spec: LineSpec | undefined,
  commodities: Commodity[],
  stock: LedgerStock[],
  sourceLines: { id: number; label: string }[],
): { value: number; label: string }[] {
  if (!spec) return []
  switch (spec.link) {
    case 'COMMODITY_LIBRARY':
      return commodities
        // a unit-consumption line (单耗) names a filed material
        .filter((c) => spec.kind === 'GOODS' || c.itemKind === (spec.kind === 'UNIT_CONSUMPTION' ? 'MATERIAL' : spec.kind))
        .map((c) => ({ value: c.id, label: `${c.itemNo} ${c.nameZh} (${c.hsCode})` }))
    case 'LEDGER_STOCK':
      return stock
        .filter((s) => spec.kind === 'GOODS' || s.itemKind === spec.kind)
        .map((s) => ({ value: s.id, label: `${s.itemNo} ${s.nameZh} ${s.quantity} ${s.unit}` }))
    case 'DOCUMENT_LINE':
      return sourceLines.map((l) => ({ value: l.id, label: l.label }))
    default:
      return []
  }
}

/** The part of XMLHttpRequest an upload with progress needs (a fake one in tests). */
export interface UploadRequest {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body: FormData): void
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  status: number
  responseText: string
}

/** Whole percent of an upload, 0–100 (0 while the size is unknown). */
export function uploadPercent(loaded: number, total: number): number {
  if (!total || total <= 0) return 0
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)))
}

/**
 * 上传进度: posts a file as multipart with the user's token and reports the upload's progress (fetch cannot), then
 * resolves with the JSON answer or rejects with the same ApiError the API client gives (problem details included).
 */
export async function uploadWithProgress<T>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
  newRequest: () => UploadRequest = () => new XMLHttpRequest() as unknown as UploadRequest,
  token?: string,
  apiBase?: string,
): Promise<T> {
  let bearer = token
  let root = apiBase
  if (root === undefined || bearer === undefined) {
    const { config } = await import('@/config/runtimeConfig')
    const { useAuthStore } = await import('@/stores/auth')
    root = root ?? config().apiBase
    bearer = bearer ?? (await useAuthStore().accessToken()) ?? ''
  }
  const { ApiError, parseProblem } = await import('@/api/problem')
  const form = new FormData()
  form.append('file', file)
  return new Promise<T>((resolve, reject) => {
    const xhr = newRequest()
    xhr.open('POST', `${root}${base}${path}`)
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(uploadPercent(e.loaded, e.total))
    }
    xhr.onload = () => {
      let body: unknown
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100)
        resolve(body as T)
        return
      }
      const problem = parseProblem(body)
      reject(new ApiError(problem ? 'problem' : 'http', xhr.status, { problem }))
    }
    xhr.onerror = () => reject(new ApiError('network', 0))
    xhr.send(form)
  })
}

/** Downloads a binary answer (Excel template, export, attachment) with the user's token and saves it. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const { config } = await import('@/config/runtimeConfig')
  const { useAuthStore } = await import('@/stores/auth')
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase}${base}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  URL.revokeObjectURL(url)
}

/** The zero-tariff ledgers customs keeps and the platform only reads (vehicles and yachts, self-use equipment). */
export type EquipmentLedgerKind = 'VEHICLE_YACHT' | 'SELF_USE_EQUIPMENT'

export interface EquipmentLedgerItem {
  itemNo: number
  category: string
  hsCode: string
  nameZh: string
  model: string
  unit: string
  quantity: number
  identifier: string
  declaredValueCny: number
  dutyRelievedCny: number
  importedOn: string
  declarationNo: string
  supervisionEndsOn: string
}

export interface EquipmentLedger {
  ledgerNo: string
  ledgerName: string
  enterprise: string
  customsCode: string
  customsName: string
  openedOn: string
  status: string
  itemCount: number
  declaredValueCny: number
  dutyRelievedCny: number
  items?: EquipmentLedgerItem[]
  source?: string
}

export interface EquipmentLedgerListing {
  kind: EquipmentLedgerKind
  kindZh: string
  kindEn: string
  ledgers: EquipmentLedger[]
  source: string
  messageId: string
}

/** 零关税备案统计: own items by HS chapter, and customs' review time per filing type. */
export interface FilingStatistics {
  byHsChapter: { chapter: string; items: number; materials: number; products: number }[]
  reviewEfficiency: { type: string; typeZh: string; filings: number; averageHours: number; longestHours: number }[]
}

/** 零关税编号库: a number the enterprise holds (FILED, or the state of the filing it is on). */
export interface NumberLibraryEntry {
  itemNo: string
  itemKind: string
  nameZh: string
  hsCode: string
  state: string
  documentNo?: string
  rulePrefix?: string
}

/** 被授权查询信息: one business this enterprise may do today as a delegate. */
export interface DelegationAuthorization {
  principal: string
  principalName?: string
  ledgerType: string
  ledgerTypeZh: string
  ledgerTypeEn: string
  scope: string
  scopeZh: string
  scopeEn: string
  delegationId: number
  validUntil?: string
}

/** The finished products a unit-consumption line may name: the document's own finished-product lines, once each. */
export function bomProducts(lines: { kind: string; itemNo?: string; nameZh?: string }[]): { itemNo: string; label: string }[] {
  const seen = new Set<string>()
  const out: { itemNo: string; label: string }[] = []
  for (const l of lines) {
    if (l.kind !== 'FINISHED_PRODUCT' || !l.itemNo || seen.has(l.itemNo)) continue
    seen.add(l.itemNo)
    out.push({ itemNo: l.itemNo, label: `${l.itemNo} ${l.nameZh ?? ''}`.trim() })
  }
  return out
}

/** 账册服务待办提醒: the to-dos that came since the user last acknowledged the reminder. */
export interface PendingReminder {
  lastSeenAt?: string | null
  count: number
  items: { kind: string; documentId?: number; documentNo?: string; titleZh: string; titleEn: string; since?: string }[]
}
