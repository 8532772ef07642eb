import type { FeatureModule } from '@/features/types'
import { en, zhCN } from './messages'

/** customs-service: the FTP clearance declaration system (issue 9). */
const customs: FeatureModule = {
  id: 'customs',
  views: {
    'enterprise.declarations': { component: () => import('./DeclarationListView.vue') },
    'officer.clearance-declarations': { component: () => import('./DeclarationListView.vue'), props: { officer: true } },
    'officer.subcentre-query': { component: () => import('./SubCentreQueryView.vue') },
    'enterprise.second-line': { component: () => import('./SecondLineView.vue') },
    'officer.second-line': { component: () => import('./SecondLineView.vue') },
    'operator.outbound-messages': { component: () => import('./OutboundMessagesView.vue') },
    'operator.clearance-parameters': { component: () => import('./ParametersView.vue') },
    'operator.zero-tariff-reference': { component: () => import('./ZeroTariffReferenceView.vue') },
    'enterprise.service-console': { component: () => import('./ServiceConsoleView.vue') },
    'operator.service-console': { component: () => import('./ServiceConsoleView.vue'), props: { readOnly: true } },
    'enterprise.classification': { component: () => import('./ClassificationView.vue') },
    'officer.classification': { component: () => import('./ClassificationView.vue') },
    'operator.print-templates': { component: () => import('./PrintTemplatesView.vue') },
    'operator.screen-configs': { component: () => import('./ScreenConfigsView.vue') },
    'operator.customs-admin': { component: () => import('./SystemLogsView.vue') },
    'operator.open-services': { component: () => import('./OpenServicesView.vue') },
    'operator.parameter-sync': { component: () => import('./ParameterSyncView.vue') },
    'operator.customs-rules': { component: () => import('./RuleSettingsView.vue') },
  },
  routes: [
    { path: 'enterprise/declarations/:id', name: 'customs-declaration', component: () => import('./DeclarationEditorView.vue'),
      roles: ['enterprise-declarant', 'enterprise-admin'], titleKey: 'menu.enterprise.declarations' },
    { path: 'officer/declarations/:id', name: 'customs-declaration-officer', component: () => import('./DeclarationEditorView.vue'),
      roles: ['customs-officer', 'customs-reviewer'], titleKey: 'menu.officer.clearance-declarations' },
  ],
  messages: { 'zh-CN': zhCN, en },
}

export default customs
