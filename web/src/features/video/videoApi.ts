import { api } from '@/api'
import { config } from '@/config/runtimeConfig'
import { useAuthStore } from '@/stores/auth'
import type { DeliveryNotification, OfficerContact } from './contactsLogic'

/** 视频分析 API (video-analytics-service), paths relative to the app's API base. */
export const BASE = '/video-analytics/v1'

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

export interface Camera {
  id: string
  deviceCode: string
  name: string
  cameraType: string
  protocol: string
  sourceUrl: string
  portCode: string | null
  location: string | null
  status: string
  lastSeenAt: string | null
  lastSnapshotKey: string | null
}

export interface FaceBaseRecord {
  id: string
  personCode: string
  name: string
  idNoMasked: string | null
  source: string
  createdAt: string
}

export interface Candidate {
  featureId: string
  faceBaseRecordId: string | null
  label: string
  distance: number
  similarity: number
  match: boolean
}

export interface Sighting {
  captureId: string
  cameraId: string | null
  deviceCode: string
  capturedAt: string
  distance: number
  similarity: number
}

export interface WatchlistTask {
  id: string
  name: string
  kind: string
  status: string
  pendingAction: string | null
  maxDistance: number
  officers: string[]
  createdBy: string
  requestedBy: string | null
  reviewedBy: string | null
  instruction: string | null
  createdAt: string
  samplingRate?: number | null
}

export interface VideoAlert {
  id: string
  alertId: string
  taskId: string
  targetId?: string | null
  cameraId: string | null
  distance: number
  occurredAt: string
  plateNumber?: string | null
  recipients: string[]
  status: string
  handledBy: string | null
  handlingResult: string | null
  handlingNote: string | null
}

export interface PlateView {
  plateNumber: string
  confidence: number
  x: number
  y: number
  width: number
  height: number
}

export interface PlateRecognition {
  cameraId: string | null
  capturedAt: string
  snapshotKey: string | null
  plates: PlateView[]
  alertIds: string[]
}

export interface BehaviorEvent {
  kind: string
  startMs: number
  endMs: number
  detail: string
}

export interface InspectionReport {
  source: string
  frames: number
  behaviors: BehaviorEvent[]
  diagnosis: { faults: string[]; measures: Record<string, number>; frames: number }
  alertIds: string[]
}

export interface AnalysisReport {
  framesAnalysed: number
  faces: number
  hits: number
  alertIds: string[]
}

export interface DistributionPoint {
  code: string
  name_zh: string
  name_en: string | null
  port_code: string | null
  capacity: number | null
  status: string
  fault_reason: string | null
  status_since: string | null
  cameras: number
}

export interface DeviceHealthEvent {
  device_code: string
  device_kind: string
  old_status: string
  new_status: string
  fault_reason: string | null
  alert_id: string | null
  occurred_at: string
}

export interface HealthReport {
  reported: number
  unknownDevices: number
  changes: { deviceCode: string; kind: string; oldStatus: string; newStatus: string; alertId?: string }[]
}

/** 人脸数据源 (FaceStorageController): an external population/ID source the face base library imports from. */
export interface FaceDataFeed {
  id: string
  code: string
  name: string
  sourceType: string
  partnerId: string
  pageSize: number
  enabled: boolean
  createdBy: string
  createdAt: string
}

/** 入库任务 with its monitoring counts. */
export interface StorageTask {
  id: string
  dataFeedId: string
  dataFeedCode: string
  status: string
  total: number | null
  processed: number
  stored: number
  failed: number
  skipped: number
  errorZh: string | null
  errorEn: string | null
  createdBy: string
  createdAt: string
  finishedAt: string | null
  alertId: string | null
}

/** A record a storage task could not store, with its reason. */
export interface StorageFailure {
  id: string
  taskId: string
  externalId: string
  personCode: string | null
  name: string | null
  reasonCode: string
  reasonZh: string
  reasonEn: string
  status: string
  attempts: number
  faceBaseRecordId: string | null
  lastAttemptAt: string
}

