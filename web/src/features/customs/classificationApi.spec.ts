import { describe, expect, it } from 'vitest'
import { parseItems, verdictTag } from './classificationApi'

describe('classification requests', () => {
  it('reads one item per line: code, name and the rest as specification', () => {
    expect(parseItems('3907610000 聚酯切片 瓶级 粘数80\n\n8471300000,智能手机\n')).toEqual([
      { seq: 1, hsCode: '3907610000', name: '聚酯切片', specification: '瓶级 粘数80' },
      { seq: 2, hsCode: '8471300000', name: '智能手机' },
    ])
  })

  it('shows a doubtful or unknown code in a warning colour', () => {
    expect(verdictTag('CONSISTENT')).toBe('success')
    expect(verdictTag('DOUBTFUL')).toBe('warning')
    expect(verdictTag('UNKNOWN_CODE')).toBe('danger')
    expect(verdictTag('NO_MATCH')).toBe('info')
  })
})
