// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import PersonTrackingView from './PersonTrackingView.vue'
import { i18n, setLocale } from '@/i18n'

/** What PersonTrackingController answers: the identity with a masked ID number and two recent sightings. */
const TRACKED = {
  identified: true,
  identity: { faceBaseRecordId: 'r1', personCode: 'P460100198805050077', name: '吴某某', idNoMasked: '4601**********0077', source: '一人一码', distance: 0.31, similarity: 0.69 },
  otherCandidates: [],
  sightings: [
    { captureId: 'c2', cameraId: 'k1', cameraName: '新海港旅检出口 2 号', deviceCode: '46010000001320000618', location: '新海港旅检大厅出口', portCode: 'XHG', capturedAt: '2026-11-27T10:05:00Z', similarity: 0.7 },
    { captureId: 'c1', cameraId: 'k1', cameraName: '新海港旅检出口 2 号', deviceCode: '46010000001320000618', location: '新海港旅检大厅出口', portCode: 'XHG', capturedAt: '2026-11-27T09:55:00Z', similarity: 0.66 },
  ],
  threshold: 0.6,
  since: '2026-11-26T10:10:00Z',
}

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('mobile person tracking screen', () => {
  it('sends the photographed face and shows the identity and recent sightings', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/mobile/person-tracking') && init?.method === 'POST') return json(TRACKED)
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(PersonTrackingView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    const input = wrapper.find('[data-testid="tracking-photo"]')
    expect(input.attributes('capture')).toBe('environment')
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'face.jpg', { type: 'image/jpeg' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await wrapper.find('[data-testid="tracking-search"]').trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/mobile/person-tracking') && i?.method === 'POST')
    expect(posted).toBeDefined()
    const body = JSON.parse(String(posted![1]!.body))
    expect(body.hours).toBe(24)
    expect(body.photoBase64.length).toBeGreaterThan(0)
    expect(wrapper.find('[data-testid="tracking-identity"]').text()).toContain('吴某某')
    expect(wrapper.find('[data-testid="tracking-identity"]').text()).toContain('4601**********0077')
    expect(wrapper.findAll('[data-testid="tracking-sightings"] li')).toHaveLength(2)
    expect(wrapper.text()).toContain('近期出现 2 次')
    wrapper.unmount()
  }, 30_000)
})
