import { api } from '@/api'
import { config } from '@/config/runtimeConfig'
import { BASE } from './api'

/**
 * 实时视频墙 — the cameras on a gate's wall (卡口视频监控), the clearance-efficiency walls and the key-area walls of the
 * panoramic maps, and opening a camera's live video: the service answers a signed address valid for a minute, which
 * the browser shows in an <img> (motion JPEG) and renews before the picture ends.
 */
export type WallKind = 'GATE' | 'EFFICIENCY' | 'KEY_AREA'

export interface WallEntry {
  cameraCode: string
  nameZh: string
  nameEn?: string | null
  kind: 'HIGH' | 'LOW'
  portCode: string
  wall: WallKind
  role: string
  targetCode: string
  targetNameZh?: string | null
  targetNameEn?: string | null
  platformCode?: string | null
  deviceCode?: string | null
}

export interface Playback {
  cameraCode: string
  nameZh: string
  format: 'MJPEG'
  streamPath: string
  expiresAt: string
}

export const liveVideo = {
  wall: (wall: WallKind, portCode?: string, target?: string) =>
    api.get<WallEntry[]>(`${BASE}/live-video/walls/${wall}`, { query: { portCode, target } }),
  playback: (cameraCode: string) =>
    api.post<Playback>(`${BASE}/live-video/cameras/${encodeURIComponent(cameraCode)}/playback`, {}),
}

/** The picture lasts a minute at most; a new address is asked this long after the last one. */
export const RENEW_MS = 55_000

/** Where the <img> opens the signed address: the API base of the same origin, the service, the signed path. */
export function streamUrl(p: Playback, apiBase: string = config().apiBase): string {
  return `${apiBase}/port-situation${p.streamPath}`
}

/** A wall's cameras grouped by the gate or zone they watch (the port as a whole where none), in the given order. */
export function byTarget(entries: WallEntry[], en: boolean): { key: string; label: string; entries: WallEntry[] }[] {
  const groups = new Map<string, { key: string; label: string; entries: WallEntry[] }>()
  for (const e of entries) {
    const key = `${e.portCode}/${e.targetCode}`
    let g = groups.get(key)
    if (!g) {
      const target = (en ? e.targetNameEn : e.targetNameZh) || e.targetNameZh || e.targetCode
      g = { key, label: target ? `${e.portCode} · ${target}` : e.portCode, entries: [] }
      groups.set(key, g)
    }
    g.entries.push(e)
  }
  return [...groups.values()]
}

/** The roles each wall allows (what the camera watches there), as the service checks them. */
export const WALL_ROLES: Record<WallKind, string[]> = {
  GATE: ['ENTRY', 'DIVERSION', 'RELEASE', 'INSPECTION_LANE', 'PRE_JUDGEMENT', 'RELEASE_CONTROL'],
  EFFICIENCY: ['BOARDING_GATE', 'INSPECTION_AREA', 'MANUAL_SECURITY', 'FENCE', 'DEPARTURE_LANE'],
  KEY_AREA: ['KEY_AREA'],
}

export interface Watch {
  wall: WallKind
  role: string
  targetCode: string
}

/** A camera's video access: the platform it is reached through, its device code there, the walls it is on. */
export interface CameraVideo {
  cameraCode: string
  nameZh: string
  portCode: string
  platformCode?: string | null
  deviceCode?: string | null
  watches: Watch[]
}

export const cameraVideo = {
  get: (code: string) => api.get<CameraVideo>(`${BASE}/live-video/cameras/${encodeURIComponent(code)}`),
  link: (code: string, body: { platformCode?: string; deviceCode?: string; watches: Watch[] }) =>
    api.put<CameraVideo>(`${BASE}/live-video/cameras/${encodeURIComponent(code)}`, body),
}

/**
 * The watches to send: trimmed, a role the wall does not allow replaced by the wall's first, and duplicates dropped
 * (the same wall, role and target once).
 */
export function cleanWatches(watches: Watch[]): Watch[] {
  const seen = new Set<string>()
  const out: Watch[] = []
  for (const w of watches) {
    const role = WALL_ROLES[w.wall].includes(w.role) ? w.role : WALL_ROLES[w.wall][0]
    const clean = { wall: w.wall, role, targetCode: w.targetCode.trim() }
    const key = `${clean.wall}/${clean.role}/${clean.targetCode}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(clean)
    }
  }
  return out
}
