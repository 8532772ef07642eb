// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import VehicleControlView from './VehicleControlView.vue'
import { i18n, setLocale } from '@/i18n'

/** What video-analytics-service answers (WatchlistController, CameraController, PlateRecognitionController, AlertController). */
const TASKS = [
  { id: 't1', name: '涉私车辆', kind: 'RISK_VEHICLE', status: 'ACTIVE', pendingAction: null, maxDistance: 0.6, officers: ['officer1'], createdBy: 'officer2', requestedBy: null, reviewedBy: 'reviewer', instruction: '拦截核查', createdAt: '2026-11-27T01:00:00Z' },
  { id: 't2', name: '重点旅客', kind: 'FACE_BASE', status: 'ACTIVE', pendingAction: null, maxDistance: 0.6, officers: ['officer1'], createdBy: 'officer2', requestedBy: null, reviewedBy: 'reviewer', instruction: null, createdAt: '2026-11-27T01:00:00Z' },
]
const CAMERAS = [{ id: 'c1', deviceCode: '46010500001320000001', name: '秀英港车道1', cameraType: 'VEHICLE', protocol: 'RTSP', sourceUrl: 'rtsp://x', portCode: null, location: null, status: 'ONLINE', lastSeenAt: null, lastSnapshotKey: null }]
const ALERTS = [
  { id: 'h1', alertId: 'VA-1', taskId: 't1', cameraId: 'c1', distance: 0, occurredAt: '2026-11-27T02:00:00Z', plateNumber: '琼A12345', recipients: ['officer1'], status: 'RAISED', handledBy: null, handlingResult: null, handlingNote: null },
  { id: 'h2', alertId: 'VA-2', taskId: 't2', cameraId: 'c1', distance: 0.41, occurredAt: '2026-11-27T02:00:00Z', plateNumber: null, recipients: ['officer1'], status: 'RAISED', handledBy: null, handlingResult: null, handlingNote: null },
]

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

function page(content: unknown[]) {
  return { content, page: 0, size: 100, totalElements: content.length, totalPages: 1 }
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('risk-vehicle control screen', () => {
  it('lists risk-vehicle tasks and plate hits only, and submits a task over plate numbers', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/watchlist-tasks') && init?.method === 'POST') return json({ ...TASKS[0], id: 't3', status: 'PENDING_REVIEW' })
      if (url.includes('/watchlist-tasks')) return json(page(TASKS))
      if (url.includes('/cameras')) return json(page(CAMERAS))
      if (url.includes('/alerts')) return json(page(ALERTS))
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(VehicleControlView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    const tasks = wrapper.find('[data-testid="vehicle-tasks"]').text()
    expect(tasks).toContain('涉私车辆')
    expect(tasks).not.toContain('重点旅客')
    const hits = wrapper.find('[data-testid="vehicle-hits"]').text()
    expect(hits).toContain('琼A12345')
    expect(hits).toContain('待处置')

    await wrapper.find('[data-testid="vehicle-task-name"]').setValue('走私嫌疑车辆')
    await wrapper.find('[data-testid="vehicle-task-plates"]').setValue('琼A12345，琼B6D789')
    await wrapper.find('[data-testid="vehicle-task-officers"]').setValue('officer1 officer3')
    await wrapper.find('[data-testid="vehicle-task-submit"]').trigger('click')
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/watchlist-tasks') && i?.method === 'POST')
    expect(posted).toBeDefined()
    const body = JSON.parse(String(posted![1]!.body))
    expect(body.kind).toBe('RISK_VEHICLE')
    expect(body.officers).toEqual(['officer1', 'officer3'])
    expect(body.targets).toEqual([
      { plateNumber: '琼A12345', label: '琼A12345' },
      { plateNumber: '琼B6D789', label: '琼B6D789' },
    ])
    wrapper.unmount()
  })
})
