import { describe, expect, it } from 'vitest'
import { beijingToInstant, formatInstant } from './time'

describe('Beijing time on screens', () => {
  it('shows instants in Asia/Shanghai whatever the browser zone', () => {
    expect(formatInstant('2026-03-01T02:03:04Z')).toBe('2026-03-01 10:03:04')
    expect(formatInstant('2025-12-31T16:00:00Z')).toBe('2026-01-01 00:00:00')
    expect(formatInstant('not a time')).toBe('not a time')
    expect(formatInstant(undefined)).toBe('')
  })

  it('reads a picked wall-clock time as Beijing time', () => {
    expect(beijingToInstant('2026-03-01T10:00:00')).toBe('2026-03-01T02:00:00.000Z')
    expect(beijingToInstant('2026-01-01 00:00')).toBe('2025-12-31T16:00:00.000Z')
    expect(beijingToInstant('')).toBeUndefined()
    expect(beijingToInstant('yesterday')).toBeUndefined()
  })
})
