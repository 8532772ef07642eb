import type { FeatureModule } from '@/features/types'
import { messages } from './messages'

/** 口岸态势 — port-situation-service: the One Map big screen, alert handling and alert subscriptions. */
const feature: FeatureModule = {
  id: 'port-situation',
  views: {
    'big-screen.situation': { component: () => import('./BigScreenView.vue'), fullScreen: true },
    'officer.alerts': { component: () => import('./AlertsView.vue') },
    'officer.port-monitoring': { component: () => import('./PortMonitoringView.vue') },
    'officer.port-analysis': { component: () => import('./PortAnalysisView.vue') },
    'enterprise.alert-subscriptions': { component: () => import('./SubscriptionsView.vue') },
    'operator.alert-subscriptions': { component: () => import('./SubscriptionsView.vue') },
    'operator.cameras': { component: () => import('./CamerasView.vue') },
    'officer.cameras': { component: () => import('./CamerasView.vue') },
    'operator.base-data': { component: () => import('./BaseDataView.vue') },
    'operator.port-admin': { component: () => import('./PortAdminView.vue') },
    'operator.port-sites': { component: () => import('./PortSitesView.vue') },
  },
  messages,
}

export default feature
