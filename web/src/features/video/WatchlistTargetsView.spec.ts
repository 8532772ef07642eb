// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import WatchlistTargetsView from './WatchlistTargetsView.vue'
import RecognitionView from './RecognitionView.vue'
import { i18n, setLocale } from '@/i18n'

const signedIn = vi.hoisted(() => ({ roles: [] as string[] }))
vi.mock('@/stores/auth', () => ({
  useAuthStore: () => ({ roles: signedIn.roles, accessToken: async () => 'token', renew: async () => null }),
}))

/** What WatchlistController / WatchlistTargetController answer for one face-image task awaiting review. */
const TASK = { id: 't1', name: '口岸图片布控', kind: 'FACE_IMAGE', status: 'PENDING_REVIEW', pendingAction: 'ACTIVATION', maxDistance: 0.6, officers: ['zhang.wei'], createdBy: 'zhang.wei', requestedBy: 'zhang.wei', reviewedBy: null, instruction: '发现后通知现场关员', createdAt: '2026-11-27T01:00:00Z', samplingRate: null }
const ENTRIES = [{ id: 'g1', faceBaseRecordId: null, label: '嫌疑人甲', plateNumber: null, fields: { idNo: '460100199001010011' }, faceScore: 0.93, enteredBy: 'zhang.wei', enteredAt: '2026-11-27T01:00:00Z' }]
const FIELDS = [{ id: 'f1', kind: 'FACE_IMAGE', code: 'idNo', labelZh: '证件号码', labelEn: 'ID number', required: true, maxLength: 18, position: 0 }]
const ANOMALIES = [{ id: 'a1', taskId: 't1', cameraId: 'c1', deviceCode: 'CAM-07', reasonZh: '摄像机离线', reasonEn: 'Camera offline', status: 'OPEN', alertId: 'A-1', note: null, handledBy: null, handledAt: null, raisedAt: '2026-11-27T02:00:00Z' }]
const SERVICES = [{ id: 's1', kind: 'FACE_IMAGE', name: '指挥中心席位', recipients: ['duty.desk'], enabled: true, createdBy: 'zhao.min' }]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('watch-list target screen', () => {
  it('queries tasks with the entered conditions, shows targets with data items and anomalies, and removes the instruction', async () => {
    signedIn.roles = ['customs-officer']
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/instruction') && init?.method === 'DELETE') return json({ ...TASK, instruction: null })
      if (url.includes('/anomalies/a1/handling')) return json({ ...ANOMALIES[0], status: 'HANDLED', note: '已恢复', handledBy: 'zhang.wei' })
      if (url.includes('/target-entries')) return json(ENTRIES)
      if (url.includes('/anomalies')) return json(ANOMALIES)
      if (url.includes('/watchlist-tasks')) return json({ content: [TASK], page: 0, size: 50, totalElements: 1, totalPages: 1 })
      if (url.includes('/watchlist-fields')) return json(FIELDS)
      if (url.includes('/watchlist-feedback-services')) return json(SERVICES)
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(WatchlistTargetsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="query-text"]').setValue('嫌疑人甲')
    await wrapper.find('[data-testid="query-run"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/watchlist-tasks?') && decodeURIComponent(String(u)).includes('q=嫌疑人甲'))).toBe(true)
    expect(wrapper.find('[data-testid="query-total"]').text()).toContain('共 1 个任务')

    await wrapper.find('[data-testid="query-table"] .el-table__row').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="entries-table"]').text()).toContain('idNo: 460100199001010011')
    expect(wrapper.find('[data-testid="entries-table"]').text()).toContain('0.93')
    // the task awaits its first review: targets may be entered with the kind's data items
    expect(wrapper.find('[data-testid="entry-field-idNo"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="anomalies-table"]').text()).toContain('摄像机离线')
    await wrapper.find('[data-testid="anomaly-note-CAM-07"]').setValue('已恢复')
    await wrapper.find('[data-testid="anomaly-handle-CAM-07"]').trigger('click')
    await flushPromises()
    const handling = fetchMock.mock.calls.find(([u]) => String(u).includes('/anomalies/a1/handling'))
    expect(JSON.parse(String(handling?.[1]?.body))).toEqual({ note: '已恢复' })

    await wrapper.find('[data-testid="remove-instruction"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).includes('/watchlist-tasks/t1/instruction') && i?.method === 'DELETE')).toBe(true)
    expect(wrapper.find('[data-testid="remove-instruction"]').exists()).toBe(false)
    // an officer reads the data items and feedback services; only administrators edit them
    expect(wrapper.find('[data-testid="field-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="service-form"]').exists()).toBe(false)
  })

  it('lets an administrator add a data item and switch a feedback service off', async () => {
    signedIn.roles = ['platform-admin']
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/watchlist-fields') && init?.method === 'POST') return json({ ...FIELDS[0], id: 'f2', code: 'reason' }, 201)
      if (url.includes('/watchlist-feedback-services/s1') && init?.method === 'PUT') return json({ ...SERVICES[0], enabled: false })
      if (url.includes('/watchlist-tasks')) return json({ content: [], page: 0, size: 50, totalElements: 0, totalPages: 0 })
      if (url.includes('/watchlist-fields')) return json(FIELDS)
      if (url.includes('/watchlist-feedback-services')) return json(SERVICES)
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(WatchlistTargetsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="field-code"]').setValue('reason')
    await wrapper.find('[data-testid="field-zh"]').setValue('布控原因')
    await wrapper.find('[data-testid="field-en"]').setValue('Reason')
    await wrapper.find('[data-testid="field-add"]').trigger('click')
    await flushPromises()
    const post = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/watchlist-fields') && i?.method === 'POST')
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({ kind: 'FACE_IMAGE', code: 'reason', labelZh: '布控原因', labelEn: 'Reason', required: false })
    await wrapper.find('[data-testid="service-switch-指挥中心席位"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/watchlist-feedback-services/s1') && i?.method === 'PUT')
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ kind: 'FACE_IMAGE', name: '指挥中心席位', recipients: ['duty.desk'], enabled: false })
  })
})

