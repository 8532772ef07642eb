import { api } from '@/api'
import type { DeclarationHeader, DeclarationItem, DeclarationType, Page } from './api'

/** customs-service: 初始值模版 / 录入模版 (`/v1/declaration-templates`, FP 106–115, 315–319, 357–363). */
export type TemplateKind = 'INITIAL_VALUE' | 'ENTRY'
export type Direction = 'IMPORT' | 'EXPORT'

export interface DeclarationTemplate {
  id: string
  enterpriseUscc: string
  kind: TemplateKind
  declarationType: DeclarationType
  importExport: Direction
  name: string
  header: DeclarationHeader
  items: DeclarationItem[]
  updatedBy: string
  updatedAt: string
  version: number
}

export interface TemplateLogEntry {
  templateId: string
  kind: TemplateKind
  declarationType: DeclarationType
  importExport: Direction
  name: string
  action: 'CREATED' | 'CHANGED' | 'DELETED'
  actor: string
  at: string
}

export interface DeclarationDraft {
  declarationType: DeclarationType
  importExport?: Direction | null
  header: DeclarationHeader
  items: DeclarationItem[]
}

/**
 * What "save as template" sends: the header's filled fields only (a blank one would overwrite nothing anyway), and the
 * goods items only for an entry template.
 */
export function templateBody(kind: TemplateKind, name: string, draft: DeclarationDraft, direction: Direction = 'IMPORT') {
  const header = Object.fromEntries(
    Object.entries(draft.header).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')),
  ) as DeclarationHeader
  return {
    kind,
    declarationType: draft.declarationType,
    importExport: draft.importExport ?? direction,
    name: name.trim(),
    header,
    items: kind === 'ENTRY' ? draft.items : [],
  }
}

const BASE = '/customs/v1/declaration-templates'

export const templateApi = {
  list: (type?: DeclarationType, kind?: TemplateKind) => {
    const q = new URLSearchParams()
    if (type) q.set('type', type)
    if (kind) q.set('kind', kind)
    const s = q.toString()
    return api.get<DeclarationTemplate[]>(s ? `${BASE}?${s}` : BASE)
  },
  create: (body: ReturnType<typeof templateBody>) => api.post<DeclarationTemplate>(BASE, body),
  remove: (id: string) => api.delete<void>(`${BASE}/${id}`),
  apply: (id: string, draft: DeclarationDraft) => api.post<DeclarationDraft>(`${BASE}/${id}/application`, draft),
  logs: (page: number, size: number) => api.get<Page<TemplateLogEntry>>(`${BASE}/logs?page=${page}&size=${size}`),
}
