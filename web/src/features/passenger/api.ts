import { api, ApiError } from '@/api'
import { config } from '@/config/runtimeConfig'
import { useAuthStore } from '@/stores/auth'

/** passenger-service API (`/api/passenger/v1`): declarations, receipts, tax, payment, certificates, guides. */
const V1 = '/passenger/v1'

export const CATEGORIES = ['TOBACCO_ALCOHOL', 'VALUABLES', 'FOOD', 'MEDICINE', 'OTHER_SPECIAL'] as const
export const PORTS = ['MEILAN_AIRPORT', 'BOAO_AIRPORT', 'PHOENIX_AIRPORT', 'NANSHAN_PORT', 'XINHAI_PORT', 'XIUYING_PORT',
  'MACUN_PORT', 'YANGPU_PORT', 'QINGLAN_PORT', 'BASUO_PORT'] as const
export const TRANSPORT_MODES = ['AIR', 'WATERWAY', 'RAIL'] as const
export const STATUSES = ['QUEUED', 'SENT', 'ACCEPTED', 'INSPECTION_REQUIRED', 'TAX_DUE', 'TAX_PAID', 'RELEASED',
  'REJECTED', 'DELETED'] as const

export type Category = (typeof CATEGORIES)[number]
export type Status = (typeof STATUSES)[number]

export interface BaggageItem {
  category: Category | ''
  name: string
  quantity: string
  unit: string
  value: string
  currency: string
  releaseStatus?: string
}

export interface DeclarationContent {
  port: string
  departureDate: string
  transportMode: string
  ticketNo: string
  travelerName: string
  documentNo: string
  items: BaggageItem[]
}

export interface Declaration extends DeclarationContent {
  id: string
  declarationNo: string
  conversationId: string
  status: Status
  pendingAction?: string
  revision: number
  portNameZh: string
  portNameEn: string
  decisionReason?: string
  deletionReason?: string
  taxDue?: number
  createdAt: string
  updatedAt: string
  dispatchAttempts?: number
  dispatchError?: string
  dispatchBlocked?: boolean
}

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

export interface FieldViolation {
  field: string
  constraint: string
  messageZh: string
  messageEn: string
}

export interface TimelineStep {
  occurredAt: string
  kind: string
  status: string
  actor?: string
  detailZh?: string
  detailEn?: string
}

export interface Receipt {
  id: string
  receiptNo: string
  conversationId: string
  declarationId?: string
  revision: number
  action: string
  decision: string
  receivedAt: string
  state: 'APPLIED' | 'FAILED' | 'RECEIVED'
  failureCode?: string
  failureDetail?: string
  attempts: number
}

export interface TaxLine {
  index: number
  category: string
  name: string
  dutiableValue: number
  rate: number
  tax: number
}

export interface Tax {
  id: string
  taxNo: string
  declarationId: string
  port: string
  lines: TaxLine[]
  total: number
  status: 'DUE' | 'ENTERED' | 'AGREEMENT_SIGNED' | 'PAID'
  assessedAt: string
  enteredAt?: string
  paidAt?: string
  paidChannel?: string
  agreement?: Record<string, unknown> | null
}

export interface AgreementPreview {
  textVersion: number
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  taxNo: string
  amount: number
}

export interface Channel {
  channel: string
  nameZh: string
  nameEn: string
}

export interface PaymentOrder {
  id: string
  orderNo: string
  channel: string
  amount: number
  status: string
  payUrl?: string
  createdAt: string
}

export interface Certificate {
  id: string
  certificateNo: string
  taxPaymentId: string
  declarationId: string
  port: string
  amount: number
  issuedAt: string
  confirmedAt?: string
  verificationUrl: string
}

export interface Verification {
  certificateNo: string
  status: string
  port: string
  portNameZh: string
  portNameEn: string
  amount: number
  issuedAt: string
}

export interface ValidationSettings {
  requiredFields: string[]
  quantityLimits: Record<string, number>
  prohibitedItems: string[]
  itemValueLimit: number | null
  totalValueLimit: number | null
  maxItems: number
  exchangeRates: Record<string, number>
}

