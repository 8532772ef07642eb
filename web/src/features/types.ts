import type { RouteComponent } from 'vue-router'

export type ViewLoader = () => Promise<RouteComponent>

/** A built screen for a menu item. */
export interface FeatureView {
  component: ViewLoader
  props?: Record<string, unknown>
  /** Shown outside the console frame (big screens). */
  fullScreen?: boolean
}

/** Nested messages, merged into the app's messages (a feature may add `menu.<area>.<item>` titles too). */
export interface MessageTree {
  [key: string]: string | MessageTree
}

/**
 * One service's part of the web app: `web/src/features/<feature>/index.ts` default-exports this. Features are found
 * by file name, so adding one touches no shared file (except its menu entry, which turns `planned` into `ready`).
 */
export interface FeatureModule {
  id: string
  /** Screens by menu item id (`traveler.declarations`). */
  views?: Record<string, FeatureView>
  /** Extra routes not in the menu (detail pages), relative to the console root, e.g. `traveler/declarations/:id`. */
  routes?: { path: string; name: string; component: ViewLoader; roles?: readonly string[]; titleKey?: string; public?: boolean }[]
  messages?: { 'zh-CN': MessageTree; en: MessageTree }
}
