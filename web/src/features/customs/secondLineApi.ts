import { api } from '@/api'
import type { Page, SaveResult, SubmissionResult } from './api'

/** customs-service API of the second line (二线内销): `/api/customs/v1/second-line/...`. */
export interface VerificationListLine {
  seq: number
  ledgerItemNo: number | null
  hsCode: string
  name: string
  specification: string | null
  quantity: number
  unit: string | null
  unitPrice: number | null
  totalPrice: number | null
  currency: string | null
  originCountry: string | null
  writtenOff: number
}

export interface ListFinding {
  family: string
  code: string
  seq: number | null
  messageZh: string
  messageEn: string
}

export type ListStatus = 'LOADED' | 'VALID' | 'INVALID' | 'WRITTEN_OFF'

export interface VerificationList {
  id: string
  listNo: string
  listType: 'DOMESTIC_SALE' | 'DISTRIBUTION'
  enterpriseUscc: string
  enterpriseName: string | null
  ledgerNo: string | null
  supervisionMode: string | null
  declaredDate: string
  status: ListStatus
  findings: ListFinding[]
  pulledAt: string
  consolidatedId: string | null
  items: VerificationListLine[]
}

export interface PullResult {
  pullId: string
  received: number
  stored: number
  alreadyHeld: number
  filteredOut: number
  lists: VerificationList[]
}

export interface ConsolidatedList {
  id: string
  consolidatedNo: string
  enterpriseUscc: string
  ledgerNo: string | null
  period: string
  status: 'DRAFT' | 'SUBMITTED' | 'SW_ACCEPTED' | 'APPROVED' | 'REJECTED' | 'DECLARED' | 'FAILED'
  approvalNo: string | null
  note: string | null
  declarationId: string | null
  createdAt: string
  items: { seq: number; hsCode: string; name: string; unit: string | null; quantity: number; totalPrice: number | null; sourceLists: number }[]
  sourceLists: string[]
}

export interface ArrivalReport {
  id: string
  reportNo: string
  siteCode: string
  operatorUscc: string
  enterpriseUscc: string
  declarationId: string | null
  preEntryNo: string | null
  verificationListNo: string | null
  vehiclePlate: string
  containerNo: string | null
  gateCode: string | null
  arrivedAt: string
  status: 'DRAFT' | 'DECLARED' | 'RECEIVED' | 'INSPECTING' | 'CONTROLLED' | 'RELEASED' | 'HELD' | 'FAILED'
  controlDecision: string | null
  inspectionResult: string | null
  vehicleStatus: string | null
  gatePassNo: string | null
  createdAt: string
}

export interface SecondLineReceipt {
  kind: string
  receiptId: string
  status: string
  referenceNo: string | null
  note: string | null
  receivedAt: string
}

export type SubscriptionContent = 'SECOND_LINE_RECEIPTS' | 'VERIFICATION_LISTS' | 'ARRIVAL_RECEIPTS'
export const SUBSCRIPTION_CONTENTS: readonly SubscriptionContent[] = ['SECOND_LINE_RECEIPTS', 'VERIFICATION_LISTS', 'ARRIVAL_RECEIPTS']

export interface Subscription {
  id: string
  enterpriseUscc: string
  content: SubscriptionContent
  validFrom: string
  validTo: string
  status: 'ACTIVE' | 'CANCELLED'
  extensions: number
  createdAt: string
}

export interface Delivery {
  id: string
  sourceKey: string
  content: SubscriptionContent
  payload: string
  deliveredAt: string
}

export interface QueryRow {
  declarationId: string
  preEntryNo: string
  customsNo: string | null
  declarationType: string
  status: string
  enterpriseUscc: string
  verificationListNo: string | null
  listStatus: string | null
  listQuantity: number | null
  listWrittenOff: number | null
  consolidatedNo: string | null
  arrivalReportNo: string | null
  arrivalStatus: string | null
  controlDecision: string | null
  gatePassNo: string | null
  createdAt: string
}

const base = '/customs/v1/second-line'

export const secondLineApi = {
  pull: (body: { listNo?: string; from?: string; to?: string }) => api.post<PullResult>(`${base}/verification-lists/pulls`, body),
  lists: (query: Record<string, string | number | undefined>) => api.get<Page<VerificationList>>(`${base}/verification-lists`, { query }),
  recheck: (id: string) => api.post<VerificationList>(`${base}/verification-lists/${id}/check`),
  generate: (id: string, type: 'SECOND_LINE_DOMESTIC_SALE' | 'SECOND_LINE_GENERAL' = 'SECOND_LINE_DOMESTIC_SALE') =>
    api.post<SaveResult>(`${base}/verification-lists/${id}/declaration`, undefined, { query: { type } }),
  consolidate: (body: { period?: string; ledgerNo?: string }) => api.post<ConsolidatedList>(`${base}/consolidated-lists`, body),
  consolidatedLists: () => api.get<ConsolidatedList[]>(`${base}/consolidated-lists`),
  submitConsolidated: (id: string) => api.post<ConsolidatedList>(`${base}/consolidated-lists/${id}/submission`),
  declareConsolidated: (id: string) => api.post<SubmissionResult>(`${base}/consolidated-lists/${id}/declaration`),
  arrivals: () => api.get<ArrivalReport[]>(`${base}/arrival-reports`),
  arrival: (id: string) => api.get<{ report: ArrivalReport; receipts: SecondLineReceipt[] }>(`${base}/arrival-reports/${id}`),
  createArrival: (body: Record<string, string | undefined>) => api.post<ArrivalReport>(`${base}/arrival-reports`, body),
  declareArrival: (id: string) => api.post<ArrivalReport>(`${base}/arrival-reports/${id}/declaration`),
  subscriptions: () => api.get<Subscription[]>(`${base}/subscriptions`),
  subscribe: (body: { content: SubscriptionContent; validFrom: string; validTo: string }) => api.post<Subscription>(`${base}/subscriptions`, body),
  extend: (id: string, validTo: string) => api.post<Subscription>(`${base}/subscriptions/${id}/extension`, { validTo }),
  cancel: (id: string) => api.post<Subscription>(`${base}/subscriptions/${id}/cancellation`),
  deliveries: (id: string) => api.get<Delivery[]>(`${base}/subscriptions/${id}/deliveries`),
  query: (query: Record<string, string | number | undefined>) => api.get<Page<QueryRow>>(`${base}/query`, { query }),
}

/** Written off / total of a list, as the query shows it ("800 / 1200"). */
export function writeOffProgress(row: Pick<QueryRow, 'listQuantity' | 'listWrittenOff'>): string {
  if (row.listQuantity == null) return '—'
  return `${Number(row.listWrittenOff ?? 0)} / ${Number(row.listQuantity)}`
}

/** The lines of a list that still have something to declare. */
export function remainingLines(list: Pick<VerificationList, 'items'>): VerificationListLine[] {
  return list.items.filter((l) => Number(l.quantity) - Number(l.writtenOff) > 0)
}
