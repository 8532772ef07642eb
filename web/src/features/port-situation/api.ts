import { api } from '@/api'
import type { Query } from '@/api/client'
import { config } from '@/config/runtimeConfig'
import { useAuthStore } from '@/stores/auth'

/** Calls of port-situation-service (`/api/port-situation/v1/...`). */
export const BASE = '/port-situation/v1'

export type AlertLevel = 'INFO' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'
export type AlertStatus = 'RAISED' | 'NOTIFIED' | 'ACKNOWLEDGED' | 'HANDLED' | 'CLOSED'

export interface AlertView {
  alertId: string
  sourceService: string
  type: string
  level: AlertLevel
  portCode?: string
  organization?: string
  titleZh: string
  titleEn: string
  occurredAt: string
  latitude?: number
  longitude?: number
  attributes: Record<string, string>
  status: AlertStatus
  raisedAt: string
  acknowledgedBy?: string
  acknowledgedAt?: string
  handledBy?: string
  handledAt?: string
  handlingAction?: string
  handlingRecord?: string
  closedBy?: string
  closedAt?: string
  closingRemark?: string
}

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

export interface Vessel {
  mmsi: number
  shipName?: string
  shipType?: string
  destination?: string
  latitude: number
  longitude: number
  sogKnots?: number
  cogDegrees?: number
  navStatus?: number
  positionAt: string
  aisOff: boolean
}

export interface WatchArea {
  id: string
  code: string
  nameZh: string
  nameEn: string
  kind: 'RESTRICTED' | 'CHANNEL' | 'ANCHORAGE'
  polygon: [number, number][]
  speedLimitKnots?: number
}

export interface PortOverview {
  code: string
  nameZh: string
  nameEn: string
  kind: 'SEAPORT' | 'AIRPORT' | 'SITE'
  latitude: number
  longitude: number
  today: Record<string, number>
  gates: { gates?: number; online?: number }
  openAlerts: number
  vesselsNear: number
}

export interface Overview {
  at: string
  ports: PortOverview[]
  vessels: number
  openAlerts: number
  hourlyEntries: { hour: string; portCode: string; entries: number }[]
}

export interface AlertFilter {
  from?: string
  to?: string
  level?: AlertLevel
  type?: string
  status?: AlertStatus
  portCode?: string
  organization?: string
  page?: number
  size?: number
}

/** 口岸指标体系 — one port's six dimension scores (0–100, null without data), overall score and rank (0: none). */
export interface PortScore {
  portCode: string
  nameZh: string
  nameEn: string
  dimensions: Record<string, number | null>
  overall: number | null
  rank: number
}

export interface KpiScores {
  at: string
  dimensions: string[]
  ports: PortScore[]
}

/** The score board: ranked ports first, best first; ports without data last. */
export function scoreBoard(ports: PortScore[]): PortScore[] {
  return [...ports].sort((a, b) => (a.rank || Number.MAX_SAFE_INTEGER) - (b.rank || Number.MAX_SAFE_INTEGER))
}

export const portSituation = {
  overview: () => api.get<Overview>(`${BASE}/monitoring/overview`),
  kpi: () => api.get<KpiScores>(`${BASE}/monitoring/kpi`),
  vessels: () => api.get<Page<Vessel>>(`${BASE}/ais/vessels`, { query: { size: 200 } }),
  watchAreas: () => api.get<WatchArea[]>(`${BASE}/ais/watch-areas`),
  alerts: (filter: AlertFilter) => api.get<Page<AlertView>>(`${BASE}/alerts`, { query: { ...filter } }),
  alert: (id: string) => api.get<AlertView>(`${BASE}/alerts/${encodeURIComponent(id)}`),
  acknowledge: (id: string) => api.post<AlertView>(`${BASE}/alerts/${encodeURIComponent(id)}/acknowledgement`, {}),
  handle: (id: string, action: string, record: string) =>
    api.post<AlertView>(`${BASE}/alerts/${encodeURIComponent(id)}/handling`, { action, record }),
  close: (id: string, remark: string) =>
    api.post<AlertView>(`${BASE}/alerts/${encodeURIComponent(id)}/closure`, { remark }),
}

export type SubscriptionChannel = 'WEBHOOK' | 'SMS' | 'EMAIL'
export type SubscriptionEvent = 'RAISED' | 'ACKNOWLEDGED' | 'HANDLED' | 'CLOSED'

