// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import ParameterSyncView from './ParameterSyncView.vue'
import { i18n, setLocale } from '@/i18n'

/** What ParameterSyncController answers. */
const STATES = [
  { table: 'COUNTRY', nameZh: '国别（地区）', nameEn: 'Countries', platformVersion: 3, syncedVersion: 2, entries: 240,
    syncedAt: '2026-11-27T01:00:00Z', state: 'INCONSISTENT' },
  { table: 'CURRENCY', nameZh: '币制', nameEn: 'Currencies', platformVersion: 1, syncedVersion: 1, entries: 30,
    syncedAt: '2026-11-27T01:00:00Z', state: 'CONSISTENT' },
]
const RULE = { autoUpdate: false, tables: '*', updatedBy: 'ops.wang', updatedAt: '2026-11-27T01:00:00Z', version: 1 }
const LOG = { content: [{ id: 7, table: 'COUNTRY', fromVersion: 1, toVersion: 2, entries: 240, result: 'SUCCESS', detail: null,
  syncedBy: 'ops.wang', syncedAt: '2026-11-27T01:00:00Z' }], page: 0, size: 20, totalElements: 1, totalPages: 1 }

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountView() {
  return mount(ParameterSyncView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
}

/** Types into an Element Plus input anywhere in the page (dialogs are teleported to the body). */
async function type(testId: string, value: string) {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${testId}"]`)
  expect(input, testId).not.toBeNull()
  input!.value = value
  input!.dispatchEvent(new Event('input'))
  await flushPromises()
}

/** Clicks an element anywhere in the page. */
async function click(testId: string) {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  expect(el, testId).not.toBeNull()
  el!.click()
  await flushPromises()
}

// Mounting Element Plus screens is slow on a shared machine.
vi.setConfig({ testTimeout: 60_000 })

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('sub-centre parameter sync (分中心参数同步管理)', () => {
  it('shows each table\'s state and the log, runs a sync and shows a table that failed its data check', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
      if (url.includes('/parameter-sync/runs')) {
        return json([{ table: 'COUNTRY', fromVersion: 2, toVersion: 3, entries: 0, result: 'FAILURE', detail: '版本3没有条目' }])
      }
      if (url.includes('/parameter-sync/rule')) return json(RULE)
      if (url.includes('/parameter-sync/log')) return json(LOG)
      if (url.includes('/parameter-sync')) return json(STATES)
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountView()
    await flushPromises()
    const states = wrapper.find('[data-testid="customs-sync-states"]').text()
    expect(states).toContain('国别（地区）')
    expect(states).toContain('不一致')
    expect(states).toContain('一致')
    expect(wrapper.find('[data-testid="customs-sync-log"]').text()).toContain('v1 → v2')

    await wrapper.find('[data-testid="customs-sync-run-all"]').trigger('click')
    await flushPromises()
    const run = fetchMock.mock.calls.find(([u]) => String(u).includes('/runs'))
    expect(run![1]!.method).toBe('POST')
    expect(JSON.parse(String(run![1]!.body))).toEqual({ tables: null })
    expect(wrapper.find('[data-testid="customs-sync-results"]').text()).toContain('版本3没有条目')
    expect(document.body.textContent).toContain('1 张参数表未通过数据校验')
    wrapper.unmount()
  })

  it('saves the automatic-update rule with its version and shows a refused table in Chinese', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/rule') && init?.method === 'PUT') {
        return json({ status: 400, code: 'PARAMETER_TABLE_UNKNOWN', messageZh: '没有参数表“PORTS”', messageEn: 'No code table PORTS' }, 400)
      }
      if (url.includes('/rule')) return json(RULE)
      if (url.includes('/log')) return json(LOG)
      return json(STATES)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountView()
    await flushPromises()
    await type('customs-sync-rule-tables', 'COUNTRY,PORTS')
    await click('customs-sync-auto')
    await wrapper.find('[data-testid="customs-sync-rule-save"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')
    expect(JSON.parse(String(put![1]!.body))).toEqual({ autoUpdate: true, tables: 'COUNTRY,PORTS', version: 1 })
    expect(document.body.textContent).toContain('没有参数表“PORTS”')
    wrapper.unmount()
  })
})
