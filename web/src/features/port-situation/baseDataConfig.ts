import type { BaseDataResource } from './api'

/** How one field of a base-data form is entered. */
export interface FieldSpec {
  prop: string
  kind: 'text' | 'number' | 'integer' | 'select' | 'switch' | 'polygon' | 'links' | 'textarea' | 'list'
  options?: string[]
  required?: boolean
  /** Fixed on edit (the code). */
  key?: boolean
}

/**
 * One list of the 基础信息维护 screen (group `base`) or of the 系统管理 screen (group `admin`: permissions, menus and
 * logs): its columns, filters and form, and which actions it has. A read-only list has no form; `view` opens a record's
 * details; `excel` on a read-only list is export only.
 */
export interface ResourceSpec {
  resource: BaseDataResource
  group?: 'base' | 'admin'
  readonly?: boolean
  view?: boolean
  columns: string[]
  filters: { prop: string; options?: string[] }[]
  fields: FieldSpec[]
  confirm?: boolean
  excel?: boolean
  enable?: boolean
}

export const PORTS = ['MEILAN_AIRPORT', 'BOAO_AIRPORT', 'PHOENIX_AIRPORT', 'NANSHAN_PORT', 'XINHAI_PORT', 'XIUYING_PORT',
  'MACUN_PORT', 'YANGPU_PORT', 'QINGLAN_PORT', 'BASUO_PORT', 'CENTRAL_INSPECTION_SITE']
export const ZONE_KINDS = ['RESTRICTED', 'CHANNEL', 'ANCHORAGE', 'KEY_AREA', 'FIRST_LINE', 'SECOND_LINE', 'YARD', 'INSPECTION']
export const POINT_KINDS = ['GATE', 'BERTH', 'SENSOR', 'CAMERA_POLE', 'CHECKPOINT', 'OTHER']
export const LEVELS = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']
/** The permission catalogue of the port RBAC (the service's `port_permission`). */
export const PERMISSIONS = ['PORT_BIG_SCREEN', 'PORT_MONITORING', 'PORT_ALERTS', 'PORT_GATES', 'PORT_BASE_DATA',
  'PORT_CAMERAS', 'PORT_SUBSCRIPTIONS', 'PORT_ADMIN', 'ALERT_HANDLE', 'DATA_ALL_PORTS']
const STATUS = { prop: 'status', options: ['DRAFT', 'CONFIRMED'] }
const NAMES: FieldSpec[] = [{ prop: 'code', kind: 'text', required: true, key: true },
  { prop: 'nameZh', kind: 'text', required: true }, { prop: 'nameEn', kind: 'text' }]

