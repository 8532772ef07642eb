import { api } from '@/api'

/** customs-service: 企业接入服务控制台 (`/v1/service-console/services`) and 二线报关单统计 (`/v1/second-line/statistics`). */
export type ServiceStatus = 'ENABLED' | 'DISABLED' | 'NOT_ENABLED'

export interface ServiceView {
  service: string
  nameZh: string
  nameEn: string
  descriptionZh: string
  descriptionEn: string
  interfaces: string[]
  enterpriseUscc: string
  status: ServiceStatus
  contact: string | null
  callbackUrl: string | null
  note: string | null
  enabledAt: string | null
  updatedAt: string | null
  updatedBy: string | null
  calls: number
  lastCalledAt: string | null
  version: number
}

export interface ServiceSettings {
  contact: string
  callbackUrl: string
  note: string
}

export const STATISTIC_DIMENSIONS = ['COMMODITY_CATEGORY', 'COMMODITY', 'ORIGIN', 'TARIFF_HEADING', 'PERIOD',
  'PROCESSING_TIME', 'SHIPPING_DATE', 'ARRIVAL_DATE', 'TRANSPORT_MODE', 'DESTINATION', 'STATUS', 'CREDIT_GRADE'] as const
export type StatisticDimension = (typeof STATISTIC_DIMENSIONS)[number]
export type StatisticPeriod = 'MONTH' | 'QUARTER' | 'YEAR'

export interface StatisticBucket {
  key: string
  declarations: number
  items: number
  quantity: number
  netWeight: number
  totalPrice: number
  /** 税费总额 in yuan, from H2018's business receipts; null when none carried taxes. */
  taxes: number | null
  averageHours: number | null
}

export interface StatisticResult {
  dimension: StatisticDimension
  nameZh: string
  nameEn: string
  from: string | null
  to: string | null
  buckets: StatisticBucket[]
}

export interface StatisticFilter {
  dimension: StatisticDimension
  period?: StatisticPeriod
  enterprise?: string
  from?: string
  to?: string
}

/** The query string of a statistics request; blank filters are left out. */
export function statisticQuery(f: StatisticFilter): string {
  const q = new URLSearchParams()
  q.set('dimension', f.dimension)
  if (f.dimension === 'PERIOD' && f.period) q.set('period', f.period)
  if (f.enterprise?.trim()) q.set('enterprise', f.enterprise.trim())
  if (f.from) q.set('from', f.from)
  if (f.to) q.set('to', f.to)
  return q.toString()
}

/** An optional settings field left blank is sent as absent. */
export function settingsBody(s: ServiceSettings): Partial<ServiceSettings> {
  const out: Partial<ServiceSettings> = {}
  for (const k of ['contact', 'callbackUrl', 'note'] as const) {
    const v = s[k]?.trim()
    if (v) out[k] = v
  }
  return out
}

const CONSOLE = '/customs/v1/service-console/services'

export const consoleApi = {
  services: (enterprise?: string) =>
    api.get<ServiceView[]>(`${CONSOLE}${enterprise?.trim() ? `?enterprise=${encodeURIComponent(enterprise.trim())}` : ''}`),
  enable: (service: string, settings: ServiceSettings) => api.put<ServiceView>(`${CONSOLE}/${service}`, settingsBody(settings)),
  disable: (service: string) => api.post<ServiceView>(`${CONSOLE}/${service}/disablement`),
  remove: (service: string) => api.delete<void>(`${CONSOLE}/${service}`),
  statistics: (f: StatisticFilter) => api.get<StatisticResult>(`/customs/v1/second-line/statistics?${statisticQuery(f)}`),
}
