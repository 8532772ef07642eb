import { describe, expect, it } from 'vitest'
import type { PortOverview } from './api'
import { portLabel, portMarkerSeries, portTooltip, type PortLabelTexts } from './portLabels'

const port = (code: string, kind: PortOverview['kind'], openAlerts: number): PortOverview => ({
  code, nameZh: `${code}中文`, nameEn: `${code} en`, kind, latitude: 20, longitude: 110,
  today: { 'FREIGHT.ENTRY': 3, 'PASSENGER.ENTRY': 4, 'FREIGHT.RELEASE': 9 }, gates: { gates: 5, online: 4 }, openAlerts,
  vesselsNear: 7,
})
const texts: PortLabelTexts = {
  kinds: { SEAPORT: '海港', AIRPORT: '空港', SITE: '场所' }, vesselsNear: '附近船舶', gates: '卡口', openAlerts: '未关闭预警',
  entriesToday: '今日入场',
}

describe('port annotations on the island map', () => {
  it('labels each port by name with its open alerts, shaped by its kind', () => {
    const series = portMarkerSeries([port('XINHAI_PORT', 'SEAPORT', 0), port('MEILAN_AIRPORT', 'AIRPORT', 2)], true, '口岸', texts, '#fff') as any
    expect(series.data.map((d: any) => d.name)).toEqual(['XINHAI_PORT中文', 'MEILAN_AIRPORT中文（2）'])
    expect(series.data.map((d: any) => d.symbol)).toEqual(['circle', 'triangle'])
    expect(series.data[1].itemStyle.color).toBe('#ff7875')
    expect(series.data[0].code).toBe('XINHAI_PORT')
    expect(series.data[0].value).toEqual([110, 20, 0])
    expect(portLabel(port('YANGPU_PORT', 'SEAPORT', 0), false)).toBe('YANGPU_PORT en')
  })

  it('gives the port annotation in the tooltip escaped', () => {
    const p = { ...port('X', 'SITE', 1), nameZh: '<b>查验场</b>' }
    const tip = portTooltip(p, true, texts)
    expect(tip).toContain('&lt;b&gt;查验场&lt;/b&gt;')
    expect(tip).toContain('场所')
    expect(tip).toContain('附近船舶: 7')
    expect(tip).toContain('卡口: 4 / 5')
    expect(tip).toContain('未关闭预警: 1')
    expect(tip).toContain('今日入场: 7')
    const series = portMarkerSeries([p], true, '口岸', texts, '#fff') as any
    expect(series.data[0].tooltip.formatter()).toBe(tip)
  })
})
