import { describe, expect, it } from 'vitest'
import { KPI_MODULES, berthRows, carouselFlow, doughnutOption, heatMapOption, kpiQuery, radarOption, rankingOption, trendOption, type Indicator } from './kpi'
import { messages } from './messages'

const indicator: Indicator = {
  key: 'TR_VALUE', module: 'TRADE', nameZh: '进出口贸易额', nameEn: 'Import/export trade value', unitZh: '元', unitEn: 'CNY',
  source: 'FACT', subject: 'CARGO_DECLARATION', filter: { trade: 'FOREIGN' }, aggregation: 'SUM', measure: 'valueCny',
  breakdowns: ['enterprise', 'goodsType'], fps: [262, 263], snapshot: false,
}
const port = (portCode: string, nameZh: string, value: number | null, meetsTarget?: boolean) =>
  ({ portCode, nameZh, nameEn: portCode, kind: 'SEAPORT', value, rank: null, meetsTarget })

describe('KPI queries', () => {
  it('carries the period, the drilled-down port and the further dimensions as d.<name>', () => {
    expect(kpiQuery('YEAR')).toEqual({ period: 'YEAR' })
    expect(kpiQuery('TODAY', 'XINHAI_PORT', { enterprise: ' 海南椰风贸易有限公司 ', goodsType: '' }, { top: 5 }))
      .toEqual({ period: 'TODAY', portCode: 'XINHAI_PORT', 'd.enterprise': '海南椰风贸易有限公司', top: 5 })
  })
})

describe('analysis modules', () => {
  it('have a tab for the economic-benefit dimension, named in Chinese and English, without gate carousels', () => {
    expect(KPI_MODULES).toContain('ECONOMY')
    const zh = messages['zh-CN'] as unknown as { analysis: { modules: Record<string, string> } }
    const en = messages.en as unknown as { analysis: { modules: Record<string, string> } }
    for (const m of KPI_MODULES) {
      expect(zh.analysis.modules[m], m).toBeTruthy()
      expect(en.analysis.modules[m], m).toBeTruthy()
    }
    expect(zh.analysis.modules.ECONOMY).toBe('经济效益')
    expect(en.analysis.modules.ECONOMY).toBe('Economic benefit')
    expect(carouselFlow('ECONOMY')).toBeNull()
  })
})

describe('gate carousels', () => {
  it('show the gates of the supervised object of a theme, none for the analyses', () => {
    expect(carouselFlow('PASSENGER_VEHICLE')).toBe('VEHICLE')
    expect(carouselFlow('PASSENGER')).toBe('PERSON')
    expect(carouselFlow('FREIGHT')).toBe('FREIGHT')
    expect(carouselFlow('TRADE')).toBeNull()
  })
})

describe('ships at berth', () => {
  it('are one row each with their port and berth in the reader\'s language', () => {
    const rows = berthRows([{ code: 'XINHAI_PORT', nameZh: '新海港', nameEn: 'Xinhai Port', berthed: 2, ships: [
      { mmsi: 412000001, shipName: 'QIONG ZHOU 6', imo: 9734577, arrivedAt: '2026-11-27T01:00:00Z', berthCode: 'XH-B3',
        berthNameZh: '新海港3号泊位', berthNameEn: 'Xinhai berth 3' },
      { mmsi: 412000002, shipName: null, arrivedAt: '2026-11-27T02:00:00Z', berthCode: null }] }], 'zh')
    expect(rows.map((r) => [r.port, r.berth])).toEqual([['新海港', '新海港3号泊位'], ['新海港', null]])
    expect(berthRows([{ code: 'X', nameZh: '新海港', nameEn: 'Xinhai Port', berthed: 1, ships: [{ mmsi: 1, arrivedAt: '',
      berthCode: 'XH-B3', berthNameEn: null }] }], 'en')[0]).toMatchObject({ port: 'Xinhai Port', berth: 'XH-B3' })
  })
})

describe('KPI charts', () => {
  it('ranks the ports with a value, best first, marks a missed target and names the port for the drill-down', () => {
    const option = rankingOption({ indicator, to: '', total: 9, ports: [port('YANGPU_PORT', '洋浦港', 2),
      port('BASUO_PORT', '八所港', null), port('XINHAI_PORT', '新海港', 7, false)] }, 'zh') as any
    expect(option.yAxis.data).toEqual(['新海港', '洋浦港'])
    expect(option.series[0].data.map((d: any) => d.portCode)).toEqual(['XINHAI_PORT', 'YANGPU_PORT'])
    expect(option.series[0].data[0].itemStyle.color).toBe('#d9534f')
    expect(option.series[0].data[1].itemStyle).toBeUndefined()
    expect(option.xAxis.name).toBe('元')
  })

  it('marks the anomalies of a trend', () => {
    const option = trendOption({ indicator, bucket: 'hour', points: [{ bucket: '10:00', value: 60, anomaly: false },
      { bucket: '11:00', value: 600, anomaly: true }] }, 'en') as any
    expect(option.xAxis.data).toEqual(['10:00', '11:00'])
    expect(option.series[0].data[1].symbolSize).toBeGreaterThan(option.series[0].data[0].symbolSize)
    expect(option.yAxis.name).toBe('CNY')
  })

  it('draws the breakdown as a doughnut and the port × hour heat map with the ports that have data', () => {
    const d = doughnutOption({ indicator, by: 'goodsType', rows: [{ key: '机电产品', value: 30, share: 75 },
      { key: '农产品', value: null, share: null }] }) as any
    expect(d.series[0].radius).toEqual(['45%', '70%'])
    expect(d.series[0].data).toEqual([{ name: '机电产品', value: 30 }, { name: '农产品', value: 0 }])
    const h = heatMapOption({ indicator, cells: [{ portCode: 'YANGPU_PORT', hour: 10, value: 4 },
      { portCode: 'XINHAI_PORT', hour: 11, value: 9 }] }, [port('XINHAI_PORT', '新海港', 1), port('BASUO_PORT', '八所港', 0),
      port('YANGPU_PORT', '洋浦港', 1)], 'zh') as any
    expect(h.yAxis.data).toEqual(['新海港', '洋浦港'])
    expect(h.series[0].data).toEqual([[10, 1, 4], [11, 0, 9]])
    expect(h.visualMap.max).toBe(9)
    expect(h.xAxis.data).toHaveLength(24)
  })

  it('puts each port of the radar on a 0–100 scale and leaves out ports without any score', () => {
    const r = radarOption({ axes: [{ key: 'A', nameZh: '甲', nameEn: 'A', max: 10 }, { key: 'B', nameZh: '乙', nameEn: 'B', max: 4 }],
      ports: [{ portCode: 'X', nameZh: '新海港', nameEn: 'Xinhai', values: { A: 10, B: 2 }, scores: { A: 100, B: 50 } },
        { portCode: 'Y', nameZh: '洋浦港', nameEn: 'Yangpu', values: { A: null, B: null }, scores: { A: null, B: null } }] }, 'en') as any
    expect(r.radar.indicator).toEqual([{ name: 'A', max: 100 }, { name: 'B', max: 100 }])
    expect(r.series[0].data).toEqual([{ name: 'Xinhai', value: [100, 50] }])
  })
})
