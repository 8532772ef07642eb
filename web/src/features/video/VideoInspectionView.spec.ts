// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import VideoInspectionView from './VideoInspectionView.vue'
import { i18n, setLocale } from '@/i18n'

/** What VideoInspectionController answers for a clip with a runner and a frozen stretch. */
const REPORT = {
  source: 'offline',
  frames: 120,
  behaviors: [{ kind: 'RUNNING', startMs: 2000, endMs: 4500, detail: 'speed 0.42 frame widths/s' }],
  diagnosis: { faults: ['FREEZE'], measures: { freeze: 0.6 }, frames: 120 },
  alertIds: ['VB-1'],
}

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('offline video analysis screen', () => {
  it('uploads a video and shows the behaviours and image-quality faults found', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/offline-videos/inspections') && init?.method === 'POST') return json(REPORT)
      if (url.includes('/cameras')) return json({ content: [], page: 0, size: 100, totalElements: 0, totalPages: 0 })
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(VideoInspectionView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    const input = wrapper.find('[data-testid="inspection-file"]')
    const file = new File([new Uint8Array([0, 0, 0, 24])], 'lane.mp4', { type: 'video/mp4' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await wrapper.find('[data-testid="inspection-submit"]').trigger('click')
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/offline-videos/inspections') && i?.method === 'POST')
    expect(posted).toBeDefined()
    expect((posted![1]!.body as FormData).get('sampleFps')).toBe('10')
    const text = wrapper.find('[data-testid="inspection-report"]').text()
    expect(text).toContain('已分析 120 帧')
    expect(wrapper.find('[data-testid="behavior-RUNNING"]').text()).toBe('异常奔跑')
    expect(text).toContain('2.0–4.5 s')
    expect(wrapper.find('[data-testid="fault-FREEZE"]').text()).toBe('画面冻结')
    wrapper.unmount()
  })
})
