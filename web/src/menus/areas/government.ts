import type { Role } from '@/auth/roles'
import type { MenuArea } from '../types'
import { home, ready } from './helpers'

/** The four levels of government; the low-altitude reviewer sees only its own entry. */
const GOVERNMENTS: readonly Role[] = ['gov-county-unit', 'gov-county', 'gov-provincial-dept', 'gov-province']

/** 政务审批 — city/county and provincial approvers of value-added pilot enterprises and repair re-entry. */
export const governmentArea: MenuArea = {
  id: 'government',
  titleKey: 'menu.government.title',
  icon: 'Stamp',
  roles: [...GOVERNMENTS, 'low-altitude-reviewer'],
  home: home('government'),
  items: [
    ready('government', 'pilot-approvals', GOVERNMENTS),
    ready('government', 'pilot-terminations', ['gov-county-unit']),
    ready('government', 'pilot-list', GOVERNMENTS),
    ready('government', 'repair-joint-review', ['gov-provincial-dept']),
    ready('government', 'ledger-statistics', GOVERNMENTS),
    ready('government', 'low-altitude-review', ['low-altitude-reviewer', 'gov-provincial-dept']),
  ],
}