/** 视频结构化解析任务引擎 (AnalysisTaskController). */
export interface AnalysisKindView {
  kind: string
  nameZh: string
  nameEn: string
  family: string
  detector: string
  streamTypes: string[]
  keepSlices: boolean
  sliceSeconds: number
  retentionDays: number
}

export interface AnalysisFeed {
  id: string
  kind: string
  name: string
  protocol: string
  cameraId: string | null
  sourceUrl: string | null
  objectKey: string | null
  fileName: string | null
  fileBytes: number | null
  enabled: boolean
  createdBy: string
  createdAt: string
}

export interface AnalysisService {
  id: string
  kind: string
  name: string
  detector: string
  sampleFps: number
  enabled: boolean
  version: number
}

export interface AnalysisTask {
  id: string
  kind: string
  name: string
  serviceId: string
  feedId: string
  instruction: Record<string, unknown>
  instructionVersion: number
  appliedVersion: number | null
  maxSeconds: number
  startAt: string | null
  status: string
  frames: number
  mediaMs: number
  durationMs: number | null
  progress: number | null
  findings: number
  slices: number
  errorZh: string | null
  errorEn: string | null
  anomaly: string
  runs: number
  createdAt: string
  continuous?: boolean
  interruptions?: number
  leaseOwner?: string | null
  stopReason?: string | null
  stoppedBy?: string | null
  stoppedAt?: string | null
}

/** 断流记录: one end or failure of a continuous task's stream. */
export interface AnalysisInterruption {
  id: string
  taskId: string
  run: number
  attempt: number
  framesBefore: number
  reasonZh: string
  reasonEn: string
  backoffMs: number
  instance: string
  interruptedAt: string
  resumedAt?: string | null
}

export interface LiveStatus {
  instance: string
  capacity: number
  runningHere: number
  liveTasks: number
}

export interface AnalysisFinding {
  id: string
  taskId: string
  run: number
  kind: string
  family: string
  code: string
  startMs: number
  endMs: number
  detail: Record<string, unknown>
  alertId: string | null
  snapshotKey: string | null
  faceLabel: string | null
  similarity: number | null
  clusterNo: number | null
  status: string
  handlingResult: string | null
}

export interface AnalysisCount {
  key: string
  code: string
  count: number
}

export interface AnalysisStatistics {
  tasksByStatus: AnalysisCount[]
  findingsByCode: AnalysisCount[]
  findingsByStatus: AnalysisCount[]
  findingsByDay: AnalysisCount[]
}

/** 移动单兵 人员跟踪: who the photographed person is and where they were seen lately. */
export interface TrackedIdentity {
  faceBaseRecordId: string
  personCode: string
  name: string
  idNoMasked: string | null
  source: string | null
  distance: number
  similarity: number
}

export interface RecentSighting {
  captureId: string
  cameraId: string | null
  cameraName: string | null
  deviceCode: string | null
  location: string | null
  portCode: string | null
  capturedAt: string
  similarity: number
}

export interface PersonTracking {
  identified: boolean
  identity?: TrackedIdentity | null
  otherCandidates: TrackedIdentity[]
  sightings: RecentSighting[]
  threshold: number
  since: string
}

export interface AlertDelivery {
  alertId: string
  level: string
  alertMode: string | null
  channels: string[]
  notifications: DeliveryNotification[]
}

