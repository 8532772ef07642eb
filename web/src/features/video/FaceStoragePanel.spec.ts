// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import FaceStoragePanel from './FaceStoragePanel.vue'
import { i18n, setLocale } from '@/i18n'

const signedIn = vi.hoisted(() => ({ roles: [] as string[] }))
vi.mock('@/stores/auth', () => ({
  useAuthStore: () => ({ roles: signedIn.roles, accessToken: async () => 'token', renew: async () => null }),
}))

/** What video-analytics-service answers (FaceStorageController) after a task with failures. */
const SOURCES = [
  { id: 's1', code: 'POP-HAIKOU', name: '海口市人口信息库', sourceType: 'POPULATION_REGISTRY', partnerId: 'population-registry', pageSize: 50, enabled: true, createdBy: 'ops.chen', createdAt: '2026-11-27T07:00:00Z' },
]
const TASK = {
  id: 't1', dataFeedId: 's1', dataFeedCode: 'POP-HAIKOU', status: 'COMPLETED_WITH_FAILURES', total: 8, processed: 8, stored: 3, failed: 4, skipped: 1,
  errorZh: null, errorEn: null, createdBy: 'ops.chen', createdAt: '2026-11-27T07:01:00Z', finishedAt: '2026-11-27T07:02:00Z', alertId: 'A-1',
}
const FAILURES = [
  { id: 'f1', taskId: 't1', externalId: 'EXT-0007', personCode: 'SRC-P-0007', name: '旅客七', reasonCode: 'NO_FACE', reasonZh: '图片中未检测到人脸', reasonEn: 'No face was found in the image', status: 'OPEN', attempts: 1, faceBaseRecordId: null, lastAttemptAt: '2026-11-27T07:02:00Z' },
]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountAs(roles: string[]) {
  signedIn.roles = roles
  return mount(FaceStoragePanel, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('face storage panel', () => {
  it('shows the sources, a task with its counts, its failed records with reasons, and retries them', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/retries') && init?.method === 'POST') return json({ ...TASK, stored: 4, failed: 3 })
      if (url.includes('/face-data-feeds')) return json(SOURCES)
      if (url.includes('/failures')) return json(FAILURES)
      if (url.includes('/face-storage-tasks')) return json([TASK])
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    expect(wrapper.text()).toContain('海口市人口信息库')
    expect(wrapper.text()).toContain('人口信息库')
    expect(wrapper.text()).toContain('完成（有失败）')
    expect(wrapper.text()).toContain('共 8 条：入库 3，已存在 1，失败 4')

    await wrapper.find('[data-testid="storage-tasks"] .el-table__row').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="storage-failures"]').text()).toContain('图片中未检测到人脸')
    await wrapper.find('[data-testid="storage-retry"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).includes('/face-storage-tasks/t1/retries') && i?.method === 'POST')).toBe(true)
    wrapper.unmount()
  }, 30000)

  it('starts a storage task on a source', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/face-data-feeds')) return json(SOURCES)
      if (url.includes('/face-storage-tasks') && init?.method === 'POST') return json({ ...TASK, status: 'COMPLETED' }, 202)
      if (url.includes('/face-storage-tasks')) return json([])
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountAs(['platform-admin'])
    await flushPromises()
    await wrapper.find('[data-testid="storage-start"]').trigger('click')
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => /\/face-storage-tasks$/.test(String(u)) && i?.method === 'POST')
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ dataFeedId: 's1' })
    wrapper.unmount()
  }, 30000)

  it('gives an officer no configuration, start or retry controls', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.includes('/face-data-feeds') ? json(SOURCES) : json([TASK]))))
    const wrapper = mountAs(['customs-officer'])
    await flushPromises()
    expect(wrapper.find('[data-testid="source-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="storage-start"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('海口市人口信息库')
    wrapper.unmount()
  }, 30000)
})
