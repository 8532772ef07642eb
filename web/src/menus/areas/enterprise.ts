import type { MenuArea } from '../types'
import { home, planned, ready } from './helpers'

/** 企业服务 — the portal of enterprises: ledgers, declarations, pilot and repair applications, bookings, deposits. */
export const enterpriseArea: MenuArea = {
  id: 'enterprise',
  titleKey: 'menu.enterprise.title',
  icon: 'OfficeBuilding',
  roles: ['enterprise-declarant', 'enterprise-admin'],
  home: home('enterprise'),
  items: [
    ready('enterprise', 'ledgers'),
    ready('enterprise', 'declarations'),
    ready('enterprise', 'pilot-applications'),
    ready('enterprise', 'aircraft-reports'),
    ready('enterprise', 'repair-preferences'),
    ready('enterprise', 'alert-subscriptions'),
    planned('enterprise', 'declaration-conversion', 'trade-window-service'),
    planned('enterprise', 'inspection-bookings', 'customs-service'),
    planned('enterprise', 'deposits', 'customs-service'),
    // The audit API lets an enterprise administrator read its own enterprise's operation log.
    ready('enterprise', 'operation-logs', ['enterprise-admin']),
  ],
}