const SOURCES = [{ id: 'r1', kind: 'VERIFICATION', name: '人证核验', library: null, model: 'FACE_API', threshold: 0.6, topK: 5, enabled: true, createdBy: 'zhao.min', updatedAt: '2026-11-27T01:00:00Z' }]
const CHECKS = [{ id: 'k1', kind: 'VERIFICATION', sourceId: 'r1', sourceName: '人证核验', subject: '旅客甲', matched: true, bestDistance: 0.31, bestLabel: '旅客甲', result: {}, conclusion: 'PENDING', note: null, requestedBy: 'zhang.wei', createdAt: '2026-11-27T01:00:00Z' }]

describe('recognition screen', () => {
  it('lists the sources and the runs of a kind, records a conclusion and deletes a run', async () => {
    signedIn.roles = ['customs-officer']
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/recognition-checks/k1') && init?.method === 'PUT') return json({ ...CHECKS[0], conclusion: 'CONFIRMED' })
      if (url.includes('/recognition-checks/k1') && init?.method === 'DELETE') return new Response(null, { status: 204 })
      if (url.includes('/recognition-checks')) return json({ content: CHECKS, page: 0, size: 20, totalElements: 1, totalPages: 1 })
      if (url.includes('/recognition-sources')) return json(SOURCES)
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(RecognitionView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/recognition-sources?kind=VERIFICATION'))).toBe(true)
    expect(wrapper.find('[data-testid="sources-table"]').text()).toContain('人证核验')
    expect(wrapper.find('[data-testid="source-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="checks-table"]').text()).toContain('待确认')
    await wrapper.find('[data-testid="confirm-旅客甲"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/recognition-checks/k1') && i?.method === 'PUT')
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ conclusion: 'CONFIRMED', note: '' })
    await wrapper.find('[data-testid="check-delete-旅客甲"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).includes('/recognition-checks/k1') && i?.method === 'DELETE')).toBe(true)
  })

  it('lets an administrator add a 1:N source with its library and candidate count', async () => {
    signedIn.roles = ['platform-admin']
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/recognition-sources') && init?.method === 'POST') return json({ ...SOURCES[0], id: 'r2', kind: 'IDENTIFICATION' }, 201)
      if (url.includes('/recognition-checks')) return json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 })
      if (url.includes('/recognition-sources')) return json([])
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(RecognitionView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="kind-IDENTIFICATION"] input').setValue(true)
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/recognition-sources?kind=IDENTIFICATION'))).toBe(true)
    await wrapper.find('[data-testid="source-name"]').setValue('口岸身份核查')
    await wrapper.find('[data-testid="source-add"]').trigger('click')
    await flushPromises()
    const post = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/recognition-sources') && i?.method === 'POST')
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ kind: 'IDENTIFICATION', name: '口岸身份核查', threshold: 0.6, topK: 5, library: 'FACE_BASE' })
  })
})
