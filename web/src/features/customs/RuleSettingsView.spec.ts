// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import RuleSettingsView from './RuleSettingsView.vue'
import { i18n, setLocale } from '@/i18n'

/** What SecondLineController, ExcelSettingController and ErpReceiptPushController answer. */
const page = <T>(content: T[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 })
const FILL = [
  { id: 'H-REMARK', scope: 'HEADER', targetField: 'remark', sourceField: null, constant: '二线内销', onlyIfBlank: true, enabled: true, sort: 140,
    descriptionZh: '备注默认“二线内销”', descriptionEn: 'The remark defaults to 二线内销', version: 1, updatedAt: '2026-11-27T02:00:00Z', updatedBy: 'migration', origin: 'SEEDED' },
]
const CHECKS = [
  { code: 'LIST-LICENCE-MODE-ZONE', family: 'LICENSE', enabled: true, messageZh: '监管方式不在园区允许范围内', messageEn: 'The trade mode is not one the zone allows',
    parameter: '0110', version: 1, updatedAt: '2026-11-27T02:00:00Z', updatedBy: 'officer.zhang', kind: 'LIST-LICENCE-MODE', origin: 'ADDED' },
]
const DELIVERIES = [
  { id: 'd-1', enterpriseUscc: '91460100MA5T00001L', declarationId: null, preEntryNo: null, receiptKind: 'SUBSCRIPTION', receiptStatus: 'VERIFICATION_LISTS',
    callbackUrl: 'http://erp/receipts', status: 'REFUSED', attempts: 1, lastHttpStatus: 400, lastError: 'bad request', createdAt: '2026-11-27T02:00:00Z',
    deliveredAt: null, subscriptionId: 's-1', sourceKey: 'list:QD640026I100000001' },
]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

