import { api } from '@/api'
import { config } from '@/config/runtimeConfig'
import { currentLocale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'

/** customs-service API of the clearance declaration system (`/api/customs/v1/...`). */
export type DeclarationType = 'DIRECT_RELEASE' | 'SECOND_LINE_DOMESTIC_SALE' | 'FIRST_LINE_GENERAL' | 'SECOND_LINE_GENERAL' | 'CONSOLIDATED'
export const DECLARATION_TYPES: readonly DeclarationType[] = ['DIRECT_RELEASE', 'SECOND_LINE_DOMESTIC_SALE', 'FIRST_LINE_GENERAL', 'SECOND_LINE_GENERAL']
export const STATUSES = ['DRAFT', 'SUBMITTED', 'SW_ACCEPTED', 'SW_REJECTED', 'ACCEPTED', 'RELEASED', 'RETURNED', 'WITHDRAWN', 'DELETED'] as const
export type DeclarationStatus = (typeof STATUSES)[number]

export interface DeclarationHeader {
  declareCustoms?: string | null
  entryExitCustoms?: string | null
  ledgerNo?: string | null
  supervisionMode?: string | null
  levyNature?: string | null
  levyNatureConfirmed?: boolean
  transportMode?: string | null
  vesselName?: string | null
  voyageNo?: string | null
  billOfLadingNo?: string | null
  domesticTraderUscc?: string | null
  domesticTraderName?: string | null
  overseasTraderName?: string | null
  declarantUscc?: string | null
  declarantName?: string | null
  tradingCountry?: string | null
  departureCountry?: string | null
  portCode?: string | null
  transactionMode?: string | null
  packageType?: string | null
  packages?: number | null
  grossWeight?: string | number | null
  netWeight?: string | number | null
  contractNo?: string | null
  remark?: string | null
  goodsAttributes?: string | null
  verificationListNo?: string | null
}

export interface DeclarationItem {
  seq?: number
  hsCode?: string | null
  name?: string | null
  specification?: string | null
  quantity?: string | number | null
  unit?: string | null
  legalQuantity?: string | number | null
  legalUnit?: string | null
  unitPrice?: string | number | null
  totalPrice?: string | number | null
  currency?: string | null
  originCountry?: string | null
  destinationCountry?: string | null
  levyMode?: string | null
  grossWeight?: string | number | null
  netWeight?: string | number | null
  goodsAttributes?: string | null
}

export interface DeclarationDocument {
  id: string
  preEntryNo: string
  declarationType: DeclarationType
  importExport: 'IMPORT' | 'EXPORT'
  status: DeclarationStatus
  enterpriseUscc: string
  customsNo: string | null
  distributionStatus: string
  distributionCount: number
  createdAt: string
  submittedAt: string | null
  header: DeclarationHeader
  items: DeclarationItem[]
}

export interface DeclarationSummary {
  id: string
  preEntryNo: string
  declarationType: DeclarationType
  status: DeclarationStatus
  enterpriseUscc: string
  customsNo: string | null
  billOfLadingNo: string | null
  supervisionMode: string | null
  distributionStatus: string
  createdAt: string
  submittedAt: string | null
}

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

export interface SaveResult {
  declaration: DeclarationDocument
  messageZh: string
  messageEn: string
  warningsZh: string[]
}

export interface Finding {
  ruleCode: string
  family: string
  severity: 'ERROR' | 'WARNING'
  field: string | null
  itemSeq: number | null
  messageZh: string
  messageEn: string
}

export interface ValidationReport {
  passed: boolean
  errorCount: number
  warningCount: number
  rulesRun: number
  findings: Finding[]
}

export interface SubmissionResult {
  declarationId: string
  preEntryNo: string | null
  submitted: boolean
  status: string | null
  code: string | null
  messageZh: string
  messageEn: string
}

export interface Receipt {
  id: string
  kind: 'TECHNICAL' | 'BUSINESS' | 'RECEPTION'
  status: string
  customsNo: string | null
  note: string | null
  senderKeyId: string
  receivedAt: string
}

export interface ImportReport {
  rows: number
  declarationsCreated: number
  declarationsRefused: number
  results: { row: number; group: string | null; created: boolean; preEntryNo: string | null; messagesZh: string[]; messagesEn: string[] }[]
}

export interface OutboundMessage {
  id: string
  conversationId: string
  declarationId: string
  enterpriseUscc: string
  partner: string
  messageType: string
  status: 'PENDING' | 'SENT' | 'PERMANENTLY_FAILED'
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

export interface SubCentreRecord {
  preEntryNo: string
  customsNo: string | null
  declarationType: string
  enterpriseUscc: string
  enterpriseName: string | null
  declareCustoms: string | null
  status: string
  tradingCountry: string | null
  totalValue: number
  itemCount: number
  hsCodes: string
  submittedAt: string
  receivedAt: string
  receptions: number
  cleansingIssues: string | null
}

export interface ParameterTable {
  code: string
  seq: number
  fp: number
  nameZh: string
  nameEn: string
  source: string | null
  currentVersion: number
  entryCount: number
}

export interface ParameterEntry {
  code: string
  nameZh: string
  nameEn: string | null
}

const base = '/customs/v1'

/** One field of the detail as the type's 查询详情设置 names it. */
export interface DetailField {
  field: string
  labelZh: string
  labelEn: string
  value: unknown
}

/** GET /declarations/{id}/detail: the header and item fields the operator set, in order. */
export interface DeclarationDetail {
  id: string
  preEntryNo: string
  declarationType: string
  status: string
  statusZh: string
  statusEn: string
  settingVersion: number
  header: DetailField[]
  items: DetailField[][]
}

export interface AttachedDocument {
  docType: string
  docNo: string
}

export interface ManifestCandidate {
  candidateId: string
  record: {
    found: boolean
    billOfLadingNo: string | null
    vesselName: string | null
    voyageNo: string | null
    transportMode: string | null
    packages: number | null
    grossWeight: string | number | null
    departureCountry: string | null
    portCode: string | null
    goodsDescription: string | null
  }
}

export const customsApi = {
  detail: (id: string) => api.get<DeclarationDetail>(`${base}/declarations/${id}/detail`),
  access: () => api.get<{ allowed: boolean }>(`${base}/direct-release/access`),
  list: (query: Record<string, string | number | undefined>) => api.get<Page<DeclarationSummary>>(`${base}/declarations`, { query }),
  get: (id: string) => api.get<DeclarationDocument>(`${base}/declarations/${id}`),
  create: (body: unknown) => api.post<SaveResult>(`${base}/declarations`, body),
  update: (id: string, body: unknown) => api.put<SaveResult>(`${base}/declarations/${id}`, body),
  copy: (id: string) => api.post<SaveResult>(`${base}/declarations/${id}/copies`),
  remove: (id: string) => api.delete<DeclarationDocument>(`${base}/declarations/${id}`),
  withdraw: (id: string) => api.post<DeclarationDocument>(`${base}/declarations/${id}/withdrawal`),
  prevalidate: (id: string) => api.post<ValidationReport>(`${base}/declarations/${id}/prevalidation`),
  submit: (id: string, confirmWarnings: boolean) =>
    api.post<SubmissionResult>(`${base}/declarations/${id}/submission`, undefined, { query: { confirmWarnings } }),
  /** 重新申报: a returned or rejected declaration, corrected with the screen's data, declared again under its own number. */
  resubmit: (id: string, body: unknown, confirmWarnings: boolean) =>
    api.post<SubmissionResult>(`${base}/declarations/${id}/resubmission`, body, { query: { confirmWarnings } }),
  submitBatch: (ids: string[]) => api.post<SubmissionResult[]>(`${base}/declarations/batch-submission`, { ids, confirmWarnings: false }),
  /** 舱单回填; with several matching records the service answers 409 MANIFEST_CHOICE_REQUIRED until a candidate is chosen. */
  backfill: (id: string, candidateId?: string) =>
    api.post<SaveResult>(`${base}/declarations/${id}/manifest-backfill`, candidateId ? { candidateId } : undefined),
  manifestCandidates: (id: string) => api.get<ManifestCandidate[]>(`${base}/declarations/${id}/manifest-candidates`),
  /** 随附监管证件 (FP 437, 893, 1178): the list is replaced as a whole, only while draft or correctable. */
  attachedDocuments: (id: string) => api.get<AttachedDocument[]>(`${base}/declarations/${id}/attached-documents`),
  saveAttachedDocuments: (id: string, docs: AttachedDocument[]) =>
    api.put<AttachedDocument[]>(`${base}/declarations/${id}/attached-documents`, docs),
  receipts: (id: string) => api.get<Receipt[]>(`${base}/declarations/${id}/receipts`),
  importWorkbook: (type: DeclarationType, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<ImportReport>(`${base}/declarations/imports`, form, { query: { declarationType: type } })
  },
  outbound: (query: Record<string, string | number | undefined>) => api.get<Page<OutboundMessage>>(`${base}/outbound-messages`, { query }),
  redrive: (id: string) => api.post<OutboundMessage>(`${base}/outbound-messages/${id}/redrive`),
  subcentre: (query: Record<string, string | number | boolean | undefined>) =>
    api.get<Page<SubCentreRecord>>(`${base}/subcentre/declarations`, { query }),
  subcentreStats: (days: number) => api.get<Record<string, Record<string, unknown>[]>>(`${base}/subcentre/statistics`, { query: { days } }),
  parameterTables: () => api.get<ParameterTable[]>(`${base}/parameters`),
  parameterEntries: (table: string, q: string, page: number) =>
    api.get<Page<ParameterEntry>>(`${base}/parameters/${table}/entries`, { query: { q, page, size: 20 } }),
}

/** Files (xlsx, printable HTML) are not JSON: fetched with the same token, handed to the browser. */
export async function fetchFile(path: string): Promise<Blob> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase.replace(/\/+$/, '')}${base}${path}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Accept-Language': currentLocale() },
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.blob()
}

export async function downloadFile(path: string, filename: string): Promise<void> {
  const blob = await fetchFile(path)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  URL.revokeObjectURL(url)
}

/** Opens the printable declaration in a new window and starts the browser's print. */
export async function printDeclaration(id: string): Promise<void> {
  const html = await (await fetchFile(`/declarations/${id}/print`)).text()
  const win = window.open('', '_blank')
  if (!win) return
  win.document.open()
  win.document.write(html)
  win.document.close()
  win.focus()
  win.print()
}

/** A new declaration's starting values: the remark and the relaxed-control attribute come from the server's auto-fill. */
/** 重新申报: only a declaration the Single Window rejected or customs returned is corrected and declared again. */
export function canResubmit(status: DeclarationStatus | undefined): boolean {
  return status === 'RETURNED' || status === 'SW_REJECTED'
}

export function emptyItem(): DeclarationItem {
  return { hsCode: '', name: '', specification: '', quantity: '', unit: '035', unitPrice: '', totalPrice: '', currency: 'USD', originCountry: '', levyMode: '3', grossWeight: '', netWeight: '' }
}
