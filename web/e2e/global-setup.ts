import { BASE_URL, REALM_URL } from './support'

/** Fails fast, and says what to start, when the app or Keycloak is not there. */
export default async function globalSetup(): Promise<void> {
  const checks: Array<[string, string, string]> = [
    [
      'the web app',
      BASE_URL,
      'Start the platform (./hnsw run) or serve web/dist, e.g. `npm run build && npm run preview`, or set HNSW_BASE_URL.',
    ],
    [
      'Keycloak realm hnsw',
      `${REALM_URL}/.well-known/openid-configuration`,
      'Start Keycloak with deploy/keycloak/hnsw-realm.json imported, or set HNSW_KEYCLOAK_URL.',
    ],
  ]
  for (const [what, url, hint] of checks) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
    } catch (error) {
      throw new Error(`E2E: ${what} is not reachable at ${url} (${String(error)}). ${hint}`)
    }
  }
}
