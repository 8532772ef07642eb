import { api } from '@/api'
import { BASE } from './api'

/** 堆场立体化展示 — the yard by block, bay, row and tier, a container's details and the goods of its documents. */
export interface YardSlot {
  containerNo: string
  portCode: string
  block: string
  bay: number
  row: number
  tier: number
  trade: 'DOMESTIC' | 'FOREIGN'
  direction?: 'IMPORT' | 'EXPORT' | null
  laden: boolean
  since: string
}

export interface YardView {
  portCode: string | null
  total: number
  foreignImport: number
  foreignExport: number
  blocks: { portCode: string; block: string; containers: number; bays: number; rows: number; tiers: number }[]
  tiers: { tier: number; containers: number }[]
  containers: YardSlot[]
}

export interface YardGoods {
  documentNo: string
  kind: 'MANIFEST' | 'DECLARATION' | 'RELEASE'
  goodsNameZh?: string | null
  goodsNameEn?: string | null
  hsCode?: string | null
  packages?: number | null
  grossKg?: number | null
  occurredAt: string
}

export interface YardContainer {
  containerNo: string
  portCode: string
  stage: string
  place?: string | null
  trade: 'DOMESTIC' | 'FOREIGN'
  direction?: 'IMPORT' | 'EXPORT' | null
  laden: boolean
  block?: string | null
  bay?: number | null
  row?: number | null
  tier?: number | null
  occurredAt: string
  documents: YardGoods[]
  goods: YardGoods[]
}

export interface YardFilter {
  portCode?: string
  block?: string
  tier?: number
  trade?: 'DOMESTIC' | 'FOREIGN'
  direction?: 'IMPORT' | 'EXPORT'
}

export const containerYard = {
  view: (filter: YardFilter) => api.get<YardView>(`${BASE}/container-yard`, { query: { ...filter } }),
  container: (no: string) => api.get<YardContainer>(`${BASE}/container-yard/containers/${encodeURIComponent(no)}`),
}

/**
 * One tier of one block as a grid: rows top to bottom, bays left to right (the bays and rows the block uses), each
 * cell the container standing there or null.
 */
export function tierGrid(slots: YardSlot[], block: string, tier: number): { bays: number[]; rows: { row: number; cells: (YardSlot | null)[] }[] } {
  const here = slots.filter((s) => s.block === block && s.tier === tier)
  const inBlock = slots.filter((s) => s.block === block)
  const bays = [...new Set(inBlock.map((s) => s.bay))].sort((a, b) => a - b)
  const rowNos = [...new Set(inBlock.map((s) => s.row))].sort((a, b) => a - b)
  return {
    bays,
    rows: rowNos.map((row) => ({
      row,
      cells: bays.map((bay) => here.find((s) => s.bay === bay && s.row === row) ?? null),
    })),
  }
}

/** The tiers a block is stacked to, highest first (the view reads like the stack seen from the side). */
export function tiersOf(slots: YardSlot[], block: string): number[] {
  return [...new Set(slots.filter((s) => s.block === block).map((s) => s.tier))].sort((a, b) => b - a)
}

/** The colour class of a container: foreign import, foreign export, domestic, empty. */
export function slotClass(s: YardSlot): string {
  if (!s.laden) return 'empty'
  if (s.trade === 'FOREIGN') return s.direction === 'IMPORT' ? 'foreign-in' : 'foreign-out'
  return 'domestic'
}
