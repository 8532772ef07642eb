import { api } from '@/api'
import { BASE, type Page } from './videoApi'

/** 视频数据管理 API: face data intake rules and cascade links, diagnosis standard types, theme stores. */

export interface IntakeRule {
  id: string
  stage: 'CONVERT' | 'CLEANSE'
  name: string
  sourceCode: string | null
  operation: string
  field: string
  parameter: string | null
  ordinal: number
  enabled: boolean
}

export interface CascadeLink {
  id: string
  code: string
  name: string
  partnerId: string
  pageSize: number
  lastSeq: number
  enabled: boolean
  lastPulledAt: string | null
}

export interface Rejection {
  position: number
  recordRef: string | null
  rejectedBy: string
  reason: string
}

export interface BatchResult {
  batchId: string | null
  sourceCode: string
  received: number
  accepted: number
  rejected: number
  faces: number
  rejections: Rejection[]
}

export interface StandardType {
  code: string
  nameZh: string
  nameEn: string
  builtin: boolean
  own: Record<string, number>
  effective: Record<string, number>
  tasksUsing: number
}

export interface ThemeStore {
  id: string
  code: string
  nameZh: string
  nameEn: string
  category: string
  enabled: boolean
  rows: number
}

export interface ThemeTask {
  id: string
  storeId: string
  name: string
  status: string
  runs: number
  read: number
  stored: number
  skipped: number
  failed: number
  anomaly: string
}

export interface ThemeRow {
  sourceId: string
  storedAt: string
  data: Record<string, unknown>
}

export interface ThemeCondition {
  field: string
  op: string
  value: string | null
}

export interface ThemeDataset {
  code: string
  nameZh: string
  nameEn: string
  fields: string[]
}

export interface ThemeFeed {
  id: string
  storeId: string
  name: string
  dataset: string
  fields: string[]
  conditions: ThemeCondition[]
  enabled: boolean
}

export interface ThemePage {
  id: string
  storeId: string
  name: string
  columns: string[]
  conditions: ThemeCondition[]
  sortField: string | null
  sortDesc: boolean
}

export interface ThemeService {
  id: string
  code: string
  name: string
  storeId: string
  pageId: string | null
  roles: string[]
  enabled: boolean
}

export const videoDataApi = {
  intakeRules: () => api.get<IntakeRule[]>(`${BASE}/face-intake-rules`),
  addIntakeRule: (body: Record<string, unknown>) => api.post<IntakeRule>(`${BASE}/face-intake-rules`, body),
  deleteIntakeRule: (id: string) => api.delete<void>(`${BASE}/face-intake-rules/${id}`),
  cascadeLinks: () => api.get<CascadeLink[]>(`${BASE}/face-cascade-links`),
  pullCascade: (id: string) => api.post<BatchResult>(`${BASE}/face-cascade-links/${id}/pulls`, {}),
  standardTypes: () => api.get<StandardType[]>(`${BASE}/diagnosis-standard-types`),
  addStandardType: (body: Record<string, unknown>) => api.post<StandardType>(`${BASE}/diagnosis-standard-types`, body),
  deleteStandardType: (code: string) => api.delete<void>(`${BASE}/diagnosis-standard-types/${code}`),
  themeStores: () => api.get<Page<ThemeStore>>(`${BASE}/theme-stores`, { query: { size: 100 } }),
  themeRows: (id: string) => api.get<Page<ThemeRow>>(`${BASE}/theme-stores/${id}/rows`, { query: { size: 50 } }),
  themeTasks: (storeId: string) => api.get<ThemeTask[]>(`${BASE}/theme-store-tasks`, { query: { storeId } }),
  runThemeTask: (id: string) => api.post<ThemeTask>(`${BASE}/theme-store-tasks/${id}/runs`, {}),
  themeDatasets: () => api.get<ThemeDataset[]>(`${BASE}/theme-datasets`),
  themeFeeds: (storeId: string) => api.get<ThemeFeed[]>(`${BASE}/theme-stores/${storeId}/feeds`),
  addThemeFeed: (storeId: string, body: Record<string, unknown>) => api.post<ThemeFeed>(`${BASE}/theme-stores/${storeId}/feeds`, body),
  deleteThemeFeed: (id: string) => api.delete<void>(`${BASE}/theme-store-feeds/${id}`),
  themePages: (storeId: string) => api.get<ThemePage[]>(`${BASE}/theme-stores/${storeId}/pages`),
  addThemePage: (storeId: string, body: Record<string, unknown>) => api.post<ThemePage>(`${BASE}/theme-stores/${storeId}/pages`, body),
  deleteThemePage: (id: string) => api.delete<void>(`${BASE}/theme-store-pages/${id}`),
  themeServices: (storeId: string) => api.get<ThemeService[]>(`${BASE}/theme-services`, { query: { storeId } }),
  addThemeService: (body: Record<string, unknown>) => api.post<ThemeService>(`${BASE}/theme-services`, body),
  deleteThemeService: (id: string) => api.delete<void>(`${BASE}/theme-services/${id}`),
}
