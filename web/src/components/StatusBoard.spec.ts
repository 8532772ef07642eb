// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import StatusBoard from './StatusBoard.vue'
import { i18n, setLocale } from '@/i18n'

/** The shape the gateway's public `GET /api/status` answers with. */
const STATUS = {
  checkedAt: '2026-03-01T02:03:04Z',
  services: [
    { id: 'passenger-service', nameZh: '旅客通关服务', nameEn: 'Passenger clearance service', status: 'UP', latencyMs: 12 },
    { id: 'customs-service', nameZh: '海关业务服务', nameEn: 'Customs service', status: 'DOWN', latencyMs: null },
  ],
  // partner links as the simulators report them (PartnerLink)
  partners: [
    { id: 'customs-h2018', nameZh: '海关H2018（模拟器）', nameEn: 'Customs H2018 (simulator)', kind: 'CUSTOMS_H2018', status: 'UP', latencyMs: 40, failureRate: 0, outageUntil: null },
    { id: 'bank-boc', nameZh: '中国银行（模拟器）', nameEn: 'Bank of China (simulator)', kind: 'BANK', status: 'DOWN', latencyMs: 0, failureRate: 0.05, outageUntil: '2026-03-01T04:00:00Z' },
  ],
}

function mountBoard() {
  return mount(StatusBoard, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('status board', () => {
  it('lists services and partners from /api/status, Chinese first, without a token', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(STATUS), { headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountBoard()
    await flushPromises()

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/status')
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined()

    const text = wrapper.text()
    expect(text).toContain('部分服务或接口异常')
    expect(text).toContain('2026-03-01 10:03:04') // Beijing time
    expect(text).toContain('旅客通关服务')
    expect(text).toContain('故障')
    expect(text).toContain('12 毫秒')
    expect(text).toContain('海关H2018（模拟器）')
    expect(text).toContain('H2018 通关管理系统') // the kind, translated
    expect(text).toContain('失败率 5%；中断至 2026-03-01 12:00:00（北京时间）')
    expect(wrapper.find('[data-testid="status-error"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('switches to English names and labels', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(STATUS), { headers: { 'Content-Type': 'application/json' } })))
    setLocale('en')
    const wrapper = mountBoard()
    await flushPromises()
    expect(wrapper.text()).toContain('Passenger clearance service')
    expect(wrapper.text()).toContain('Failure rate 5%; Down until 2026-03-01 12:00:00 (Beijing time)')
    expect(wrapper.text()).toContain('Some services or partner links have problems')
    wrapper.unmount()
  })

  it('says the status cannot be read, in the user language, when the gateway answers a problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ status: 503, code: 'SERVICE_UNAVAILABLE', messageZh: '服务暂不可用', messageEn: 'Unavailable', requestId: 'gw-req-0001' }),
            { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
          ),
      ),
    )
    const wrapper = mountBoard()
    await flushPromises()
    const error = wrapper.find('[data-testid="status-error"]')
    expect(error.exists()).toBe(true)
    expect(error.text()).toContain('运行状态获取失败')
    expect(error.text()).toContain('服务暂不可用（请求编号：gw-req-0001）')
    wrapper.unmount()
  })
})
