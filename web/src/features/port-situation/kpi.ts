import { api } from '@/api'
import { BASE } from './api'

/** 口岸指标体系 — the indicator catalogue of the one map and the thematic analyses, and the charts drawn from it. */

export const KPI_MODULES = ['PASSENGER_VEHICLE', 'PASSENGER', 'FREIGHT', 'FACILITY', 'EFFICIENCY', 'COLLABORATION',
  'TRADE', 'LOGISTICS', 'MONITORING', 'ECONOMY'] as const
export type KpiModule = (typeof KPI_MODULES)[number]
export type KpiPeriod = 'TODAY' | 'WEEK' | 'MONTH' | 'YEAR'

export interface Indicator {
  key: string
  module: KpiModule
  nameZh: string
  nameEn: string
  flow?: string | null
  unitZh: string
  unitEn: string
  source: 'FACT' | 'FLOW' | 'GATE_PASS' | 'FACILITY' | 'INCIDENT' | 'GATE' | 'ALERT'
  subject?: string | null
  filter: Record<string, unknown>
  aggregation: 'SUM' | 'AVG' | 'RATIO' | 'LATEST' | 'DISTINCT'
  measure: string
  denominator?: string | null
  breakdowns: string[]
  fps: number[]
  snapshot: boolean
}

export interface KpiTarget {
  indicatorKey: string
  target: number
  comparison: 'AT_MOST' | 'AT_LEAST'
  enabled: boolean
}

export interface PortValue {
  portCode: string
  nameZh: string
  nameEn: string
  kind: string
  value: number | null
  rank: number | null
  meetsTarget?: boolean | null
}

export interface KpiValues {
  indicator: Indicator
  from?: string | null
  to: string
  portCode?: string | null
  total: number | null
  ports: PortValue[]
  target?: KpiTarget | null
  meetsTarget?: boolean | null
}

export interface KpiTrend {
  indicator: Indicator
  bucket: string
  points: { bucket: string; value: number | null; anomaly: boolean }[]
}

export interface KpiBreakdown {
  indicator: Indicator
  by: string
  rows: { key: string; value: number | null; share: number | null }[]
}

export interface KpiHeatMap {
  indicator: Indicator
  cells: { portCode: string; hour: number; value: number | null }[]
}

export interface KpiPeaks {
  indicator: Indicator
  months: { month: string; value: number; days: number; dailyAverage: number }[]
  peakMonth?: { month: string; dailyAverage: number } | null
  offPeakMonth?: { month: string; dailyAverage: number } | null
  peakMonthPeakHour?: { hour: number; dailyAverage: number } | null
  peakHour?: { bucket: string; value: number } | null
}

export interface KpiRadar {
  axes: { key: string; nameZh: string; nameEn: string; max: number }[]
  ports: { portCode: string; nameZh: string; nameEn: string; values: Record<string, number | null>;
    scores: Record<string, number | null> }[]
}

/** The query of a KPI call: a period, a port (drill-down) and equalities on further dimensions (`d.enterprise`). */
export function kpiQuery(period: KpiPeriod, portCode?: string | null, where: Record<string, string> = {},
  extra: Record<string, string | number> = {}): Record<string, string | number> {
  const q: Record<string, string | number> = { period, ...extra }
  if (portCode) q.portCode = portCode
  for (const [k, v] of Object.entries(where)) {
    if (v && v.trim()) q[`d.${k}`] = v.trim()
  }
  return q
}

const KPI = `${BASE}/monitoring/kpi`
const path = (key: string) => `${KPI}/indicators/${encodeURIComponent(key)}`

export const kpi = {
  indicators: (module?: KpiModule) => api.get<Indicator[]>(`${KPI}/indicators`, { query: module ? { module } : {} }),
  values: (key: string, query: Record<string, string | number>) => api.get<KpiValues>(`${path(key)}/values`, { query }),
  trend: (key: string, query: Record<string, string | number>) => api.get<KpiTrend>(`${path(key)}/trend`, { query }),
  breakdown: (key: string, query: Record<string, string | number>) =>
    api.get<KpiBreakdown>(`${path(key)}/breakdown`, { query }),
  peaks: (key: string, query: Record<string, string | number>) => api.get<KpiPeaks>(`${path(key)}/peaks`, { query }),
  heatMap: (key: string, query: Record<string, string | number>) => api.get<KpiHeatMap>(`${path(key)}/heat-map`, { query }),
  radar: (keys: string[], query: Record<string, string | number>) =>
    api.get<KpiRadar>(`${KPI}/radar`, { query: { ...query, keys: keys.join(',') } }),
  setTarget: (key: string, target: number, comparison: 'AT_MOST' | 'AT_LEAST') =>
    api.put<KpiTarget>(`${path(key)}/target`, { target, comparison, enabled: true }),
  enableTarget: (key: string, enabled: boolean) =>
    api.post<KpiTarget>(`${path(key)}/target/${enabled ? 'enable' : 'disable'}`, {}),
}

