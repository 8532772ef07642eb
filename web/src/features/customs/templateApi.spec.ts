import { describe, expect, it } from 'vitest'
import { templateBody } from './templateApi'

describe('template requests', () => {
  const draft = {
    declarationType: 'DIRECT_RELEASE' as const,
    header: { declareCustoms: '6400', vesselName: '  ', voyageNo: null, packages: 3 },
    items: [{ hsCode: '3907610000', name: '聚酯切片' }],
  }

  it('keeps only filled header fields and leaves the items out of an initial-value template', () => {
    expect(templateBody('INITIAL_VALUE', ' 常用 ', draft)).toEqual({
      kind: 'INITIAL_VALUE', declarationType: 'DIRECT_RELEASE', importExport: 'IMPORT', name: '常用',
      header: { declareCustoms: '6400', packages: 3 }, items: [],
    })
  })

  it('takes the goods items into an entry template', () => {
    expect(templateBody('ENTRY', 'PET', draft, 'EXPORT').items).toEqual(draft.items)
    expect(templateBody('ENTRY', 'PET', draft, 'EXPORT').importExport).toBe('EXPORT')
  })
})

describe('print template requests', async () => {
  const { orderedColumns, PRINTABLE_STATES } = await import('./printTemplateApi')
  it('keeps the form order of the ticked columns and never offers the deleted state', () => {
    expect(orderedColumns(['LEVY', 'HS_CODE', 'SEQ'])).toEqual(['SEQ', 'HS_CODE', 'LEVY'])
    expect(PRINTABLE_STATES).not.toContain('DELETED')
    expect(PRINTABLE_STATES).toContain('DRAFT')
  })
})