/** 预警订阅 — an enterprise or a partner system subscribed to alerts by webhook, SMS or e-mail. */
export interface Subscription {
  id: string
  subscriberKind: 'ENTERPRISE' | 'PARTNER'
  subscriberId: string
  name: string
  channel: SubscriptionChannel
  target: string
  events: SubscriptionEvent[]
  alertTypes: string[]
  minLevel: AlertLevel
  portCodes: string[]
  status: 'ACTIVE' | 'CANCELLED'
  createdBy: string
  createdAt: string
  cancelledAt?: string
}

export interface SubscriptionRequest {
  subscriberKind?: 'ENTERPRISE' | 'PARTNER'
  subscriberId?: string
  name: string
  channel: SubscriptionChannel
  target: string
  events: SubscriptionEvent[]
  alertTypes: string[]
  minLevel: AlertLevel
  portCodes: string[]
}

/** One queued notice and its attempts (推送记录). */
export interface Delivery {
  id: string
  alertId: string
  event: SubscriptionEvent
  status: 'PENDING' | 'DELIVERED' | 'REFUSED' | 'FAILED'
  attempts: number
  nextAttemptAt: string
  lastError?: string
  createdAt: string
  deliveredAt?: string
  attemptLog: { attempt: number; at: string; outcome: 'DELIVERED' | 'RETRY' | 'REFUSED'; statusCode?: number; detail?: string }[]
}

export const subscriptions = {
  list: () => api.get<Subscription[]>(`${BASE}/subscriptions`),
  create: (request: SubscriptionRequest) => api.post<Subscription>(`${BASE}/subscriptions`, request),
  cancel: (id: string) => api.post<Subscription>(`${BASE}/subscriptions/${encodeURIComponent(id)}/cancellation`, {}),
  deliveries: (id: string) => api.get<Delivery[]>(`${BASE}/subscriptions/${encodeURIComponent(id)}/deliveries`),
}

/**
 * The same checks the service makes of a subscription's target, so the form can say what is wrong before sending:
 * a mainland mobile number for SMS, an absolute http(s) URL for a webhook (the service also refuses plain http and
 * internal addresses except for the hosts it lists). Gives the message key of the problem, or null.
 */
export function targetProblem(channel: SubscriptionChannel, target: string): string | null {
  const value = target.trim()
  if (channel === 'SMS') {
    return /^1[3-9]\d{9}$/.test(value) ? null : 'subscriptions.errors.mobile'
  }
  if (channel === 'EMAIL') {
    return value.length <= 254 && /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value)
      ? null : 'subscriptions.errors.email'
  }
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'subscriptions.errors.url'
    if (url.username || url.password) return 'subscriptions.errors.url'
    return null
  } catch {
    return 'subscriptions.errors.url'
  }
}

/** 高点/低点摄像机 — a camera of a port, as base data. */
export interface Camera {
  id: string
  code: string
  nameZh: string
  nameEn?: string
  kind: 'HIGH' | 'LOW'
  portCode: string
  latitude: number
  longitude: number
  highCameraCode?: string
  streamUrl?: string
  status: 'DRAFT' | 'CONFIRMED'
  confirmedBy?: string
  confirmedAt?: string
  updatedBy: string
  updatedAt: string
}

export type CameraInput = Omit<Camera, 'id' | 'status' | 'confirmedBy' | 'confirmedAt' | 'updatedBy' | 'updatedAt'>

export interface CameraFilter {
  kind?: 'HIGH' | 'LOW'
  portCode?: string
  status?: 'DRAFT' | 'CONFIRMED'
  q?: string
  page?: number
  size?: number
}

export const cameras = {
  search: (filter: CameraFilter) => api.get<Page<Camera>>(`${BASE}/base-data/cameras`, { query: { ...filter } }),
  create: (input: CameraInput) => api.post<Camera>(`${BASE}/base-data/cameras`, input),
  update: (id: string, input: CameraInput) => api.put<Camera>(`${BASE}/base-data/cameras/${encodeURIComponent(id)}`, input),
  remove: (id: string) => api.delete<void>(`${BASE}/base-data/cameras/${encodeURIComponent(id)}`),
  confirm: (id: string) => api.post<Camera>(`${BASE}/base-data/cameras/${encodeURIComponent(id)}/confirmation`, {}),
}

/** Sends an .xlsx file to the camera import (all rows or none). */
export async function importCameras(file: Blob): Promise<{ created: number; updated: number }> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase}${BASE}/base-data/cameras/import`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: file,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.detail ?? `HTTP ${response.status}`)
  return body
}

/** Downloads the camera export (the same filters as the list). */
export async function exportCameras(filter: CameraFilter): Promise<Blob> {
  const token = await useAuthStore().accessToken()
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'size') params.append(k, String(v))
  const response = await fetch(`${config().apiBase}${BASE}/base-data/cameras/export?${params}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.blob()
}

