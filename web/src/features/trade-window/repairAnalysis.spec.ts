import { describe, expect, it } from 'vitest'
import { analysisTotals, type AnalysisRow } from './repairAnalysis'

function row(kind: string, region: string, values: Partial<AnalysisRow>): AnalysisRow {
  return {
    kind, region_code: region, applications: 0, pending: 0, pending_competent: 0, pending_related: 0, approved: 0,
    decided: 0, changes: 0, pending_changes: 0, avg_competent_seconds: null, avg_related_seconds: null,
    supervised_enterprises: 0, ...values,
  }
}

describe('repair re-entry analysis totals', () => {
  const rows = [
    row('SHIPPING', 'danzhou', { applications: 3, pending: 1, pending_competent: 1, pending_related: 2, approved: 1, decided: 2, changes: 1, pending_changes: 1, supervised_enterprises: 1 }),
    row('SHIPPING', 'haikou', { applications: 2, approved: 2, decided: 2 }),
    row('AVIATION', 'sanya', { applications: 1, pending: 1, pending_competent: 1, pending_related: 1 }),
  ]

  it('sums every city/county into all enterprises, airlines and shipping companies, with the pass rate', () => {
    const [all, aviation, shipping] = analysisTotals(rows)
    expect(all).toMatchObject({ scope: 'ALL', applications: 6, pending: 2, pendingCompetent: 2, pendingRelated: 3, approved: 3, decided: 4, passRate: 0.75, changes: 1, pendingChanges: 1, supervisedEnterprises: 1 })
    expect(aviation).toMatchObject({ scope: 'AVIATION', applications: 1, pending: 1, pendingCompetent: 1, pendingRelated: 1, passRate: null })
    expect(shipping).toMatchObject({ scope: 'SHIPPING', applications: 5, approved: 3, decided: 4, passRate: 0.75, pendingRelated: 2 })
  })

  it('has no pass rate and zero totals when there is nothing', () => {
    expect(analysisTotals([]).map((t) => [t.scope, t.applications, t.passRate])).toEqual([
      ['ALL', 0, null], ['AVIATION', 0, null], ['SHIPPING', 0, null],
    ])
  })
})
