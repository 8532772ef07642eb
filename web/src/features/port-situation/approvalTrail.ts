import { api } from '@/api'
import { BASE } from './api'

/** 审核流程回溯: a container's documents in time order (`GET /v1/containers/{no}/approval-trail`). */
export type DocumentKind = 'MANIFEST' | 'DECLARATION' | 'RELEASE' | string

export interface TrailDocument {
  documentNo: string
  kind: DocumentKind
  portCode: string
  occurredAt: string
}

export interface TrailStep extends TrailDocument {
  /** Minutes since the step before (null for the first). */
  minutesSincePrevious: number | null
}

export const approvalTrail = (containerNo: string) =>
  api.get<TrailDocument[]>(`${BASE}/containers/${encodeURIComponent(containerNo)}/approval-trail`)

/** The trail as steps with the time each took, and where the approval stands (released, declared, manifested). */
export function trailSteps(docs: TrailDocument[]): { steps: TrailStep[]; status: 'RELEASED' | 'DECLARED' | 'MANIFESTED' | null } {
  const sorted = [...docs].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
  const steps = sorted.map((d, i) => ({
    ...d,
    minutesSincePrevious: i === 0 ? null
      : Math.round((Date.parse(d.occurredAt) - Date.parse(sorted[i - 1].occurredAt)) / 600) / 100,
  }))
  const kinds = new Set(sorted.map((d) => d.kind))
  const status = kinds.has('RELEASE') ? 'RELEASED' : kinds.has('DECLARATION') ? 'DECLARED' : kinds.has('MANIFEST') ? 'MANIFESTED' : null
  return { steps, status }
}