/** 线上缴税申报校验设置 (FP 38). */
export interface TaxEntrySettings {
  maxOnlineTotal: number
  entryValidDays: number
}

export interface AgreementText {
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
}

export interface GuideAttachment {
  id: string
  fileName: string
  contentType: string
  sizeBytes: number
}

export interface Guide {
  id: string
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  categories: string[]
  published: boolean
  updatedAt: string
  attachments: GuideAttachment[]
}

export const REQUIRED_FIELD_CHOICES = ['travelerName', 'documentNo', 'ticketNo', 'item.unit', 'item.value', 'deletionReason']

export const passengerApi = {
  declarations: (query: Record<string, string | number | undefined> = {}) =>
    api.get<Page<Declaration>>(`${V1}/declarations`, { query }),
  declaration: (id: string) => api.get<Declaration>(`${V1}/declarations/${id}`),
  submit: (body: DeclarationContent) => api.post<Declaration>(`${V1}/declarations`, body),
  modify: (id: string, body: DeclarationContent) => api.put<Declaration>(`${V1}/declarations/${id}`, body),
  remove: (id: string, reason: string) => api.post<Declaration>(`${V1}/declarations/${id}/deletion`, { reason }),
  preview: (body: DeclarationContent) =>
    api.post<{ valid: boolean; violations: FieldViolation[] }>(`${V1}/declarations/preview`, body),
  timeline: (id: string) =>
    api.get<{ declarationNo: string; status: string; steps: TimelineStep[] }>(`${V1}/declarations/${id}/timeline`),
  receipts: (id: string) => api.get<Receipt[]>(`${V1}/declarations/${id}/receipts`),
  messages: (id: string) => api.get<Record<string, unknown>[]>(`${V1}/declarations/${id}/messages`),
  resend: (id: string) => api.post<void>(`${V1}/declarations/${id}/dispatch`),
  validationSettings: () => api.get<ValidationSettings>(`${V1}/validation-settings`),
  saveValidationSettings: (s: ValidationSettings) => api.put<{ version: number }>(`${V1}/validation-settings`, s),
  displaySettings: () => api.get<{ fields: string[] }>(`${V1}/display-settings`),
  saveDisplaySettings: (fields: string[]) => api.put<{ fields: string[] }>(`${V1}/display-settings`, { fields }),
  taxes: (query: Record<string, string | number | undefined> = {}) => api.get<Page<Tax>>(`${V1}/taxes`, { query }),
  tax: (id: string) => api.get<Tax>(`${V1}/taxes/${id}`),
  enterTax: (id: string, confirmedTotal: number) => api.post<Tax>(`${V1}/taxes/${id}/entry`, { confirmedTotal }),
  agreement: (id: string, channel: string) =>
    api.get<AgreementPreview>(`${V1}/taxes/${id}/agreement`, { query: { channel } }),
  sign: (id: string, channel: string, textVersion: number, consent: boolean) =>
    api.post<{ customsReceipt: string; bankReceipt: string }>(`${V1}/taxes/${id}/agreement`, { channel, textVersion, consent }),
  channels: () => api.get<Channel[]>(`${V1}/payment-channels`),
  createOrder: (id: string, channel: string) => api.post<PaymentOrder>(`${V1}/taxes/${id}/payment-orders`, { channel }),
  orders: (id: string) => api.get<PaymentOrder[]>(`${V1}/taxes/${id}/payment-orders`),
  taxEntrySettings: () => api.get<TaxEntrySettings>(`${V1}/settings/tax-entry`),
  saveTaxEntrySettings: (s: TaxEntrySettings) => api.put<{ version: number }>(`${V1}/settings/tax-entry`, s),
  agreementText: () => api.get<AgreementText>(`${V1}/agreement-text`),
  saveAgreementText: (t: AgreementText) => api.put<{ version: number }>(`${V1}/agreement-text`, t),
  certificates: (query: Record<string, string | undefined> = {}) => api.get<Certificate[]>(`${V1}/certificates`, { query }),
  certificateOfTax: (taxId: string) => api.get<Certificate>(`${V1}/taxes/${taxId}/certificate`),
  confirm: (id: string) => api.post<Certificate>(`${V1}/certificates/${id}/confirmation`),
  // public at the service; the token goes along when there is one, because the gateway still asks for one on /api/**
  verify: (code: string) => api.get<Verification>(`${V1}/public/certificates/${code}`),
  failedReceipts: () => api.get<Receipt[]>(`${V1}/customs/receipts/failed`),
  retryReceipt: (id: string) => api.post<{ outcome: string }>(`${V1}/customs/receipts/${id}/retry`),
  messageFailures: () => api.get<Record<string, unknown>[]>(`${V1}/partner-messages/failures`),
  guides: (query: Record<string, string | undefined> = {}) => api.get<Guide[]>(`${V1}/guides`, { query }),
  guide: (id: string) => api.get<Guide>(`${V1}/guides/${id}`),
  createGuide: (g: Omit<Guide, 'id' | 'updatedAt' | 'attachments'>) => api.post<Guide>(`${V1}/guides`, g),
  updateGuide: (id: string, g: Omit<Guide, 'id' | 'updatedAt' | 'attachments'>) => api.put<Guide>(`${V1}/guides/${id}`, g),
  deleteGuide: (id: string) => api.delete<void>(`${V1}/guides/${id}`),
  upload: (id: string, file: File) => {
    const form = new FormData()
    form.append('file', file)
    return api.post<GuideAttachment>(`${V1}/guides/${id}/attachments`, form)
  },
}

