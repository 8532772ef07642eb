import { describe, expect, it } from 'vitest'
import { trailSteps } from './approvalTrail'

describe('approval trail', () => {
  it('orders the documents and times each step and says where the approval stands', () => {
    const { steps, status } = trailSteps([
      { documentNo: 'RL1', kind: 'RELEASE', portCode: 'YANGPU_PORT', occurredAt: '2026-11-27T02:30:00Z' },
      { documentNo: 'MF1', kind: 'MANIFEST', portCode: 'YANGPU_PORT', occurredAt: '2026-11-27T01:00:00Z' },
      { documentNo: 'DC1', kind: 'DECLARATION', portCode: 'YANGPU_PORT', occurredAt: '2026-11-27T01:45:30Z' },
    ])
    expect(steps.map((s) => s.kind)).toEqual(['MANIFEST', 'DECLARATION', 'RELEASE'])
    expect(steps.map((s) => s.minutesSincePrevious)).toEqual([null, 45.5, 44.5])
    expect(status).toBe('RELEASED')
  })

  it('is declared without a release, manifested with a manifest only, nothing without documents', () => {
    expect(trailSteps([{ documentNo: 'DC', kind: 'DECLARATION', portCode: 'X', occurredAt: '2026-01-01T00:00:00Z' }]).status)
      .toBe('DECLARED')
    expect(trailSteps([{ documentNo: 'MF', kind: 'MANIFEST', portCode: 'X', occurredAt: '2026-01-01T00:00:00Z' }]).status)
      .toBe('MANIFESTED')
    expect(trailSteps([])).toEqual({ steps: [], status: null })
  })
})
