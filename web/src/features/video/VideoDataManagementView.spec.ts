// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import VideoDataManagementView from './VideoDataManagementView.vue'
import { i18n, setLocale } from '@/i18n'

const signedIn = vi.hoisted(() => ({ roles: [] as string[] }))
vi.mock('@/stores/auth', () => ({
  useAuthStore: () => ({ roles: signedIn.roles, accessToken: async () => 'token', renew: async () => null }),
}))

/** What FaceIntakeController, DiagnosisStandardTypeController and ThemeStoreController answer. */
const RULES = [
  { id: 'r1', stage: 'CONVERT', name: '抓拍时间格式转换', sourceCode: 'GW-HAIKOU', operation: 'TIME_FORMAT', field: 'capturedAt', parameter: 'yyyyMMddHHmmss|+08:00', ordinal: 4, enabled: true },
  { id: 'r2', stage: 'CLEANSE', name: '设备编码须为 20 位国标编码', sourceCode: null, operation: 'PATTERN', field: 'deviceCode', parameter: '\\d{20}', ordinal: 7, enabled: true },
]
const LINKS = [{ id: 'l1', code: 'CASCADE-SANYA', name: '三亚凤凰机场人脸抓拍平台', partnerId: 'cascade-face-platform', pageSize: 10, lastSeq: 2, enabled: true, lastPulledAt: null }]
const STANDARDS = [
  { code: 'NIGHT', nameZh: '夜间诊断标准', nameEn: 'Night standard', builtin: true, own: { BRIGHTNESS_LOW: 12 }, effective: {}, tasksUsing: 0 },
  { code: 'DIM_HALL', nameZh: '暗光候检厅标准', nameEn: 'Dim hall standard', builtin: false, own: { BRIGHTNESS_LOW: 10 }, effective: {}, tasksUsing: 0 },
]
const page = (content: unknown[]) => ({ content, page: 0, size: 100, totalElements: content.length, totalPages: 1 })
const STORES = [{ id: 's1', code: 'KP-1', nameZh: '重点人员主题库', nameEn: 'Key-person store', category: 'KEY_PERSON', enabled: true, rows: 5 }]
const TASKS = [{ id: 't1', storeId: 's1', name: '每日入库', status: 'COMPLETED_WITH_FAILURES', runs: 1, read: 9, stored: 4, skipped: 4, failed: 1, anomaly: 'OPEN' }]
const DATASETS = [{ code: 'KEY_PERSONS', nameZh: '重点人员', nameEn: 'Key persons', fields: ['name', 'personCode'] }]
const FEEDS = [{ id: 'f1', storeId: 's1', name: '重点人员接入', dataset: 'KEY_PERSONS', fields: ['personCode', 'name'], conditions: [], enabled: true }]
const PAGES = [{ id: 'p1', storeId: 's1', name: '重点人员一览', columns: ['name'], conditions: [], sortField: null, sortDesc: false }]
const SERVICES = [{ id: 'v1', code: 'KP-SVC', name: '重点人员查询服务', storeId: 's1', pageId: 'p1', roles: ['customs-officer'], enabled: true }]
const ROWS = [{ sourceId: 'p1', storedAt: '2026-11-27T07:00:00Z', data: { personCode: 'TH-1', name: '王海' } }]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountAs(roles: string[]) {
  signedIn.roles = roles
  return mount(VideoDataManagementView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
}

function fetchMock() {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.includes('/pulls') && init?.method === 'POST') return json({ batchId: 'b1', sourceCode: 'CASCADE-SANYA', received: 2, accepted: 1, rejected: 1, faces: 1, rejections: [] })
    if (url.includes('/runs') && init?.method === 'POST') return json({ ...TASKS[0], runs: 2 })
    if (url.includes('/face-intake-rules') && init?.method === 'POST') return json({ ...RULES[1], id: 'r3' }, 201)
    if (url.includes('/face-intake-rules')) return json(RULES)
    if (url.includes('/face-cascade-links')) return json(LINKS)
    if (url.includes('/diagnosis-standard-types/DIM_HALL') && init?.method === 'DELETE') return new Response(null, { status: 204 })
    if (url.includes('/diagnosis-standard-types') && init?.method === 'POST') return json({ ...STANDARDS[1], code: 'PIER' }, 201)
    if (url.includes('/theme-datasets')) return json(DATASETS)
    if (url.includes('/feeds') && init?.method === 'POST') return json({ ...FEEDS[0], id: 'f2' }, 201)
    if (url.includes('/feeds')) return json(FEEDS)
    if (url.includes('/pages') && init?.method === 'POST') return json({ ...PAGES[0], id: 'p2' }, 201)
    if (url.includes('/pages')) return json(PAGES)
    if (url.includes('/theme-services') && init?.method === 'POST') return json({ ...SERVICES[0], id: 'v2' }, 201)
    if (url.includes('/theme-services')) return json(SERVICES)
    if (url.includes('/diagnosis-standard-types')) return json(STANDARDS)
    if (url.includes('/theme-store-tasks')) return json(TASKS)
    if (url.includes('/rows')) return json(page(ROWS))
    if (url.includes('/theme-stores')) return json(page(STORES))
    return json({}, 404)
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('video data management screen', { timeout: 30_000 }, () => {
  it('lists the rules and cascade links, adds a rule and pulls a link as an administrator', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    expect(wrapper.find('[data-testid="intake-rules"]').text()).toContain('抓拍时间格式转换')
    expect(wrapper.find('[data-testid="intake-rules"]').text()).toContain('全部')
    expect(wrapper.find('[data-testid="cascade-links"]').text()).toContain('三亚凤凰机场人脸抓拍平台')

    await wrapper.find('[data-testid="rule-name"]').setValue('设备编码不能为空')
    await wrapper.find('[data-testid="rule-form"]').trigger('submit')
    await flushPromises()
    const post = f.mock.calls.find(([url, init]) => String(url).includes('/face-intake-rules') && init?.method === 'POST')
    expect(JSON.parse(String(post![1]!.body))).toMatchObject({ stage: 'CLEANSE', name: '设备编码不能为空', operation: 'NOT_EMPTY', field: 'deviceCode', sourceCode: null })

    await wrapper.find('[data-testid="cascade-pull"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="video-data-notice"]').text()).toContain('接收 2 条：入库 1，拒绝 1')
  })

  it('shows a theme store\'s tasks and data, and the standard types; officers get no buttons', async () => {
    vi.stubGlobal('fetch', fetchMock())
    const wrapper = mountAs(['customs-officer'])
    await flushPromises()
    expect(wrapper.find('[data-testid="rule-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="cascade-pull"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="standard-types"]').text()).toContain('暗光候检厅标准')
    expect(wrapper.find('[data-testid="standard-types"]').text()).toContain('BRIGHTNESS_LOW 10')
    expect(wrapper.find('[data-testid="standard-delete"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="theme-stores"]').text()).toContain('重点人员信息库')

    await wrapper.find('[data-testid="theme-stores"] .el-table__row').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="theme-tasks"]').text()).toContain('读取 9，入库 4，跳过 4，失败 1')
    expect(wrapper.find('[data-testid="theme-tasks"]').text()).toContain('待处置')
    expect(wrapper.find('[data-testid="theme-rows"]').text()).toContain('name: 王海')
    expect(wrapper.find('[data-testid="theme-run"]').exists()).toBe(false)
  })

  it('adds a standard type with its thresholds and refuses thresholds that are not fault=number', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    await wrapper.find('[data-testid="standard-code"]').setValue('pier')
    await wrapper.find('[data-testid="standard-name-zh"]').setValue('码头夜间标准')
    await wrapper.find('[data-testid="standard-name-en"]').setValue('Pier night standard')
    await wrapper.find('[data-testid="standard-thresholds"]').setValue('BRIGHTNESS_LOW=abc')
    await wrapper.find('[data-testid="standard-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="video-data-error"]').text()).toContain('阈值格式应为')
    const posts = () => f.mock.calls.filter(([url, init]) => String(url).includes('/diagnosis-standard-types') && init?.method === 'POST')
    expect(posts()).toHaveLength(0)

    await wrapper.find('[data-testid="standard-thresholds"]').setValue('BRIGHTNESS_LOW=8，blur=0.3')
    await wrapper.find('[data-testid="standard-form"]').trigger('submit')
    await flushPromises()
    expect(posts()).toHaveLength(1)
    expect(JSON.parse(String(posts()[0]![1]!.body))).toEqual({ code: 'PIER', nameZh: '码头夜间标准', nameEn: 'Pier night standard', thresholds: { BRIGHTNESS_LOW: 8, BLUR: 0.3 } })
  })

  it('shows a theme store\'s feeds, pages and services, which an administrator adds and an officer only looks at', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    await wrapper.find('[data-testid="theme-stores"] .el-table__row').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="theme-feeds"]').text()).toContain('重点人员接入')
    expect(wrapper.find('[data-testid="theme-feeds"]').text()).toContain('personCode, name')
    expect(wrapper.find('[data-testid="theme-pages"]').text()).toContain('重点人员一览')
    expect(wrapper.find('[data-testid="theme-services"]').text()).toContain('重点人员查询服务')
    expect(wrapper.find('[data-testid="theme-services"]').text()).toContain('重点人员一览')

    await wrapper.find('[data-testid="feed-name"]').setValue('每日重点人员')
    await wrapper.find('[data-testid="feed-fields"]').setValue('personCode, name')
    await wrapper.find('[data-testid="feed-form"]').trigger('submit')
    await wrapper.find('[data-testid="page-name"]').setValue('姓名一览')
    await wrapper.find('[data-testid="page-columns"]').setValue('name')
    await wrapper.find('[data-testid="page-form"]').trigger('submit')
    await wrapper.find('[data-testid="service-code"]').setValue('KP-NAMES')
    await wrapper.find('[data-testid="service-name"]').setValue('姓名服务')
    await wrapper.find('[data-testid="service-form"]').trigger('submit')
    await flushPromises()
    const body = (part: string) => JSON.parse(String(f.mock.calls.find(([url, init]) => String(url).includes(part) && init?.method === 'POST')![1]!.body))
    expect(body('/theme-stores/s1/feeds')).toEqual({ name: '每日重点人员', dataset: 'KEY_PERSONS', fields: ['personCode', 'name'], conditions: [] })
    expect(body('/theme-stores/s1/pages')).toEqual({ name: '姓名一览', columns: ['name'], conditions: [] })
    expect(body('/theme-services')).toEqual({ code: 'KP-NAMES', name: '姓名服务', storeId: 's1', pageId: null, roles: ['customs-officer'] })
    wrapper.unmount()

    vi.stubGlobal('fetch', fetchMock())
    const officer = mountAs(['customs-officer'])
    await flushPromises()
    expect(officer.find('[data-testid="standard-form"]').exists()).toBe(false)
    await officer.find('[data-testid="theme-stores"] .el-table__row').trigger('click')
    await flushPromises()
    expect(officer.find('[data-testid="theme-services"]').text()).toContain('重点人员查询服务')
    for (const form of ['feed-form', 'page-form', 'service-form', 'feed-delete', 'page-delete', 'service-delete']) {
      expect(officer.find(`[data-testid="${form}"]`).exists()).toBe(false)
    }
  })
})
