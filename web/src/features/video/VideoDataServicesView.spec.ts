// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import VideoDataServicesView from './VideoDataServicesView.vue'
import { i18n, setLocale } from '@/i18n'

const signedIn = vi.hoisted(() => ({ roles: [] as string[] }))
vi.mock('@/stores/auth', () => ({
  useAuthStore: () => ({ roles: signedIn.roles, accessToken: async () => 'token', renew: async () => null }),
}))

/** What AccessTypeController, FaceStorageController, SignalDistributionController and CascadeDataController answer. */
const TYPES = [
  { id: 'a1', code: 'POPULATION_REGISTRY', nameZh: '人口信息库', nameEn: 'Population registry', category: 'FACE_BASE', source: 'EXTERNAL_FEED', enabled: true, builtin: true, feeds: 2, items: [{ name: 'idNo', labelZh: '证件号码', valueType: 'STRING', required: false, sourceField: 'idNo' }] },
  { id: 'a2', code: 'KP-ENTRY', nameZh: '重点人员入境接入', nameEn: null, category: 'KEY_PERSON', source: 'FACE_BASE_RECORDS', enabled: true, builtin: false, feeds: 0, items: [{ name: 'fullName', labelZh: null, valueType: 'STRING', required: true, sourceField: 'name' }] },
]
const TASKS = [{ id: 't1', dataFeedCode: 'POP-HAIKOU', status: 'COMPLETED_WITH_FAILURES', total: 8, processed: 8, stored: 3, failed: 4, skipped: 1, runs: 2, modifiedBy: null, settings: { name: '海口入库', batchSize: 2, maxRecords: 3, dedupKey: 'PERSON_CODE', intervalMinutes: null, enabled: true } }]
const DISTRIBUTIONS = [{ id: 'd1', cameraId: 'c1', cameraCode: 'XY-C1', cameraName: '秀英港一号闸口', pointCode: 'DP-XY', receiverOrg: '/haikou-customs/meilan', receiverName: '美兰海关指挥中心', purpose: '联合查验', status: 'ACTIVE', startedBy: 'zhao.min', startedAt: '2026-11-27T07:00:00Z', stoppedAt: null, stopReason: null }]
const LINKS = [{ id: 'l1', code: 'CASCADE-QH', name: '琼海博鳌人脸抓拍平台', partnerId: 'cascade-face-platform', pageSize: 50, lastSeq: 0, enabled: true, lastPulledAt: null }]
const SUBSCRIPTIONS = [{ id: 's1', code: 'SUB-PROVINCE', name: '省级平台人脸比对订阅', partnerId: 'cascade-face-platform', watchlistKind: 'FACE_BASE', maxDistance: 0.5, enabled: true, pushed: 2, lastPushedAt: null, lastError: null }]
const OPERATIONS = [{ id: 'o1', operation: 'UPDATE', recordType: 'PERSON', recordId: 'QH-0404', fields: { xm: '无此人' }, applied: false, reason: 'RECORD_NOT_FOUND', operatedBy: 'ops.chen', operatedAt: '2026-11-27T07:00:00Z' }]

