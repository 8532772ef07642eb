import type { FeatureModule } from '@/features/types'
import { messages } from './messages'

/** 口岸态势 — port-situation-service: the One Map big screen and alert handling. */
const feature: FeatureModule = {
  id: 'port-situation',
  views: {
    'big-screen.situation': { component: () => import('./BigScreenView.vue'), fullScreen: true },
    'officer.alerts': { component: () => import('./AlertsView.vue') },
  },
  messages,
}

export default feature
