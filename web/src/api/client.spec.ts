import { describe, expect, it, vi } from 'vitest'
import { buildUrl, createApiClient, type ApiClientOptions } from './client'
import { ApiError } from './problem'
import { newRequestId, REQUEST_ID_PATTERN } from './requestId'

function json(body: unknown, status = 200, contentType = 'application/json', headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } })
}

function client(fetchImpl: typeof fetch, overrides: Partial<ApiClientOptions> = {}) {
  return createApiClient({
    baseUrl: () => '/api',
    token: async () => 'token-1',
    locale: () => 'zh-CN',
    fetchImpl,
    requestId: () => 'web-request-0001',
    ...overrides,
  })
}

describe('api client', () => {
  it('sends the bearer token, a request id and the UI language', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json({ ok: true }))
    const result = await client(fetchImpl).get<{ ok: boolean }>('/customs/v1/declarations', { query: { page: 0, size: 20 } })
    expect(result).toEqual({ ok: true })
    const [url, init] = fetchImpl.mock.calls[0]!
    expect(url).toBe('/api/customs/v1/declarations?page=0&size=20')
    const headers = init?.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer token-1')
    expect(headers['X-Request-Id']).toBe('web-request-0001')
    expect(headers['Accept-Language']).toBe('zh-CN')
    expect(headers.Accept).toContain('application/problem+json')
  })

  it('sends no token to public endpoints', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json({}))
    await client(fetchImpl).get('/status', { auth: false })
    expect((fetchImpl.mock.calls[0]![1]?.headers as Record<string, string>).Authorization).toBeUndefined()
  })

  it('sends JSON bodies', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }))
    const result = await client(fetchImpl).post('/passenger/v1/declarations', { port: 'XINHAI_PORT' })
    expect(result).toBeUndefined()
    const init = fetchImpl.mock.calls[0]![1]!
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"port":"XINHAI_PORT"}')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () =>
      json(
        { status: 409, code: 'DECLARATION_NOT_EDITABLE', messageZh: '申报单已提交，不能修改', messageEn: 'The declaration was submitted and cannot be changed', requestId: 'srv-req-0001' },
        409,
        'application/problem+json',
      ),
    )
    const error = await client(fetchImpl).put('/passenger/v1/declarations/1', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'problem', status: 409, code: 'DECLARATION_NOT_EDITABLE', requestId: 'srv-req-0001' })
  })

  it('keeps the request id the server answered when the body is not a problem', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('Bad gateway', { status: 502, headers: { 'X-Request-Id': 'gw-req-0001' } }))
    const error = await client(fetchImpl).get('/ledger/v1/ledgers').catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'http', status: 502, requestId: 'gw-req-0001' })
  })

  it('reports a network failure with the request id it sent', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch')
    })
    const error = await client(fetchImpl).get('/status').catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network', status: 0, requestId: 'web-request-0001' })
  })

  it('reports an HTML page where JSON was expected (the SPA fallback) as unreadable', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }))
    const error = await client(fetchImpl).get('/status').catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'unreadable', status: 200 })
  })

  it('renews the token once after a 401 and retries', async () => {
    let token = 'old'
    const fetchImpl = vi.fn<typeof fetch>(async (_url, init) =>
      (init?.headers as Record<string, string>).Authorization === 'Bearer new'
        ? json({ ok: true })
        : json({ status: 401, code: 'UNAUTHENTICATED' }, 401, 'application/problem+json'),
    )
    const renew = vi.fn(async () => {
      token = 'new'
      return true
    })
    const result = await client(fetchImpl, { token: async () => token, renew }).get('/customs/v1/x')
    expect(result).toEqual({ ok: true })
    expect(renew).toHaveBeenCalledTimes(1)
    expect(fetchImpl).toHaveBeenCalledTimes(2)
  })

  it('gives up after one renew', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json({ status: 401, code: 'UNAUTHENTICATED' }, 401, 'application/problem+json'))
    const renew = vi.fn(async () => true)
    const error = await client(fetchImpl, { renew }).get('/customs/v1/x').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(fetchImpl).toHaveBeenCalledTimes(2)
  })

  it('times out', async () => {
    const fetchImpl = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        }),
    )
    const error = await client(fetchImpl, { timeoutMs: 10 }).get('/slow').catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'timeout' })
  })
})

describe('urls and request ids', () => {
  it('joins base, path and query, leaving out empty values', () => {
    expect(buildUrl('/api/', 'status')).toBe('/api/status')
    expect(buildUrl('/api', '/x', { a: '', b: undefined, c: null, d: 'v w', e: false, f: 0 })).toBe('/api/x?d=v+w&e=false&f=0')
    expect(buildUrl('/api', '/x', { port: ['MEILAN_AIRPORT', 'XINHAI_PORT'] })).toBe('/api/x?port=MEILAN_AIRPORT&port=XINHAI_PORT')
  })

  it('makes request ids the services accept, with or without randomUUID', () => {
    const ids = new Set<string>()
    for (let i = 0; i < 50; i++) ids.add(newRequestId())
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(REQUEST_ID_PATTERN)
    const noUuid = { getRandomValues: (a: Uint8Array) => a.fill(7) } as unknown as Crypto
    expect(newRequestId(noUuid)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newRequestId(undefined)).toMatch(REQUEST_ID_PATTERN)
  })
})
