import type { Role } from '@/auth/roles'
import type { MenuArea } from '../types'
import { home, planned, ready } from './helpers'

/** Enterprise accounts; a low-altitude reporting subject without one sees only its reports. */
const ENTERPRISES: readonly Role[] = ['enterprise-declarant', 'enterprise-admin']

/** 企业服务 — the portal of enterprises: ledgers, declarations, pilot and repair applications, bookings, deposits. */
export const enterpriseArea: MenuArea = {
  id: 'enterprise',
  titleKey: 'menu.enterprise.title',
  icon: 'OfficeBuilding',
  roles: [...ENTERPRISES, 'low-altitude-reporter'],
  home: home('enterprise'),
  items: [
    ready('enterprise', 'ledgers', ENTERPRISES),
    ready('enterprise', 'declarations', ENTERPRISES),
    ready('enterprise', 'second-line', ENTERPRISES),
    ready('enterprise', 'service-console', ENTERPRISES),
    ready('enterprise', 'classification', ENTERPRISES),
    ready('enterprise', 'pilot-applications', ENTERPRISES),
    ready('enterprise', 'aircraft-reports', [...ENTERPRISES, 'low-altitude-reporter']),
    ready('enterprise', 'repair-preferences', ENTERPRISES),
    ready('enterprise', 'alert-subscriptions', ENTERPRISES),
    planned('enterprise', 'declaration-conversion', 'trade-window-service', ENTERPRISES),
    planned('enterprise', 'inspection-bookings', 'customs-service', ENTERPRISES),
    planned('enterprise', 'deposits', 'customs-service', ENTERPRISES),
    // The audit API lets an enterprise administrator read its own enterprise's operation log.
    ready('enterprise', 'operation-logs', ['enterprise-admin']),
  ],
}
