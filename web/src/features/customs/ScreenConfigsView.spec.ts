// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import ScreenConfigsView from './ScreenConfigsView.vue'
import { i18n, setLocale } from '@/i18n'

/** What ScreenConfigController answers for the second-line domestic sale's entry screen. */
const CATALOG = {
  HEADER: [
    { field: 'declareCustoms', labelZh: '申报地海关', labelEn: 'Declaring customs' },
    { field: 'supervisionMode', labelZh: '监管方式', labelEn: 'Supervision mode' },
    { field: 'contractNo', labelZh: '合同协议号', labelEn: 'Contract no.' },
  ],
  ITEM: [{ field: 'hsCode', labelZh: '商品编号', labelEn: 'HS code' }, { field: 'name', labelZh: '商品名称', labelEn: 'Goods name' }],
  HEADER_CONDITION: [], ITEM_CONDITION: [], RESULT: [],
}
const CONFIG = {
  declarationType: 'SECOND_LINE_DOMESTIC_SALE', screen: 'ENTRY', version: 2, updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z',
  fields: [
    { section: 'HEADER', field: 'declareCustoms', position: 1, required: true, defaultValue: '6400', labelZh: '申报地海关', labelEn: 'Declaring customs' },
    { section: 'HEADER', field: 'supervisionMode', position: 2, required: false, defaultValue: null, labelZh: '监管方式', labelEn: 'Supervision mode' },
    { section: 'ITEM', field: 'hsCode', position: 1, required: true, defaultValue: null, labelZh: '商品编号', labelEn: 'HS code' },
  ],
}
const HISTORY = [{ version: 2, action: 'field-added', detail: 'supervisionMode', fields: '', changedBy: 'ops.wang', changedAt: '2026-11-27T02:00:00Z' }]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// Mounting Element Plus screens is slow on a shared machine.
vi.setConfig({ testTimeout: 60_000 })

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('entry and query screen configuration (录入与查询界面配置)', () => {
  it('shows the configured fields and history, moves a field up and saves the whole screen with its version', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/screen-configs/catalog')) return json(CATALOG)
      if (url.includes('/history')) return json(HISTORY)
      if (url.includes('/screen-configs/SECOND_LINE_DOMESTIC_SALE/ENTRY') && init?.method === 'PUT') return json({ ...CONFIG, version: 3 })
      if (url.includes('/screen-configs/SECOND_LINE_DOMESTIC_SALE/ENTRY')) return json(CONFIG)
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(ScreenConfigsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.text()).toContain('v2 · ops.wang')
    const header = wrapper.find('[data-testid="customs-screen-HEADER"]').text()
    expect(header.indexOf('申报地海关')).toBeLessThan(header.indexOf('监管方式'))
    expect(wrapper.find('[data-testid="customs-screen-history"]').text()).toContain('新增数据项')

    // 监管方式 moves up; the goods-item HS code stays; then the screen is saved whole.
    const headerCard = wrapper.findAll('.el-card').find((c) => c.find('[data-testid="customs-screen-HEADER"]').exists())!
    const up = headerCard.findAll('button').filter((b) => b.text() === '↑')
    await up[1].trigger('click')
    await flushPromises()
    const moved = wrapper.find('[data-testid="customs-screen-HEADER"]').text()
    expect(moved.indexOf('监管方式')).toBeLessThan(moved.indexOf('申报地海关'))
    await wrapper.find('[data-testid="customs-screen-save"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')
    expect(put).toBeDefined()
    expect(JSON.parse(String(put![1]!.body))).toEqual({ version: 2, fields: [
      { section: 'HEADER', field: 'supervisionMode', required: false, defaultValue: null },
      { section: 'HEADER', field: 'declareCustoms', required: true, defaultValue: '6400' },
      { section: 'ITEM', field: 'hsCode', required: true, defaultValue: null },
    ] })
    expect(document.body.textContent).toContain('界面配置已保存')
    wrapper.unmount()
  })

  it('shows a refused save (a field the model does not know) in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/catalog')) return json(CATALOG)
      if (url.includes('/history')) return json([])
      if (init?.method === 'PUT') {
        return json({ status: 400, code: 'SCREEN_FIELD_UNKNOWN', messageZh: '“remarkX”不是HEADER的字段', messageEn: 'remarkX is not a field of section HEADER' }, 400)
      }
      return json(CONFIG)
    }))
    const wrapper = mount(ScreenConfigsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="customs-screen-save"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('“remarkX”不是HEADER的字段')
    wrapper.unmount()
  })
})