/** One row of the gate entry/exit carousels (进卡/出卡轮播表, 旅检闸机/查验通道轮播表). */
export interface CarouselRow {
  at: string
  portCode: string
  gateCode: string
  gateType: string
  gateNameZh: string
  gateNameEn: string
  lane?: number | null
  plateNumber?: string | null
  personId?: string | null
  inspectionStatus: 'PENDING' | 'RELEASED' | 'INSPECTION' | 'HELD'
}

/** The gate flow whose carousels a theme shows (none for the analyses that are not about a supervised object). */
export function carouselFlow(module: KpiModule): 'VEHICLE' | 'PERSON' | 'FREIGHT' | null {
  return module === 'PASSENGER_VEHICLE' ? 'VEHICLE' : module === 'PASSENGER' ? 'PERSON' : module === 'FREIGHT' ? 'FREIGHT' : null
}

export function carousel(flow: string, direction: 'IN' | 'OUT', portCode?: string | null): Promise<CarouselRow[]> {
  const query: Record<string, string | number> = { flow, direction, size: 10 }
  if (portCode) query.portCode = portCode
  return api.get<CarouselRow[]>(`${BASE}/monitoring/carousel`, { query })
}

/** 在泊船舶: a seaport with the ships now at its berths. */
export interface BerthedPort {
  code: string
  nameZh: string
  nameEn: string
  berthed: number
  ships: { mmsi: number; shipName?: string | null; imo?: number | null; callsign?: string | null; arrivedAt: string;
    berthCode?: string | null; berthNameZh?: string | null; berthNameEn?: string | null }[]
}

export function berths(portCode?: string | null): Promise<BerthedPort[]> {
  return api.get<BerthedPort[]>(`${BASE}/monitoring/berths`, { query: portCode ? { portCode } : {} })
}

/** The ships at berth of the ports, one row each, with their port's name. */
export function berthRows(ports: BerthedPort[], locale: string) {
  return ports.flatMap((p) => p.ships.map((s) => ({ ...s, port: locale === 'en' ? p.nameEn : p.nameZh,
    berth: (locale === 'en' ? s.berthNameEn : s.berthNameZh) ?? s.berthCode ?? null })))
}

const name = (o: { nameZh: string; nameEn: string }, locale: string) => (locale === 'en' ? o.nameEn : o.nameZh)

/** 排行榜: ports with a value, best first, as a horizontal bar chart; a click names the port (drill-down). */
export function rankingOption(v: KpiValues, locale: string): Record<string, unknown> {
  const rows = v.ports.filter((p) => p.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
  const unit = locale === 'en' ? v.indicator.unitEn : v.indicator.unitZh
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 40, top: 20, bottom: 30 },
    xAxis: { type: 'value', name: unit },
    yAxis: { type: 'category', inverse: true, data: rows.map((p) => name(p, locale)) },
    series: [{
      type: 'bar',
      data: rows.map((p) => ({ value: p.value, portCode: p.portCode,
        itemStyle: p.meetsTarget === false ? { color: '#d9534f' } : undefined })),
      label: { show: true, position: 'right' },
    }],
  }
}

/** 趋势图: the series with its anomalies (异常) marked. */
export function trendOption(tr: KpiTrend, locale: string): Record<string, unknown> {
  return {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: tr.points.map((p) => p.bucket) },
    yAxis: { type: 'value', name: locale === 'en' ? tr.indicator.unitEn : tr.indicator.unitZh },
    series: [{
      type: 'line',
      smooth: true,
      data: tr.points.map((p) => ({ value: p.value, symbolSize: p.anomaly ? 14 : 6,
        itemStyle: p.anomaly ? { color: '#d9534f' } : undefined })),
    }],
  }
}

/** 环状图: each key's share (top N). */
export function doughnutOption(b: KpiBreakdown): Record<string, unknown> {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['45%', '70%'], data: b.rows.map((r) => ({ name: r.key, value: r.value ?? 0 })) }],
  }
}

/** 热力图: port × hour of the day. */
export function heatMapOption(h: KpiHeatMap, ports: { portCode: string; nameZh: string; nameEn: string }[],
  locale: string): Record<string, unknown> {
  const rows = ports.filter((p) => h.cells.some((c) => c.portCode === p.portCode))
  const index = new Map(rows.map((p, i) => [p.portCode, i]))
  const data = h.cells.filter((c) => index.has(c.portCode)).map((c) => [c.hour, index.get(c.portCode), c.value ?? 0])
  const max = Math.max(1, ...data.map((d) => Number(d[2])))
  return {
    tooltip: { position: 'top' },
    grid: { left: 110, right: 20, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, i) => `${i}`) },
    yAxis: { type: 'category', data: rows.map((p) => name(p, locale)) },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ type: 'heatmap', data }],
  }
}

/** 雷达图: each port's indicators as 0–100 of the best port. */
export function radarOption(r: KpiRadar, locale: string): Record<string, unknown> {
  return {
    tooltip: {},
    legend: { type: 'scroll', bottom: 0 },
    radar: { indicator: r.axes.map((a) => ({ name: name(a, locale), max: 100 })) },
    series: [{
      type: 'radar',
      data: r.ports.filter((p) => Object.values(p.scores).some((s) => s !== null)).map((p) => ({
        name: name(p, locale), value: r.axes.map((a) => p.scores[a.key] ?? 0) })),
    }],
  }
}
