import { describe, expect, it } from 'vitest'
import { canResubmit } from './api'

describe('declaration resubmission (重新申报)', () => {
  it('is offered only for a declaration the Single Window rejected or customs returned', () => {
    expect(canResubmit('RETURNED')).toBe(true)
    expect(canResubmit('SW_REJECTED')).toBe(true)
    for (const s of ['DRAFT', 'SUBMITTED', 'SW_ACCEPTED', 'ACCEPTED', 'RELEASED', 'WITHDRAWN', 'DELETED'] as const) {
      expect(canResubmit(s)).toBe(false)
    }
    expect(canResubmit(undefined)).toBe(false)
  })
})
