import { describe, expect, it } from 'vitest'
import { settingsBody, statisticQuery } from './consoleApi'

describe('customs console and statistics requests', () => {
  it('asks for the period only on the period dimension and leaves blank filters out', () => {
    expect(statisticQuery({ dimension: 'ORIGIN', period: 'YEAR', enterprise: '  ' })).toBe('dimension=ORIGIN')
    expect(statisticQuery({ dimension: 'PERIOD', period: 'QUARTER', enterprise: '91460106MA5T8K3R0A', from: '2026-01-01T00:00:00.000Z' }))
      .toBe('dimension=PERIOD&period=QUARTER&enterprise=91460106MA5T8K3R0A&from=2026-01-01T00%3A00%3A00.000Z')
  })

  it('sends blank settings as absent', () => {
    expect(settingsBody({ contact: ' 王芳 ', callbackUrl: '', note: '  ' })).toEqual({ contact: '王芳' })
  })
})
