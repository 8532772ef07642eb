import { hasAnyRole, primaryKind, type Role, type UserKind } from '@/auth/roles'
import type { AreaId, MenuArea, MenuItem } from './types'
import { travelerArea } from './areas/traveler'
import { enterpriseArea } from './areas/enterprise'
import { officerArea } from './areas/officer'
import { governmentArea } from './areas/government'
import { operatorArea } from './areas/operator'
import { bigScreenArea } from './areas/bigScreen'

export type { AreaId, MenuArea, MenuItem, FeatureStatus } from './types'

/** Every area, in menu order. */
export const MENU_AREAS: readonly MenuArea[] = [
  travelerArea,
  enterpriseArea,
  officerArea,
  governmentArea,
  operatorArea,
  bigScreenArea,
]

/** The roles an item is for: its own list, or else its area's. */
export function rolesFor(area: MenuArea, item: MenuItem): readonly Role[] {
  return item.roles && item.roles.length > 0 ? item.roles : area.roles
}

/**
 * The menu a user with these roles sees: only areas they hold a role of, and inside them only the entries for their
 * roles. An area left with no entry disappears.
 */
export function menusFor(roles: readonly string[], areas: readonly MenuArea[] = MENU_AREAS): MenuArea[] {
  const visible: MenuArea[] = []
  for (const area of areas) {
    if (!hasAnyRole(roles, area.roles)) continue
    const items = area.items.filter((item) => hasAnyRole(roles, rolesFor(area, item)))
    if (items.length === 0 && !area.home) continue
    visible.push({ ...area, items })
  }
  return visible
}

export interface LocatedItem {
  area: MenuArea
  item: MenuItem
}

/** Every item with its area, home pages included. */
export function allItems(areas: readonly MenuArea[] = MENU_AREAS): LocatedItem[] {
  return areas.flatMap((area) => [
    ...(area.home ? [{ area, item: area.home }] : []),
    ...area.items.map((item) => ({ area, item })),
  ])
}

export function findItem(id: string, areas: readonly MenuArea[] = MENU_AREAS): LocatedItem | undefined {
  return allItems(areas).find((located) => located.item.id === id)
}

const KIND_AREAS: Readonly<Record<UserKind, AreaId>> = {
  traveler: 'traveler',
  enterprise: 'enterprise',
  officer: 'officer',
  government: 'government',
  operator: 'operator',
}

/** Where `/` sends a user: the home of their first kind (operator, officer, government, enterprise, traveller). */
export function homePathFor(roles: readonly string[]): string {
  const kind = primaryKind(roles)
  return kind ? `/${KIND_AREAS[kind]}` : '/no-role'
}
