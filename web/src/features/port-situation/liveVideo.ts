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
