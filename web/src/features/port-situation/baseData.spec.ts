import { describe, expect, it } from 'vitest'
import { formatLinks, formatPolygon, parseLinks, parsePolygon } from './api'
import { emptyForm, formatList, parseList, resourcesOf } from './baseDataConfig'

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
    const RESOURCES = resourcesOf('base')
    expect(RESOURCES.map((r) => r.resource)).toEqual(['port-areas', 'zones', 'zone-points', 'logistics-routes',
      'site-labels', 'video-platforms'])
    const platform = emptyForm(RESOURCES[5])
    expect(platform.enabled).toBe(true)
    expect(platform.port).toBeUndefined()
    expect(RESOURCES.every((r) => r.fields[0].prop === 'code' && r.fields[0].key)).toBe(true)
  })
})

describe('administration lists', () => {
  it('keeps permissions, menus and logs on their own screen; logs and the catalogue are read-only', () => {
    const admin = resourcesOf('admin')
    expect(admin.map((r) => r.resource)).toEqual(['organisations', 'port-users', 'port-roles', 'permissions', 'menus',
      'operation-logs', 'run-logs', 'receive-logs'])
    expect(admin.filter((r) => r.readonly).map((r) => r.resource)).toEqual(['permissions', 'operation-logs', 'run-logs',
      'receive-logs'])
    expect(admin.find((r) => r.resource === 'menus')?.enable).toBe(true)
    expect(admin.filter((r) => !r.readonly).every((r) => r.fields[0].prop === 'code' && r.fields[0].key)).toBe(true)
    const user = emptyForm(admin[1])
    expect(user.enabled).toBe(true)
    expect(user.roles).toBe('')
  })

  it('reads role and permission codes typed in one line, each once', () => {
    expect(parseList('COMMANDER, DUTY_OFFICER；COMMANDER  PORT_ALERTS,')).toEqual(['COMMANDER', 'DUTY_OFFICER', 'PORT_ALERTS'])
    expect(parseList('  ')).toEqual([])
    expect(formatList(['A', 'B'])).toBe('A, B')
    expect(formatList(undefined)).toBe('')
  })
})

describe('score board', () => {
  it('puts ranked ports first, best first, and ports without data last', async () => {
    const { scoreBoard } = await import('./api')
    const port = (portCode: string, rank: number, overall: number | null) =>
      ({ portCode, nameZh: portCode, nameEn: portCode, dimensions: {}, overall, rank })
    expect(scoreBoard([port('A', 0, null), port('B', 2, 70), port('C', 1, 90)]).map((p) => p.portCode))
      .toEqual(['C', 'B', 'A'])
  })
})

describe('container numbers', () => {
  it('checks the ISO 6346 check digit as the service does', async () => {
    const { containerNumberValid } = await import('./api')
    expect(containerNumberValid('CSQU3054383')).toBe(true)
    expect(containerNumberValid('MSKU9070323')).toBe(true)
    expect(containerNumberValid('CSQU3054384')).toBe(false)
    expect(containerNumberValid('ABCD1234567')).toBe(false)
  })
})
