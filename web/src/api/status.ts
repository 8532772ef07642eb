import type { ApiClient } from './client'

/** One platform service as `GET /api/status` reports it. */
export interface ServiceStatus {
  id: string
  nameZh: string
  nameEn: string
  status: string
  latencyMs?: number | null
}

/** One partner link (simulated or real partner system) as `GET /api/status` reports it. */
export interface PartnerStatus {
  id: string
  nameZh: string
  nameEn: string
  /** `PartnerKind` of the simulators (CUSTOMS_H2018, BANK, GATE…). */
  kind?: string
  /** UP, DEGRADED or DOWN; UNKNOWN when the gateway could not ask. */
  status: string
  latencyMs?: number | null
  /** Share of messages that fail, 0–1. */
  failureRate?: number | null
  /** End of the current outage, when announced. */
  outageUntil?: string | null
  [extra: string]: unknown
}

export interface PlatformStatus {
  checkedAt: string
  services: ServiceStatus[]
  partners: PartnerStatus[]
}

/** The public status of every service and partner link (no token needed). */
export function fetchPlatformStatus(client: ApiClient, signal?: AbortSignal): Promise<PlatformStatus> {
  return client.get<PlatformStatus>('/status', { auth: false, signal }).then((s) => ({
    checkedAt: s?.checkedAt ?? '',
    services: Array.isArray(s?.services) ? s.services : [],
    partners: Array.isArray(s?.partners) ? s.partners : [],
  }))
}

export type HealthTone = 'success' | 'danger' | 'warning' | 'info'

/** How a status word reads on screen: the i18n key of its label and the colour of its tag. */
export function healthOf(status: string | undefined): { key: string; tone: HealthTone; up: boolean } {
  switch ((status ?? '').toUpperCase()) {
    case 'UP':
    case 'OK':
    case 'HEALTHY':
      return { key: 'status.up', tone: 'success', up: true }
    case 'DOWN':
    case 'OUTAGE':
    case 'UNREACHABLE':
      return { key: 'status.down', tone: 'danger', up: false }
    case 'DEGRADED':
    case 'SLOW':
      return { key: 'status.degraded', tone: 'warning', up: false }
    case 'OUT_OF_SERVICE':
      return { key: 'status.outOfService', tone: 'danger', up: false }
    default:
      return { key: 'status.unknown', tone: 'info', up: false }
  }
}
