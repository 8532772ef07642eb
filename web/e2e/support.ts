import { expect, type Page, type TestInfo } from '@playwright/test'

export const BASE_URL = process.env.HNSW_BASE_URL ?? 'http://localhost:8080'
export const KEYCLOAK_URL = (process.env.HNSW_KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/+$/, '')
export const REALM_URL = `${KEYCLOAK_URL}/realms/hnsw`
/** The demo accounts' password (deploy/keycloak/hnsw-realm.json). */
export const DEMO_PASSWORD = process.env.HNSW_DEMO_PASSWORD ?? 'Hnsw@2026'

/** Waits until the browser shows Keycloak's login form of realm `hnsw`. */
export async function expectKeycloakLoginForm(page: Page): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${REALM_URL}/`), { timeout: 30_000 })
  await expect(page.locator('#username')).toBeVisible()
  await expect(page.locator('#password')).toBeVisible()
}

/**
 * Signs in through the real Keycloak login form: open a protected page, get sent to Keycloak, type the demo user's
 * credentials, and come back through the authorization-code callback to the app.
 */
export async function signIn(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(path)
  await expectKeycloakLoginForm(page)
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.locator('#kc-login').click()
  await page.waitForURL((url) => url.href.startsWith(BASE_URL) && !url.pathname.startsWith('/auth/'), { timeout: 30_000 })
  await expect(page.getByTestId('side-menu')).toBeVisible()
}

/** A full-page screenshot under test-results/screenshots/, attached to the report too. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = `${testInfo.project.outputDir}/screenshots/${name}.png`
  const body = await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { body, contentType: 'image/png' })
}

export function menuArea(page: Page, area: string) {
  return page.getByTestId(`menu-area-${area}`)
}
