import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'
import { DEFAULT_LOCALE, isAppLocale, type AppLocale, type Messages } from './messages'
import { withFeatureMessages } from '@/features'

export { SUPPORTED_LOCALES, DEFAULT_LOCALE, type AppLocale } from './messages'

const STORAGE_KEY = 'hnsw.locale'

/** The language chosen before, else Chinese (the platform's first language, whatever the browser says). */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): AppLocale {
  const saved = storage?.getItem(STORAGE_KEY)
  return isAppLocale(saved) ? saved : DEFAULT_LOCALE
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined
  } catch {
    return undefined
  }
}

/** Each language's messages: the base files plus every feature's own (web/src/features/<feature>). */
export const APP_MESSAGES: Record<AppLocale, Messages> = {
  'zh-CN': withFeatureMessages(zhCN, 'zh-CN'),
  en: withFeatureMessages(en, 'en'),
}

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: APP_MESSAGES,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

/** Switches the language and remembers the choice in this browser. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  safeStorage()?.setItem(STORAGE_KEY, locale)
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
  }
}