vi.setConfig({ testTimeout: 60_000 })

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('declaration rules and sheet settings (报关规则与表格设置)', () => {
  it('lists the rules, switches a check off, shows a delivery log and re-drives it', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      if (url.includes('/rules/checks/LIST-LICENCE-MODE-ZONE') && method === 'PUT') return json({ ...CHECKS[0], enabled: false, version: 2 })
      if (url.includes('/rules/fill')) return json(page(FILL))
      if (url.includes('/rules/checks')) return json(page(CHECKS))
      if (url.includes('/excel-settings')) return json(page([]))
      if (url.includes('/declaration-action-rules')) return json([{ action: 'DELETE', declarationType: 'DIRECT_RELEASE', statuses: ['SW_REJECTED'], enabled: true, version: 1, updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z' }])
      if (url.includes('/d-1/attempts')) return json([{ attempt: 1, outcome: 'REFUSED', httpStatus: 400, error: 'bad request', attemptedAt: '2026-11-27T02:00:01Z' }])
      if (url.includes('/d-1/redrive') && method === 'POST') return json({ ...DELIVERIES[0], status: 'PENDING' })
      if (url.includes('/receipt-deliveries')) return json(page(DELIVERIES))
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(RuleSettingsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="customs-fill-rules"]').text()).toContain('备注默认“二线内销”')
    // A seeded rule offers no deletion.
    expect(wrapper.find('[data-testid="customs-fill-delete-H-REMARK"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="customs-list-checks"]').text()).toContain('监管方式不在园区允许范围内')
    expect(wrapper.find('[data-testid="customs-action-rules"]').text()).toContain('SW_REJECTED')
    const delivered = fetchMock.mock.calls.find(([u]) => String(u).includes('/receipt-deliveries'))
    expect(String(delivered![0])).toContain('status=REFUSED')
    expect(String(delivered![0])).toContain('kind=SUBSCRIPTION')

    await wrapper.find('[data-testid="customs-check-switch-LIST-LICENCE-MODE-ZONE"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/rules/checks/LIST-LICENCE-MODE-ZONE') && i?.method === 'PUT')
    expect(JSON.parse(String(put![1]!.body))).toEqual({ enabled: false, parameter: '0110' })
    expect(document.body.textContent).toContain('设置已保存')

    await wrapper.find('[data-testid="customs-delivery-attempts-d-1"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="customs-delivery-attempts"]').text()).toContain('被拒收')
    await wrapper.find('[data-testid="customs-delivery-redrive-d-1"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).includes('/d-1/redrive') && i?.method === 'POST')).toBe(true)
    expect(document.body.textContent).toContain('已重新推送')
    wrapper.unmount()
  })

  it('shows a refused check in Chinese', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/rules/checks') && init?.method === 'POST') {
        return json({ status: 400, code: 'CHECK_INVALID', messageZh: '核注清单校验规则无效：kind LIST-NOPE', messageEn: 'Invalid verification list check: kind LIST-NOPE' }, 400)
      }
      if (url.includes('/declaration-action-rules') || url.includes('/supervision-conditions') || url.includes('/history')) return json([])
      return json(page([]))
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(RuleSettingsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="customs-check-add"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLElement>('[data-testid="customs-check-save"]')!.click()
    await flushPromises()
    expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(true)
    expect(document.body.textContent).toContain('核注清单校验规则无效')
    wrapper.unmount()
  })

  it('shows, changes and logs the remark auto-fill setting, and sets a commodity licence condition', async () => {
    let setting = { marker: '<ZF>', linkedAttribute: '19', linkedMarker: '<ZFL>', version: 2, updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z' }
    const log = [{ id: 1, version: 1, marker: '<ZF>', linkedAttribute: null, linkedMarker: null, changedBy: 'migration', changedAt: '2026-11-26T02:00:00Z' },
      { id: 2, version: 2, marker: '<ZF>', linkedAttribute: '19', linkedMarker: '<ZFL>', changedBy: 'ops.wang', changedAt: '2026-11-27T02:00:00Z' }]
    let conditions = [{ hsCode: '0302130000', conditionCodes: 'AB', updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z' }]
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      if (url.includes('/remark-fill-setting/history')) return json(log)
      if (url.includes('/remark-fill-setting') && method === 'PUT') {
        const change = JSON.parse(String(init!.body))
        setting = { ...setting, ...change, version: setting.version + 1, updatedBy: 'ops.li' }
        log.push({ id: 3, version: setting.version, marker: change.marker, linkedAttribute: change.linkedAttribute, linkedMarker: change.linkedMarker,
          changedBy: 'ops.li', changedAt: '2026-11-27T03:00:00Z' })
        return json(setting)
      }
      if (url.includes('/remark-fill-setting')) return json(setting)
      if (url.includes('/supervision-conditions/8471300000') && method === 'PUT') {
        const c = { hsCode: '8471300000', conditionCodes: JSON.parse(String(init!.body)).conditionCodes, updatedBy: 'ops.li', updatedAt: '2026-11-27T03:00:00Z' }
        conditions = [...conditions, c]
        return json(c)
      }
      if (url.includes('/supervision-conditions/12') && method === 'PUT') {
        return json({ status: 400, code: 'SUPERVISION_CONDITION_INVALID', messageZh: '商品监管条件设置无效：商品编号须为10位数字',
          messageEn: 'Invalid licence condition setting: the HS code has 10 digits' }, 400)
      }
      if (url.includes('/supervision-conditions')) return json(conditions)
      if (url.includes('/declaration-action-rules')) return json([])
      return json(page([]))
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(RuleSettingsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect((wrapper.find('input[data-testid="customs-remark-marker"]').element as HTMLInputElement).value).toBe('<ZF>')
    expect(wrapper.find('[data-testid="customs-remark-current"]').text()).toContain('ops.wang')
    expect(wrapper.find('[data-testid="customs-remark-history"]').text()).toContain('migration')
    expect(wrapper.find('[data-testid="customs-conditions"]').text()).toContain('0302130000')
    expect(wrapper.find('[data-testid="customs-conditions"]').text()).toContain('AB')

    await wrapper.find('input[data-testid="customs-remark-attribute"]').setValue(' ')
    await wrapper.find('input[data-testid="customs-remark-marker"]').setValue('<ZF2>')
    await wrapper.find('[data-testid="customs-remark-save"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/remark-fill-setting') && i?.method === 'PUT')
    expect(JSON.parse(String(put![1]!.body))).toEqual({ marker: '<ZF2>', linkedAttribute: null, linkedMarker: '<ZFL>' })
    expect(wrapper.find('[data-testid="customs-remark-current"]').text()).toContain('ops.li')
    expect(wrapper.find('[data-testid="customs-remark-history"]').text()).toContain('<ZF2>')

    await wrapper.find('input[data-testid="customs-condition-hs"]').setValue('12')
    await wrapper.find('input[data-testid="customs-condition-codes"]').setValue('A')
    await wrapper.find('[data-testid="customs-condition-save"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('商品编号须为10位数字')
    expect(wrapper.find('[data-testid="customs-conditions"]').text()).not.toContain('12 ')

    await wrapper.find('input[data-testid="customs-condition-hs"]').setValue('8471300000')
    await wrapper.find('input[data-testid="customs-condition-codes"]').setValue('AO')
    await wrapper.find('[data-testid="customs-condition-save"]').trigger('click')
    await flushPromises()
    const set = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/supervision-conditions/8471300000') && i?.method === 'PUT')
    expect(JSON.parse(String(set![1]!.body))).toEqual({ conditionCodes: 'AO' })
    expect(document.body.textContent).toContain('监管条件已保存')
    expect(wrapper.find('[data-testid="customs-conditions"]').text()).toContain('8471300000')
    wrapper.unmount()
  })
})
