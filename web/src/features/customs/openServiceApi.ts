import { api } from '@/api'

/**
 * customs-service: 开放服务管理 (`/v1/open-services`, FP 688–705) and the Haikou sub-centre's 参数同步管理
 * (`/v1/subcentre/parameter-sync`). Operators change both; officers read.
 */
export interface CatalogueEntry {
  service: string
  nameZh: string
  nameEn: string
  descriptionZh: string | null
  grantRequired: boolean
  version: number
  updatedBy: string
  updatedAt: string
}

export interface ServiceUser {
  enterpriseUscc: string
  name: string
  contact: string | null
  status: 'ACTIVE' | 'SUSPENDED'
  note: string | null
  version: number
  updatedBy: string
  updatedAt: string
}

export interface Grant {
  enterpriseUscc: string
  service: string
  validUntil: string | null
  note: string | null
  valid: boolean
  version: number
  updatedBy: string
  updatedAt: string
}

export type SyncState = 'CONSISTENT' | 'INCONSISTENT' | 'NEVER_SYNCED'

export interface TableState {
  table: string
  nameZh: string
  nameEn: string
  platformVersion: number
  syncedVersion: number
  entries: number
  syncedAt: string | null
  state: SyncState
}

export interface SyncRule {
  autoUpdate: boolean
  tables: string
  updatedBy: string | null
  updatedAt: string | null
  version: number
}

export interface RunResult {
  table: string
  fromVersion: number
  toVersion: number
  entries: number
  result: 'SUCCESS' | 'FAILURE'
  detail: string | null
}

export interface SyncLogEntry extends RunResult {
  id: number
  syncedBy: string
  syncedAt: string
}

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

const OPEN = '/customs/v1/open-services'
const SYNC = '/customs/v1/subcentre/parameter-sync'

export const openServiceApi = {
  catalogue: () => api.get<CatalogueEntry[]>(OPEN),
  list: (c: Omit<CatalogueEntry, 'version' | 'updatedBy' | 'updatedAt'>) => api.post<CatalogueEntry>(OPEN, c),
  change: (c: Omit<CatalogueEntry, 'updatedBy' | 'updatedAt'>) => api.put<CatalogueEntry>(`${OPEN}/${encodeURIComponent(c.service)}`, c),
  withdraw: (service: string) => api.delete<void>(`${OPEN}/${encodeURIComponent(service)}`),
  users: (q?: string) => api.get<ServiceUser[]>(`${OPEN}/users`, { query: { q } }),
  addUser: (u: Omit<ServiceUser, 'version' | 'updatedBy' | 'updatedAt'>) => api.post<ServiceUser>(`${OPEN}/users`, u),
  changeUser: (u: Omit<ServiceUser, 'updatedBy' | 'updatedAt'>) =>
    api.put<ServiceUser>(`${OPEN}/users/${encodeURIComponent(u.enterpriseUscc)}`, u),
  removeUser: (uscc: string) => api.delete<void>(`${OPEN}/users/${encodeURIComponent(uscc)}`),
  grants: (enterprise?: string, service?: string) => api.get<Grant[]>(`${OPEN}/grants`, { query: { enterprise, service } }),
  grant: (g: { enterpriseUscc: string; service: string; validUntil: string | null; note: string | null }) =>
    api.post<Grant>(`${OPEN}/grants`, g),
  revoke: (uscc: string, service: string) =>
    api.delete<void>(`${OPEN}/grants/${encodeURIComponent(uscc)}/${encodeURIComponent(service)}`),
}

export const parameterSyncApi = {
  states: () => api.get<TableState[]>(SYNC),
  run: (tables?: string[]) => api.post<RunResult[]>(`${SYNC}/runs`, { tables: tables?.length ? tables : null }),
  rule: () => api.get<SyncRule>(`${SYNC}/rule`),
  changeRule: (autoUpdate: boolean, tables: string, version: number) =>
    api.put<SyncRule>(`${SYNC}/rule`, { autoUpdate, tables, version }),
  log: (table?: string, page = 0, size = 20) => api.get<Page<SyncLogEntry>>(`${SYNC}/log`, { query: { table, page, size } }),
}