export const RESOURCES: ResourceSpec[] = [
  {
    resource: 'port-areas', confirm: true,
    columns: ['code', 'nameZh', 'portCode', 'position', 'status', 'updatedAt'],
    filters: [{ prop: 'portCode', options: PORTS }, STATUS],
    fields: [...NAMES, { prop: 'portCode', kind: 'select', options: PORTS, required: true },
      { prop: 'latitude', kind: 'number', required: true }, { prop: 'longitude', kind: 'number', required: true },
      { prop: 'description', kind: 'textarea' }],
  },
  {
    resource: 'zones', confirm: true, excel: true,
    columns: ['code', 'nameZh', 'kind', 'portAreaCode', 'level', 'active', 'status', 'updatedAt'],
    filters: [{ prop: 'kind', options: ZONE_KINDS }, { prop: 'portCode', options: PORTS }, STATUS],
    fields: [...NAMES, { prop: 'kind', kind: 'select', options: ZONE_KINDS, required: true },
      { prop: 'portAreaCode', kind: 'text', required: true }, { prop: 'polygon', kind: 'polygon', required: true },
      { prop: 'speedLimitKnots', kind: 'number' }, { prop: 'level', kind: 'select', options: LEVELS },
      { prop: 'active', kind: 'switch' }],
  },
  {
    resource: 'zone-points', confirm: true, excel: true,
    columns: ['code', 'nameZh', 'zoneCode', 'kind', 'position', 'status', 'updatedAt'],
    filters: [{ prop: 'zoneCode' }, { prop: 'kind', options: POINT_KINDS }, STATUS],
    fields: [...NAMES, { prop: 'zoneCode', kind: 'text', required: true },
      { prop: 'kind', kind: 'select', options: POINT_KINDS, required: true },
      { prop: 'latitude', kind: 'number', required: true }, { prop: 'longitude', kind: 'number', required: true }],
  },
  {
    resource: 'logistics-routes', enable: true,
    columns: ['code', 'nameZh', 'trade', 'mode', 'portCode', 'origin', 'destination', 'enabled', 'updatedAt'],
    filters: [{ prop: 'trade', options: ['DOMESTIC', 'FOREIGN'] }, { prop: 'mode', options: ['SEA', 'AIR'] },
      { prop: 'portCode', options: PORTS }],
    fields: [...NAMES, { prop: 'trade', kind: 'select', options: ['DOMESTIC', 'FOREIGN'], required: true },
      { prop: 'mode', kind: 'select', options: ['SEA', 'AIR'], required: true },
      { prop: 'portCode', kind: 'select', options: PORTS, required: true },
      { prop: 'origin', kind: 'text', required: true }, { prop: 'destination', kind: 'text', required: true },
      { prop: 'description', kind: 'textarea' }],
  },
  {
    resource: 'site-labels',
    columns: ['code', 'nameZh', 'color', 'portCode', 'links', 'updatedAt'],
    filters: [{ prop: 'portCode', options: PORTS },
      { prop: 'targetType', options: ['PORT', 'PORT_AREA', 'ZONE', 'POINT', 'CAMERA', 'GATE'] }, { prop: 'targetCode' }],
    fields: [...NAMES, { prop: 'color', kind: 'text' }, { prop: 'portCode', kind: 'select', options: PORTS },
      { prop: 'description', kind: 'textarea' }, { prop: 'links', kind: 'links' }],
  },
  {
    resource: 'video-platforms', view: true,
    columns: ['code', 'nameZh', 'protocol', 'host', 'port', 'portCode', 'enabled', 'updatedAt'],
    filters: [{ prop: 'protocol', options: ['GB28181', 'RTSP', 'ONVIF', 'HLS'] }, { prop: 'portCode', options: PORTS }],
    fields: [...NAMES, { prop: 'protocol', kind: 'select', options: ['GB28181', 'RTSP', 'ONVIF', 'HLS'], required: true },
      { prop: 'host', kind: 'text', required: true }, { prop: 'port', kind: 'number', required: true },
      { prop: 'gbDeviceId', kind: 'text' }, { prop: 'portCode', kind: 'select', options: PORTS },
      { prop: 'enabled', kind: 'switch' }],
  },
  // 权限管理、菜单管理、运行维护 (FP 606–644)
  {
    resource: 'organisations', group: 'admin',
    columns: ['code', 'nameZh', 'parentCode', 'portCode', 'description', 'updatedAt'],
    filters: [{ prop: 'portCode', options: PORTS }, { prop: 'parentCode' }],
    fields: [...NAMES, { prop: 'parentCode', kind: 'text' }, { prop: 'portCode', kind: 'select', options: PORTS },
      { prop: 'description', kind: 'textarea' }],
  },
  {
    resource: 'port-users', group: 'admin',
    columns: ['code', 'nameZh', 'orgCode', 'roles', 'permissions', 'enabled', 'updatedAt'],
    filters: [{ prop: 'orgCode' }, { prop: 'role' }],
    fields: [{ prop: 'code', kind: 'text', required: true, key: true }, { prop: 'nameZh', kind: 'text', required: true },
      { prop: 'nameEn', kind: 'text' }, { prop: 'orgCode', kind: 'text', required: true }, { prop: 'phone', kind: 'text' },
      { prop: 'roles', kind: 'list' }, { prop: 'permissions', kind: 'list' }, { prop: 'enabled', kind: 'switch' }],
  },
  {
    resource: 'port-roles', group: 'admin',
    columns: ['code', 'nameZh', 'permissions', 'description', 'updatedAt'],
    filters: [{ prop: 'permission', options: PERMISSIONS }],
    fields: [...NAMES, { prop: 'description', kind: 'textarea' }, { prop: 'permissions', kind: 'list' }],
  },
  {
    resource: 'permissions', group: 'admin', readonly: true,
    columns: ['code', 'nameZh', 'nameEn', 'kind'], filters: [], fields: [],
  },
  {
    resource: 'menus', group: 'admin', enable: true,
    columns: ['code', 'nameZh', 'path', 'permissionCode', 'sortOrder', 'enabled', 'updatedAt'],
    filters: [{ prop: 'permissionCode', options: PERMISSIONS }],
    fields: [...NAMES, { prop: 'parentCode', kind: 'text' }, { prop: 'path', kind: 'text', required: true },
      { prop: 'permissionCode', kind: 'select', options: PERMISSIONS, required: true },
      { prop: 'sortOrder', kind: 'integer' }, { prop: 'enabled', kind: 'switch' }],
  },
  {
    resource: 'operation-logs', group: 'admin', readonly: true, view: true, excel: true,
    columns: ['seq', 'occurredAt', 'actorName', 'action', 'businessId', 'result'],
    filters: [{ prop: 'actor' }, { prop: 'action' }, { prop: 'result', options: ['SUCCESS', 'FAILURE'] }],
    fields: [],
  },
  {
    resource: 'run-logs', group: 'admin', readonly: true, view: true, excel: true,
    columns: ['loggedAt', 'level', 'logger', 'message'],
    filters: [{ prop: 'level', options: ['INFO', 'WARN', 'ERROR'] }],
    fields: [],
  },
  {
    resource: 'receive-logs', group: 'admin', readonly: true, view: true, excel: true,
    columns: ['periodStart', 'channel', 'source', 'received', 'accepted', 'dropped', 'dropReasons'],
    filters: [{ prop: 'source' }],
    fields: [],
  },
]

/** The lists of one screen. */
export function resourcesOf(group: 'base' | 'admin'): ResourceSpec[] {
  return RESOURCES.filter((r) => (r.group ?? 'base') === group)
}

/** An empty form of a resource (switches on, numbers unset). */
export function emptyForm(spec: ResourceSpec): Record<string, unknown> {
  const form: Record<string, unknown> = {}
  for (const f of spec.fields) {
    form[f.prop] = f.kind === 'switch' ? true : f.kind === 'number' || f.kind === 'integer' ? undefined : ''
  }
  return form
}

/** "A, B；C" ⇄ ['A', 'B', 'C']: the codes of a list field (roles, permissions), as typed in one line. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[,，;；\s]+/).map((c) => c.trim()).filter((c) => c.length > 0))]
}

export function formatList(codes: unknown): string {
  return Array.isArray(codes) ? codes.join(', ') : ''
}
