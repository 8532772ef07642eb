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

describe('video data management screen', () => {
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
})
