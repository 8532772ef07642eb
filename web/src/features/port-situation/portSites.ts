import { api } from '@/api'
import { config } from '@/config/runtimeConfig'
import { useAuthStore } from '@/stores/auth'
import { BASE } from './api'
import type { KpiModule } from './kpi'

/**
 * 口岸基础信息 — a port's inspection-site statistics (二线口岸基础统计信息), annual design capacity (年设计通过能力) and
 * flow-line base images (口岸动线图片底图), from `/v1/base-data/port-sites`.
 */
export type Flow = 'PASSENGER_VEHICLE' | 'PASSENGER' | 'TRUCK'
export const FLOWS: Flow[] = ['PASSENGER_VEHICLE', 'PASSENGER', 'TRUCK']

export interface FlowImage {
  portCode: string
  flow: Flow
  contentType: string
  sizeBytes: number
  width: number
  height: number
  sm3: string
  uploadedBy: string
  uploadedAt: string
}

export interface SiteFigures {
  vehicleInspectionAreaM2: number | null
  vehicleDepartureAreaM2: number | null
  truckInspectionAreaM2: number | null
  truckDepartureAreaM2: number | null
  designVehiclesPerYear: number | null
  designPassengersPerYear: number | null
  designCargoTonnesPerYear: number | null
  remark: string | null
}

export interface SiteInfo extends SiteFigures {
  portCode: string
  portNameZh: string
  portNameEn: string
  portKind: string
  version: number | null
  updatedBy: string | null
  updatedAt: string | null
  flowImages: FlowImage[]
}

export interface SiteChange {
  id: number
  portCode: string
  version: number
  before: Partial<SiteFigures> | null
  after: Partial<SiteFigures>
  changedBy: string
  changedAt: string
}

export type Figure = Exclude<keyof SiteFigures, 'remark'>
export const AREA_FIGURES: Figure[] = ['vehicleInspectionAreaM2', 'vehicleDepartureAreaM2', 'truckInspectionAreaM2',
  'truckDepartureAreaM2']
export const CAPACITY_FIGURES: Figure[] = ['designVehiclesPerYear', 'designPassengersPerYear', 'designCargoTonnesPerYear']

const url = (port: string) => `${BASE}/base-data/port-sites/${encodeURIComponent(port)}`

export const portSites = {
  list: (portCode?: string | null) => api.get<SiteInfo[]>(`${BASE}/base-data/port-sites`, { query: portCode ? { portCode } : {} }),
  get: (port: string) => api.get<SiteInfo>(url(port)),
  save: (port: string, figures: SiteFigures) => api.put<SiteInfo>(url(port), figures),
  changes: (port: string) => api.get<SiteChange[]>(`${url(port)}/changes`),
  upload: (port: string, flow: Flow, file: Blob) => api.post<FlowImage>(`${url(port)}/flow-images/${flow}`, file),
  removeImage: (port: string, flow: Flow) => api.delete<void>(`${url(port)}/flow-images/${flow}`),
}

/** The image's bytes through fetch (the token in the header), as an object URL for an <img>; the caller revokes it. */
export async function flowImageUrl(port: string, flow: Flow): Promise<string | null> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase}${url(port)}/flow-images/${flow}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (response.status === 404) return null
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return URL.createObjectURL(await response.blob())
}

/** The printable enterprise trade-mode report (PDF) of one enterprise, port and period. */
export async function tradeModeReport(query: Record<string, string>): Promise<Blob> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase}${BASE}/monitoring/kpi/reports/enterprise-trade-mode.pdf?${new URLSearchParams(query)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.blob()
}

/** What a theme of the analysis page shows of the port's base data: the flow's image and site areas, or the capacity. */
export function siteView(module: KpiModule): { flow: Flow | null; figures: Figure[] } {
  switch (module) {
    case 'PASSENGER_VEHICLE':
      return { flow: 'PASSENGER_VEHICLE', figures: ['vehicleInspectionAreaM2', 'vehicleDepartureAreaM2'] }
    case 'PASSENGER':
      return { flow: 'PASSENGER', figures: ['vehicleInspectionAreaM2', 'vehicleDepartureAreaM2'] }
    case 'FREIGHT':
      return { flow: 'TRUCK', figures: ['truckInspectionAreaM2', 'truckDepartureAreaM2'] }
    case 'EFFICIENCY':
      return { flow: null, figures: CAPACITY_FIGURES }
    default:
      return { flow: null, figures: [] }
  }
}

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

/** The checks the service makes too, so an administrator hears of a wrong file before it is sent (null: fine). */
export function imageProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return 'type'
  if (file.size <= 0 || file.size > MAX_IMAGE_BYTES) return 'size'
  return null
}

/** A figure as entered: blank is "not given" (null); otherwise a number ≥ 0 (areas two decimals, counts whole). */
export function parseFigure(figure: Figure, text: string): number | null | 'invalid' {
  const s = text.trim().replace(/,/g, '')
  if (s === '') return null
  const area = AREA_FIGURES.includes(figure)
  if (!(area ? /^\d+(\.\d{1,2})?$/ : /^\d+$/).test(s)) return 'invalid'
  const v = Number(s)
  return area ? (v <= 100_000_000 ? v : 'invalid') : v <= 10_000_000_000 ? v : 'invalid'
}

/** Thousands separators, "—" for a figure not given. */
export function formatFigure(v: number | null | undefined, locale: string): string {
  return v === null || v === undefined ? '—' : new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN').format(v)
}
