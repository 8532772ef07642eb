import { api } from '@/api'
import { STATUSES, type DeclarationStatus, type DeclarationType } from './api'

/** customs-service: 打印模版设置 and 打印校验规则 (`/v1/print-templates`, FP 95, 98, 161, 164, 304, 307). */
export const PRINT_COLUMNS = ['SEQ', 'HS_CODE', 'NAME_SPEC', 'QUANTITY_UNIT', 'PRICE', 'ORIGIN', 'DESTINATION', 'LEVY'] as const
export type PrintColumn = (typeof PRINT_COLUMNS)[number]
/** Every state a template may print in (a deleted declaration is never printed). */
export const PRINTABLE_STATES: readonly DeclarationStatus[] = STATUSES.filter((s) => s !== 'DELETED')

export interface PrintTemplate {
  declarationType: DeclarationType
  title: string | null
  footer: string | null
  itemColumns: PrintColumn[]
  printableStatuses: DeclarationStatus[]
  updatedBy: string
  updatedAt: string | null
  version: number
}

/** The columns in the form's order, whatever order they were ticked in. */
export function orderedColumns(picked: readonly PrintColumn[]): PrintColumn[] {
  return PRINT_COLUMNS.filter((c) => picked.includes(c))
}

const BASE = '/customs/v1/print-templates'

export const printTemplateApi = {
  all: () => api.get<PrintTemplate[]>(BASE),
  save: (t: PrintTemplate) =>
    api.put<PrintTemplate>(`${BASE}/${t.declarationType}`, {
      title: t.title?.trim() || null,
      footer: t.footer?.trim() || null,
      itemColumns: orderedColumns(t.itemColumns),
      printableStatuses: t.printableStatuses,
      version: t.version,
    }),
}
