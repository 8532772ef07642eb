// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import PrintTemplatesView from './PrintTemplatesView.vue'
import { i18n, setLocale } from '@/i18n'

/** What PrintTemplateController answers: the standard form for one type, an operator's template for another. */
const TEMPLATES = [
  { declarationType: 'FIRST_LINE_GENERAL', title: null, footer: null, itemColumns: ['SEQ', 'HS_CODE', 'NAME_SPEC', 'QUANTITY_UNIT', 'PRICE', 'ORIGIN', 'DESTINATION', 'LEVY'],
    printableStatuses: ['DRAFT', 'SUBMITTED', 'RELEASED'], updatedBy: 'migration', updatedAt: null, version: 0 },
  { declarationType: 'SECOND_LINE_GENERAL', title: '二线一般报关单（企业留存联）', footer: '本联仅供企业留存', itemColumns: ['SEQ', 'HS_CODE'],
    printableStatuses: ['SUBMITTED'], updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z', version: 3 },
]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  return mount(PrintTemplatesView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus, router] } })
}

// Mounting Element Plus screens is slow on a shared machine.
vi.setConfig({ testTimeout: 60_000 })

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('print template screen (报关单打印模版)', () => {
  it('lists each type with its title or the standard form and saves a changed template with its version and columns in form order', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/print-templates/FIRST_LINE_GENERAL') && init?.method === 'PUT') return json({ ...TEMPLATES[0], version: 1 })
      if (url.includes('/print-templates')) return json(TEMPLATES)
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountView()
    await flushPromises()
    const text = wrapper.find('[data-testid="customs-print-templates"]').text()
    expect(text).toContain('一线一般报关')
    expect(text).toContain('标准报关单格式')
    expect(text).toContain('二线一般报关单（企业留存联）')
    expect(text).toContain('ops.wang')

    const edit = wrapper.findAll('button').filter((b) => b.text() === '设置')
    expect(edit).toHaveLength(2)
    await edit[0].trigger('click')
    await flushPromises()
    const inputs = Array.from(document.querySelectorAll('.el-dialog input[type="text"], .el-dialog input:not([type])')) as HTMLInputElement[]
    inputs[0].value = '  一线一般报关单（企业留存联）  '
    inputs[0].dispatchEvent(new Event('input'))
    await flushPromises()
    // untick the price column: the form's order is kept whatever is ticked
    const price = Array.from(document.querySelectorAll('.el-dialog .el-checkbox')).find((c) => c.textContent?.includes('单价/总价/币制')) as HTMLElement
    price.click()
    await flushPromises()
    const save = Array.from(document.querySelectorAll('.el-dialog button')).find((b) => b.textContent?.includes('保存')) as HTMLElement
    save.click()
    await flushPromises()

    const put = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/customs/v1/print-templates/FIRST_LINE_GENERAL') && i?.method === 'PUT')
    expect(put).toBeDefined()
    expect(JSON.parse(String(put![1]!.body))).toEqual({
      title: '一线一般报关单（企业留存联）', footer: null,
      itemColumns: ['SEQ', 'HS_CODE', 'NAME_SPEC', 'QUANTITY_UNIT', 'ORIGIN', 'DESTINATION', 'LEVY'],
      printableStatuses: ['DRAFT', 'SUBMITTED', 'RELEASED'], version: 0,
    })
    // saved: the list is read again
    expect(fetchMock.mock.calls.filter(([u, i]) => String(u).endsWith('/customs/v1/print-templates') && !i?.method?.match(/PUT/)).length).toBe(2)
    wrapper.unmount()
  })

  it('shows the service refusal of a stale version in Chinese and keeps the dialog open', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        return json({ status: 409, code: 'PRINT_TEMPLATE_VERSION_CONFLICT', messageZh: '打印模版已被他人修改，请刷新后重试',
          messageEn: 'The print template was changed by someone else; reload and retry' }, 409)
      }
      return json(TEMPLATES)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountView()
    await flushPromises()
    await wrapper.findAll('button').filter((b) => b.text() === '设置')[1].trigger('click')
    await flushPromises()
    ;(Array.from(document.querySelectorAll('.el-dialog button')).find((b) => b.textContent?.includes('保存')) as HTMLElement).click()
    await flushPromises()
    expect(document.body.textContent).toContain('打印模版已被他人修改，请刷新后重试')
    expect(document.querySelector('.el-dialog')).not.toBeNull()
    wrapper.unmount()
  })
})
