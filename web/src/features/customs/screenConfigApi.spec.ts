import { describe, expect, it } from 'vitest'
import { missingRequired, sectionFields, shows, templateBody, withDefaults, type ScreenConfig, type ScreenField } from './screenConfigApi'

const f = (section: ScreenField['section'], field: string, position: number, required = false, defaultValue: string | null = null): ScreenField =>
  ({ section, field, position, required, defaultValue, labelZh: field, labelEn: field })

const entry: ScreenConfig = {
  declarationType: 'DIRECT_RELEASE', screen: 'ENTRY', version: 3, updatedBy: 'op', updatedAt: null,
  fields: [f('HEADER', 'remark', 2, false, '一线径予放行'), f('HEADER', 'contractNo', 1, true), f('ITEM', 'hsCode', 1, true), f('ITEM', 'name', 2)],
}

describe('screen configuration on the entry and list screens', () => {
  it('orders a section by position and shows only configured fields', () => {
    expect(sectionFields(entry, 'HEADER').map((x) => x.field)).toEqual(['contractNo', 'remark'])
    expect(shows(entry, 'HEADER', 'vesselName')).toBe(false)
    expect(shows(entry, 'ITEM', 'name')).toBe(true)
    expect(shows({ ...entry, version: 0 }, 'HEADER', 'vesselName')).toBe(true)
    expect(shows(null, 'RESULT', 'customsNo')).toBe(true)
  })

  it('fills blank fields with defaults and keeps what the declarant typed', () => {
    expect(withDefaults(entry, 'HEADER', { remark: '  ', contractNo: 'HT-1' })).toEqual({ remark: '一线径予放行', contractNo: 'HT-1' })
    expect(withDefaults(entry, 'HEADER', { remark: '自填' }).remark).toBe('自填')
  })

  it('names the required fields left blank, per goods item', () => {
    expect(missingRequired(entry, { contractNo: '' }, [{ hsCode: '3907610000' }, { hsCode: null }])).toEqual(['contractNo', '2.hsCode'])
    expect(missingRequired(entry, { contractNo: 'HT-1' }, [{ hsCode: '3907610000' }])).toEqual([])
  })

  it('sends the fields in order without labels or positions', () => {
    expect(templateBody(sectionFields(entry, 'HEADER'), 3)).toEqual({
      version: 3,
      fields: [
        { section: 'HEADER', field: 'contractNo', required: true, defaultValue: null },
        { section: 'HEADER', field: 'remark', required: false, defaultValue: '一线径予放行' },
      ],
    })
  })
})
