import { describe, expect, it } from 'vitest'
import { reportsByAirport, reportsByMonth, subjectsPie, type LowAltitudeStatistics } from './lowAltitudeCharts'

const labels = { cargo: '货运', passenger: '载客', enterprises: '企业', individuals: '个人', revoked: '已撤销' }
const stats: LowAltitudeStatistics = {
  subjects: { active: 5, enterprises: 3, individuals: 2, revoked: 1 },
  reports: [
    { activity: 'PASSENGER', airport: '三亚凤凰', month: '2026-11', reports: 2 },
    { activity: 'CARGO', airport: '海口美兰', month: '2026-10', reports: 4 },
    { activity: 'CARGO', airport: '三亚凤凰', month: '2026-11', reports: 1 },
    { activity: 'CARGO', airport: '海口美兰', month: '2026-11', reports: 3 },
  ],
}

type Bars = { xAxis: { data: string[] }; series: { name: string; data: number[] }[] }

describe('low-altitude statistics charts', () => {
  it('sums reports per month, one bar series per activity, months in order', () => {
    const option = reportsByMonth(stats, labels) as unknown as Bars
    expect(option.xAxis.data).toEqual(['2026-10', '2026-11'])
    expect(option.series.map((s) => s.name)).toEqual(['货运', '载客'])
    expect(option.series[0].data).toEqual([4, 4])
    expect(option.series[1].data).toEqual([0, 2])
  })

  it('sums reports per airport', () => {
    const option = reportsByAirport(stats, labels) as unknown as Bars
    expect(option.xAxis.data).toEqual(['三亚凤凰', '海口美兰'])
    expect(option.series[0].data).toEqual([1, 7])
    expect(option.series[1].data).toEqual([2, 0])
  })

  it('shows registered enterprises, individuals and revoked subjects', () => {
    const option = subjectsPie(stats, labels) as unknown as { series: { data: { name: string; value: number }[] }[] }
    expect(option.series[0].data).toEqual([
      { name: '企业', value: 3 }, { name: '个人', value: 2 }, { name: '已撤销', value: 1 },
    ])
  })

  it('draws empty charts when nothing was reported', () => {
    const option = reportsByMonth({ subjects: stats.subjects, reports: [] }, labels) as unknown as Bars
    expect(option.xAxis.data).toEqual([])
    expect(option.series).toEqual([])
  })
})
