// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import TemplatePicker from './TemplatePicker.vue'
import { i18n, setLocale } from '@/i18n'
import type { DeclarationDraft } from './templateApi'

const TEMPLATES = [
  { id: 'tp1', kind: 'INITIAL_VALUE', declarationType: 'FIRST_LINE_GENERAL', importExport: 'IMPORT', name: '一线进口常用',
    header: { declareCustoms: '6401' }, items: [], version: 1 },
  { id: 'tp2', kind: 'ENTRY', declarationType: 'FIRST_LINE_GENERAL', importExport: 'IMPORT', name: '聚酯切片进口',
    header: {}, items: [{ hsCode: '3907610000', name: '聚酯切片' }], version: 2 },
]

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

describe('template picker on the entry screen (初始值模版 / 录入模版)', () => {
  it('lists the type\'s templates with their kind, applies the chosen one to the draft and deletes it', async () => {
    const draft = { declarationType: 'FIRST_LINE_GENERAL', header: { declareCustoms: '' }, items: [] } as unknown as DeclarationDraft
    const filled = { ...draft, header: { declareCustoms: '6401' } }
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/declaration-templates/tp1/application')) return json(filled)
      if (url.includes('/declaration-templates/tp1') && init?.method === 'DELETE') return new Response(null, { status: 204 })
      if (url.includes('/declaration-templates')) return json(TEMPLATES)
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(TemplatePicker, { attachTo: document.body, props: { type: 'FIRST_LINE_GENERAL', draft: () => draft },
      global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(fetchMock.mock.calls[0][0]).toContain('/customs/v1/declaration-templates?type=FIRST_LINE_GENERAL')
    const select = wrapper.findComponent({ name: 'ElSelect' })
    const labels = wrapper.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))
    expect(labels).toEqual(['一线进口常用（初始值模版）', '聚酯切片进口（录入模版）'])
    expect(wrapper.find('[data-testid="customs-template-apply"]').attributes('disabled')).toBeDefined()

    select.vm.$emit('update:modelValue', 'tp1')
    await flushPromises()
    await wrapper.find('[data-testid="customs-template-apply"]').trigger('click')
    await flushPromises()
    const applied = fetchMock.mock.calls.find(([u]) => String(u).includes('/tp1/application'))
    expect(JSON.parse(String(applied![1]!.body))).toEqual(draft)
    expect(wrapper.emitted('applied')).toEqual([[filled]])

    const remove = wrapper.findAll('button').find((b) => b.text() === '删除模版')!
    await remove.trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).includes('/declaration-templates/tp1') && i?.method === 'DELETE')).toBe(true)
    expect(wrapper.find('[data-testid="customs-template-apply"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('shows a template of another type refused in Chinese and emits nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.includes('/application')) {
        return json({ status: 400, code: 'TEMPLATE_TYPE_MISMATCH', messageZh: '模版适用于二线一般报关，不能用于一线一般报关',
          messageEn: 'The template is for another declaration type' }, 400)
      }
      return json(TEMPLATES)
    }))
    const wrapper = mount(TemplatePicker, { attachTo: document.body,
      props: { type: 'FIRST_LINE_GENERAL', draft: () => ({ declarationType: 'FIRST_LINE_GENERAL', header: {}, items: [] }) as unknown as DeclarationDraft },
      global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'tp2')
    await flushPromises()
    await wrapper.find('[data-testid="customs-template-apply"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('模版适用于二线一般报关，不能用于一线一般报关')
    expect(wrapper.emitted('applied')).toBeUndefined()
    wrapper.unmount()
  })
})
