// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import ClassificationView from './ClassificationView.vue'
import { i18n, setLocale } from '@/i18n'

const PET = { rank: 1, hsCode: '3907610000', nameZh: '聚对苯二甲酸乙二酯（粘数≥78毫升/克）', nameEn: 'PET, viscosity ≥ 78 ml/g', chapter: '39',
  heading: '3907', legalUnit: '035', score: 12.5, relativeScore: 1, zeroTariffWhitelisted: true }
const PHONE = { ...PET, rank: 1, hsCode: '8517130000', nameZh: '智能手机', nameEn: 'Smartphones', chapter: '85', heading: '8517', zeroTariffWhitelisted: false }

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

describe('classification screen (商品预归类与归类校验)', () => {
  it('classifies a goods name, checks typed items with their verdicts and shows the operation log', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
      if (url.includes('/classification/suggestions')) return json({ goodsName: '聚酯切片', specification: null, suggestions: [PET] })
      if (url.includes('/classification/verifications')) {
        return json([
          { seq: 1, declaredHsCode: '3907610000', declaredTariffName: PET.nameZh, goodsName: '聚酯切片', verdict: 'CONSISTENT',
            messageZh: '申报编号与商品名称相符', messageEn: 'Consistent', suggestions: [PET] },
          { seq: 2, declaredHsCode: '8471300000', declaredTariffName: '便携式自动数据处理设备', goodsName: '智能手机', verdict: 'DOUBTFUL',
            messageZh: '申报编号“8471300000”与商品名称“智能手机”不符，建议8517130000', messageEn: 'Doubtful', suggestions: [PHONE] },
        ])
      }
      if (url.includes('/classification/logs')) {
        return json({ content: [{ id: 'l1', kind: 'VERIFY', enterpriseUscc: '91460100MA5T00001L', actor: 'declarant-00001L', goodsName: '智能手机',
          declaredHs: '8471300000', suggestedHs: '8517130000', verdict: 'DOUBTFUL', createdAt: '2026-11-27T02:00:00Z' }],
        page: 0, size: 20, totalElements: 1, totalPages: 1 })
      }
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mount(ClassificationView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()

    const name = wrapper.find('[data-testid="customs-cls-name"]')
    await name.setValue('聚酯切片')
    await wrapper.find('[data-testid="customs-cls-run"]').trigger('click')
    await flushPromises()
    const suggest = fetchMock.mock.calls.find(([u]) => String(u).includes('/customs/v1/classification/suggestions'))
    expect(JSON.parse(String(suggest![1]!.body))).toEqual({ name: '聚酯切片', limit: 5 })
    const suggestions = wrapper.find('[data-testid="customs-cls-suggestions"]').text()
    expect(suggestions).toContain('3907610000')
    expect(suggestions).toContain('聚对苯二甲酸乙二酯')
    expect(suggestions).toContain('是')

    await wrapper.find('[data-testid="customs-cls-items"]').setValue('3907610000 聚酯切片\n\n8471300000，智能手机')
    await wrapper.find('[data-testid="customs-cls-verify"]').trigger('click')
    await flushPromises()
    const verify = fetchMock.mock.calls.find(([u]) => String(u).includes('/classification/verifications'))
    expect(JSON.parse(String(verify![1]!.body))).toEqual({ items: [
      { seq: 1, hsCode: '3907610000', name: '聚酯切片' }, { seq: 2, hsCode: '8471300000', name: '智能手机' }] })
    const verdicts = wrapper.find('[data-testid="customs-cls-verdicts"]').text()
    expect(verdicts).toContain('归类相符')
    expect(verdicts).toContain('归类存疑')
    expect(verdicts).toContain('建议8517130000')

    const logs = wrapper.find('[data-testid="customs-cls-logs"]').text()
    expect(logs).toContain('归类校验')
    expect(logs).toContain('8517130000')
    wrapper.unmount()
  })

  it('shows a refused code in Chinese, then in English after switching', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.includes('/classification/verifications')) {
        return json({ status: 400, code: 'HS_CODE_INVALID', messageZh: '商品编号“39076”应为10位数字', messageEn: 'Commodity code "39076" must be 10 digits' }, 400)
      }
      return json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 })
    }))
    const wrapper = mount(ClassificationView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    await wrapper.find('[data-testid="customs-cls-items"]').setValue('39076 聚酯切片')
    await wrapper.find('[data-testid="customs-cls-verify"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('商品编号“39076”应为10位数字')
    setLocale('en')
    await flushPromises()
    await wrapper.find('[data-testid="customs-cls-verify"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('Commodity code "39076" must be 10 digits')
    wrapper.unmount()
  })
})
