import { api } from '@/api'
import { BASE, type Page, type WatchlistTask } from './videoApi'

/** 布控对象管理, 布控反馈服务, 任务异常 and 1:1 / 1:N / N:M 数据源与核验记录 (video-analytics-service). */

export interface FeedbackService {
  id: string
  kind: string
  name: string
  recipients: string[]
  enabled: boolean
  createdBy: string
}

export interface TaskAnomaly {
  id: string
  taskId: string
  cameraId: string | null
  deviceCode: string
  reasonZh: string
  reasonEn: string
  status: string
  alertId: string | null
  note: string | null
  handledBy: string | null
  handledAt: string | null
  raisedAt: string
}

export interface WatchlistField {
  id: string
  kind: string
  code: string
  labelZh: string
  labelEn: string
  required: boolean
  maxLength: number
  position: number
}

export interface TargetEntry {
  id: string
  faceBaseRecordId: string | null
  label: string
  plateNumber: string | null
  fields: Record<string, string> | null
  faceScore: number | null
  enteredBy: string | null
  enteredAt: string | null
}

export interface EntryFeedback {
  index: number
  targetId: string
  label: string
  faceBaseRecordId: string | null
  faceScore: number | null
  fields: Record<string, string>
}

export interface RecognitionSource {
  id: string
  kind: string
  name: string
  library: string | null
  model: string
  threshold: number
  topK: number
  enabled: boolean
  createdBy: string
  updatedAt: string
}

export interface RecognitionCheck {
  id: string
  kind: string
  sourceId: string | null
  sourceName: string
  subject: string | null
  matched: boolean
  bestDistance: number | null
  bestLabel: string | null
  result: unknown
  conclusion: string
  note: string | null
  requestedBy: string
  createdAt: string
}

export interface TaskQuery {
  q?: string
  kind?: string
  status?: string
  createdBy?: string
  officer?: string
  organization?: string
  page?: number
  size?: number
}

export const watchlistApi = {
  searchTasks: (query: TaskQuery) =>
    api.get<Page<WatchlistTask>>(`${BASE}/watchlist-tasks`, { query: { size: 50, ...query } as Record<string, string | number | undefined> }),
  feedbackServices: () => api.get<FeedbackService[]>(`${BASE}/watchlist-feedback-services`),
  addFeedbackService: (body: Record<string, unknown>) => api.post<FeedbackService>(`${BASE}/watchlist-feedback-services`, body),
  modifyFeedbackService: (id: string, body: Record<string, unknown>) =>
    api.put<FeedbackService>(`${BASE}/watchlist-feedback-services/${id}`, body),
  deleteFeedbackService: (id: string) => api.delete<void>(`${BASE}/watchlist-feedback-services/${id}`),
  anomalies: (taskId: string) => api.get<TaskAnomaly[]>(`${BASE}/watchlist-tasks/${taskId}/anomalies`),
  handleAnomaly: (taskId: string, id: string, note: string) =>
    api.post<TaskAnomaly>(`${BASE}/watchlist-tasks/${taskId}/anomalies/${id}/handling`, { note }),
  fields: (kind?: string) => api.get<WatchlistField[]>(`${BASE}/watchlist-fields`, { query: { kind } }),
  addField: (body: Record<string, unknown>) => api.post<WatchlistField>(`${BASE}/watchlist-fields`, body),
  modifyField: (id: string, body: Record<string, unknown>) => api.put<WatchlistField>(`${BASE}/watchlist-fields/${id}`, body),
  deleteField: (id: string) => api.delete<void>(`${BASE}/watchlist-fields/${id}`),
  entries: (taskId: string) => api.get<TargetEntry[]>(`${BASE}/watchlist-tasks/${taskId}/target-entries`),
  enter: (taskId: string, targets: Record<string, unknown>[]) =>
    api.post<EntryFeedback[]>(`${BASE}/watchlist-tasks/${taskId}/target-entries`, { targets }),
  removeTarget: (taskId: string, targetId: string) => api.delete<void>(`${BASE}/watchlist-tasks/${taskId}/targets/${targetId}`),
  removeInstruction: (taskId: string) => api.delete<WatchlistTask>(`${BASE}/watchlist-tasks/${taskId}/instruction`),

  sources: (kind?: string) => api.get<RecognitionSource[]>(`${BASE}/recognition-sources`, { query: { kind } }),
  addSource: (body: Record<string, unknown>) => api.post<RecognitionSource>(`${BASE}/recognition-sources`, body),
  modifySource: (id: string, body: Record<string, unknown>) => api.put<RecognitionSource>(`${BASE}/recognition-sources/${id}`, body),
  deleteSource: (id: string) => api.delete<void>(`${BASE}/recognition-sources/${id}`),
  runCheck: (sourceId: string, body: Record<string, unknown>) =>
    api.post<RecognitionCheck>(`${BASE}/recognition-sources/${sourceId}/checks`, body),
  cross: (leftId: string, rightSourceId: string) =>
    api.post<{ leftLabel: string; rightLabel: string; distance: number; similarity: number }[]>(
      `${BASE}/recognition-sources/${leftId}/cross-retrievals`, { rightSourceId }),
  checks: (query: { kind?: string; sourceId?: string; conclusion?: string; page?: number; size?: number }) =>
    api.get<Page<RecognitionCheck>>(`${BASE}/recognition-checks`, { query: query as Record<string, string | number | undefined> }),
  conclude: (id: string, conclusion: string, note: string) =>
    api.put<RecognitionCheck>(`${BASE}/recognition-checks/${id}`, { conclusion, note }),
  deleteCheck: (id: string) => api.delete<void>(`${BASE}/recognition-checks/${id}`),
}
