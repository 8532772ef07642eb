import { ApiError, parseProblem } from './problem'
import { newRequestId } from './requestId'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue | readonly QueryValue[]>

export interface RequestOptions {
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** Send the bearer token (default). Public endpoints such as `/status` pass `false`. */
  auth?: boolean
  signal?: AbortSignal
}

export interface ApiClientOptions {
  /** Base of every path, e.g. `/api` or `https://sw.example.gov.cn/api`. */
  baseUrl: () => string
  /** The current access token, renewed if need be; `undefined` when signed out. */
  token: () => Promise<string | undefined>
  /** Called once after a 401 to renew the token; `true` when the call may be retried. */
  renew?: () => Promise<boolean>
  /** The UI language, sent as `Accept-Language` so that `detail` comes in it too. */
  locale: () => string
  fetchImpl?: typeof fetch
  timeoutMs?: number
  requestId?: () => string
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, options?: RequestOptions): Promise<T>
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>
  delete<T>(path: string, options?: RequestOptions): Promise<T>
}

/** Joins base, path and query; empty query values are left out, arrays repeat the parameter. */
export function buildUrl(base: string, path: string, query?: Query): string {
  const joined = base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`)
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue
      params.append(key, String(v))
    }
  }
  const search = params.toString()
  return search ? `${joined}?${search}` : joined
}

function isJson(contentType: string | null): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType)
}

/**
 * The one API client of the app: bearer token, a fresh `X-Request-Id` per call, the UI language, a timeout, and every
 * failure turned into an `ApiError` that carries the service's problem detail.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const timeoutMs = options.timeoutMs ?? 30_000
  const requestIdOf = options.requestId ?? newRequestId

  async function send<T>(method: string, path: string, opts: RequestOptions, retried: boolean): Promise<T> {
    const requestId = requestIdOf()
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': options.locale(),
      'X-Request-Id': requestId,
      ...opts.headers,
    }
    const useAuth = opts.auth !== false
    const token = useAuth ? await options.token() : undefined
    if (token) headers.Authorization = `Bearer ${token}`
    let body: BodyInit | undefined
    if (opts.body !== undefined) {
      if (opts.body instanceof FormData || opts.body instanceof Blob) {
        body = opts.body
      } else {
        headers['Content-Type'] = 'application/json'
        body = JSON.stringify(opts.body)
      }
    }

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort()
    opts.signal?.addEventListener('abort', onAbort)

    let response: Response
    try {
      response = await fetchImpl(buildUrl(options.baseUrl(), path, opts.query), {
        method,
        headers,
        body,
        signal: controller.signal,
        credentials: 'same-origin',
      })
    } catch (cause) {
      if (opts.signal?.aborted) throw cause
      throw new ApiError(timedOut ? 'timeout' : 'network', 0, { requestId, cause })
    } finally {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
    }

    const answeredId = response.headers.get('X-Request-Id') ?? requestId
    const contentType = response.headers.get('Content-Type')

    if (!response.ok) {
      if (response.status === 401 && token && !retried && options.renew && (await options.renew())) {
        return send<T>(method, path, opts, true)
      }
      let problem = undefined
      if (isJson(contentType)) {
        try {
          problem = parseProblem(await response.json())
        } catch {
          problem = undefined
        }
      }
      throw new ApiError(problem ? 'problem' : 'http', response.status, { problem, requestId: answeredId })
    }

    if (response.status === 204 || response.status === 205) {
      return undefined as T
    }
    if (isJson(contentType)) {
      try {
        return (await response.json()) as T
      } catch (cause) {
        throw new ApiError('unreadable', response.status, { requestId: answeredId, cause })
      }
    }
    const text = await response.text()
    if (text === '') return undefined as T
    // A 200 text/html where JSON was expected is the SPA fallback: the API is not behind this address.
    throw new ApiError('unreadable', response.status, { requestId: answeredId })
  }

  return {
    request: (method, path, opts = {}) => send(method, path, opts, false),
    get: (path, opts = {}) => send('GET', path, opts, false),
    post: (path, body, opts = {}) => send('POST', path, { ...opts, body }, false),
    put: (path, body, opts = {}) => send('PUT', path, { ...opts, body }, false),
    patch: (path, body, opts = {}) => send('PATCH', path, { ...opts, body }, false),
    delete: (path, opts = {}) => send('DELETE', path, opts, false),
  }
}
