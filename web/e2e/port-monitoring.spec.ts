import { expect, test, type Page } from '@playwright/test'
import { BASE_URL, screenshot, signIn } from './support'

/** The simulators are not behind the gateway (never on the production path): the test calls them directly. */
const SIMULATORS_URL = process.env.HNSW_SIMULATORS_URL ?? 'http://localhost:8090'

/**
 * 设施与货物监测 (issue 7) against the whole platform, on data that the named simulators publish — the facility
 * platform, the container terminal and the document flow (through the simulators' outbox and Kafka): a gate at
 * Yangpu reports a fault and the facility summary shows it, a simulated container's trajectory plays back, and the
 * match degree of documents and logistics is shown per port with its unmatched containers.
 */

/** The bearer token the app sends, taken from its own API calls. */
async function tokenOf(page: Page): Promise<string> {
  const request = await page.waitForRequest((r) => r.url().includes('/api/') && !!r.headers()['authorization'], {
    timeout: 30_000,
  })
  return request.headers()['authorization']
}

test('facilities, a container trajectory and the match degree come from the port feed simulators', async ({ browser }, testInfo) => {
  test.setTimeout(300_000)

  // An operator starts the feeds (on the local stack they already run) and faults a gate at Yangpu.
  const operatorContext = await browser.newContext()
  const operatorPage = await operatorContext.newPage()
  const operatorToken = tokenOf(operatorPage)
  await signIn(operatorPage, 'sw-operator', '/operator/operation-logs')
  const operator = await operatorToken
  const feeds = await operatorPage.request.post(`${SIMULATORS_URL}/api/simulators/v1/port/feeds`, {
    headers: { Authorization: operator },
  })
  expect(feeds.ok()).toBeTruthy()
  const gate = 'YANGPU_PORT-GATE-01'
  const fault = await operatorPage.request.post(`${SIMULATORS_URL}/api/simulators/v1/port/facilities/${gate}/fault`, {
    headers: { Authorization: operator },
    data: { reason: '道闸卡滞 / barrier stuck' },
  })
  expect(fault.ok()).toBeTruthy()

  try {
    const page = await browser.newPage()
    const officerToken = tokenOf(page)
    await signIn(page, 'maritime-officer', '/officer/port-monitoring')
    const officer = await officerToken
    const summary = page.getByTestId('facility-summary')
    // the summary is read when the page opens: reload until the fault has travelled through Kafka
    await expect(async () => {
      await page.reload()
      const yangpuGates = summary.locator('tr', { hasText: 'YANGPU_PORT' }).filter({ hasText: '卡口' })
      await expect(yangpuGates).toHaveCount(1, { timeout: 2_000 })
      const faultCell = yangpuGates.locator('td').nth(4)
      expect(Number(await faultCell.innerText())).toBeGreaterThanOrEqual(1)
    }).toPass({ timeout: 90_000, intervals: [2_000, 5_000] })
    await expect(summary.locator('tr', { hasText: 'YANGPU_PORT' }).filter({ hasText: '堆场' })).toHaveCount(1)
    await screenshot(page, testInfo, 'a-facility-summary')

    // a container the terminal simulator moves at Yangpu: its trajectory plays back
    let containerNo = ''
    await expect(async () => {
      const site = await page.request.get(`${BASE_URL}/api/port-situation/v1/containers?portCode=YANGPU_PORT`, {
        headers: { Authorization: officer },
      })
      expect(site.ok()).toBeTruthy()
      const body = await site.json()
      expect(body.containers.length).toBeGreaterThan(0)
      containerNo = body.containers[0].containerNo
    }).toPass({ timeout: 90_000, intervals: [2_000, 5_000] })
    await page.getByRole('tab', { name: '集装箱位置追踪' }).click()
    await page.locator('input[data-testid="container-no"], [data-testid="container-no"] input').first().fill(containerNo)
    await page.getByRole('button', { name: '查询' }).click()
    await expect(page.getByTestId('container-track')).toBeVisible()
    await expect(page.getByTestId('container-track')).toContainText('YANGPU_PORT')
    await screenshot(page, testInfo, 'b-container-track')

    // documents against logistics, per port, with the unmatched containers of a port
    await page.getByRole('tab', { name: '单证流与物流匹配度' }).click()
    const matches = page.getByTestId('match-degree')
    const yangpu = matches.locator('tr', { hasText: '洋浦港' })
    await expect(yangpu).toHaveCount(1)
    await expect(yangpu).toContainText('%')
    await yangpu.click()
    await expect(page.getByRole('heading', { name: /洋浦港|YANGPU_PORT/ })).toBeVisible()
    await screenshot(page, testInfo, 'c-match-degree')
  } finally {
    await operatorPage.request.post(`${SIMULATORS_URL}/api/simulators/v1/port/facilities/${gate}/repair`, {
      headers: { Authorization: operator },
    })
  }
})

test('a traveler is refused the monitoring screen', async ({ page }) => {
  await signIn(page, 'traveler')
  await page.goto('/officer/port-monitoring')
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(page.getByTestId('port-monitoring')).toHaveCount(0)
})
