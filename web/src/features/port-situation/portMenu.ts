import { api } from '@/api'
import { BASE } from './api'

/** One menu of the port RBAC (菜单管理), as `GET /v1/my-menus` gives it. */
export interface PortMenu {
  id: string
  code: string
  nameZh: string
  nameEn: string
  parentCode?: string | null
  path?: string | null
  permissionCode: string
  sortOrder: number
  enabled: boolean
}

/** What the signed-in officer may open in port situation and the port their organisation limits their data to. */
export interface MyMenus {
  username: string
  registered: boolean
  orgCode?: string | null
  portCode?: string | null
  permissions: string[]
  menus: PortMenu[]
}

/** A menu entry of the port side menu, with its children (菜单的上级菜单 = parentCode). */
export interface PortMenuNode {
  code: string
  label: string
  path: string | null
  children: PortMenuNode[]
}

export function myMenus(): Promise<MyMenus> {
  return api.get<MyMenus>(`${BASE}/my-menus`)
}

/** A path the app may route to: an in-app absolute path, never a protocol-relative or external address. */
export function routable(path: string | null | undefined): string | null {
  if (!path) return null
  const p = path.trim()
  return p.startsWith('/') && !p.startsWith('//') && !p.includes('://') ? p : null
}

/**
 * The side menu of a registered port user: the enabled menus in their order, each under its parent when the parent is
 * among them too (a child whose parent is not given to the user stands at the top), labelled in the UI language.
 * An unregistered login gets none: the app's own menus apply.
 */
export function portMenuTree(mine: MyMenus | null | undefined, zh: boolean): PortMenuNode[] {
  if (!mine || !mine.registered) return []
  const menus = mine.menus
    .filter((m) => m.enabled)
    .slice()
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
  const nodes = new Map<string, PortMenuNode>()
  for (const m of menus) {
    nodes.set(m.code, { code: m.code, label: (zh ? m.nameZh : m.nameEn) || m.nameZh, path: routable(m.path), children: [] })
  }
  const roots: PortMenuNode[] = []
  for (const m of menus) {
    const node = nodes.get(m.code)!
    const parent = m.parentCode && m.parentCode !== m.code ? nodes.get(m.parentCode) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Whether the signed-in port user may open a path (the path of one of their menus, or below it). */
export function mayOpen(mine: MyMenus | null | undefined, path: string): boolean {
  if (!mine || !mine.registered) return true
  return mine.menus.some((m) => {
    const p = routable(m.path)
    return m.enabled && p !== null && (path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))
  })
}
