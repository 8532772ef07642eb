import type { Role } from '@/auth/roles'

/** The menu areas, one per kind of work; each has its own folder under `src/views/`. */
export type AreaId = 'traveler' | 'enterprise' | 'officer' | 'government' | 'operator' | 'big-screen'

/**
 * `ready`: the screen is built and calls the real API. `planned`: the feature belongs to a later release; its route
 * shows the "功能建设中 / Coming in a later release" page and never made-up data. `external`: a page outside the app,
 * served by the gateway (e.g. the API documentation).
 */
export type FeatureStatus = 'ready' | 'planned' | 'external'

export interface MenuItem {
  /** Unique over all areas: `<area>.<feature>`. Also the name of its route. */
  id: string
  /** vue-i18n key of the label. */
  titleKey: string
  /** Route path (or URL for `external`). */
  path: string
  status: FeatureStatus
  /** Narrows the area's roles for this entry; absent means everyone the area is for. */
  roles?: readonly Role[]
  /** The back-end service that will serve the feature (shown on the "coming" page), from ARCHITECTURE.md §2. */
  service?: string
}

export interface MenuArea {
  id: AreaId
  titleKey: string
  /** Name of an icon of `@element-plus/icons-vue`. */
  icon: string
  /** Who sees the area at all. */
  roles: readonly Role[]
  /** The area's home page (`MenuItem` id), listed first. */
  home?: MenuItem
  items: readonly MenuItem[]
}
