import type { ChartOption } from '@/components/echarts'

/** `GET /low-altitude/statistics`: subjects by kind and state, effective declared reports by activity, airport and month. */
export interface LowAltitudeStatistics {
  subjects: { active: number; enterprises: number; individuals: number; revoked: number }
  reports: { activity: 'CARGO' | 'PASSENGER'; airport: string; month: string; reports: number }[]
}

export interface ChartLabels {
  cargo: string
  passenger: string
  enterprises: string
  individuals: string
  revoked: string
}

function activityName(activity: string, labels: ChartLabels) {
  return activity === 'CARGO' ? labels.cargo : labels.passenger
}

/** Bars of reports per category (month or airport), one series per activity; categories sorted. */
function byCategory(rows: LowAltitudeStatistics['reports'], key: 'month' | 'airport', labels: ChartLabels): ChartOption {
  const categories = [...new Set(rows.map((r) => r[key]))].sort()
  const activities = [...new Set(rows.map((r) => r.activity))].sort()
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: activities.map((activity) => ({
      type: 'bar',
      name: activityName(activity, labels),
      data: categories.map((c) => rows.filter((r) => r.activity === activity && r[key] === c)
        .reduce((sum, r) => sum + Number(r.reports), 0)),
    })),
  } as unknown as ChartOption
}

/** 报送业务统计分析: reports per month. */
export function reportsByMonth(stats: LowAltitudeStatistics, labels: ChartLabels): ChartOption {
  return byCategory(stats.reports, 'month', labels)
}

/** 报送机场统计分析: reports per airport. */
export function reportsByAirport(stats: LowAltitudeStatistics, labels: ChartLabels): ChartOption {
  return byCategory(stats.reports, 'airport', labels)
}

/** 报送主体信息登记统计分析: registered subjects, enterprises against individuals, and the revoked. */
export function subjectsPie(stats: LowAltitudeStatistics, labels: ChartLabels): ChartOption {
  const s = stats.subjects
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie',
      radius: ['35%', '65%'],
      data: [
        { name: labels.enterprises, value: Number(s.enterprises) },
        { name: labels.individuals, value: Number(s.individuals) },
        { name: labels.revoked, value: Number(s.revoked) },
      ],
    }],
  } as unknown as ChartOption
}