/** Downloads the Excel export of the filtered alerts (a blob through fetch, so the token goes in the header). */
export async function exportAlerts(filter: AlertFilter): Promise<Blob> {
  const token = await useAuthStore().accessToken()
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'size') params.append(k, String(v))
  const response = await fetch(`${config().apiBase}${BASE}/alerts/export?${params}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.blob()
}

export interface LiveEvent {
  event: string
  data: unknown
}

/**
 * Splits a server-sent-events text stream into events (`event:` + `data:` lines, blank line ends one). Returns the
 * complete events and the unfinished rest, which the caller prepends to the next chunk.
 */
export function parseEvents(buffer: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = []
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    let event = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue
      if (line.startsWith('event:')) event = line.slice(6).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
    }
    if (data.length === 0) continue
    const text = data.join('\n')
    try {
      events.push({ event, data: JSON.parse(text) })
    } catch {
      events.push({ event, data: text })
    }
  }
  return { events, rest }
}

/**
 * Opens the live stream (`GET /v1/live`, server-sent events) with the bearer token in the header, reconnecting after
 * a drop. Returns a function that closes it.
 */
export function openLiveStream(onEvent: (e: LiveEvent) => void, onState?: (connected: boolean) => void): () => void {
  let stopped = false
  let controller: AbortController | undefined
  const run = async () => {
    while (!stopped) {
      controller = new AbortController()
      try {
        const token = await useAuthStore().accessToken()
        const response = await fetch(`${config().apiBase}${BASE}/live`, {
          headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          signal: controller.signal,
        })
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
        onState?.(true)
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          const parsed = parseEvents(buffer + value)
          buffer = parsed.rest
          parsed.events.forEach(onEvent)
        }
      } catch {
        // dropped or refused: try again below
      }
      onState?.(false)
      if (!stopped) await new Promise((r) => setTimeout(r, 3_000))
    }
  }
  void run()
  return () => {
    stopped = true
    controller?.abort()
  }
}

/** A short two-tone alarm through Web Audio (no sound file to ship); silent where audio is not allowed. */
export function beep(): void {
  try {
    const Ctx = window.AudioContext
    if (!Ctx) return
    const ctx = new Ctx()
    ;[880, 660].forEach((freq, i) => {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.frequency.value = freq
      gain.gain.value = 0.08
      osc.connect(gain).connect(ctx.destination)
      osc.start(ctx.currentTime + i * 0.18)
      osc.stop(ctx.currentTime + i * 0.18 + 0.15)
    })
    setTimeout(() => void ctx.close(), 600)
  } catch {
    // no audio device: the popup still shows
  }
}

/** The base-data lists kept by the 基础信息维护 screen (one resource each under `/base-data/`). */
export type BaseDataResource = 'port-areas' | 'zones' | 'zone-points' | 'logistics-routes' | 'site-labels' | 'video-platforms'
  | 'organisations' | 'port-users' | 'port-roles' | 'permissions' | 'menus' | 'operation-logs' | 'run-logs'
  | 'receive-logs'

/** One base-data record as the service returns it (fields differ per resource). */
export interface BaseDataRecord {
  id: string
  code: string
  nameZh: string
  nameEn?: string
  status?: 'DRAFT' | 'CONFIRMED'
  enabled?: boolean
  updatedAt: string
  [field: string]: unknown
}

/** Where a list lives: under `/base-data/`, but the AIS feeders' data-receive log is the AIS receiver's. */
const resourceUrl = (resource: BaseDataResource) =>
  resource === 'receive-logs' ? `${BASE}/ais/receive-logs` : `${BASE}/base-data/${resource}`

/** CRUD of one base-data resource; `confirm` and `enable` only where the resource has them. */
export function baseData(resource: BaseDataResource) {
  const url = resourceUrl(resource)
  return {
    /** A page of the list; a list that is not paged (the permission catalogue) comes back as one page. */
    search: async (filter: Record<string, unknown>): Promise<Page<BaseDataRecord>> => {
      const body = await api.get<Page<BaseDataRecord> | BaseDataRecord[]>(url, { query: { ...filter } as Query })
      return Array.isArray(body) ? asPage(body) : body
    },
    create: (input: Record<string, unknown>) => api.post<BaseDataRecord>(url, input),
    update: (id: string, input: Record<string, unknown>) => api.put<BaseDataRecord>(`${url}/${encodeURIComponent(id)}`, input),
    remove: (id: string) => api.delete<void>(`${url}/${encodeURIComponent(id)}`),
    confirm: (id: string) => api.post<BaseDataRecord>(`${url}/${encodeURIComponent(id)}/confirmation`, {}),
    enable: (id: string, enabled: boolean) => api.put<BaseDataRecord>(`${url}/${encodeURIComponent(id)}/enabled`, { enabled }),
  }
}

function asPage(rows: BaseDataRecord[]): Page<BaseDataRecord> {
  return { content: rows, totalElements: rows.length, page: 0, size: rows.length, totalPages: 1 }
}

/** Sends an .xlsx file to a base-data import (zones, zone points: all rows or none). */
export async function importBaseData(resource: BaseDataResource, file: Blob): Promise<{ created: number; updated: number }> {
  const token = await useAuthStore().accessToken()
  const response = await fetch(`${config().apiBase}${resourceUrl(resource)}/import`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: file,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.detail ?? `HTTP ${response.status}`)
  return body
}

/** Downloads a base-data export with the list's filters. */
export async function exportBaseData(resource: BaseDataResource, filter: Record<string, unknown>): Promise<Blob> {
  const token = await useAuthStore().accessToken()
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '' && v !== null && k !== 'page' && k !== 'size') params.append(k, String(v))
  const response = await fetch(`${config().apiBase}${resourceUrl(resource)}/export?${params}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.blob()
}

