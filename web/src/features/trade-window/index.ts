import type { FeatureModule } from '../types'
import messages from './messages'

/** trade-window-service screens: value-added pilot approval for enterprises and the approvers' process centre. */
const feature: FeatureModule = {
  id: 'trade-window',
  views: {
    'enterprise.pilot-applications': { component: () => import('./EnterprisePilotView.vue') },
    'government.pilot-approvals': { component: () => import('./ProcessCentreView.vue') },
    'government.pilot-terminations': { component: () => import('./PilotListView.vue'), props: { terminations: true } },
    'government.pilot-list': { component: () => import('./PilotListView.vue') },
  },
  messages,
}

export default feature
