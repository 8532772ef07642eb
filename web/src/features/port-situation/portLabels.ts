import type { PortOverview } from './api'

/**
 * GIS 地图港口标注展示 — the ports on the island map: a marker per port shaped and coloured by its kind (seaport,
 * airport, inspection site), labelled with its name and, when it has open alerts, their number; the tooltip gives the
 * port's annotation (kind, vessels near it, gates online of all, open alerts, today's entries).
 */
export interface PortLabelTexts {
  kinds: Record<PortOverview['kind'], string>
  vesselsNear: string
  gates: string
  openAlerts: string
  entriesToday: string
}

export const PORT_STYLE: Record<PortOverview['kind'], { symbol: string; color: string }> = {
  SEAPORT: { symbol: 'circle', color: '#00e5ff' },
  AIRPORT: { symbol: 'triangle', color: '#ffc53d' },
  SITE: { symbol: 'diamond', color: '#3ddc97' },
}

/** The label on the map: the name, and the open alerts in brackets when there are any. */
export function portLabel(p: PortOverview, zh: boolean): string {
  const name = zh ? p.nameZh : p.nameEn
  return p.openAlerts > 0 ? `${name}（${p.openAlerts}）` : name
}

/** Today's entries of all flows at the port. */
export function entriesToday(p: PortOverview): number {
  return Object.entries(p.today).filter(([k]) => k.endsWith('.ENTRY')).reduce((s, [, v]) => s + Number(v), 0)
}

/** The port's annotation in the tooltip, one line each (HTML lines for ECharts). */
export function portTooltip(p: PortOverview, zh: boolean, texts: PortLabelTexts): string {
  const lines = [
    `<b>${escapeHtml(zh ? p.nameZh : p.nameEn)}</b> · ${escapeHtml(texts.kinds[p.kind])}`,
    `${escapeHtml(texts.vesselsNear)}: ${p.vesselsNear}`,
    `${escapeHtml(texts.gates)}: ${p.gates?.online ?? 0} / ${p.gates?.gates ?? 0}`,
    `${escapeHtml(texts.openAlerts)}: ${p.openAlerts}`,
    `${escapeHtml(texts.entriesToday)}: ${entriesToday(p)}`,
  ]
  return lines.join('<br/>')
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** The ports series of the island map (effect scatter on the geo coordinate system). */
export function portMarkerSeries(ports: PortOverview[], zh: boolean, name: string, texts: PortLabelTexts, textColor: string) {
  return {
    name,
    type: 'effectScatter',
    coordinateSystem: 'geo',
    symbolSize: 12,
    rippleEffect: { scale: 3 },
    label: { show: true, position: 'right', color: textColor, formatter: '{b}' },
    data: ports.map((p) => ({
      name: portLabel(p, zh),
      value: [p.longitude, p.latitude, p.openAlerts],
      code: p.code,
      symbol: PORT_STYLE[p.kind].symbol,
      itemStyle: { color: p.openAlerts > 0 ? '#ff7875' : PORT_STYLE[p.kind].color },
      tooltip: { formatter: () => portTooltip(p, zh, texts) },
    })),
  }
}
