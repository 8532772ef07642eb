import { describe, expect, it } from 'vitest'
import { grants, logQueryString } from './api'

describe('S2 permission groups on the screens', () => {
  it('shows everything to a user in no group, only the granted menus to one in a group', () => {
    expect(grants(null, 'LA_REPORTS')).toBe(true)
    expect(grants({ limited: false, groups: [], menus: [], apiPrefixes: [] }, 'LA_REPORTS')).toBe(true)
    const creditOnly = { limited: true, groups: ['LA_CREDIT_ONLY'], menus: ['LA_CREDIT', 'LA_NEGATIVE_LIST'], apiPrefixes: ['/negative-list'] }
    expect(grants(creditOnly, 'LA_REPORTS')).toBe(false)
    expect(grants(creditOnly, 'LA_WARNINGS', 'LA_CREDIT')).toBe(true)
  })

  it('leaves blank log conditions out of an export or print query', () => {
    expect(logQueryString({ actor: 'transport-reviewer', action: '', result: undefined, format: 'pdf' }))
      .toBe('actor=transport-reviewer&format=pdf')
  })
})
