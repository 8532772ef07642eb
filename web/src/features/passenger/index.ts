import type { FeatureModule } from '../types'
import { messages } from './messages'

/** 旅客通关服务 (passenger-service): traveler H5 pages, officer console pages and the public certificate check. */
const passenger: FeatureModule = {
  id: 'passenger',
  views: {
    'traveler.declarations': { component: () => import('./views/DeclarationsView.vue') },
    'traveler.tax': { component: () => import('./views/TaxView.vue') },
    'traveler.certificates': { component: () => import('./views/CertificatesView.vue') },
    'traveler.timeline': { component: () => import('./views/TimelineView.vue') },
    'traveler.guides': { component: () => import('./views/GuidesView.vue') },
    'officer.passenger-declarations': { component: () => import('./views/OfficerDeclarationsView.vue') },
    'officer.passenger-settings': { component: () => import('./views/OfficerSettingsView.vue') },
    'officer.passenger-guides': { component: () => import('./views/GuidesView.vue'), props: { editable: true } },
    'operator.passenger-receipts': { component: () => import('./views/OperatorReceiptsView.vue') },
    'operator.passenger-admin': { component: () => import('./views/AdminView.vue') },
  },
  routes: [
    { path: '/verify/certificate/:code', name: 'passenger-verify', component: () => import('./views/VerifyView.vue'), public: true, titleKey: 'passenger.verify.title' },
  ],
  messages,
}

export default passenger
