import { describe, expect, it } from 'vitest'
import { remainingLines, writeOffProgress, type VerificationListLine } from './secondLineApi'

function line(seq: number, quantity: number, writtenOff: number): VerificationListLine {
  return { seq, ledgerItemNo: null, hsCode: '3907610000', name: '聚酯切片', specification: null, quantity, unit: '035',
    unitPrice: 8.5, totalPrice: quantity * 8.5, currency: 'CNY', originCountry: 'CHN', writtenOff }
}

describe('second-line helpers', () => {
  it('shows the write-off progress of the list a declaration names, or a dash without one', () => {
    expect(writeOffProgress({ listQuantity: 1200, listWrittenOff: 800 })).toBe('800 / 1200')
    expect(writeOffProgress({ listQuantity: 50, listWrittenOff: null })).toBe('0 / 50')
    expect(writeOffProgress({ listQuantity: null, listWrittenOff: null })).toBe('—')
  })

  it('offers only the lines with something left to declare', () => {
    const left = remainingLines({ items: [line(1, 1200, 800), line(2, 10, 10), line(3, 5, 0)] })
    expect(left.map((l) => l.seq)).toEqual([1, 3])
  })
})
