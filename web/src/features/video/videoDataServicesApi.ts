import { api } from '@/api'
import { BASE } from './videoApi'

/** 视频数据服务 API: access types and their items, storage task settings, signal distribution, cascade data services. */

export interface AccessItem {
  name: string
  labelZh: string | null
  valueType: 'STRING' | 'NUMBER' | 'INSTANT' | 'IMAGE'
  required: boolean
  sourceField: string
}

export interface AccessType {
  id: string
  code: string
  nameZh: string
  nameEn: string | null
  category: string
  source: string
  enabled: boolean
  builtin: boolean
  items: AccessItem[]
  feeds: number
}

export interface StorageSettings {
  name: string | null
  batchSize: number | null
  maxRecords: number | null
  dedupKey: 'PERSON_CODE' | 'ID_NO'
  intervalMinutes: number | null
  enabled: boolean
}

export interface StorageTask {
  id: string
  dataFeedCode: string
  status: string
  total: number | null
  processed: number
  stored: number
  failed: number
  skipped: number
  runs: number
  settings: StorageSettings
  modifiedBy: string | null
}

export interface Distribution {
  id: string
  cameraId: string
  cameraCode: string
  cameraName: string
  pointCode: string
  receiverOrg: string
  receiverName: string
  purpose: string | null
  status: 'ACTIVE' | 'STOPPED'
  startedBy: string
  startedAt: string
  stoppedAt: string | null
  stopReason: string | null
}

export interface CascadeOperation {
  id: string
  operation: 'ADD' | 'UPDATE' | 'DELETE'
  recordType: string
  recordId: string
  fields: Record<string, unknown>
  applied: boolean
  reason: string | null
  operatedBy: string
  operatedAt: string
}

export interface ComparisonSubscription {
  id: string
  code: string
  name: string
  partnerId: string
  watchlistKind: string | null
  maxDistance: number | null
  enabled: boolean
  pushed: number
  lastPushedAt: string | null
  lastError: string | null
}

/** 重点人员类型 (KEY_PERSON) and 作业主题库类型 (THEME_STORE), as VideoTypeController answers. */
export type VideoTypeKind = 'KEY_PERSON' | 'THEME_STORE'

export interface VideoType {
  kind: VideoTypeKind
  code: string
  nameZh: string
  nameEn: string | null
  description: string | null
  builtin: boolean
  uses: number
}

export const videoDataServicesApi = {
  videoTypes: (kind: VideoTypeKind) => api.get<VideoType[]>(`${BASE}/video-types/${kind}`),
  addVideoType: (kind: VideoTypeKind, body: { code: string; nameZh: string; nameEn: string | null }) => api.post<VideoType>(`${BASE}/video-types/${kind}`, body),
  renameVideoType: (kind: VideoTypeKind, code: string, body: { nameZh: string; nameEn: string | null; description: string | null }) => api.put<VideoType>(`${BASE}/video-types/${kind}/${encodeURIComponent(code)}`, body),
  deleteVideoType: (kind: VideoTypeKind, code: string) => api.delete<void>(`${BASE}/video-types/${kind}/${encodeURIComponent(code)}`),
  subscriptions: () => api.get<ComparisonSubscription[]>(`${BASE}/comparison-subscriptions`),
  pushSubscription: (id: string) => api.post<{ code: string; pushed: number; accepted: number }>(`${BASE}/comparison-subscriptions/${id}/pushes`, {}),
  accessTypes: () => api.get<AccessType[]>(`${BASE}/data-access-types`),
  addAccessType: (body: Record<string, unknown>) => api.post<AccessType>(`${BASE}/data-access-types`, body),
  deleteAccessType: (code: string) => api.delete<void>(`${BASE}/data-access-types/${code}`),
  storageTasks: () => api.get<StorageTask[]>(`${BASE}/face-storage-tasks`, { query: { limit: 50 } }),
  modifyStorageTask: (id: string, body: StorageSettings) => api.put<StorageTask>(`${BASE}/face-storage-tasks/${id}`, body),
  runStorageTask: (id: string) => api.post<StorageTask>(`${BASE}/face-storage-tasks/${id}/runs`, {}),
  distributions: () => api.get<Distribution[]>(`${BASE}/signal-distributions`),
  distribute: (body: Record<string, unknown>) => api.post<Distribution>(`${BASE}/signal-distributions`, body),
  stopDistribution: (id: string, reason: string) => api.post<Distribution>(`${BASE}/signal-distributions/${id}/stop`, { reason }),
  cascadeQuery: (linkId: string, equals: Record<string, string>) => api.post<Record<string, unknown>[]>(`${BASE}/face-cascade-links/${linkId}/queries`, { equals, limit: 50 }),
  cascadeOperations: (linkId: string) => api.get<CascadeOperation[]>(`${BASE}/face-cascade-links/${linkId}/operations`),
  cascadeOperate: (linkId: string, body: Record<string, unknown>) => api.post<CascadeOperation>(`${BASE}/face-cascade-links/${linkId}/operations`, body),
}
