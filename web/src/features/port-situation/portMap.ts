import { api } from '@/api'
import { BASE, type Page } from './api'

/** 口岸二维地图 — a port's areas, zones and points from the base data, drawn on longitude/latitude axes. */

export interface MapZone {
  code: string
  nameZh: string
  nameEn?: string | null
  kind: string
  portCode?: string | null
  polygon: number[][]
  status: string
}

export interface MapPoint {
  code: string
  nameZh: string
  nameEn?: string | null
  zoneCode: string
  kind: string
  latitude: number
  longitude: number
}

/** The zones of the base data that are key areas of a port (重点区域: key areas, first-line and second-line areas). */
export const KEY_AREA_KINDS = ['KEY_AREA', 'FIRST_LINE', 'SECOND_LINE'] as const

/** A port's zones and the points inside them (a point belongs to a port through its zone). */
export async function portMap(portCode: string): Promise<{ zones: MapZone[]; points: MapPoint[] }> {
  const zones = await api.get<Page<MapZone>>(`${BASE}/base-data/zones`, { query: { portCode, size: 200 } })
  const codes = new Set(zones.content.map((z) => z.code))
  const points = await api.get<Page<MapPoint>>(`${BASE}/base-data/zone-points`, { query: { size: 200 } })
  return { zones: zones.content, points: points.content.filter((p) => codes.has(p.zoneCode)) }
}

/** The key areas of a port by line (一线 / 二线 / 重点区域), with the points (cameras, gates, berths) each holds. */
export function keyAreas(zones: MapZone[], points: MapPoint[]) {
  return zones.filter((z) => (KEY_AREA_KINDS as readonly string[]).includes(z.kind)).map((z) => ({
    code: z.code, nameZh: z.nameZh, nameEn: z.nameEn ?? null, kind: z.kind,
    devices: points.filter((p) => p.zoneCode === z.code).map((p) => ({ code: p.code, kind: p.kind, nameZh: p.nameZh })),
  }))
}

const COLOURS: Record<string, string> = { RESTRICTED: '#d9534f', CHANNEL: '#5bc0de', ANCHORAGE: '#8e7cc3',
  KEY_AREA: '#f0ad4e', FIRST_LINE: '#e67e22', SECOND_LINE: '#27ae60', YARD: '#95a5a6', INSPECTION: '#2980b9' }

/** The 2D map: each zone a closed, filled outline with its name; each point a marker labelled with its name. */
export function portMapOption(zones: MapZone[], points: MapPoint[], locale: string): Record<string, unknown> {
  const label = (o: { nameZh: string; nameEn?: string | null }) => (locale === 'en' && o.nameEn ? o.nameEn : o.nameZh)
  const drawn = zones.filter((z) => z.polygon && z.polygon.length >= 3)
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    xAxis: { type: 'value', scale: true, name: 'lon' },
    yAxis: { type: 'value', scale: true, name: 'lat' },
    series: [
      ...drawn.map((z) => ({
        type: 'line', name: label(z), showSymbol: false,
        lineStyle: { color: COLOURS[z.kind] ?? '#7f8c8d' },
        areaStyle: { color: COLOURS[z.kind] ?? '#7f8c8d', opacity: 0.2 },
        data: [...z.polygon, z.polygon[0]].map(([lon, lat]) => [lon, lat]),
      })),
      {
        type: 'scatter', name: locale === 'en' ? 'Points' : '点位', symbolSize: 10,
        label: { show: true, position: 'right', formatter: '{b}' },
        data: points.map((p) => ({ name: label(p), value: [p.longitude, p.latitude], kind: p.kind })),
      },
    ],
  }
}
