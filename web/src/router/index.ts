import { createRouter, createWebHistory, type RouteComponent, type RouteRecordRaw, type Router } from 'vue-router'
import { hasAnyRole, type Role } from '@/auth/roles'
import { allItems, homePathFor, MENU_AREAS, rolesFor, type MenuArea } from '@/menus'
import { useAuthStore } from '@/stores/auth'
import { i18n } from '@/i18n'
import { FEATURES, featureViews, type FeatureView } from '@/features'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without login (welcome, status, login callback). */
    public?: boolean
    /** Who may open it; absent: any signed-in user. */
    roles?: readonly Role[]
    titleKey?: string
    /** Menu item id, for highlighting and the "coming" page. */
    itemId?: string
    service?: string
  }
}

type Loader = () => Promise<RouteComponent>

const Empty: RouteComponent = { render: () => null }
const ComingSoonView: Loader = () => import('@/views/common/coming-soon/ComingSoonView.vue')

/**
 * The built screens of the menu, by item id: the platform's own here, each service's in web/src/features/<feature>.
 * A `ready` item without a view stops the app at start-up.
 */
const PLATFORM_VIEWS: Record<string, FeatureView> = {
  'traveler.home': { component: () => import('@/views/traveler/home/TravelerHomeView.vue') },
  'enterprise.home': { component: () => import('@/views/enterprise/home/EnterpriseHomeView.vue') },
  'enterprise.operation-logs': {
    component: () => import('@/views/operator/audit/AuditLogView.vue'),
    props: { kind: 'operation', enterpriseScope: true },
  },
  'officer.home': { component: () => import('@/views/officer/home/OfficerHomeView.vue') },
  'government.home': { component: () => import('@/views/government/home/GovernmentHomeView.vue') },
  'operator.home': { component: () => import('@/views/operator/home/OperatorHomeView.vue') },
  'operator.operation-logs': {
    component: () => import('@/views/operator/audit/AuditLogView.vue'),
    props: { kind: 'operation' },
  },
  'operator.login-logs': {
    component: () => import('@/views/operator/audit/AuditLogView.vue'),
    props: { kind: 'login' },
  },
  'operator.platform-status': { component: () => import('@/views/operator/platform-status/PlatformStatusView.vue') },
}

const READY_VIEWS: Record<string, FeatureView> = mergeViews(PLATFORM_VIEWS, featureViews())

function mergeViews(platform: Record<string, FeatureView>, features: Record<string, FeatureView>): Record<string, FeatureView> {
  for (const id of Object.keys(features)) {
    if (platform[id]) throw new Error(`Menu item ${id} has a platform view and a feature view`)
  }
  return { ...platform, ...features }
}

/** Screens outside the console frame. */
const FULL_SCREEN_ITEMS = new Set(['big-screen.situation', ...Object.entries(READY_VIEWS).filter(([, v]) => v.fullScreen).map(([id]) => id)])

/** One route per menu entry (external links excepted): built screens, or the "coming" page. */
export function menuRoutes(areas: readonly MenuArea[] = MENU_AREAS): { console: RouteRecordRaw[]; fullScreen: RouteRecordRaw[] } {
  const consoleRoutes: RouteRecordRaw[] = []
  const fullScreen: RouteRecordRaw[] = []
  for (const { area, item } of allItems(areas)) {
    if (item.status === 'external') continue
    const meta = { roles: rolesFor(area, item), titleKey: item.titleKey, itemId: item.id, service: item.service }
    let record: RouteRecordRaw
    if (item.status === 'ready') {
      const view = READY_VIEWS[item.id]
      if (!view) throw new Error(`Menu item ${item.id} is ready but has no view`)
      record = { path: item.path, name: item.id, component: view.component, props: view.props ?? false, meta }
    } else {
      record = { path: item.path, name: item.id, component: ComingSoonView, meta }
    }
    ;(FULL_SCREEN_ITEMS.has(item.id) ? fullScreen : consoleRoutes).push(record)
  }
  return { console: consoleRoutes, fullScreen }
}

export function buildRoutes(): RouteRecordRaw[] {
  const { console: consoleRoutes, fullScreen } = menuRoutes()
  return [
    { path: '/welcome', name: 'welcome', component: () => import('@/views/public/welcome/WelcomeView.vue'), meta: { public: true, titleKey: 'common.login' } },
    { path: '/status', name: 'status', component: () => import('@/views/public/status/StatusView.vue'), meta: { public: true, titleKey: 'status.title' } },
    { path: '/auth/callback', name: 'auth-callback', component: () => import('@/views/public/auth/CallbackView.vue'), meta: { public: true, titleKey: 'auth.signingIn' } },
    ...fullScreen,
    ...featureRoutes(true),
    {
      path: '/',
      component: () => import('@/layouts/ConsoleLayout.vue'),
      children: [
        // Not a `redirect`: those run before the guards, i.e. before login, when the roles are still unknown.
        { path: '', name: 'root', component: Empty, beforeEnter: () => homePathFor(useAuthStore().roles) },
        { path: 'no-role', name: 'no-role', component: () => import('@/views/common/no-role/NoRoleView.vue'), meta: { titleKey: 'menu.home' } },
        { path: 'forbidden', name: 'forbidden', component: () => import('@/views/common/forbidden/ForbiddenView.vue'), meta: { titleKey: 'forbidden.title' } },
        ...consoleRoutes,
        ...featureRoutes(false),
        { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/common/not-found/NotFoundView.vue'), meta: { titleKey: 'notFound.title' } },
      ],
    },
  ]
}

/**
 * Pages of the features that are not menu entries: detail pages inside the console (path relative, `x/y/:id`), public
 * pages outside it (path absolute, `/verify/:code`).
 */
function featureRoutes(publicPages: boolean): RouteRecordRaw[] {
  return FEATURES.flatMap((feature) =>
    (feature.routes ?? []).filter((route) => Boolean(route.public) === publicPages).map((route) => ({
      path: route.path,
      name: route.name,
      component: route.component,
      meta: { roles: route.roles as readonly Role[] | undefined, titleKey: route.titleKey, public: route.public },
    })),
  )
}

/** Protected routes send a signed-out user to Keycloak's login form; a route for other roles shows "not allowed". */
export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const auth = useAuthStore()
    if (!auth.authenticated) {
      try {
        await auth.login(to.fullPath)
        return false
      } catch (error) {
        // Keycloak cannot be reached (its discovery document did not load): say so instead of a blank page.
        console.error('Sign-in could not start', error)
        return { name: 'welcome', query: { reason: 'idp-unreachable' } }
      }
    }
    if (!hasAnyRole(auth.roles, to.meta.roles)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
  router.afterEach((to) => {
    const t = i18n.global.t
    const page = to.meta.titleKey ? t(to.meta.titleKey) : ''
    document.title = page ? `${page} · ${t('app.shortName')}` : t('app.name')
  })
}

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes: buildRoutes() })
  installGuards(router)
  return router
}
