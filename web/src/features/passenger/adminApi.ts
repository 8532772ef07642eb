import { api } from '@/api'
import type { OperationLogEntry } from '@/api/audit'
import type { Page } from './api'

/** 系统管理 of the passenger system: common-lib's shared admin at `/api/passenger/v1/admin` (FP 81–98). */
const ADMIN = '/passenger/v1/admin'

export interface OrganisationRef { id: string; path: string }

export interface DirectoryUser {
  id: string
  username: string
  name: string
  email?: string
  enabled: boolean
  createdAt?: string
  roles: string[]
  organisations: OrganisationRef[]
}

export interface UserDraft {
  username: string
  name: string
  email: string
  password: string
  roles: string[]
  organisationIds: string[]
}

export interface DirectoryRole { name: string; nameZh: string; nameEn: string; description?: string; builtIn: boolean }

export interface OrganisationUnit {
  id: string
  name: string
  path: string
  nameZh: string
  nameEn: string
  children: OrganisationUnit[]
}

export interface MenuItem {
  id: string
  parentId?: string | null
  code: string
  nameZh: string
  nameEn: string
  path?: string
  icon?: string
  sortOrder: number
  roles: string[]
  enabled: boolean
  updatedAt?: string
  updatedBy?: string
  children: MenuItem[]
}

export type MenuDraft = Omit<MenuItem, 'id' | 'children' | 'updatedAt' | 'updatedBy'>

export interface LoginEvent {
  eventId: string
  occurredAt: string
  type: string
  userId?: string
  username?: string
  clientId?: string
  sessionId?: string
  ipAddress?: string
  error?: string
}

type Query = Record<string, string | number | boolean | undefined>

export const adminApi = {
  users: (query: Query = {}) => api.get<Page<DirectoryUser>>(`${ADMIN}/users`, { query }),
  user: (id: string) => api.get<DirectoryUser>(`${ADMIN}/users/${id}`),
  createUser: (d: UserDraft) => api.post<DirectoryUser>(`${ADMIN}/users`, d),
  updateUser: (id: string, name: string, email: string) => api.put<DirectoryUser>(`${ADMIN}/users/${id}`, { name, email }),
  setEnabled: (id: string, enabled: boolean) => api.put<DirectoryUser>(`${ADMIN}/users/${id}/enabled`, { enabled }),
  resetPassword: (id: string, password: string, temporary = true) =>
    api.put<void>(`${ADMIN}/users/${id}/password`, { password, temporary }),
  setRoles: (id: string, roles: string[]) => api.put<DirectoryUser>(`${ADMIN}/users/${id}/roles`, { roles }),
  setOrganisations: (id: string, organisationIds: string[]) =>
    api.put<DirectoryUser>(`${ADMIN}/users/${id}/organisations`, { organisationIds }),
  deleteUser: (id: string) => api.delete<void>(`${ADMIN}/users/${id}`),
  roles: () => api.get<DirectoryRole[]>(`${ADMIN}/roles`),
  createRole: (name: string, nameZh: string, nameEn: string) => api.post<DirectoryRole>(`${ADMIN}/roles`, { name, nameZh, nameEn }),
  updateRole: (name: string, nameZh: string, nameEn: string) =>
    api.put<DirectoryRole>(`${ADMIN}/roles/${encodeURIComponent(name)}`, { name, nameZh, nameEn }),
  deleteRole: (name: string) => api.delete<void>(`${ADMIN}/roles/${encodeURIComponent(name)}`),
  organisations: () => api.get<OrganisationUnit[]>(`${ADMIN}/organisations`),
  createOrganisation: (parentId: string | null, name: string, nameZh: string, nameEn: string) =>
    api.post<OrganisationUnit>(`${ADMIN}/organisations`, { parentId, name, nameZh, nameEn }),
  updateOrganisation: (id: string, nameZh: string, nameEn: string) =>
    api.put<OrganisationUnit>(`${ADMIN}/organisations/${id}`, { nameZh, nameEn }),
  deleteOrganisation: (id: string) => api.delete<void>(`${ADMIN}/organisations/${id}`),
  menus: () => api.get<MenuItem[]>(`${ADMIN}/menus`),
  createMenu: (d: MenuDraft) => api.post<MenuItem>(`${ADMIN}/menus`, d),
  updateMenu: (id: string, d: MenuDraft) => api.put<MenuItem>(`${ADMIN}/menus/${id}`, d),
  deleteMenu: (id: string) => api.delete<void>(`${ADMIN}/menus/${id}`),
  loginLog: (query: Query = {}) => api.get<Page<LoginEvent>>(`${ADMIN}/login-log`, { query }),
  pullLoginLog: () => api.post<{ stored: number }>(`${ADMIN}/login-log/pull`),
  operationLog: (query: Query = {}) => api.get<Page<OperationLogEntry>>(`${ADMIN}/operation-log`, { query }),
}

/** Every unit of the tree with its depth, for a flat organisation picker. */
export function flattenOrganisations(units: readonly OrganisationUnit[], depth = 0): { unit: OrganisationUnit; depth: number }[] {
  return units.flatMap((u) => [{ unit: u, depth }, ...flattenOrganisations(u.children, depth + 1)])
}

/** The menu draft of an existing item (for the edit form). */
export function menuDraft(m: MenuItem): MenuDraft {
  return { parentId: m.parentId ?? null, code: m.code, nameZh: m.nameZh, nameEn: m.nameEn, path: m.path ?? '',
    icon: m.icon ?? '', sortOrder: m.sortOrder, roles: [...m.roles], enabled: m.enabled }
}

/** The enabled entries a holder of `role` sees, as the service's `/menus/visible` answers for that role. */
export function visibleFor(items: readonly MenuItem[], role: string): MenuItem[] {
  return items.filter((m) => m.enabled && (m.roles.length === 0 || m.roles.includes(role)))
    .map((m) => ({ ...m, children: visibleFor(m.children, role) }))
}
