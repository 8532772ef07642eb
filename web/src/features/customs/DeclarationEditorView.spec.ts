// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import DeclarationEditorView from './DeclarationEditorView.vue'
import { i18n, setLocale } from '@/i18n'

/** What DeclarationController answers for one draft declaration of the enterprise. */
function declaration(status = 'DRAFT', header: Record<string, unknown> = {}) {
  return {
    id: 'd-1', preEntryNo: 'YL640026I000000001', declarationType: 'FIRST_LINE_GENERAL', importExport: 'IMPORT', status,
    enterpriseUscc: '91460100MA5T00001L', customsNo: null, distributionStatus: 'NONE', distributionCount: 0,
    createdAt: '2026-11-27T02:00:00Z', submittedAt: null,
    header: { billOfLadingNo: 'BL001', vesselName: 'HAI XING', voyageNo: 'V01', ...header },
    items: [{ seq: 1, hsCode: '0302130000', name: '三文鱼', quantity: 10, unit: '035' }],
  }
}

const CANDIDATES = [
  { candidateId: 'M-1', record: { found: true, billOfLadingNo: 'BL001', vesselName: 'HAI XING', voyageNo: 'V01', transportMode: '2',
    packages: 12, grossWeight: 300, departureCountry: 'NOR', portCode: 'HKG', goodsDescription: '冰鲜三文鱼' } },
  { candidateId: 'M-2', record: { found: true, billOfLadingNo: 'BL001', vesselName: 'HAI XING', voyageNo: 'V01', transportMode: '2',
    packages: 40, grossWeight: 980, departureCountry: 'CHL', portCode: 'SIN', goodsDescription: '冷冻帝王蟹' } },
]

function json(body: unknown, status = 200) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

type Handler = (url: string, method: string, body: unknown) => Response | undefined

function stub(handler: Handler, status = 'DRAFT') {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    const answered = handler(url, method, body)
    if (answered) return answered
    if (url.includes('/declarations/d-1/receipts')) return json([])
    if (url.includes('/declarations/d-1/attached-documents')) return json([])
    if (url.includes('/declarations/d-1') && method === 'GET') return json(declaration(status))
    if (url.includes('/screen-configs')) return json({ declarationType: 'FIRST_LINE_GENERAL', screen: 'ENTRY', fields: [], version: 0 })
    return json([])
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function mountEditor() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } },
    { path: '/enterprise/declarations/:id', component: { template: '<div />' } }] })
  await router.push('/enterprise/declarations/d-1')
  await router.isReady()
  const wrapper = mount(DeclarationEditorView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus, router] } })
  await flushPromises()
  return wrapper
}

const calls = (fetchMock: ReturnType<typeof stub>, part: string, method: string) =>
  fetchMock.mock.calls.filter(([u, i]) => String(u).includes(part) && (i?.method ?? 'GET') === method)