/** "lon lat; lon lat; …" ⇄ [[lon, lat], …], as the zone form and the Excel files write polygons. */
export function parsePolygon(text: string): number[][] {
  return text.split(';').map((p) => p.trim()).filter((p) => p.length > 0)
    .map((p) => p.split(/[\s,]+/).map(Number))
}

export function formatPolygon(points: number[][] | undefined): string {
  return (points ?? []).map((p) => `${p[0]} ${p[1]}`).join('; ')
}

/** "TYPE:CODE" per line ⇄ the links of a site label. */
export function parseLinks(text: string): { targetType: string; targetCode: string }[] {
  return text.split(/\n/).map((l) => l.trim()).filter((l) => l.length > 0).map((l) => {
    const i = l.indexOf(':')
    return i < 0 ? { targetType: '', targetCode: l } : { targetType: l.slice(0, i).trim(), targetCode: l.slice(i + 1).trim() }
  })
}

export function formatLinks(links: { targetType: string; targetCode: string }[] | undefined): string {
  return (links ?? []).map((l) => `${l.targetType}:${l.targetCode}`).join('\n')
}

/**
 * 设施监测 — one port and kind of facility: counts by status, online rate, faults, time to repair, and the fault
 * response time (from the fault to an officer acknowledging its alert).
 */
export interface FacilitySummary {
  portCode: string
  kind: string
  total: number
  online: number
  fault: number
  offline: number
  onlineRate: number
  faults: number
  openIncidents: number
  repaired: number
  meanMinutesToRepair: number | null
  responded: number
  meanMinutesToRespond: number | null
}

export interface Facility {
  code: string
  kind: string
  portCode: string
  nameZh: string
  status: 'ONLINE' | 'FAULT' | 'OFFLINE'
  statusSince: string
  lastHeartbeatAt: string
  faultReason?: string
}

/** A reported position of a container (集装箱位置). */
export interface ContainerPosition {
  containerNo: string
  portCode: string
  latitude: number
  longitude: number
  place?: string
  stage: string
  trade: 'DOMESTIC' | 'FOREIGN'
  laden: boolean
  occurredAt: string
}

/** 在场集装箱: the containers on site at a port and their counts by trade and laden/empty. */
export interface OnSite {
  portCode: string
  statistics: { total: number; foreign: number; domestic: number; laden: number; empty: number }
  containers: ContainerPosition[]
}

/** The containers on site cut by trade and laden/empty (内贸/外贸/重箱/空箱), for the yard view's filters. */
export function onSiteSlice(containers: ContainerPosition[], cut: 'ALL' | 'DOMESTIC' | 'FOREIGN' | 'LADEN' | 'EMPTY') {
  return containers.filter((c) => cut === 'ALL' || (cut === 'DOMESTIC' && c.trade === 'DOMESTIC')
    || (cut === 'FOREIGN' && c.trade === 'FOREIGN') || (cut === 'LADEN' && c.laden) || (cut === 'EMPTY' && !c.laden))
}

/** 单证流与物流匹配度 of one port. */
export interface MatchDegree {
  portCode: string
  nameZh: string
  nameEn: string
  documents: number
  logistics: number
  matched: number
  documentsOnly: number
  logisticsOnly: number
  degree: number | null
}