/** What VideoTypeController answers. */
const VIDEO_TYPES = [
  { kind: 'KEY_PERSON', code: '走私嫌疑', nameZh: '走私嫌疑人员', nameEn: 'Smuggling suspect', description: null, builtin: true, uses: 3 },
  { kind: 'KEY_PERSON', code: 'KP-DRUG', nameZh: '涉毒人员', nameEn: null, description: null, builtin: false, uses: 0 },
]
const STORE_TYPES = [{ kind: 'THEME_STORE', code: 'OPERATIONS', nameZh: '作业主题库', nameEn: 'Operations theme store', description: null, builtin: true, uses: 1 }]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountAs(roles: string[]) {
  signedIn.roles = roles
  return mount(VideoDataServicesView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
}

function fetchMock() {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.includes('/video-types/KEY_PERSON') && init?.method === 'POST') return json({ ...VIDEO_TYPES[1], code: 'KP-DRUG', builtin: false, uses: 0 }, 201)
    if (url.includes('/video-types/KEY_PERSON')) return json(VIDEO_TYPES)
    if (url.includes('/video-types/THEME_STORE')) return json(STORE_TYPES)
    if (url.includes('/data-access-types') && init?.method === 'POST') return json({ ...TYPES[1], id: 'a3' }, 201)
    if (url.includes('/data-access-types')) return json(TYPES)
    if (url.includes('/face-storage-tasks/t1') && init?.method === 'PUT') return json(TASKS[0])
    if (url.includes('/face-storage-tasks')) return json(TASKS)
    if (url.includes('/signal-distributions') && init?.method === 'POST') return json(DISTRIBUTIONS[0], 201)
    if (url.includes('/signal-distributions')) return json(DISTRIBUTIONS)
    if (url.includes('/queries')) return json([{ xh: 3, sbbh: '46010000001320000301', tpnr: 'x' }])
    if (url.includes('/comparison-subscriptions/s1/pushes')) return json({ code: 'SUB-PROVINCE', pushed: 3, accepted: 3 })
    if (url.includes('/comparison-subscriptions')) return json(SUBSCRIPTIONS)
    if (url.includes('/operations') && init?.method === 'POST') return json(OPERATIONS[0])
    if (url.includes('/operations')) return json(OPERATIONS)
    if (url.includes('/face-cascade-links')) return json(LINKS)
    return json({}, 404)
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('video data services screen', { timeout: 30_000 }, () => {
  it('lists access types with their items and adds one as an administrator, refusing items that do not parse', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    const table = wrapper.find('[data-testid="access-types"]').text()
    expect(table).toContain('人口信息库')
    expect(table).toContain('内置')
    expect(table).toContain('fullName←name STRING 必填')
    await wrapper.find('[data-testid="type-code"]').setValue('KP-2')
    await wrapper.find('[data-testid="type-name"]').setValue('重点人员二')
    await wrapper.find('[data-testid="type-items"]').setValue('fullName:TEXT:name')
    await wrapper.find('[data-testid="type-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="services-error"]').text()).toContain('数据项格式应为')
    const posts = () => f.mock.calls.filter(([url, init]) => String(url).includes('/data-access-types') && init?.method === 'POST')
    expect(posts()).toHaveLength(0)
    await wrapper.find('[data-testid="type-items"]').setValue('fullName:string:name:必填，idNumber:STRING:idNo')
    await wrapper.find('[data-testid="type-form"]').trigger('submit')
    await flushPromises()
    expect(JSON.parse(String(posts()[0]![1]!.body))).toEqual({ code: 'KP-2', nameZh: '重点人员二', category: 'KEY_PERSON', source: 'FACE_BASE_RECORDS', items: [
      { name: 'fullName', labelZh: null, valueType: 'STRING', required: true, sourceField: 'name' },
      { name: 'idNumber', labelZh: null, valueType: 'STRING', required: false, sourceField: 'idNo' },
    ] })
  })

  it('modifies a storage task\'s settings, distributes a signal and sends a cascade operation as an administrator', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    expect(wrapper.find('[data-testid="storage-tasks"]').text()).toContain('处理 8，入库 3，跳过 1，失败 4')
    await wrapper.find('[data-testid="storage-edit"]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-testid="settings-form"]').trigger('submit')
    await flushPromises()
    const put = f.mock.calls.find(([url, init]) => String(url).includes('/face-storage-tasks/t1') && init?.method === 'PUT')
    expect(JSON.parse(String(put![1]!.body))).toEqual({ name: '海口入库', batchSize: 2, maxRecords: 3, dedupKey: 'PERSON_CODE', intervalMinutes: null, enabled: true })
    expect(wrapper.find('[data-testid="services-notice"]').text()).toContain('下次运行起生效')

    expect(wrapper.find('[data-testid="distributions"]').text()).toContain('美兰海关指挥中心')
    expect(wrapper.find('[data-testid="distributions"]').text()).toContain('分发中')
    await wrapper.find('[data-testid="distribution-camera"]').setValue('c2')
    await wrapper.find('[data-testid="distribution-point"]').setValue('DP-XY')
    await wrapper.find('[data-testid="distribution-org"]').setValue('/sanya-customs')
    await wrapper.find('[data-testid="distribution-name"]').setValue('三亚海关')
    await wrapper.find('[data-testid="distribution-form"]').trigger('submit')
    await flushPromises()
    const dist = f.mock.calls.find(([url, init]) => String(url).includes('/signal-distributions') && init?.method === 'POST')
    expect(JSON.parse(String(dist![1]!.body))).toEqual({ cameraId: 'c2', pointCode: 'DP-XY', receiverOrg: '/sanya-customs', receiverName: '三亚海关', purpose: null })

    expect(wrapper.find('[data-testid="cascade-operations"]').text()).toContain('被拒绝 RECORD_NOT_FOUND')
    await wrapper.find('[data-testid="operation-record"]').setValue('QH-0001')
    await wrapper.find('[data-testid="operation-fields"]').setValue('xm=符海，zjhm=460100199001010101')
    await wrapper.find('[data-testid="operation-form"]').trigger('submit')
    await flushPromises()
    const op = f.mock.calls.find(([url, init]) => String(url).includes('/face-cascade-links/l1/operations') && init?.method === 'POST')
    expect(JSON.parse(String(op![1]!.body))).toEqual({ operation: 'ADD', recordType: 'PERSON', recordId: 'QH-0001', fields: { xm: '符海', zjhm: '460100199001010101' } })

    expect(wrapper.find('[data-testid="subscriptions"]').text()).toContain('省级平台人脸比对订阅')
    await wrapper.find('[data-testid="subscription-push"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="services-notice"]').text()).toContain('推送 3 条比对结果')
  })

  it('lets an officer look and query the subordinate platform, without any change button', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['customs-officer'])
    await flushPromises()
    for (const id of ['type-form', 'type-delete', 'storage-edit', 'storage-run', 'distribution-form', 'distribution-stop', 'operation-form', 'subscription-push']) {
      expect(wrapper.find(`[data-testid="${id}"]`).exists()).toBe(false)
    }
    await wrapper.find('[data-testid="cascade-conditions"]').setValue('sbbh=46010000001320000301')
    await wrapper.find('[data-testid="query-form"]').trigger('submit')
    await flushPromises()
    const q = f.mock.calls.find(([url]) => String(url).includes('/queries'))
    expect(JSON.parse(String(q![1]!.body))).toEqual({ equals: { sbbh: '46010000001320000301' }, limit: 50 })
    expect(wrapper.find('[data-testid="cascade-found"]').text()).toContain('sbbh: 46010000001320000301')
    expect(wrapper.find('[data-testid="cascade-found"]').text()).not.toContain('tpnr')
  })
  it('lists key-person and theme-store types and lets an administrator add and delete one', async () => {
    const f = fetchMock()
    vi.stubGlobal('fetch', f)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    const table = wrapper.find('[data-testid="video-types"]').text()
    expect(table).toContain('走私嫌疑人员')
    expect(table).toContain('内置')
    expect(wrapper.findAll('[data-testid="video-type-delete"]')).toHaveLength(1)
    await wrapper.find('[data-testid="video-type-code"]').setValue(' KP-DRUG ')
    await wrapper.find('[data-testid="video-type-name"]').setValue('涉毒人员')
    await wrapper.find('[data-testid="video-type-form"]').trigger('submit')
    await flushPromises()
    const post = f.mock.calls.find(([url, init]) => String(url).includes('/video-types/KEY_PERSON') && init?.method === 'POST')
    expect(JSON.parse(String(post![1]!.body))).toEqual({ code: 'KP-DRUG', nameZh: '涉毒人员', nameEn: null })
    expect(wrapper.find('[data-testid="services-notice"]').text()).toContain('已新增类型 KP-DRUG')
    await wrapper.find('[data-testid="video-type-delete"]').trigger('click')
    await flushPromises()
    expect(f.mock.calls.some(([url, init]) => String(url).includes('/video-types/KEY_PERSON/KP-DRUG') && init?.method === 'DELETE')).toBe(true)
  })

  it('shows the theme-store types to an officer without the buttons', async () => {
    vi.stubGlobal('fetch', fetchMock())
    const wrapper = mountAs(['customs-officer'])
    await flushPromises()
    expect(wrapper.find('[data-testid="video-type-form"]').exists()).toBe(false)
    await wrapper.findAll('[data-testid="video-type-kind"] input')[1]!.setValue(true)
    await flushPromises()
    expect(wrapper.find('[data-testid="video-types"]').text()).toContain('作业主题库')
    expect(wrapper.findAll('[data-testid="video-type-delete"]')).toHaveLength(0)
  })
})