vi.setConfig({ testTimeout: 60_000 })

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('declaration editor: attached supervision documents (随附监管证件)', () => {
  it('lists, adds and removes documents of a draft, and shows the licence-condition refusal at declaring', async () => {
    let kept = [{ docType: 'A', docNo: '46012026A000001' }]
    const fetchMock = stub((url, method, body) => {
      if (url.includes('/attached-documents') && method === 'PUT') {
        kept = body as typeof kept
        return json(kept)
      }
      if (url.includes('/attached-documents')) return json(kept)
      if (url.includes('/submission') && method === 'POST') {
        return json({ status: 422, code: 'SUPERVISION_DOCUMENT_MISSING',
          messageZh: '第1项商品0302130000的监管条件为“AB”，须随附监管证件“入境货物通关单”（代码A），报关单未随附',
          messageEn: 'Item 1: commodity 0302130000 has licence condition AB and needs the supervision document "inbound clearance" (type A) attached; the declaration carries none' }, 422)
      }
      return undefined
    })
    const wrapper = await mountEditor()
    const card = () => wrapper.find('[data-testid="customs-attached-docs"]')
    expect(card().text()).toContain('随附监管证件')
    expect(card().text()).toContain('46012026A000001')

    await wrapper.find('input[data-testid="customs-doc-type"]').setValue('B')
    await wrapper.find('input[data-testid="customs-doc-no"]').setValue(' 46012026B000002 ')
    await wrapper.find('[data-testid="customs-doc-add"]').trigger('click')
    await flushPromises()
    const [, put] = calls(fetchMock, '/attached-documents', 'PUT')[0]
    expect(JSON.parse(String(put!.body))).toEqual([{ docType: 'A', docNo: '46012026A000001' }, { docType: 'B', docNo: '46012026B000002' }])
    expect(card().text()).toContain('46012026B000002')
    expect(document.body.textContent).toContain('随附监管证件已保存')

    await wrapper.find('[data-testid="customs-doc-remove-0"]').trigger('click')
    await flushPromises()
    const removed = calls(fetchMock, '/attached-documents', 'PUT')[1]
    expect(JSON.parse(String(removed[1]!.body))).toEqual([{ docType: 'B', docNo: '46012026B000002' }])
    expect(card().text()).not.toContain('46012026A000001')

    kept = []
    await wrapper.find('[data-testid="customs-declare"]').trigger('click')
    await flushPromises()
    const refusal = wrapper.find('[data-testid="customs-licence-refusal"]')
    expect(refusal.exists()).toBe(true)
    expect(refusal.text()).toContain('监管条件检查未通过')
    expect(refusal.text()).toContain('须随附监管证件“入境货物通关单”（代码A）')
    wrapper.unmount()
  })

  it('shows a refused document in Chinese and keeps the list as it was', async () => {
    const fetchMock = stub((url, method) => {
      if (url.includes('/attached-documents') && method === 'PUT') {
        return json({ status: 400, code: 'ATTACHED_DOCUMENT_INVALID', messageZh: '随附监管证件无效：监管证件代码“Q”不在监管证件代码表中',
          messageEn: 'Invalid attached supervision document: type Q is not in the code table' }, 400)
      }
      return undefined
    })
    const wrapper = await mountEditor()
    await wrapper.find('input[data-testid="customs-doc-type"]').setValue('Q')
    await wrapper.find('input[data-testid="customs-doc-no"]').setValue('X1')
    await wrapper.find('[data-testid="customs-doc-add"]').trigger('click')
    await flushPromises()
    expect(calls(fetchMock, '/attached-documents', 'PUT')).toHaveLength(1)
    expect(document.body.textContent).toContain('监管证件代码“Q”不在监管证件代码表中')
    expect(wrapper.find('[data-testid="customs-attached-docs"]').text()).not.toContain('X1')
    wrapper.unmount()
  })

  it('offers no document change on a submitted declaration', async () => {
    stub(() => undefined, 'SUBMITTED')
    const wrapper = await mountEditor()
    expect(wrapper.find('[data-testid="customs-attached-docs"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="customs-doc-add"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('declaration editor: manifest back-fill with several records (舱单回填选择)', () => {
  it('shows the matching records on the 409 answer and fills from the one chosen', async () => {
    const fetchMock = stub((url, method, body) => {
      if (url.includes('/manifest-backfill') && method === 'POST') {
        if (!body) {
          return json({ status: 409, code: 'MANIFEST_CHOICE_REQUIRED', messageZh: '舱单系统中有2条匹配的舱单记录，请选择一条后回填',
            messageEn: '2 manifest records match: choose one to back-fill from' }, 409)
        }
        const d = declaration('DRAFT', { packages: 40, grossWeight: 980, departureCountry: 'CHL' })
        return json({ declaration: d, messageZh: '已回填', messageEn: 'Filled', warningsZh: [] })
      }
      if (url.includes('/manifest-candidates')) return json(CANDIDATES)
      return undefined
    })
    const wrapper = await mountEditor()
    await wrapper.find('[data-testid="customs-backfill"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="customs-manifest-hint"]')!.textContent).toContain('舱单系统中有2条匹配的舱单记录')
    const table = document.querySelector('[data-testid="customs-manifest-candidates"]')!.textContent
    expect(table).toContain('冰鲜三文鱼')
    expect(table).toContain('冷冻帝王蟹')

    document.querySelector<HTMLElement>('[data-testid="customs-manifest-choose-1"]')!.click()
    await flushPromises()
    const posts = calls(fetchMock, '/manifest-backfill', 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[0][1]!.body).toBeUndefined()
    expect(JSON.parse(String(posts[1][1]!.body))).toEqual({ candidateId: 'M-2' })
    expect(document.body.textContent).toContain('已按所选舱单记录回填')
    wrapper.unmount()
  })
})
