/**
 * 整体统计 of the repair re-entry analysis: the server answers one row per kind and city/county; the overall figures
 * (all enterprises, airlines, shipping companies) are their sums, the pass rate approved / decided, and the average
 * approval time per unit weighted by the decisions behind each row's average.
 */
export interface AnalysisRow {
  kind: string
  region_code: string
  applications: number
  pending: number
  pending_competent: number
  pending_related: number
  approved: number
  decided: number
  changes: number
  pending_changes: number
  avg_competent_seconds: number | null
  avg_related_seconds: number | null
  supervised_enterprises: number
}

export interface AnalysisTotals {
  scope: 'ALL' | 'AVIATION' | 'SHIPPING'
  applications: number
  pending: number
  pendingCompetent: number
  pendingRelated: number
  approved: number
  decided: number
  /** approved / decided, null while nothing is decided */
  passRate: number | null
  changes: number
  pendingChanges: number
  supervisedEnterprises: number
}

export function analysisTotals(rows: AnalysisRow[]): AnalysisTotals[] {
  return (['ALL', 'AVIATION', 'SHIPPING'] as const).map((scope) => {
    const of = rows.filter((r) => scope === 'ALL' || r.kind === scope)
    const sum = (f: (r: AnalysisRow) => number) => of.reduce((a, r) => a + Number(f(r) ?? 0), 0)
    const approved = sum((r) => r.approved)
    const decided = sum((r) => r.decided)
    return {
      scope,
      applications: sum((r) => r.applications),
      pending: sum((r) => r.pending),
      pendingCompetent: sum((r) => r.pending_competent),
      pendingRelated: sum((r) => r.pending_related),
      approved,
      decided,
      passRate: decided === 0 ? null : approved / decided,
      changes: sum((r) => r.changes),
      pendingChanges: sum((r) => r.pending_changes),
      supervisedEnterprises: sum((r) => r.supervised_enterprises),
    }
  })
}
