import type { FeatureModule, FeatureView, MessageTree } from './types'

export type { FeatureModule, FeatureView, MessageTree } from './types'

const modules = import.meta.glob<{ default: FeatureModule }>('./*/index.ts', { eager: true })

/** Every feature folder under web/src/features, in name order. */
export const FEATURES: readonly FeatureModule[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path].default)

/** The screens of all features by menu item id; an item claimed twice stops the app at start-up. */
export function featureViews(features: readonly FeatureModule[] = FEATURES): Record<string, FeatureView> {
  const views: Record<string, FeatureView> = {}
  for (const feature of features) {
    for (const [itemId, view] of Object.entries(feature.views ?? {})) {
      if (views[itemId]) throw new Error(`Menu item ${itemId} has a view in two features`)
      views[itemId] = view
    }
  }
  return views
}

/** Deep-merges `extra` into `base` (a new object); a message defined twice stops the app at start-up. */
export function mergeMessages<T extends object>(base: T, extra: MessageTree, path = ''): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(extra)) {
    const at = path ? `${path}.${key}` : key
    const existing = merged[key]
    if (typeof value === 'string') {
      if (existing !== undefined) throw new Error(`Message ${at} is defined twice`)
      merged[key] = value
    } else {
      if (typeof existing === 'string') throw new Error(`Message ${at} is both a message and a group`)
      merged[key] = mergeMessages((existing as object) ?? {}, value, at)
    }
  }
  return merged as T
}

/** The base messages of a language with every feature's messages merged in. */
export function withFeatureMessages<T extends object>(base: T, locale: 'zh-CN' | 'en', features: readonly FeatureModule[] = FEATURES): T {
  return features.reduce((acc, feature) => (feature.messages ? mergeMessages(acc, feature.messages[locale]) : acc), base)
}
