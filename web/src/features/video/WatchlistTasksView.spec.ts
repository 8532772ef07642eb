// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import WatchlistTasksView from './WatchlistTasksView.vue'
import { i18n, setLocale } from '@/i18n'

/** What WatchlistController answers: a random-control task with its sampling rate beside a face-base task. */
const TASKS = [
  { id: 't1', name: '到达通道随机抽查', kind: 'RANDOM', status: 'ACTIVE', pendingAction: null, maxDistance: 0.6, officers: ['he.min'], createdBy: 'he.min', requestedBy: null, reviewedBy: 'li.qiang', instruction: null, createdAt: '2026-11-27T01:00:00Z', samplingRate: 0.05 },
  { id: 't2', name: '重点人员布控', kind: 'FACE_BASE', status: 'PENDING_REVIEW', pendingAction: 'ACTIVATION', maxDistance: 0.6, officers: ['zhang.wei'], createdBy: 'zhang.wei', requestedBy: 'zhang.wei', reviewedBy: null, instruction: null, createdAt: '2026-11-27T01:00:00Z', samplingRate: null },
]

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('watch-list task screen', () => {
  it('shows each task kind with a random task rate and submits a random-control task with its rate and no targets', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/watchlist-tasks/t2') && init?.method === 'DELETE') return new Response(null, { status: 204 })
      if (url.includes('/watchlist-tasks') && init?.method === 'POST') return json({ ...TASKS[0], id: 't3', status: 'PENDING_REVIEW' })
      if (url.includes('/watchlist-tasks')) return json({ content: TASKS, page: 0, size: 100, totalElements: 2, totalPages: 1 })
      if (url.includes('/face-base-records')) return json({ content: [], page: 0, size: 100, totalElements: 0, totalPages: 0 })
      if (url.includes('/watchlist-fields')) return json([])
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(WatchlistTasksView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    const table = wrapper.find('[data-testid="watchlist-table"]').text()
    expect(table).toContain('随机布控 · 5.0%')
    expect(table).toContain('人脸库布控')
    // only the task that never took effect offers deletion
    expect(wrapper.find('[data-testid="delete-到达通道随机抽查"]').exists()).toBe(false)
    await wrapper.find('[data-testid="delete-重点人员布控"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).includes('/watchlist-tasks/t2') && i?.method === 'DELETE')).toBe(true)

    await wrapper.find('[data-testid="watchlist-new"]').trigger('click')
    await flushPromises()
    const kind = wrapper.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-testid') === 'task-kind'
      || c.find('[data-testid="task-kind"]').exists())
    expect(kind).toBeDefined()
    kind!.vm.$emit('update:modelValue', 'RANDOM')
    await flushPromises()
    const rate = wrapper.findAllComponents({ name: 'ElInputNumber' }).find((c) => c.find('[data-testid="task-sampling"]').exists()
      || c.attributes('data-testid') === 'task-sampling')
    expect(rate).toBeDefined()
    rate!.vm.$emit('update:modelValue', 10)
    const name = document.querySelector('[data-testid="task-name"]') as HTMLInputElement
    name.value = '出港通道随机抽查'
    name.dispatchEvent(new Event('input'))
    const officers = document.querySelector('[data-testid="task-officers"]') as HTMLInputElement
    officers.value = 'he.min'
    officers.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.querySelector('[data-testid="task-submit"]') as HTMLElement).click()
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/watchlist-tasks') && i?.method === 'POST')
    expect(posted).toBeDefined()
    const body = JSON.parse(String(posted![1]!.body))
    expect(body).toEqual({ name: '出港通道随机抽查', kind: 'RANDOM', officers: ['he.min'], instruction: '', samplingRate: 0.1 })
    wrapper.unmount()
  })
  it('asks the data items of the chosen kind and sends them with the target', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/watchlist-tasks') && init?.method === 'POST') return json({ ...TASKS[1], id: 't4' })
      if (url.includes('/watchlist-tasks')) return json({ content: [], page: 0, size: 100, totalElements: 0, totalPages: 0 })
      if (url.includes('/face-base-records')) return json({ content: [], page: 0, size: 100, totalElements: 0, totalPages: 0 })
      if (url.includes('/watchlist-fields')) {
        return json([
          { id: 'f1', kind: 'FACE_BASE', code: 'basis', labelZh: '布控依据', labelEn: 'Legal basis', required: true, maxLength: 64, position: 0 },
          { id: 'f2', kind: 'FACE_IMAGE', code: 'idNo', labelZh: '证件号码', labelEn: 'ID number', required: true, maxLength: 18, position: 0 },
        ])
      }
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(WatchlistTasksView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="watchlist-new"]').trigger('click')
    await flushPromises()
    // the face-base kind asks its own item only
    expect(document.querySelector('[data-testid="task-field-basis"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="task-field-idNo"]')).toBeNull()
    for (const [id, value] of [['task-name', '基础库布控'], ['task-officers', 'zhang.wei'], ['task-field-basis', '海关法第六条']]) {
      const input = document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement
      input.value = value
      input.dispatchEvent(new Event('input'))
    }
    await flushPromises()
    ;(document.querySelector('[data-testid="task-submit"]') as HTMLElement).click()
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/watchlist-tasks') && i?.method === 'POST')
    expect(JSON.parse(String(posted![1]!.body)).targets).toEqual([{ faceBaseRecordId: '', fields: { basis: '海关法第六条' } }])
    wrapper.unmount()
  })
})
