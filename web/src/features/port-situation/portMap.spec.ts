import { describe, expect, it } from 'vitest'
import { keyAreas, portMapOption, type MapPoint, type MapZone } from './portMap'

const zone = (code: string, kind: string, polygon: number[][], nameEn: string | null = null): MapZone =>
  ({ code, nameZh: `${code}区`, nameEn, kind, portCode: 'YANGPU_PORT', polygon, status: 'CONFIRMED' })
const point = (code: string, zoneCode: string, kind: string): MapPoint =>
  ({ code, nameZh: `${code}点`, zoneCode, kind, latitude: 19.73, longitude: 109.19 })

describe('port 2D map', () => {
  it('draws each zone as a closed outline and each point as a labelled marker', () => {
    const zones = [zone('YP-KEY', 'KEY_AREA', [[109.18, 19.72], [109.20, 19.72], [109.20, 19.74]], 'Key'),
      zone('YP-LINE', 'LINE_ONLY', [[109.1, 19.7]])]
    const option = portMapOption(zones, [point('YP-CAM-1', 'YP-KEY', 'CAMERA_POLE')], 'en') as any
    expect(option.series).toHaveLength(2)
    expect(option.series[0].name).toBe('Key')
    expect(option.series[0].data).toEqual([[109.18, 19.72], [109.2, 19.72], [109.2, 19.74], [109.18, 19.72]])
    expect(option.series[1].type).toBe('scatter')
    expect(option.series[1].data).toEqual([{ name: 'YP-CAM-1点', value: [109.19, 19.73], kind: 'CAMERA_POLE' }])
  })

  it('lists the key, first-line and second-line areas with the devices each holds', () => {
    const zones = [zone('YP-KEY', 'KEY_AREA', []), zone('YP-1', 'FIRST_LINE', []), zone('YP-2', 'SECOND_LINE', []),
      zone('YP-NOGO', 'RESTRICTED', [])]
    const areas = keyAreas(zones, [point('YP-CAM-1', 'YP-1', 'CAMERA_POLE'), point('YP-GATE-1', 'YP-1', 'GATE'),
      point('YP-B1', 'YP-NOGO', 'BERTH')])
    expect(areas.map((a) => a.code)).toEqual(['YP-KEY', 'YP-1', 'YP-2'])
    expect(areas[1].devices.map((d) => d.code)).toEqual(['YP-CAM-1', 'YP-GATE-1'])
    expect(areas[0].devices).toEqual([])
  })
})
