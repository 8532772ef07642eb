import { describe, expect, it } from 'vitest'
import { byTarget, cleanWatches, streamUrl, type WallEntry } from './liveVideo'
import { slotClass, tierGrid, tiersOf, type YardSlot } from './containerYard'

const entry = (cameraCode: string, targetCode: string, targetNameZh: string | null): WallEntry => ({
  cameraCode, nameZh: `${cameraCode}摄像机`, kind: 'HIGH', portCode: 'XINHAI_PORT', wall: 'GATE', role: 'ENTRY',
  targetCode, targetNameZh, targetNameEn: targetNameZh ? `${targetCode} gate` : null,
})

const slot = (containerNo: string, bay: number, row: number, tier: number, extra: Partial<YardSlot> = {}): YardSlot => ({
  containerNo, portCode: 'YANGPU_PORT', block: 'A01', bay, row, tier, trade: 'FOREIGN', direction: 'IMPORT',
  laden: true, since: '2026-11-27T08:00:00Z', ...extra,
})

describe('live video walls', () => {
  it('opens the signed path through the API base of the same origin', () => {
    const p = { cameraCode: 'C1', nameZh: 'C1', format: 'MJPEG' as const, streamPath: '/v1/public/live-video/streams/C1?exp=1&sig=x', expiresAt: '' }
    expect(streamUrl(p, '/api')).toBe('/api/port-situation/v1/public/live-video/streams/C1?exp=1&sig=x')
  })

  it('groups a wall by the gate or zone watched and the port as a whole where none', () => {
    const groups = byTarget([entry('C1', 'XINHAI-VEHICLE-ENTRY', '车辆入场卡口'), entry('C2', '', null),
      entry('C3', 'XINHAI-VEHICLE-ENTRY', '车辆入场卡口')], false)
    expect(groups.map((g) => g.label)).toEqual(['XINHAI_PORT · 车辆入场卡口', 'XINHAI_PORT'])
    expect(groups[0].entries.map((e) => e.cameraCode)).toEqual(['C1', 'C3'])
    expect(byTarget([entry('C1', 'XINHAI-VEHICLE-ENTRY', '车辆入场卡口')], true)[0].label)
      .toBe('XINHAI_PORT · XINHAI-VEHICLE-ENTRY gate')
  })
})

describe('container yard', () => {
  it('lays one tier of a block out by row and bay with empty cells where nothing stands', () => {
    const slots = [slot('A', 1, 1, 1), slot('B', 3, 2, 1), slot('C', 1, 1, 2), slot('D', 5, 1, 1, { block: 'A02' })]
    const grid = tierGrid(slots, 'A01', 1)
    expect(grid.bays).toEqual([1, 3])
    expect(grid.rows.map((r) => r.row)).toEqual([1, 2])
    expect(grid.rows[0].cells.map((c) => c?.containerNo ?? null)).toEqual(['A', null])
    expect(grid.rows[1].cells.map((c) => c?.containerNo ?? null)).toEqual([null, 'B'])
    expect(tierGrid(slots, 'A01', 2).rows[0].cells.map((c) => c?.containerNo ?? null)).toEqual(['C', null])
    expect(tiersOf(slots, 'A01')).toEqual([2, 1])
  })

  it('tells foreign import and export boxes from domestic and empty ones', () => {
    expect(slotClass(slot('A', 1, 1, 1))).toBe('foreign-in')
    expect(slotClass(slot('A', 1, 1, 1, { direction: 'EXPORT' }))).toBe('foreign-out')
    expect(slotClass(slot('A', 1, 1, 1, { trade: 'DOMESTIC' }))).toBe('domestic')
    expect(slotClass(slot('A', 1, 1, 1, { laden: false }))).toBe('empty')
  })
})

describe('camera video access', () => {
  it('sends each watch once with a role its wall allows and the target trimmed', () => {
    expect(cleanWatches([
      { wall: 'GATE', role: 'ENTRY', targetCode: ' XINHAI-VEHICLE-ENTRY ' },
      { wall: 'GATE', role: 'ENTRY', targetCode: 'XINHAI-VEHICLE-ENTRY' },
      { wall: 'EFFICIENCY', role: 'ENTRY', targetCode: '' },
      { wall: 'KEY_AREA', role: 'KEY_AREA', targetCode: 'XH-KEY-1' },
    ])).toEqual([
      { wall: 'GATE', role: 'ENTRY', targetCode: 'XINHAI-VEHICLE-ENTRY' },
      { wall: 'EFFICIENCY', role: 'BOARDING_GATE', targetCode: '' },
      { wall: 'KEY_AREA', role: 'KEY_AREA', targetCode: 'XH-KEY-1' },
    ])
  })
})
