import { api } from '@/api'
import type { DeclarationType } from './api'

/**
 * customs-service: 录入界面配置 / 查询界面配置 (`/v1/screen-configs`, FP 142–147, 193–198, 612–672). Operators keep,
 * per declaration type, which fields the entry screen and the query screen show; the entry and list screens read it.
 */
export type Screen = 'ENTRY' | 'QUERY' | 'DETAIL' | 'EXPORT' | 'DISTRIBUTION'
export type Section = 'HEADER' | 'ITEM' | 'HEADER_CONDITION' | 'ITEM_CONDITION' | 'RESULT'
export const SECTIONS: Record<Screen, Section[]> = {
  ENTRY: ['HEADER', 'ITEM'],
  QUERY: ['HEADER_CONDITION', 'ITEM_CONDITION', 'RESULT'],
  /** 查询详情设置: the header and goods-item fields the detail shows. */
  DETAIL: ['HEADER', 'ITEM'],
  /** 表格导出设置: the list export's columns. */
  EXPORT: ['RESULT'],
  /** 报关单数据项定制: the fields distributed to the Haikou sub-centre. */
  DISTRIBUTION: ['HEADER', 'ITEM'],
}

export interface ScreenField {
  section: Section
  field: string
  position: number
  required: boolean
  defaultValue: string | null
  labelZh: string
  labelEn: string
}

export interface ScreenConfig {
  declarationType: DeclarationType
  screen: Screen
  fields: ScreenField[]
  /** 0: the standard screen (no operator configuration). */
  version: number
  updatedBy: string
  updatedAt: string | null
}

export interface CatalogEntry {
  field: string
  labelZh: string
  labelEn: string
}

export interface HistoryEntry {
  version: number
  action: string
  detail: string | null
  fields: string
  changedBy: string
  changedAt: string
}

/** The fields of a section in their configured order. */
export function sectionFields(config: ScreenConfig | null, section: Section): ScreenField[] {
  return (config?.fields ?? []).filter((f) => f.section === section).sort((a, b) => a.position - b.position)
}

/** Whether a screen shows a field: without a configuration (or before it loaded) every field shows. */
export function shows(config: ScreenConfig | null, section: Section, field: string): boolean {
  if (!config || config.version === 0) return true
  return config.fields.some((f) => f.section === section && f.field === field)
}

/** A new draft's blank fields take the configured defaults; what is already filled stays. */
export function withDefaults<T extends Record<string, unknown>>(config: ScreenConfig | null, section: Section, values: T): T {
  const out: Record<string, unknown> = { ...values }
  for (const f of sectionFields(config, section)) {
    const v = out[f.field]
    if (f.defaultValue != null && (v == null || (typeof v === 'string' && v.trim() === ''))) out[f.field] = f.defaultValue
  }
  return out as T
}

/** The required fields left blank (the service refuses declaring for the same reason). */
export function missingRequired(config: ScreenConfig | null, header: Record<string, unknown>, items: Record<string, unknown>[]): string[] {
  const blank = (v: unknown) => v == null || (typeof v === 'string' && v.trim() === '')
  const missing: string[] = []
  for (const f of sectionFields(config, 'HEADER')) if (f.required && blank(header[f.field])) missing.push(f.field)
  for (const f of sectionFields(config, 'ITEM')) {
    items.forEach((i, n) => {
      if (f.required && blank(i[f.field])) missing.push(`${n + 1}.${f.field}`)
    })
  }
  return missing
}

/** The body of a whole-template save: each section's fields in the order shown. */
export function templateBody(fields: ScreenField[], version: number) {
  return {
    version,
    fields: fields.map((f) => ({ section: f.section, field: f.field, required: f.required, defaultValue: f.defaultValue?.trim() || null })),
  }
}

const BASE = '/customs/v1/screen-configs'

export const screenConfigApi = {
  catalog: () => api.get<Record<Section, CatalogEntry[]>>(`${BASE}/catalog`),
  get: (type: DeclarationType, screen: Screen) => api.get<ScreenConfig>(`${BASE}/${type}/${screen}`),
  save: (type: DeclarationType, screen: Screen, fields: ScreenField[], version: number) =>
    api.put<ScreenConfig>(`${BASE}/${type}/${screen}`, templateBody(fields, version)),
  reset: (type: DeclarationType, screen: Screen, version: number) =>
    api.delete<ScreenConfig>(`${BASE}/${type}/${screen}`, { query: { version } }),
  history: (type: DeclarationType, screen: Screen) => api.get<HistoryEntry[]>(`${BASE}/${type}/${screen}/history`),
}
