// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import SystemLogsView from './SystemLogsView.vue'
import { i18n, setLocale } from '@/i18n'

const LOGINS = [
  { eventId: 'evt-2', occurredAt: '2026-11-27T02:05:00Z', type: 'LOGIN', userId: 'u-fu', username: 'fu.declarant', clientId: 'hnsw-web',
    sessionId: 'sid-1', ipAddress: '10.46.1.20', error: null },
  { eventId: 'evt-1', occurredAt: '2026-11-27T02:00:00Z', type: 'LOGIN_ERROR', userId: 'u-fu', username: 'fu.declarant', clientId: 'hnsw-web',
    sessionId: null, ipAddress: '10.46.1.20', error: 'invalid_user_credentials' },
]
const OPERATIONS = [{ seq: 41, occurredAt: '2026-11-27T02:10:00Z', actorName: 'ops.wang', roles: 'sw-operator', organization: null, enterprise: null,
  action: 'POST /api/customs/v1/admin/users', businessType: null, businessId: null, result: 'FAILURE', detail: 'HTTP 400', clientIp: '10.0.0.1', hash: 'ab'.repeat(32) }]

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}
const page = (content: unknown[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 })

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('declaration system log audit (报关系统管理与日志审计)', () => {
  it('queries the login log by its conditions, shows an entry\'s details, exports with the same conditions and lists the operation log', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url.includes('/login-log/export')) return new Response(new Blob(['xlsx']))
      if (url.includes('/login-log/entries/evt-1')) return json(LOGINS[1])
      if (url.includes('/system-logs/login-log')) return json(page(url.includes('type=LOGIN_ERROR') ? [LOGINS[1]] : LOGINS))
      if (url.includes('/system-logs/operation-log')) return json(page(OPERATIONS))
      return new Response('{}', { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }))
    const wrapper = mount(SystemLogsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="customs-login-log"]').text()).toContain('登录失败')
    expect(wrapper.find('[data-testid="customs-login-log"]').text()).toContain('invalid_user_credentials')

    await wrapper.find('[data-testid="customs-log-username"]').setValue('fu.declarant')
    wrapper.findAllComponents({ name: 'ElSelect' })[0].vm.$emit('update:modelValue', 'LOGIN_ERROR')
    await flushPromises()
    await wrapper.find('[data-testid="customs-log-query"]').trigger('click')
    await flushPromises()
    const query = fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('/customs/v1/system-logs/login-log?')).pop()!
    expect(query).toContain('username=fu.declarant')
    expect(query).toContain('type=LOGIN_ERROR')
    expect(query).toContain('page=0')
    const rows = wrapper.findAll('[data-testid="customs-login-log"] .el-table__row')
    expect(rows).toHaveLength(1)
    await rows[0].trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="customs-log-detail"]')?.textContent).toContain('10.46.1.20')

    await wrapper.find('[data-testid="customs-log-export"]').trigger('click')
    await flushPromises()
    const exported = fetchMock.mock.calls.map(([u]) => String(u)).find((u) => u.includes('/login-log/export'))!
    expect(exported).toContain('username=fu.declarant')
    expect(exported).toContain('type=LOGIN_ERROR')

    await wrapper.findAll('.el-tabs__item').find((t) => t.text() === '系统操作日志')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="customs-operation-log"]').text()).toContain('POST /api/customs/v1/admin/users')
    expect(wrapper.find('[data-testid="customs-operation-log"]').text()).toContain('失败')
    wrapper.unmount()
  }, 60_000)

  it('shows a refused period in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 400, code: 'LOG_RANGE_INVALID', messageZh: '查询起始时间须早于截止时间',
      messageEn: 'The start of the period must be before its end' }, 400)))
    const wrapper = mount(SystemLogsView, { attachTo: document.body, global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    expect(document.body.textContent).toContain('查询起始时间须早于截止时间')
    wrapper.unmount()
  }, 60_000)
})
