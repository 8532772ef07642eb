// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import OfficerContactsView from './OfficerContactsView.vue'
import VideoAlertsView from './VideoAlertsView.vue'
import { canEditOthers, contactProblems, deliverySummary, maskPhone, outcomeType } from './contactsLogic'
import { i18n, setLocale } from '@/i18n'

const signedIn = vi.hoisted(() => ({ roles: [] as string[], username: '' }))
vi.mock('@/stores/auth', () => ({
  useAuthStore: () => ({
    roles: signedIn.roles,
    user: { username: signedIn.username, roles: signedIn.roles },
    accessToken: async () => 'token',
    renew: async () => null,
  }),
}))

/** What OfficerContactController and AlertController answer. */
const CONTACTS = [
  { username: 'zhang.wei', phone: '13800138000', pushDeviceId: 'dev-zw-01', updatedBy: 'zhang.wei', updatedAt: '2026-11-27T07:00:00Z' },
  { username: 'wang.fang', phone: null, pushDeviceId: 'dev-wf-02', updatedBy: 'zhao.min', updatedAt: '2026-11-27T07:05:00Z' },
]
const ALERT = {
  alertId: 'VA-1', taskId: 't1', targetId: 'x1', distance: 0.31, status: 'RAISED', occurredAt: '2026-11-27T08:00:00Z',
  recipients: ['zhang.wei', 'wang.fang'], handledBy: null, handlingResult: null, handlingNote: null, plateNumber: null,
}
const DELIVERY = {
  alertId: 'VA-1', level: 'HIGH', alertMode: 'RED', channels: ['SCREEN', 'SMS', 'APP_PUSH'],
  notifications: [
    { username: 'zhang.wei', channel: 'SMS', status: 'SENT', attempts: 1, partnerMessageId: 'm1', lastError: null, createdAt: '2026-11-27T08:00:00Z', sentAt: '2026-11-27T08:00:01Z' },
    { username: 'wang.fang', channel: 'SMS', status: 'NO_CONTACT', attempts: 0, partnerMessageId: null, lastError: '未登记手机号码', createdAt: '2026-11-27T08:00:00Z', sentAt: null },
    { username: 'zhang.wei', channel: 'APP_PUSH', status: 'FAILED', attempts: 3, partnerMessageId: null, lastError: 'push gateway 503', createdAt: '2026-11-27T08:00:00Z', sentAt: null },
  ],
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function mountAs(component: typeof OfficerContactsView, username: string, roles: string[]) {
  signedIn.roles = roles
  signedIn.username = username
  return mount(component, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
}

/** Element Plus puts the test id on the input itself or on its wrapper, depending on the component. */
function field(wrapper: ReturnType<typeof mount>, id: string) {
  const el = wrapper.find(`[data-testid="${id}"]`)
  return el.element.tagName === 'INPUT' ? el : el.find('input')
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('contacts and delivery view logic', () => {
  it('checks a contact before it is sent', () => {
    expect(contactProblems('', '')).toEqual(['video.contacts.needOne'])
    expect(contactProblems('12345', '')).toEqual(['video.contacts.badPhone'])
    expect(contactProblems('+8613800138000', '')).toEqual([])
    expect(contactProblems('', 'x'.repeat(129))).toEqual(['video.contacts.badDevice'])
    expect(contactProblems(' ', 'dev-1')).toEqual([])
  })

  it('lets only administrators edit others and masks phones', () => {
    expect(canEditOthers(['platform-admin'])).toBe(true)
    expect(canEditOthers(['customs-officer', 'customs-reviewer'])).toBe(false)
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone(null)).toBe('')
  })

  it('puts failed deliveries first and counts the outcomes', () => {
    const s = deliverySummary(DELIVERY.notifications)
    expect(s.counts).toEqual({ SENT: 1, NO_CONTACT: 1, FAILED: 1 })
    expect(s.rows.map((r) => `${r.username}/${r.channel}`)).toEqual(['wang.fang/SMS', 'zhang.wei/APP_PUSH', 'zhang.wei/SMS'])
    expect(outcomeType('SENT')).toBe('success')
    expect(outcomeType('RETRYING')).toBe('warning')
    expect(outcomeType('NO_CONTACT')).toBe('danger')
  })
})

describe('officer contacts screen', () => {
  it('an officer saves his own contact and never lists or edits anyone else', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/officer-contacts/') && init?.method === 'PUT') {
        const b = JSON.parse(String(init.body))
        return json({ username: 'zhang.wei', phone: b.phone, pushDeviceId: b.pushDeviceId, updatedBy: 'zhang.wei', updatedAt: '2026-11-27T09:00:00Z' })
      }
      return json({ status: 403, code: 'FORBIDDEN' }, 403)
    })
    vi.stubGlobal('fetch', fetchMock)
    const wrapper = mountAs(OfficerContactsView, 'zhang.wei', ['customs-officer'])
    await flushPromises()
    expect(wrapper.find('[data-testid="contacts-table"]').exists()).toBe(false)
    expect(fetchMock.mock.calls.some(([u, i]) => String(u).endsWith('/officer-contacts') && (i?.method ?? 'GET') === 'GET')).toBe(false)
    expect(field(wrapper, 'contact-username').attributes('disabled')).toBeDefined()
    // a bad phone is refused here, nothing is sent
    await field(wrapper, 'contact-phone').setValue('12345')
    await wrapper.find('[data-testid="contact-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('手机号码格式不正确')
    expect(fetchMock.mock.calls.filter(([, i]) => i?.method === 'PUT')).toHaveLength(0)
    await field(wrapper, 'contact-phone').setValue('13800138000')
    await field(wrapper, 'contact-device').setValue('dev-zw-01')
    await wrapper.find('[data-testid="contact-save"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')!
    expect(String(put[0])).toContain('/officer-contacts/zhang.wei')
    expect(JSON.parse(String(put[1]!.body))).toEqual({ phone: '13800138000', pushDeviceId: 'dev-zw-01' })
    expect(wrapper.find('[data-testid="contacts-saved"]').text()).toContain('zhang.wei')
    wrapper.unmount()
  }, 30_000)

  it('an administrator lists everyone and edits another officer', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/officer-contacts/') && init?.method === 'PUT') {
        const b = JSON.parse(String(init.body))
        return json({ username: 'wang.fang', phone: b.phone, pushDeviceId: b.pushDeviceId, updatedBy: 'zhao.min', updatedAt: '2026-11-27T09:00:00Z' })
      }
      if (url.includes('/officer-contacts')) return json(CONTACTS)
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    setLocale('en')
    const wrapper = mountAs(OfficerContactsView, 'zhao.min', ['platform-admin'])
    await flushPromises()
    const table = wrapper.find('[data-testid="contacts-table"]')
    expect(table.text()).toContain('wang.fang')
    expect(table.text()).toContain('138****8000')
    expect(table.text()).not.toContain('13800138000')
    await wrapper.find('[data-testid="contact-edit-wang.fang"]').trigger('click')
    await field(wrapper, 'contact-phone').setValue('13912345678')
    await wrapper.find('[data-testid="contact-save"]').trigger('click')
    await flushPromises()
    const put = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')!
    expect(String(put[0])).toContain('/officer-contacts/wang.fang')
    expect(JSON.parse(String(put[1]!.body))).toEqual({ phone: '13912345678', pushDeviceId: 'dev-wf-02' })
    expect(wrapper.find('[data-testid="contacts-saved"]').text()).toContain('Contact of wang.fang saved')
    wrapper.unmount()
  }, 30_000)
})

