import { api } from '@/api'
import type { Page } from './api'

/** customs-service: 商品预归类 and 归类结果校验 (`/v1/classification/...`, FP 348–356, 535–549). */
export interface Suggestion {
  rank: number
  hsCode: string
  nameZh: string
  nameEn: string | null
  chapter: string
  heading: string
  legalUnit: string | null
  score: number
  relativeScore: number
  zeroTariffWhitelisted: boolean
}

export interface Classification {
  goodsName: string
  specification: string | null
  suggestions: Suggestion[]
}

export type Verdict = 'CONSISTENT' | 'DOUBTFUL' | 'UNKNOWN_CODE' | 'NO_MATCH'
export const VERDICTS: readonly Verdict[] = ['CONSISTENT', 'DOUBTFUL', 'UNKNOWN_CODE', 'NO_MATCH']

export interface ItemVerification {
  seq: number | null
  declaredHsCode: string
  declaredTariffName: string | null
  goodsName: string
  verdict: Verdict
  messageZh: string
  messageEn: string
  suggestions: Suggestion[]
}

export interface ItemToVerify {
  seq?: number
  hsCode: string
  name: string
  specification?: string
}

export interface ClassificationLog {
  id: string
  kind: 'CLASSIFY' | 'VERIFY'
  enterpriseUscc: string | null
  actor: string
  goodsName: string
  declaredHs: string | null
  suggestedHs: string | null
  verdict: Verdict | null
  declarationId: string | null
  createdAt: string
}

/** Rows typed one per line as "商品编号 商品名称 [规格]" (tab, comma or spaces between), blank lines left out. */
export function parseItems(text: string): ItemToVerify[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, i) => {
      const [hsCode = '', name = '', ...rest] = line.split(/[\t,，]+|\s+/)
      const item: ItemToVerify = { seq: i + 1, hsCode, name }
      if (rest.length) item.specification = rest.join(' ')
      return item
    })
}

/** The tag colour a verdict shows with. */
export function verdictTag(v: Verdict): 'success' | 'warning' | 'danger' | 'info' {
  return v === 'CONSISTENT' ? 'success' : v === 'DOUBTFUL' ? 'warning' : v === 'UNKNOWN_CODE' ? 'danger' : 'info'
}

const BASE = '/customs/v1/classification'

export const classificationApi = {
  suggest: (name: string, specification?: string, limit = 5) =>
    api.post<Classification>(`${BASE}/suggestions`, { name, specification: specification?.trim() || undefined, limit }),
  verify: (items: ItemToVerify[]) => api.post<ItemVerification[]>(`${BASE}/verifications`, { items }),
  verifyDeclaration: (id: string) => api.get<ItemVerification[]>(`${BASE}/declarations/${encodeURIComponent(id)}`),
  logs: (page: number, size: number) => api.get<Page<ClassificationLog>>(`${BASE}/logs?page=${page}&size=${size}`),
}
