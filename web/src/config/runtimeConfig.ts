/**
 * Runtime configuration, read once at start-up from `/config.json` next to index.html, so that one build runs behind the
 * gateway (port 8080), on the Vite dev server (port 5173) and in any deployment that serves its own `config.json`.
 * Every field is optional; a missing file (or the gateway's SPA fallback answering with index.html) means the defaults
 * of the local stack.
 */
export interface RuntimeConfig {
  /** OpenID Connect issuer: the Keycloak realm. */
  authority: string
  /** Public client of the web app (authorization code + PKCE). */
  clientId: string
  /** Base of every API call: `/api` on the same origin by default (the gateway, or the dev server's proxy). */
  apiBase: string
  /** Scopes asked for at login. */
  scope: string
  /** Watch the Keycloak session in a hidden iframe, so that a logout in another app ends this one at once. */
  monitorSession: boolean
}

export const DEFAULT_CONFIG: Readonly<RuntimeConfig> = Object.freeze({
  authority: 'http://localhost:8180/realms/hnsw',
  clientId: 'hnsw-web',
  apiBase: '/api',
  scope: 'openid profile email',
  monitorSession: false,
})

/** Merges what the file says over the defaults, ignoring fields of the wrong type, and trims trailing slashes. */
export function mergeConfig(raw: unknown): RuntimeConfig {
  const merged: RuntimeConfig = { ...DEFAULT_CONFIG }
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const source = raw as Record<string, unknown>
    for (const key of ['authority', 'clientId', 'apiBase', 'scope'] as const) {
      const value = source[key]
      if (typeof value === 'string' && value.trim() !== '') {
        merged[key] = value.trim()
      }
    }
    if (typeof source.monitorSession === 'boolean') {
      merged.monitorSession = source.monitorSession
    }
  }
  merged.authority = stripTrailingSlash(merged.authority)
  merged.apiBase = stripTrailingSlash(merged.apiBase)
  return merged
}

function stripTrailingSlash(value: string): string {
  return value.length > 1 ? value.replace(/\/+$/, '') : value
}

/**
 * Fetches `/config.json` (never from the HTTP cache) and merges it over the defaults. Any failure (no file, HTML from
 * an SPA fallback, bad JSON, network error) falls back to the defaults with a console warning: the app must start.
 */
export async function loadConfig(
  url = '/config.json',
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  try {
    const response = await fetchImpl(url, { cache: 'no-store', headers: { Accept: 'application/json' } })
    const contentType = response.headers.get('content-type') ?? ''
    if (!response.ok || !contentType.includes('json')) {
      return mergeConfig(undefined)
    }
    return mergeConfig(await response.json())
  } catch (error) {
    console.warn('config.json could not be read; using the local-stack defaults', error)
    return mergeConfig(undefined)
  }
}

let current: RuntimeConfig = mergeConfig(undefined)

export function setConfig(config: RuntimeConfig): void {
  current = config
}

export function config(): RuntimeConfig {
  return current
}
