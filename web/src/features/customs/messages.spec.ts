import { describe, expect, it } from 'vitest'
import customs from './index'
import { en, zhCN } from './messages'
import type { MessageTree } from '@/features/types'

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

describe('customs feature', () => {
  it('has every message in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
    for (const tree of [zhCN, en]) {
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as MessageTree)[part], tree)
        expect(String(value).trim(), key).not.toBe('')
      }
    }
  })

  it('names a title for each screen it adds to the menus', () => {
    const titled = new Set(keys(zhCN).filter((k) => k.startsWith('menu.')).map((k) => k.slice(5)))
    for (const item of Object.keys(customs.views ?? {})) {
      if (item === 'enterprise.declarations') continue // titled by the shell's own messages
      expect(titled.has(item), item).toBe(true)
    }
  })
})
