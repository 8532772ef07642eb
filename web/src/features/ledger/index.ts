import type { FeatureModule } from '../types'
import messages from './messages'

const statistics = { component: () => import('./LedgerStatistics.vue') }

/** 专用账册 (ledger-service): the zero-tariff ledger for enterprises and its statistics for government and customs. */
const feature: FeatureModule = {
  id: 'ledger',
  views: {
    'enterprise.ledgers': { component: () => import('./LedgerWorkbench.vue') },
    'government.ledger-statistics': statistics,
    'officer.ledger-statistics': statistics,
  },
  routes: [
    {
      path: 'officer/ledger/eligibility',
      name: 'ledger-eligibility',
      component: () => import('./EligibilityMaintenance.vue'),
      roles: ['customs-officer', 'gov-province', 'platform-admin'],
      titleKey: 'ledger.eligibility.title',
    },
    {
      path: 'enterprise/ledgers/documents/:id',
      name: 'ledger-document',
      component: () => import('./DocumentDetail.vue'),
      roles: ['enterprise-declarant', 'enterprise-admin'],
      titleKey: 'ledger.title',
    },
  ],
  messages,
}

export default feature
