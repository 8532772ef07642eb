import type { MenuArea } from '../types'
import { home, ready } from './helpers'

/** 政务审批 — city/county and provincial approvers of value-added pilot enterprises and repair re-entry. */
export const governmentArea: MenuArea = {
  id: 'government',
  titleKey: 'menu.government.title',
  icon: 'Stamp',
  roles: ['gov-county-unit', 'gov-county', 'gov-provincial-dept', 'gov-province'],
  home: home('government'),
  items: [
    ready('government', 'pilot-approvals'),
    ready('government', 'pilot-terminations', ['gov-county-unit']),
    ready('government', 'pilot-list'),
    ready('government', 'repair-joint-review', ['gov-provincial-dept']),
    ready('government', 'ledger-statistics'),
  ],
}
