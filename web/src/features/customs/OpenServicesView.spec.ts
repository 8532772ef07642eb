// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import OpenServicesView from './OpenServicesView.vue'
import { i18n, setLocale } from '@/i18n'

/** What OpenServiceController answers. */
const CATALOGUE = [
  { service: 'declaration-status', nameZh: '报关单状态查询', nameEn: 'Declaration status', descriptionZh: '按预录入编号查询', grantRequired: true,
    version: 2, updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z' },
]
const USERS = [
  { enterpriseUscc: '91460000MA5T000001', name: '海南椰岛贸易', contact: '李', status: 'SUSPENDED', note: null, version: 1,
    updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z' },
]
const GRANTS = [
  { enterpriseUscc: '91460000MA5T000001', service: 'declaration-status', validUntil: '2026-12-31', note: null, valid: true, version: 1,
    updatedBy: 'ops.wang', updatedAt: '2026-11-27T02:00:00Z' },
]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountView() {
  return mount(OpenServicesView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
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

describe('open-service management (开放服务管理)', () => {
  it('shows the catalogue, users and grants, grants a service and withdraws one', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      if (url.includes('/open-services/grants') && method === 'POST') return json({ ...GRANTS[0], enterpriseUscc: '91460000MA5T000002' }, 201)
      if (url.includes('/open-services/grants')) return json(GRANTS)
      if (url.includes('/open-services/users')) return json(USERS)
      if (url.includes('/open-services/declaration-status') && method === 'DELETE') return new Response(null, { status: 204 })
      if (url.endsWith('/open-services')) return json(CATALOGUE)
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.find('[data-testid="customs-open-service-catalogue"]').text()).toContain('报关单状态查询')
    expect(wrapper.find('[data-testid="customs-open-service-users"]').text()).toContain('暂停')
    expect(wrapper.find('[data-testid="customs-open-service-grants"]').text()).toContain('报关单状态查询')

    await type('customs-open-grant-uscc', '91460000MA5T000002')
    // The service is chosen from the catalogue's select (its popper is not rendered in happy-dom).
    ;(wrapper.vm as unknown as { grantForm: { service: string } }).grantForm.service = 'declaration-status'
    await flushPromises()
    await wrapper.find('[data-testid="customs-open-grant-submit"]').trigger('click')
    await flushPromises()
    const post = fetchMock.mock.calls.find(([u, i]) => String(u).includes('/grants') && i?.method === 'POST')
    expect(post).toBeDefined()
    expect(JSON.parse(String(post![1]!.body))).toEqual({ enterpriseUscc: '91460000MA5T000002', service: 'declaration-status', validUntil: null, note: null })
    expect(document.body.textContent).toContain('已授权')

    await wrapper.find('[data-testid="customs-open-service-withdraw-declaration-status"]').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).endsWith('/open-services/declaration-status') && i?.method === 'DELETE')).toBe(true)
    expect(document.body.textContent).toContain('服务已撤销')
    wrapper.unmount()
  })

  it('lists a new service and shows a refusal in Chinese', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/open-services') && init?.method === 'POST') {
        return json({ status: 409, code: 'OPEN_SERVICE_EXISTS', messageZh: '服务“declaration-status”已在服务清单中', messageEn: 'Service declaration-status is in the catalogue already' }, 409)
      }
      if (url.includes('/users')) return json([])
      if (url.includes('/grants')) return json([])
      return json(CATALOGUE)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountView()
    await flushPromises()
    await wrapper.find('[data-testid="customs-open-service-add"]').trigger('click')
    await flushPromises()
    await type('customs-open-service-code', 'declaration-status')
    await type('customs-open-service-name-zh', '报关单状态查询')
    await type('customs-open-service-name-en', 'Declaration status')
    await click('customs-open-service-save')
    const post = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')
    expect(JSON.parse(String(post![1]!.body))).toEqual({ service: 'declaration-status', nameZh: '报关单状态查询', nameEn: 'Declaration status',
      descriptionZh: null, grantRequired: true })
    expect(document.body.textContent).toContain('服务“declaration-status”已在服务清单中')
    wrapper.unmount()
  })
})
