// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import AnalysisTasksView from './AnalysisTasksView.vue'
import { i18n, setLocale } from '@/i18n'

/** What AnalysisTaskController answers for the running-detection kind: one task done with one finding, one failed. */
const KINDS = [
  { kind: 'RUNNING', nameZh: '异常奔跑检测', nameEn: 'Abnormal running detection', family: 'BEHAVIOR', detector: 'BEHAVIOR_ANALYZER', streamTypes: ['FILE', 'RTSP'], keepSlices: true, sliceSeconds: 2, retentionDays: 7 },
  { kind: 'BLUR', nameZh: '图像模糊检测', nameEn: 'Image blur detection', family: 'DIAGNOSIS', detector: 'IMAGE_QUALITY_DIAGNOSER', streamTypes: ['FILE'], keepSlices: false, sliceSeconds: 10, retentionDays: 30 },
]
const page = (content: unknown[]) => ({ content, page: 0, size: 100, totalElements: content.length, totalPages: 1 })
const TASKS = [
  { id: 't1', kind: 'RUNNING', name: 'T2 出口奔跑检测', status: 'DONE', progress: 1, frames: 45, findings: 1, anomaly: 'NONE', errorZh: null, errorEn: null },
  { id: 't2', kind: 'RUNNING', name: '损坏文件', status: 'FAILED', progress: null, frames: 0, findings: 0, anomaly: 'OPEN', errorZh: '视频无法解码：junk.mp4', errorEn: 'The video cannot be decoded: junk.mp4' },
]
const FINDINGS = [{ id: 'f1', taskId: 't1', run: 1, kind: 'RUNNING', family: 'BEHAVIOR', code: 'RUNNING', startMs: 2000, endMs: 3500, detail: {}, alertId: 'VT-1', faceLabel: null, clusterNo: null, status: 'OPEN', handlingResult: null }]

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('video analysis tasks screen', () => {
  it('shows the kind\'s tasks with progress and anomaly, its findings, and retries a failed task', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/anomaly-handling') && init?.method === 'POST') return json({ ...TASKS[1], status: 'QUEUED', anomaly: 'HANDLED' })
      if (url.includes('/analysis-kinds')) return json(KINDS)
      if (url.includes('/analysis-feeds')) return json(page([{ id: 'd1', name: 'T2 出口', protocol: 'FILE', fileName: 'run.mp4', sourceUrl: null }]))
      if (url.includes('/analysis-services')) return json([{ id: 's1', kind: 'RUNNING', name: '异常奔跑检测服务', detector: 'BEHAVIOR_ANALYZER', sampleFps: 10, enabled: true, version: 1 }])
      if (url.includes('/analysis-tasks')) return json(page(TASKS))
      if (url.includes('/analysis-findings')) return json(page(FINDINGS))
      if (url.includes('/analysis-statistics')) return json({ tasksByStatus: [], findingsByCode: [{ key: 'RUNNING', code: 'RUNNING', count: 1 }], findingsByStatus: [], findingsByDay: [] })
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(AnalysisTasksView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/analysis-tasks') && String(u).includes('kind=RUNNING'))).toBe(true)
    expect(wrapper.find('[data-testid="task-status-t1"]').text()).toBe('已完成')
    expect(wrapper.find('[data-testid="task-anomaly-t2"]').text()).toContain('视频无法解码')
    expect(wrapper.find('[data-testid="finding-RUNNING"]').text()).toBe('异常奔跑')
    const retry = wrapper.findAll('button').find((b) => b.text() === '重新执行')
    expect(retry).toBeDefined()
    await retry!.trigger('click')
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/analysis-tasks/t2/anomaly-handling') && i?.method === 'POST')
    expect(posted).toBeDefined()
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ action: 'RETRY', note: '' })
    wrapper.unmount()
  }, 30_000)

  it('shows a continuous task reconnecting with its interruptions and stops it with a reason', async () => {
    const live = { id: 't3', kind: 'RUNNING', name: '秀英港大厅实时', status: 'RECONNECTING', progress: null, frames: 120, findings: 3, anomaly: 'NONE', errorZh: null, errorEn: null, continuous: true, interruptions: 2 }
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/analysis-tasks/t3/stop') && init?.method === 'POST') return json({ ...live, status: 'STOPPED', stoppedBy: 'zhang.wei', stopReason: '航班结束' })
      if (url.includes('/analysis-tasks/t3/interruptions')) return json([{ id: 'i1', taskId: 't3', run: 1, attempt: 1, framesBefore: 20, reasonZh: '视频流结束', reasonEn: 'The stream ended', backoffMs: 500, instance: 'va-1', interruptedAt: '2026-11-27T10:00:04Z', resumedAt: '2026-11-27T10:00:05Z' }])
      if (url.includes('/analysis-live')) return json({ instance: 'va-1', capacity: 4, runningHere: 1, liveTasks: 1 })
      if (url.includes('/analysis-kinds')) return json(KINDS)
      if (url.includes('/analysis-feeds')) return json(page([]))
      if (url.includes('/analysis-services')) return json([])
      if (url.includes('/analysis-tasks')) return json(page([live]))
      if (url.includes('/analysis-findings')) return json(page([]))
      if (url.includes('/analysis-statistics')) return json({ tasksByStatus: [], findingsByCode: [], findingsByStatus: [], findingsByDay: [] })
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(AnalysisTasksView, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="task-status-t3"]').text()).toBe('重连中')
    expect(wrapper.find('[data-testid="live-pool"]').text()).toContain('1 / 4')
    await wrapper.find('[data-testid="task-interruptions-t3"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="interruption-table"]').text()).toContain('视频流结束')
    await wrapper.find('[data-testid="stop-reason"]').setValue('航班结束')
    await wrapper.find('[data-testid="task-stop-t3"]').trigger('click')
    await flushPromises()
    const posted = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/analysis-tasks/t3/stop') && i?.method === 'POST')
    expect(posted).toBeDefined()
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ reason: '航班结束' })
    wrapper.unmount()
  }, 30_000)
})
