import { describe, expect, it } from 'vitest'
import { formatLinks, formatPolygon, parseLinks, parsePolygon } from './api'
import { emptyForm, RESOURCES } from './baseDataConfig'

describe('base-data forms', () => {
  it('reads and writes polygons as the Excel files do', () => {
    const points = parsePolygon('110.15 20.05; 110.16 20.05;110.16,20.06; ')
    expect(points).toEqual([[110.15, 20.05], [110.16, 20.05], [110.16, 20.06]])
    expect(formatPolygon(points)).toBe('110.15 20.05; 110.16 20.05; 110.16 20.06')
  })

  it('reads site-label links one per line and keeps a line without a type for the service to refuse', () => {
    const links = parseLinks('GATE: XH-G01\n\nZONE:YP-KEY\nXH-G02')
    expect(links).toEqual([{ targetType: 'GATE', targetCode: 'XH-G01' }, { targetType: 'ZONE', targetCode: 'YP-KEY' },
      { targetType: '', targetCode: 'XH-G02' }])
    expect(formatLinks(links.slice(0, 2))).toBe('GATE:XH-G01\nZONE:YP-KEY')
  })

  it('has a form per resource, with switches on and a code that is fixed on edit', () => {
    expect(RESOURCES.map((r) => r.resource)).toEqual(['port-areas', 'zones', 'zone-points', 'logistics-routes',
      'site-labels', 'video-platforms'])
    const platform = emptyForm(RESOURCES[5])
    expect(platform.enabled).toBe(true)
    expect(platform.port).toBeUndefined()
    expect(RESOURCES.every((r) => r.fields[0].prop === 'code' && r.fields[0].key)).toBe(true)
  })
})
