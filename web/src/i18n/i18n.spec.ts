import { describe, expect, it } from 'vitest'
import { flattenKeys } from './messages'
import { APP_MESSAGES, storedLocale } from './index'
import { allItems, MENU_AREAS } from '@/menus'
import { ROLES } from '@/auth/roles'
import { AUDITED_SERVICES } from '@/api/audit'
import { statusMessageKey } from '@/api/problem'

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages)
}

const zhCN = APP_MESSAGES['zh-CN']
const en = APP_MESSAGES.en
const LOCALES = { 'zh-CN': zhCN, en } as const

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    const zhKeys = flattenKeys(zhCN).sort()
    const enKeys = flattenKeys(en).sort()
    expect(enKeys.filter((k) => !zhKeys.includes(k)), 'only in English').toEqual([])
    expect(zhKeys.filter((k) => !enKeys.includes(k)), 'only in Chinese').toEqual([])
  })

  it('have no empty message', () => {
    for (const [locale, messages] of Object.entries(LOCALES)) {
      for (const key of flattenKeys(messages)) {
        const value = lookup(messages, key)
        expect(typeof value === 'string' && value.trim() !== '', `${locale}: ${key}`).toBe(true)
      }
    }
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of flattenKeys(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)))
    }
  })

  it('speak Chinese in Chinese and English in English', () => {
    const han = /\p{Script=Han}/u
    // The "coming" page deliberately shows both languages: its subtitle is the other language's title.
    const bilingual = new Set(['coming.subtitle'])
    for (const key of flattenKeys(zhCN)) {
      if (bilingual.has(key)) continue
      expect(han.test(String(lookup(zhCN, key))), `zh-CN: ${key}`).toBe(true)
      expect(han.test(String(lookup(en, key))), `en: ${key}`).toBe(false)
    }
  })

  it('name every menu area and entry, role, kind, service and error in both languages', () => {
    const keys = [
      ...MENU_AREAS.map((area) => area.titleKey),
      ...allItems().map(({ item }) => item.titleKey),
      ...ROLES.map((role) => `role.${role}`),
      ...['traveler', 'enterprise', 'officer', 'government', 'operator'].flatMap((kind) => [`kind.${kind}`, `home.intro.${kind}`]),
      ...AUDITED_SERVICES.map((service) => `service.${service}`),
      ...[400, 401, 403, 404, 409, 429, 500, 502, 503].map(statusMessageKey),
    ]
    for (const [locale, messages] of Object.entries(LOCALES)) {
      for (const key of keys) {
        expect(typeof lookup(messages, key), `${locale}: ${key}`).toBe('string')
      }
    }
  })

  it('start in Chinese and remember a chosen language', () => {
    expect(storedLocale({ getItem: () => null })).toBe('zh-CN')
    expect(storedLocale({ getItem: () => 'en' })).toBe('en')
    expect(storedLocale({ getItem: () => 'fr' })).toBe('zh-CN')
    expect(storedLocale(undefined)).toBe('zh-CN')
  })
})
