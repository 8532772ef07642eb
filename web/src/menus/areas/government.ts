import type { MenuArea } from '../types'
import { home, planned, ready } from './helpers'

/** 政务审批 — city/county and provincial approvers of value-added pilot enterprises and repair re-entry. */
export const governmentArea: MenuArea = {
  id: 'government',
  titleKey: 'menu.government.title',
  icon: 'Stamp',
  roles: ['gov-county-unit', 'gov-county', 'gov-provincial-dept', 'gov-province'],
  home: home('government'),
  items: [
    planned('government', 'pilot-approvals', 'trade-window-service'),
    planned('government', 'pilot-terminations', 'trade-window-service', ['gov-county-unit']),
    planned('government', 'pilot-list', 'trade-window-service'),
    planned('government', 'repair-joint-review', 'trade-window-service', ['gov-provincial-dept']),
    ready('government', 'ledger-statistics'),
  ],
}
