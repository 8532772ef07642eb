import type { MenuArea } from '../types'
import { home, planned, ready } from './helpers'

/** 运维管理 — single-window operators and platform administrators. */
export const operatorArea: MenuArea = {
  id: 'operator',
  titleKey: 'menu.operator.title',
  icon: 'Setting',
  roles: ['sw-operator', 'platform-admin'],
  home: home('operator'),
  items: [
    ready('operator', 'operation-logs'),
    ready('operator', 'login-logs'),
    ready('operator', 'alert-subscriptions'),
    ready('operator', 'cameras'),
    ready('operator', 'officer-contacts', ['platform-admin']),
    ready('operator', 'base-data'),
    ready('operator', 'port-admin'),
    ready('operator', 'port-sites'),
    ready('operator', 'platform-status'),
    ready('operator', 'passenger-receipts'),
    ready('operator', 'passenger-admin'),
    planned('operator', 'outbox', 'common-lib (every service)'),
    ready('operator', 'outbound-messages'),
    ready('operator', 'clearance-parameters'),
    ready('operator', 'zero-tariff-reference'),
    ready('operator', 'service-console'),
    ready('operator', 'print-templates'),
    ready('operator', 'screen-configs'),
    ready('operator', 'customs-admin'),
    ready('operator', 'open-services'),
    ready('operator', 'parameter-sync'),
    ready('operator', 'customs-rules'),
    { id: 'operator.api-docs', titleKey: 'menu.operator.api-docs', path: '/swagger-ui.html', status: 'external' },
  ],
}
