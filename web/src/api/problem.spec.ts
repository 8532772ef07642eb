import { describe, expect, it } from 'vitest'
import { ApiError, describeError, fieldMessages, parseProblem, problemMessage, statusMessageKey, type Translate } from './problem'
import zhCN from '@/i18n/locales/zh-CN'
import en from '@/i18n/locales/en'

/** A tiny translator over the real message files, enough for `{name}` placeholders. */
function translator(messages: object): Translate {
  return (key, params = {}) => {
    const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages)
    if (typeof template !== 'string') return key
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  }
}
const tZh = translator(zhCN)
const tEn = translator(en)

/** What `cn.hnsw.common.web.Problem` sends for a scope violation. */
const SCOPE_PROBLEM = {
  type: 'https://hnsw.gov.cn/problems/enterprise-scope-violation',
  title: 'Forbidden',
  status: 403,
  detail: '无权访问其他企业的数据',
  instance: '/api/ledger/v1/ledgers/L1',
  code: 'ENTERPRISE_SCOPE_VIOLATION',
  messageZh: '无权访问其他企业的数据',
  messageEn: "You may not access another enterprise's data",
  requestId: 'req-12345678',
  timestamp: '2026-03-01T02:03:04Z',
}

describe('problem details', () => {
  it('reads every member of the platform problem detail', () => {
    const problem = parseProblem(SCOPE_PROBLEM)
    expect(problem).toMatchObject({
      status: 403,
      code: 'ENTERPRISE_SCOPE_VIOLATION',
      messageZh: '无权访问其他企业的数据',
      messageEn: "You may not access another enterprise's data",
      requestId: 'req-12345678',
    })
  })

  it('reads validation errors field by field', () => {
    const problem = parseProblem({
      status: 400,
      code: 'VALIDATION_FAILED',
      messageZh: '请求数据校验未通过',
      messageEn: 'The request did not pass validation',
      errors: [
        { field: 'hsCode', constraint: 'Pattern', messageZh: '商品编号须为10位数字', messageEn: 'The HS code must be 10 digits' },
        { field: 'netWeight', messageZh: '净重不能大于毛重' },
        'garbage',
      ],
    })
    expect(problem?.errors).toHaveLength(2)
    expect(fieldMessages(problem, 'zh-CN')).toEqual(['hsCode: 商品编号须为10位数字', 'netWeight: 净重不能大于毛重'])
    // an untranslated field message falls back to the other language rather than disappearing
    expect(fieldMessages(problem, 'en')).toEqual(['hsCode: The HS code must be 10 digits', 'netWeight: 净重不能大于毛重'])
  })

  it('refuses what is not a problem detail', () => {
    expect(parseProblem(undefined)).toBeUndefined()
    expect(parseProblem('oops')).toBeUndefined()
    expect(parseProblem([1, 2])).toBeUndefined()
    expect(parseProblem({ foo: 'bar' })).toBeUndefined()
  })

  it('speaks the user language, with detail and the other language as fallbacks', () => {
    const problem = parseProblem(SCOPE_PROBLEM)!
    expect(problemMessage(problem, 'zh-CN')).toBe('无权访问其他企业的数据')
    expect(problemMessage(problem, 'en')).toBe("You may not access another enterprise's data")
    expect(problemMessage({ detail: 'Only detail' }, 'en')).toBe('Only detail')
    expect(problemMessage({ messageZh: '仅中文' }, 'en')).toBe('仅中文')
    expect(problemMessage({ messageEn: 'English only' }, 'zh-CN')).toBe('English only')
  })

  it('describes a problem with the request id to quote', () => {
    const error = new ApiError('problem', 403, { problem: parseProblem(SCOPE_PROBLEM) })
    expect(error.code).toBe('ENTERPRISE_SCOPE_VIOLATION')
    expect(describeError(error, 'zh-CN', tZh)).toBe('无权访问其他企业的数据（请求编号：req-12345678）')
    expect(describeError(error, 'en', tEn)).toBe("You may not access another enterprise's data (request id: req-12345678)")
  })

  it('describes failures without a problem body by their status', () => {
    expect(describeError(new ApiError('http', 503, { requestId: 'abcdefgh' }), 'zh-CN', tZh)).toBe(
      '服务暂时不可用，请稍后重试（请求编号：abcdefgh）',
    )
    expect(describeError(new ApiError('http', 401), 'en', tEn)).toBe('Not signed in, or the sign-in has expired')
    expect(describeError(new ApiError('http', 418), 'en', tEn)).toBe('The request failed (HTTP 418)')
    expect(describeError(new ApiError('network', 0), 'zh-CN', tZh)).toBe('无法连接服务器，请检查网络后重试')
    expect(describeError(new ApiError('timeout', 0), 'en', tEn)).toBe('The request timed out. Please try again later.')
    expect(describeError(new ApiError('unreadable', 200), 'en', tEn)).toBe('The server sent a response that cannot be read (HTTP 200)')
    expect(describeError(new TypeError('boom'), 'en', tEn)).toBe('The server cannot be reached. Check the network and try again.')
  })

  it('maps statuses to messages', () => {
    expect(statusMessageKey(403)).toBe('error.forbidden')
    expect(statusMessageKey(429)).toBe('error.tooManyRequests')
    expect(statusMessageKey(500)).toBe('error.server')
    expect(statusMessageKey(504)).toBe('error.unavailable')
    expect(statusMessageKey(400)).toBe('error.generic')
  })
})
