import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_CONFIG, loadConfig, mergeConfig } from './runtimeConfig'
import shipped from '../../public/config.json'

describe('runtime config', () => {
  it('defaults to the local stack', () => {
    expect(mergeConfig(undefined)).toEqual({
      authority: 'http://localhost:8180/realms/hnsw',
      clientId: 'hnsw-web',
      apiBase: '/api',
      scope: 'openid profile email',
      monitorSession: false,
    })
  })

  it('ships a public/config.json that says the same as the defaults, for deployments to edit', () => {
    expect(mergeConfig(shipped)).toEqual(mergeConfig(undefined))
    expect(Object.keys(shipped).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort())
  })

  it('takes what the file says over the defaults and ignores wrong types', () => {
    const merged = mergeConfig({
      authority: 'https://sso.hnsw.gov.cn/realms/hnsw/',
      clientId: 42,
      apiBase: 'https://sw.hnsw.gov.cn/api/',
      monitorSession: true,
      unknown: 'ignored',
    })
    expect(merged).toEqual({
      ...DEFAULT_CONFIG,
      authority: 'https://sso.hnsw.gov.cn/realms/hnsw',
      apiBase: 'https://sw.hnsw.gov.cn/api',
      monitorSession: true,
    })
  })

  it('reads /config.json without the HTTP cache', async () => {
    const fetchImpl = vi.fn<typeof fetch>(
      async () => new Response(JSON.stringify({ clientId: 'hnsw-web-test' }), { headers: { 'Content-Type': 'application/json' } }),
    )
    const loaded = await loadConfig('/config.json', fetchImpl)
    expect(loaded.clientId).toBe('hnsw-web-test')
    expect(loaded.authority).toBe(DEFAULT_CONFIG.authority)
    expect(fetchImpl).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }))
  })

  it('falls back to the defaults when the file is missing, HTML, broken or unreachable', async () => {
    const answers: Array<() => Promise<Response>> = [
      async () => new Response('not found', { status: 404 }),
      // the gateway's SPA fallback answers unknown paths with index.html
      async () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      async () => new Response('{broken', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      async () => {
        throw new TypeError('Failed to fetch')
      },
    ]
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const answer of answers) {
      expect(await loadConfig('/config.json', vi.fn(answer) as unknown as typeof fetch)).toEqual(mergeConfig(undefined))
    }
    expect(warn).toHaveBeenCalled()
  })
})