export const cargoAndFacilities = {
  facilitySummary: (portCode?: string) =>
    api.get<FacilitySummary[]>(`${BASE}/facilities/summary`, { query: { portCode } }),
  facilities: (query: { portCode?: string; kind?: string; status?: string; page?: number; size?: number }) =>
    api.get<Page<Facility>>(`${BASE}/facilities`, { query }),
  container: (no: string) => api.get<ContainerPosition>(`${BASE}/containers/${encodeURIComponent(no)}`),
  track: (no: string) =>
    api.get<{ containerNo: string; points: ContainerPosition[] }>(`${BASE}/containers/${encodeURIComponent(no)}/track`),
  onSite: (portCode: string) => api.get<OnSite>(`${BASE}/containers`, { query: { portCode } }),
  arrivals: (portCode?: string) => api.get<ContainerPosition[]>(`${BASE}/containers/arrivals`, { query: { portCode } }),
  matchDegree: () => api.get<MatchDegree[]>(`${BASE}/match-degree`),
  unmatched: (portCode: string) =>
    api.get<{ containerNo: string; side: string }[]>(`${BASE}/match-degree/${encodeURIComponent(portCode)}/unmatched`),
}

/** ISO 6346: owner code, category, serial and the check digit (the service refuses others). */
export function containerNumberValid(no: string): boolean {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(no)) return false
  const letters: Record<string, number> = {}
  let v = 10
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++
    letters[ch] = v++
  }
  let sum = 0
  for (let i = 0; i < 10; i++) {
    const ch = no[i]
    sum += (/\d/.test(ch) ? Number(ch) : letters[ch]) * 2 ** i
  }
  return (sum % 11) % 10 === Number(no[10])
}

/** One row of what a video platform reports (streams, transcoding tasks, cameras, recordings, time-sync tasks). */
export type MediaRow = Record<string, unknown>

/** 视频转码管理 (FP 589–600, 605): what a networked video platform reports, asked of it live. */
export function videoPlatformMedia(platformId: string) {
  const url = `${BASE}/base-data/video-platforms/${encodeURIComponent(platformId)}`
  return {
    streams: () => api.get<MediaRow[]>(`${url}/streams`),
    transcoding: () => api.get<MediaRow[]>(`${url}/transcoding`),
    cameras: (q?: string) => api.get<MediaRow[]>(`${url}/cameras`, { query: q ? { q } : {} }),
    camera: (deviceCode: string) => api.get<MediaRow>(`${url}/cameras/${encodeURIComponent(deviceCode)}`),
    recordings: (deviceCode: string, from: string, to: string) =>
      api.get<MediaRow[]>(`${url}/recordings`, { query: { deviceCode, from, to } }),
    playback: (recordingId: string) => api.get<MediaRow>(`${url}/recordings/${encodeURIComponent(recordingId)}/playback`),
    download: (recordingId: string) => api.get<MediaRow>(`${url}/recordings/${encodeURIComponent(recordingId)}/download`),
    timeSync: () => api.get<MediaRow[]>(`${url}/time-sync`),
    highLowCameras: (kind: 'HIGH' | 'LOW') => api.get<MediaRow[]>(`${url}/high-low-cameras`, { query: { kind } }),
    correspondence: () => api.get<MediaRow[]>(`${url}/high-low-cameras/correspondence`),
  }
}

/**
 * 高点与低点对应关系 (FP 604) as table rows: one row per low-point camera under its high-point camera (a high-point
 * camera without low-point ones keeps one row), with whether the base data pairs them the same way.
 */
export function correspondenceRows(highs: MediaRow[]): MediaRow[] {
  const rows: MediaRow[] = []
  for (const h of highs) {
    const lows = Array.isArray(h.lowPointCameras) ? (h.lowPointCameras as MediaRow[]) : []
    if (lows.length === 0) {
      rows.push({ highPointDeviceCode: h.deviceCode, highPointName: h.nameZh ?? null, deviceCode: null, nameZh: null, agrees: null })
    }
    for (const l of lows) {
      rows.push({ highPointDeviceCode: h.deviceCode, highPointName: h.nameZh ?? null, deviceCode: l.deviceCode,
        nameZh: l.nameZh ?? null, agrees: l.agrees ?? null, baseDataHighCameraCode: l.baseDataHighCameraCode ?? null })
    }
  }
  return rows
}

/** The columns of a media table: the keys of its first row, nested objects left out. */
export function mediaColumns(rows: MediaRow[]): string[] {
  if (rows.length === 0) return []
  return Object.keys(rows[0]).filter((k) => rows[0][k] === null || typeof rows[0][k] !== 'object')
}
