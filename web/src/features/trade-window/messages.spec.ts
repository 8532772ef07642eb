import { describe, expect, it } from 'vitest'
import feature from './index'
import messages from './messages'
import type { MessageTree } from '../types'

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

describe('trade-window feature', () => {
  it('has every message in Chinese and in English, none empty', () => {
    const zh = keys(messages['zh-CN']).sort()
    const en = keys(messages.en).sort()
    expect(zh).toEqual(en)
    expect(zh.length).toBeGreaterThan(80)
    const values = (tree: MessageTree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)))
    expect(values(messages['zh-CN']).every((v) => v.trim().length > 0)).toBe(true)
    expect(values(messages.en).every((v) => v.trim().length > 0)).toBe(true)
  })

  it('claims its screens of the enterprise and government menus', () => {
    expect(Object.keys(feature.views ?? {}).sort()).toEqual([
      'enterprise.aircraft-reports',
      'enterprise.pilot-applications',
      'enterprise.repair-preferences',
      'government.low-altitude-review',
      'government.pilot-approvals',
      'government.pilot-list',
      'government.pilot-terminations',
      'government.repair-joint-review',
    ])
  })
})
