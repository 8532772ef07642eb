import { expect, test, type Page } from '@playwright/test'
import { BASE_URL, screenshot, signIn } from './support'


/** The simulators are not behind the gateway (never on the production path): the test calls them directly. */
const SIMULATORS_URL = process.env.HNSW_SIMULATORS_URL ?? 'http://localhost:8090'
/**
 * The One Map end to end: the AIS feeder simulator replays Qiongzhou Strait traffic, ships move on the big screen, a
 * simulated ship sails into a restricted area drawn as data, the alert pops up on the screen, and a maritime officer
 * acknowledges, handles and closes it.
 */

/** The bearer token the app sends, taken from its own API calls. */
async function tokenOf(page: Page): Promise<string> {
  const request = await page.waitForRequest((r) => r.url().includes('/api/') && !!r.headers()['authorization'], {
    timeout: 30_000,
  })
  return request.headers()['authorization']
}

test('ships move on the big screen and an officer handles the restricted-area alert', async ({ browser }, testInfo) => {
  test.setTimeout(300_000)

  // An operator starts the simulated traffic (the simulators' operator API).
  const operatorContext = await browser.newContext()
  const operatorPage = await operatorContext.newPage()
  const operatorToken = tokenOf(operatorPage)
  await signIn(operatorPage, 'sw-operator', '/operator/operation-logs')
  const operator = await operatorToken
  const traffic = await operatorPage.request.post(`${SIMULATORS_URL}/api/simulators/v1/port/traffic`, {
    headers: { Authorization: operator },
  })
  expect(traffic.ok()).toBeTruthy()

  // The maritime officer draws a restricted area west of Xinhai and opens the big screen.
  const page = await browser.newPage()
  const officerToken = tokenOf(page)
  await signIn(page, 'maritime-officer', '/officer/alerts')
  const officer = await officerToken
  const code = `E2E-NOGO-${Date.now()}`
  const lat = 20.16
  const lon = 110.05
  const area = await page.request.post(`${BASE_URL}/api/port-situation/v1/ais/watch-areas`, {
    headers: { Authorization: officer },
    data: {
      code,
      nameZh: '新海港西侧禁航区',
      nameEn: 'No-go area west of Xinhai',
      kind: 'RESTRICTED',
      portCode: 'XINHAI_PORT',
      polygon: [
        [lon - 0.01, lat - 0.01],
        [lon + 0.01, lat - 0.01],
        [lon + 0.01, lat + 0.01],
        [lon - 0.01, lat + 0.01],
      ],
      level: 'HIGH',
      active: true,
    },
  })
  expect(area.status()).toBe(201)
  // A drawn area is a draft; the AIS warnings watch it once it is confirmed.
  const confirmed = await page.request.post(
    `${BASE_URL}/api/port-situation/v1/ais/watch-areas/${(await area.json()).id}/confirmation`,
    { headers: { Authorization: officer } },
  )
  expect(confirmed.ok()).toBeTruthy()

  await page.goto('/big-screen')
  await expect(page.getByTestId('big-screen')).toBeVisible()
  await expect(page.getByTestId('situation-map').locator('canvas').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('live-state')).toHaveText('实时连接', { timeout: 30_000 })
  await expect.poll(async () => Number(await page.getByTestId('kpi-vessels').locator('.value').textContent()), {
    timeout: 60_000,
  }).toBeGreaterThan(0)

  // A ship is sent into the area; it shows in the latest positions and moves.
  const intrusion = await operatorPage.request.post(`${SIMULATORS_URL}/api/simulators/v1/port/ais/intrusions`, {
    headers: { Authorization: operator },
    data: { latitude: lat, longitude: lon },
  })
  expect(intrusion.ok()).toBeTruthy()
  const { mmsi } = (await intrusion.json()) as { mmsi: number }
  const row = page.getByTestId(`vessel-${mmsi}`)
  await expect(row).toBeVisible({ timeout: 60_000 })
  const first = await row.locator('.pos').textContent()
  await expect.poll(async () => row.locator('.pos').textContent(), { timeout: 30_000 }).not.toBe(first)
  await screenshot(page, testInfo, 'port-situation-big-screen')

  // The alert pops up on the big screen.
  // The popup names the area by its Chinese name (the code is for the API); this run's platform has only this area.
  const popup = page.locator('[data-testid^="alert-popup-"]').filter({ hasText: '新海港西侧禁航区' }).first()
  await expect(popup).toBeVisible({ timeout: 120_000 })
  await expect(popup).toContainText('驶入禁航/限制水域')
  await screenshot(page, testInfo, 'port-situation-alert-popup')
  await popup.getByTestId('alert-popup-view').click()

  // The officer handles it: acknowledge → handle with a record → close.
  await expect(page.getByTestId('alert-drawer')).toBeVisible()
  const status = page.getByTestId('alert-status')
  await page.getByTestId('alert-acknowledge').click()
  await expect(status).toHaveText('已确认')
  await page.getByTestId('alert-action').fill('派员核查')
  await page.getByTestId('alert-record').fill('海巡艇到场，责令该船驶离禁航区，已登记船名和 MMSI')
  await page.getByTestId('alert-handle').click()
  await expect(status).toHaveText('已处置')
  await page.getByTestId('alert-remark').fill('已驶离')
  await page.getByTestId('alert-close').click()
  await expect(status).toHaveText('已关闭')
  // the handling feedback is shown in order: acknowledged, handled with its record, closed with its remark
  const feedback = page.getByTestId('alert-feedback')
  await expect(feedback).toContainText('派员核查：海巡艇到场')
  await expect(feedback).toContainText('已驶离')
  await screenshot(page, testInfo, 'port-situation-alert-closed')
  await operatorContext.close()
})
