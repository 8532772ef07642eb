// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import DevicePlatformPanel from './DevicePlatformPanel.vue'
import { i18n, setLocale } from '@/i18n'

/** What video-analytics-service answers (CameraPlatformController) after the Xiuying point failed. */
const POINTS = [
  { code: '46010500002020000001', name_zh: '秀英港媒体分发点', name_en: 'Xiuying Port media distribution point', port_code: 'XIUYING_PORT', capacity: 64, status: 'FAULT', fault_reason: '流媒体服务无响应', status_since: '2026-11-27T01:00:00Z', cameras: 3 },
  { code: '46010800002020000001', name_zh: '美兰机场媒体分发点', name_en: 'Meilan Airport media distribution point', port_code: 'MEILAN_AIRPORT', capacity: 128, status: 'ONLINE', fault_reason: null, status_since: null, cameras: 2 },
]
const EVENTS = [
  { device_code: '46010500002020000001', device_kind: 'DISTRIBUTION_POINT', old_status: 'ONLINE', new_status: 'FAULT', fault_reason: '流媒体服务无响应', alert_id: 'VD-1', occurred_at: '2026-11-27T01:00:00Z' },
]

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('camera platform panel', () => {
  it('shows distribution points with their health and the changes, and runs a health check', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/distribution-points')) return json(POINTS)
      if (url.includes('/device-health-events')) return json(EVENTS)
      if (url.includes('/camera-platform/health-checks') && init?.method === 'POST')
        return json({ reported: 7, unknownDevices: 0, changes: [{ deviceCode: POINTS[0].code, kind: 'DISTRIBUTION_POINT', oldStatus: 'ONLINE', newStatus: 'FAULT', alertId: 'VD-1' }] })
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(DevicePlatformPanel, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    const text = wrapper.text()
    expect(text).toContain('秀英港媒体分发点')
    expect(text).toContain('故障')
    expect(text).toContain('流媒体服务无响应')
    expect(text).toContain('在线 → 故障')

    await wrapper.find('[data-testid="devices-check"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="devices-message"]').text()).toContain('上报 7 个设备，状态变化 1 个')
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/health-checks') && i?.method === 'POST')
    expect(posted).toBeDefined()
    wrapper.unmount()
  })
})
