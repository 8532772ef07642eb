import { hasAnyRole, type Role } from '@/auth/roles'
import type { PortMenuNode } from '@/features/port-situation/portMenu'

/** The roles whose logins the port RBAC (`GET /v1/my-menus`) may know: officers, operators and administrators. */
export const PORT_MENU_ROLES: readonly Role[] = ['platform-admin', 'sw-operator', 'customs-officer', 'customs-reviewer',
  'maritime-officer', 'border-officer']

/** Whether the app shell asks the port RBAC for the login's port menus (others never can be port users). */
export function asksForPortMenus(roles: readonly string[]): boolean {
  return hasAnyRole(roles, PORT_MENU_ROLES)
}

/** One line of the port section of the side menu. */
export interface PortSideEntry {
  code: string
  label: string
  /** Where it leads; null for a heading whose own menu has no page. */
  path: string | null
  child: boolean
}

/**
 * The port section of the side menu of a registered port user, from their menu tree (`portMenuTree`): each menu in
 * order with its children right under it. A heading without a page of its own is kept only while one of its children
 * leads somewhere; a child without a page is left out (nothing to open).
 */
export function portSideEntries(tree: readonly PortMenuNode[]): PortSideEntry[] {
  const out: PortSideEntry[] = []
  for (const node of tree) {
    const children = node.children.filter((c) => c.path !== null)
    if (node.path === null && children.length === 0) continue
    out.push({ code: node.code, label: node.label, path: node.path, child: false })
    for (const c of children) out.push({ code: c.code, label: c.label, path: c.path, child: true })
  }
  return out
}
