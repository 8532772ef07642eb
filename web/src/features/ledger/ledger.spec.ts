import { describe, expect, it } from 'vitest'
import { linkOptions, statusTag, type Commodity, type LedgerStock } from './api'
import messages from './messages'
import { flattenKeys } from '@/i18n/messages'

const commodities: Commodity[] = [
  { id: 1, itemNo: 'YP-1', itemKind: 'MATERIAL', hsCode: '8471300000', nameZh: '笔记本电脑', unit: '台' },
  { id: 2, itemNo: 'YP-2', itemKind: 'FINISHED_PRODUCT', hsCode: '8517620000', nameZh: '路由器', unit: '台' },
]
const stock: LedgerStock[] = [
  { id: 7, itemNo: 'YP-1', itemKind: 'GOODS', hsCode: '8471300000', nameZh: '笔记本电脑', unit: '台', quantity: 50, postedTotal: 50, postings: 3 },
]

describe('ledger feature', () => {
  it('offers the link targets the line kind allows', () => {
    expect(linkOptions({ kind: 'MATERIAL', link: 'COMMODITY_LIBRARY', sourceTypes: [] }, commodities, stock, [])).toHaveLength(1)
    expect(linkOptions({ kind: 'GOODS', link: 'COMMODITY_LIBRARY', sourceTypes: [] }, commodities, stock, [])).toHaveLength(2)
    expect(linkOptions({ kind: 'GOODS', link: 'LEDGER_STOCK', sourceTypes: [] }, commodities, stock, [])[0].value).toBe(7)
    expect(linkOptions({ kind: 'GOODS', link: 'NONE', sourceTypes: [] }, commodities, stock, [])).toEqual([])
    expect(linkOptions(undefined, commodities, stock, [])).toEqual([])
  })

  it('colours states', () => {
    expect(statusTag('APPROVED')).toBe('success')
    expect(statusTag('RETURNED')).toBe('danger')
    expect(statusTag('DRAFT')).toBe('primary')
  })

  it('has every message in both languages', () => {
    expect(flattenKeys(messages.en).sort()).toEqual(flattenKeys(messages['zh-CN']).sort())
  })
})

describe('ledger home and warnings', () => {
  it('moves a menu entry and leaves the ends alone', async () => {
    const { moveEntry, MENU_ENTRIES } = await import('./api')
    expect(moveEntry(MENU_ENTRIES, 1, -1).slice(0, 2)).toEqual(['ledgers', 'home'])
    expect(moveEntry(MENU_ENTRIES, 0, -1)).toEqual([...MENU_ENTRIES])
    expect(moveEntry(MENU_ENTRIES, MENU_ENTRIES.length - 1, 1)).toEqual([...MENU_ENTRIES])
    expect(new Set(moveEntry(MENU_ENTRIES, 2, 3)).size).toBe(MENU_ENTRIES.length)
  })

  it('computes the warning level as the server does', async () => {
    const { warningLevel } = await import('./api')
    expect(warningLevel(80, 10)).toBe(88)
    expect(warningLevel(80, 0)).toBe(80)
    expect(warningLevel(3, 33.33)).toBeCloseTo(3.9999, 4)
  })

  it('has a title for every menu entry in both languages', async () => {
    const { MENU_ENTRIES } = await import('./api')
    for (const lang of ['zh-CN', 'en'] as const) {
      const tabs = (messages[lang].ledger as Record<string, Record<string, string>>).tabs
      for (const entry of MENU_ENTRIES) expect(tabs[entry]).toBeTruthy()
    }
  })
})
