import type { FeatureModule } from '../types'
import messages from './messages'

/** trade-window-service screens: pilot approval and process centre, low-altitude reporting, repair re-entry preference. */
const feature: FeatureModule = {
  id: 'trade-window',
  views: {
    'enterprise.pilot-applications': { component: () => import('./EnterprisePilotView.vue') },
    'government.pilot-approvals': { component: () => import('./ProcessCentreView.vue') },
    'government.pilot-terminations': { component: () => import('./PilotListView.vue'), props: { terminations: true } },
    'government.pilot-list': { component: () => import('./PilotListView.vue') },
    'enterprise.aircraft-reports': { component: () => import('./AircraftReportsView.vue') },
    'enterprise.repair-preferences': { component: () => import('./RepairPreferencesView.vue') },
    'government.low-altitude-review': { component: () => import('./LowAltitudeReviewView.vue') },
    'government.repair-joint-review': { component: () => import('./RepairPreferencesView.vue'), props: { review: true } },
  },
  messages,
}

export default feature
