/**
 * 内贸/外贸路线信息展示 — the enabled logistics routes of one trade drawn as a Sankey diagram: origin → port →
 * destination, each link as wide as the number of routes along it.
 */
export interface RouteRow {
  code: string
  trade: 'DOMESTIC' | 'FOREIGN'
  mode: 'SEA' | 'AIR'
  portCode: string
  origin: string
  destination: string
  enabled: boolean
}

const ORIGIN = 'o:'
const PORT = 'p:'
const DESTINATION = 'd:'

/** The node's name without its column prefix (an origin and a destination may share a name). */
export const nodeLabel = (name: string) => name.slice(2)

export function routeSankeyOption(routes: RouteRow[], portName: (code: string) => string = (c) => c): Record<string, unknown> {
  const nodes = new Map<string, { name: string; depth: number }>()
  const links = new Map<string, { source: string; target: string; value: number }>()
  const link = (source: string, target: string) => {
    const key = `${source}\u0000${target}`
    const l = links.get(key)
    if (l) l.value += 1
    else links.set(key, { source, target, value: 1 })
  }
  for (const r of routes.filter((x) => x.enabled)) {
    const o = ORIGIN + r.origin
    const p = PORT + portName(r.portCode)
    const d = DESTINATION + r.destination
    nodes.set(o, { name: o, depth: 0 })
    nodes.set(p, { name: p, depth: 1 })
    nodes.set(d, { name: d, depth: 2 })
    link(o, p)
    link(p, d)
  }
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey',
      data: [...nodes.values()],
      links: [...links.values()],
      nodeAlign: 'justify',
      emphasis: { focus: 'adjacency' },
      label: { formatter: (p: { name: string }) => nodeLabel(p.name) },
      lineStyle: { color: 'gradient', curveness: 0.5 },
    }],
  }
}
