import { describe, expect, it } from 'vitest'
import { nodeLabel, routeSankeyOption, type RouteRow } from './routeDisplay'

const route = (code: string, origin: string, portCode: string, destination: string, enabled = true): RouteRow =>
  ({ code, trade: 'DOMESTIC', mode: 'SEA', portCode, origin, destination, enabled })

describe('route display', () => {
  it('draws enabled routes origin to port to destination with one unit of width per route', () => {
    const option = routeSankeyOption([
      route('R1', '洋浦港', 'YANGPU_PORT', '钦州港'),
      route('R2', '洋浦港', 'YANGPU_PORT', '钦州港'),
      route('R3', '钦州港', 'XINHAI_PORT', '洋浦港'),
      route('R4', '洋浦港', 'YANGPU_PORT', '广州港', false),
    ], (c) => (c === 'YANGPU_PORT' ? '洋浦' : '新海'))
    const series = (option.series as { data: { name: string; depth: number }[]; links: { source: string; target: string; value: number }[] }[])[0]
    expect(series.data.map((n) => n.name).sort()).toEqual(['d:洋浦港', 'd:钦州港', 'o:洋浦港', 'o:钦州港', 'p:新海', 'p:洋浦'].sort())
    expect(series.links).toContainEqual({ source: 'o:洋浦港', target: 'p:洋浦', value: 2 })
    expect(series.links).toContainEqual({ source: 'p:洋浦', target: 'd:钦州港', value: 2 })
    expect(series.links.some((l) => l.target === 'd:广州港')).toBe(false)
    expect(nodeLabel('o:洋浦港')).toBe('洋浦港')
  })

  it('has nothing to draw without enabled routes', () => {
    const series = (routeSankeyOption([route('R9', 'A', 'YANGPU_PORT', 'B', false)]).series as { data: unknown[] }[])[0]
    expect(series.data).toEqual([])
  })
})
