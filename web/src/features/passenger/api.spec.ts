import { describe, expect, it } from 'vitest'
import { emptyItem, statusTag, totalCny } from './api'
import { messages } from './messages'

describe('passenger feature helpers', () => {
  it('adds declared values in CNY with the exchange rates of the settings', () => {
    const items = [{ ...emptyItem(), value: '100', currency: 'USD' }, { ...emptyItem(), value: '50.5' }]
    expect(totalCny(items, { CNY: 1, USD: 7.1 })).toBe(760.5)
  })

  it('ignores an unknown currency instead of guessing a rate', () => {
    expect(totalCny([{ ...emptyItem(), value: '10', currency: 'XYZ' }], { CNY: 1 })).toBe(0)
  })

  it('colours final, pending and refused states differently', () => {
    expect(statusTag('RELEASED')).toBe('success')
    expect(statusTag('TAX_DUE')).toBe('warning')
    expect(statusTag('REJECTED')).toBe('danger')
    expect(statusTag('QUEUED')).toBe('primary')
  })

  it('has every message in both languages', () => {
    const keys = (tree: object, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`))
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })
})