export const videoApi = {
  trackPerson: (photoBase64: string, hours: number) =>
    api.post<PersonTracking>(`${BASE}/mobile/person-tracking`, { photoBase64, hours }),
  analysisKinds: () => api.get<AnalysisKindView[]>(`${BASE}/analysis-kinds`),
  analysisFeeds: (kind: string) => api.get<Page<AnalysisFeed>>(`${BASE}/analysis-feeds`, { query: { kind, size: 100 } }),
  addAnalysisFeed: (body: Record<string, unknown>) => api.post<AnalysisFeed>(`${BASE}/analysis-feeds`, body),
  uploadAnalysisFeed: (kind: string, file: File, name: string) => {
    const form = new FormData()
    form.append('file', file)
    form.append('kind', kind)
    if (name) form.append('name', name)
    return api.post<AnalysisFeed>(`${BASE}/analysis-feeds/uploads`, form)
  },
  deleteAnalysisFeed: (id: string) => api.delete<void>(`${BASE}/analysis-feeds/${id}`),
  analysisServices: (kind: string) => api.get<AnalysisService[]>(`${BASE}/analysis-services`, { query: { kind } }),
  addAnalysisService: (body: Record<string, unknown>) => api.post<AnalysisService>(`${BASE}/analysis-services`, body),
  analysisTasks: (kind: string) => api.get<Page<AnalysisTask>>(`${BASE}/analysis-tasks`, { query: { kind, size: 100 } }),
  addAnalysisTask: (body: Record<string, unknown>) => api.post<AnalysisTask>(`${BASE}/analysis-tasks`, body),
  startAnalysisTask: (id: string) => api.post<AnalysisTask>(`${BASE}/analysis-tasks/${id}/runs`, {}),
  cancelAnalysisTask: (id: string) => api.post<AnalysisTask>(`${BASE}/analysis-tasks/${id}/cancellation`, {}),
  stopAnalysisTask: (id: string, reason: string) => api.post<AnalysisTask>(`${BASE}/analysis-tasks/${id}/stop`, { reason }),
  analysisInterruptions: (id: string) => api.get<AnalysisInterruption[]>(`${BASE}/analysis-tasks/${id}/interruptions`),
  analysisLive: () => api.get<LiveStatus>(`${BASE}/analysis-live`),
  deleteAnalysisTask: (id: string) => api.delete<void>(`${BASE}/analysis-tasks/${id}`),
  handleAnalysisAnomaly: (id: string, action: string, note: string) =>
    api.post<AnalysisTask>(`${BASE}/analysis-tasks/${id}/anomaly-handling`, { action, note }),
  analysisFindings: (kind: string, taskId?: string) =>
    api.get<Page<AnalysisFinding>>(`${BASE}/analysis-findings`, { query: { kind, taskId, size: 100 } }),
  handleAnalysisFinding: (id: string, result: string, note: string) =>
    api.post<AnalysisFinding>(`${BASE}/analysis-findings/${id}/handling`, { result, note }),
  analysisStatistics: (kind: string) => api.get<AnalysisStatistics>(`${BASE}/analysis-statistics`, { query: { kind } }),
  dataFeeds: () => api.get<FaceDataFeed[]>(`${BASE}/face-data-feeds`),
  createDataFeed: (body: Record<string, unknown>) => api.post<FaceDataFeed>(`${BASE}/face-data-feeds`, body),
  enableDataFeed: (id: string, enabled: boolean) =>
    api.put<FaceDataFeed>(`${BASE}/face-data-feeds/${id}/enabled`, { enabled }),
  deleteDataFeed: (id: string) => api.delete<void>(`${BASE}/face-data-feeds/${id}`),
  deleteStorageTask: (id: string) => api.delete<void>(`${BASE}/face-storage-tasks/${id}`),
  storageTasks: () => api.get<StorageTask[]>(`${BASE}/face-storage-tasks`, { query: { limit: 20 } }),
  startStorageTask: (dataFeedId: string) => api.post<StorageTask>(`${BASE}/face-storage-tasks`, { dataFeedId }),
  storageFailures: (taskId: string) => api.get<StorageFailure[]>(`${BASE}/face-storage-tasks/${taskId}/failures`),
  retryStorageTask: (taskId: string) => api.post<StorageTask>(`${BASE}/face-storage-tasks/${taskId}/retries`, {}),
  syncPlatform: () =>
    api.post<{ pointsAdded: number; pointsUpdated: number; camerasAdded: number; camerasUpdated: number }>(
      `${BASE}/camera-platform/synchronisations`,
      {},
    ),
  checkHealth: () => api.post<HealthReport>(`${BASE}/camera-platform/health-checks`, {}),
  distributionPoints: () => api.get<DistributionPoint[]>(`${BASE}/distribution-points`),
  healthEvents: () => api.get<DeviceHealthEvent[]>(`${BASE}/device-health-events`, { query: { limit: 20 } }),
  cameras: () => api.get<Page<Camera>>(`${BASE}/cameras`, { query: { size: 100 } }),
  registerCamera: (body: Record<string, unknown>) => api.post<Camera>(`${BASE}/cameras`, body),
  records: (q?: string) => api.get<Page<FaceBaseRecord>>(`${BASE}/face-base-records`, { query: { q, size: 100 } }),
  enrol: (body: Record<string, unknown>) => api.post<FaceBaseRecord>(`${BASE}/face-base-records`, body),
  identify: (photoBase64: string) =>
    api.post<Candidate[]>(`${BASE}/identity-checks`, { photoBase64, topK: 5 }),
  trajectory: (id: string) => api.get<Sighting[]>(`${BASE}/face-base-records/${id}/trajectory`),
  tasks: () => api.get<Page<WatchlistTask>>(`${BASE}/watchlist-tasks`, { query: { size: 100 } }),
  submitTask: (body: Record<string, unknown>) => api.post<WatchlistTask>(`${BASE}/watchlist-tasks`, body),
  review: (id: string, approve: boolean, comment: string) =>
    api.post<WatchlistTask>(`${BASE}/watchlist-tasks/${id}/review`, { approve, comment }),
  deleteTask: (id: string) => api.delete<void>(`${BASE}/watchlist-tasks/${id}`),
  withdraw: (id: string) => api.post<WatchlistTask>(`${BASE}/watchlist-tasks/${id}/withdrawal`, {}),
  recontrol: (id: string) => api.post<WatchlistTask>(`${BASE}/watchlist-tasks/${id}/recontrol`, {}),
  officerContacts: () => api.get<OfficerContact[]>(`${BASE}/officer-contacts`),
  saveOfficerContact: (username: string, phone: string, pushDeviceId: string) =>
    api.put<OfficerContact>(`${BASE}/officer-contacts/${encodeURIComponent(username)}`, {
      phone: phone.trim() || null,
      pushDeviceId: pushDeviceId.trim() || null,
    }),
  alertDelivery: (alertId: string) => api.get<AlertDelivery>(`${BASE}/alerts/${alertId}/delivery`),
  alerts: (status?: string) => api.get<Page<VideoAlert>>(`${BASE}/alerts`, { query: { status, size: 100 } }),
  handle: (alertId: string, result: string, note: string) =>
    api.post<VideoAlert>(`${BASE}/alerts/${alertId}/handling`, { result, note }),
  recognisePlates: (cameraId: string, imageBase64: string) =>
    api.post<PlateRecognition>(`${BASE}/plate-recognitions`, { cameraId, imageBase64, capturedAt: new Date().toISOString() }),
  inspectCamera: (cameraId: string, maxSeconds: number) =>
    api.post<InspectionReport>(`${BASE}/cameras/${cameraId}/inspections`, {}, { query: { maxSeconds } }),
  inspectOfflineVideo: (file: File, cameraId: string | null, sampleFps: number) => {
    const form = new FormData()
    form.append('file', file)
    if (cameraId) form.append('cameraId', cameraId)
    form.append('sampleFps', String(sampleFps))
    return api.post<InspectionReport>(`${BASE}/offline-videos/inspections`, form)
  },
  offlineVideo: (cameraId: string, file: File, recordedAt: string) => {
    const form = new FormData()
    form.append('file', file)
    form.append('cameraId', cameraId)
    form.append('recordedAt', recordedAt)
    form.append('sampleFps', '2')
    return api.post<AnalysisReport>(`${BASE}/offline-videos`, form)
  },
}

/** An image endpoint (JPEG behind the bearer token) as an object URL the page can show. */
export async function imageUrl(path: string): Promise<string> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase.replace(/\/+$/, '')}${BASE}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return URL.createObjectURL(await response.blob())
}

/** A picked file as base64 without the data-URL prefix. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
