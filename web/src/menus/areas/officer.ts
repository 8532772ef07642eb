import type { MenuArea } from '../types'
import { home, planned, ready } from './helpers'

/** 监管工作台 — the console of customs, maritime and border officers. */
export const officerArea: MenuArea = {
  id: 'officer',
  titleKey: 'menu.officer.title',
  icon: 'Monitor',
  roles: ['customs-officer', 'customs-reviewer', 'customs-finance', 'maritime-officer', 'border-officer'],
  home: home('officer'),
  items: [
    ready('officer', 'passenger-declarations', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'passenger-settings', ['customs-officer']),
    ready('officer', 'passenger-guides', ['customs-officer']),
    planned('officer', 'customs-review', 'customs-service', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'clearance-declarations', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'subcentre-query', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'second-line', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'classification', ['customs-officer', 'customs-reviewer']),
    planned('officer', 'control-instructions', 'passenger-service', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'watchlist-tasks', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'video-cameras', ['customs-officer']),
    ready('officer', 'face-library', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'video-alerts', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'vehicle-control', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'video-inspections', ['customs-officer']),
    ready('officer', 'video-analysis-tasks', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'video-data', ['customs-officer', 'customs-reviewer']),
    ready('officer', 'alerts'),
    ready('officer', 'port-monitoring', ['customs-officer', 'customs-reviewer', 'maritime-officer', 'border-officer']),
    ready('officer', 'port-analysis', ['customs-officer', 'customs-reviewer', 'maritime-officer', 'border-officer']),
    planned('officer', 'inspection-bookings', 'customs-service', ['customs-officer']),
    planned('officer', 'deposits', 'customs-service', ['customs-finance']),
    planned('officer', 'ship-detection', 'maritime-service', ['maritime-officer']),
    planned('officer', 'work-safety', 'maritime-service', ['maritime-officer']),
    planned('officer', 'border-channels', 'border-service', ['border-officer']),
    ready('officer', 'ledger-statistics', ['customs-officer', 'customs-reviewer']),
  ],
}