describe('alert delivery outcomes', () => {
  it('shows the channel officer outcome attempts and last error of each notification', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url.includes('/alerts/VA-1/delivery')) return json(DELIVERY)
      if (url.includes('/alerts/VA-1/')) return new Response(new Blob([new Uint8Array([0xff, 0xd8])]), { headers: { 'Content-Type': 'image/jpeg' } })
      if (url.includes('/alerts')) return json({ content: [ALERT], page: 0, size: 100, totalElements: 1, totalPages: 1 })
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x' }))
    const wrapper = mountAs(VideoAlertsView, 'zhang.wei', ['customs-officer'])
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
    await flushPromises()
    await wrapper.find('[data-testid="alert-delivery-load-VA-1"]').trigger('click')
    await flushPromises()
    const box = wrapper.find('[data-testid="alert-delivery-VA-1"]')
    expect(box.text()).toContain('未登记联系方式')
    expect(box.text()).toContain('push gateway 503')
    expect(box.text()).toContain('移动端推送')
    expect(wrapper.find('[data-testid="delivery-zhang.wei-SMS"]').text()).toBe('已送达')
    expect(wrapper.find('[data-testid="delivery-zhang.wei-APP_PUSH"]').text()).toBe('发送失败')
    wrapper.unmount()
  }, 30_000)
})
