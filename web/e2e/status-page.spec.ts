import { expect, test } from '@playwright/test'
import { REALM_URL, screenshot } from './support'

test('(d) the public status page renders without login', async ({ page }, testInfo) => {
  const statusCall = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/status', { timeout: 30_000 })
  await page.goto('/status')
  const response = await statusCall

  // no detour through Keycloak
  expect(page.url()).not.toContain(REALM_URL)
  await expect(page).toHaveURL(/\/status$/)
  await expect(page.getByTestId('status-title')).toHaveText('平台运行状态')
  await expect(page.getByTestId('side-menu')).toHaveCount(0)

  const answered = response.ok() && (response.headers()['content-type'] ?? '').includes('json')
  if (answered) {
    // the gateway answered: every service is listed with its status, Chinese name first
    const body = (await response.json()) as { services: { nameZh: string }[]; partners: unknown[] }
    await expect(page.getByTestId('status-overall')).toBeVisible()
    const services = page.getByTestId('status-services')
    await expect(services).toBeVisible()
    await expect(services.locator('tbody tr')).toHaveCount(body.services.length)
    if (body.services[0]) await expect(services).toContainText(body.services[0].nameZh)
    await expect(page.getByTestId('status-partners')).toBeVisible()
  } else {
    // no gateway behind this address: the page still renders and says the status cannot be read
    await expect(page.getByTestId('status-error')).toBeVisible()
  }
  await screenshot(page, testInfo, 'd-status-page')
})
