import { describe, expect, it } from 'vitest'
import { creditGrade, renderTemplate, SAMPLE_VALUES, TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './api'

describe('trade-window message templates', () => {
  it('fills placeholders as the service does, an unknown value as "-"', () => {
    expect(renderTemplate('【待办】{enterprise}（{caseNumber}）待{step}', SAMPLE_VALUES))
      .toBe('【待办】海南椰风国际贸易有限公司（HYB-SIM-20261127-000001）待市县单位审核')
    expect(renderTemplate('{caseNumber} by {due}', { caseNumber: 'X' })).toBe('X by -')
  })

  it('names the placeholders the service would refuse', () => {
    expect(unknownPlaceholders('{enterprise} {applicant} {stepEn} {foo}')).toEqual(['applicant', 'foo'])
    expect(TEMPLATE_PLACEHOLDERS.every((p) => unknownPlaceholders(`{${p}}`).length === 0)).toBe(true)
  })

  it('grades a low-altitude credit score as the service does', () => {
    expect([100, 90, 89, 75, 74, 60, 59, 0].map(creditGrade)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D'])
  })
})