/** A binary answer (PDF, PNG, attachment) with the user's token. */
export async function fetchBlob(path: string): Promise<Blob> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase}${V1}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new ApiError('http', response.status, { requestId: response.headers.get('X-Request-Id') ?? '' })
  return response.blob()
}

/** Saves a blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** An empty article row of the declaration form. */
export function emptyItem(): BaggageItem {
  return { category: '', name: '', quantity: '1', unit: '', value: '', currency: 'CNY' }
}

/** Sums the declared values in CNY with the settings' exchange rates (for the preview). */
export function totalCny(items: readonly BaggageItem[], rates: Record<string, number>): number {
  return Math.round(items.reduce((sum, i) => sum + (Number(i.value) || 0) * (rates[i.currency || 'CNY'] ?? 0), 0) * 100) / 100
}

/** Element Plus tag type of a declaration status. */
export function statusTag(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'RELEASED':
    case 'TAX_PAID':
    case 'PAID':
      return 'success'
    case 'TAX_DUE':
    case 'INSPECTION_REQUIRED':
    case 'DUE':
      return 'warning'
    case 'REJECTED':
    case 'FAILED':
      return 'danger'
    case 'DELETED':
      return 'info'
    default:
      return 'primary'
  }
}

/**
 * Listens to the traveler's receipt pushes (server-sent events over fetch, so the token travels in the header) and
 * calls `onReceipt` for each; returns the function that stops listening.
 */
export function subscribeReceipts(onReceipt: (r: { declarationId: string; declarationNo: string; status: string }) => void): () => void {
  const controller = new AbortController()
  void (async () => {
    const token = await useAuthStore().accessToken()
    const response = await fetch(`${config().apiBase}${V1}/notifications/stream`, {
      headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal: controller.signal,
    })
    if (!response.ok || !response.body) return
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      const events = buffer.split('\n\n')
      buffer = events.pop() ?? ''
      for (const e of events) {
        const lines = e.split('\n')
        if (!lines.some((l) => l.startsWith('event:receipt'))) continue
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('')
        try {
          onReceipt(JSON.parse(data))
        } catch {
          // a malformed event is skipped; the list still refreshes by query
        }
      }
    }
  })().catch(() => undefined)
  return () => controller.abort()
}
