import { expect, test, type Locator, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * 基础信息维护 (issue 7, FP 502–529) against the whole platform: an operator adds a port area, finds it as a draft,
 * confirms it and deletes it; a traveler is refused the page.
 */

/** Element Plus puts a test id given to el-input on the inner input; on other controls it stays on the wrapper. */
function control(scope: Page | Locator, id: string): Locator {
  return scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()
}

test('(a) an operator adds a port area, confirms it and deletes it', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await signIn(page, 'sw-operator', '/operator/base-data')
  const rows = page.getByTestId('base-data-rows')
  await expect(rows).toContainText('XINHAI_PORT')

  const code = `E2E-${Date.now() % 1_000_000}`
  await page.getByTestId('base-data-new').click()
  const dialog = page.locator('.el-dialog').filter({ has: page.getByTestId('base-data-save') })
  await control(dialog, 'base-data-field-code').fill(code)
  await control(dialog, 'base-data-field-nameZh').fill('测试港区')
  await dialog.getByTestId('base-data-field-portCode').click()
  await page.getByRole('option', { name: 'XIUYING_PORT', exact: true }).click()
  await control(dialog, 'base-data-field-latitude').fill('20.03')
  await control(dialog, 'base-data-field-longitude').fill('110.28')
  await page.getByTestId('base-data-save').click()
  await expect(page.getByText('已保存').first()).toBeVisible()

  await page.getByPlaceholder('编号或名称').fill(code)
  await page.getByRole('button', { name: '查询' }).click()
  const row = rows.locator('tr', { hasText: code })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('测试港区')
  await expect(row).toContainText('待确认')

  await row.getByRole('button', { name: '确认' }).click()
  await expect(row).toContainText('已确认')
  await screenshot(page, testInfo, 'a-port-area-confirmed')

  await row.getByRole('button', { name: '删除' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
  await expect(rows.locator('tr', { hasText: code })).toHaveCount(0)
})

test('(b) a traveler is refused the base-data page', async ({ page }) => {
  await signIn(page, 'traveler')
  await page.goto('/operator/base-data')
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(page.getByTestId('base-data')).toHaveCount(0)
})

test('(c) an operator opens a video platform: streams, transcoding status and recordings from the platform', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await signIn(page, 'sw-operator', '/operator/base-data')
  const rows = page.getByTestId('base-data-rows')
  await page.getByRole('tab', { name: '联网平台' }).click()
  const code = `E2E-VP-${Date.now() % 1_000_000}`
  await page.getByTestId('base-data-new').click()
  const dialog = page.locator('.el-dialog').filter({ has: page.getByTestId('base-data-save') })
  await control(dialog, 'base-data-field-code').fill(code)
  await control(dialog, 'base-data-field-nameZh').fill('秀英港视频联网平台')
  await dialog.getByTestId('base-data-field-protocol').click()
  await page.getByRole('option', { name: 'RTSP', exact: true }).click()
  await control(dialog, 'base-data-field-host').fill('10.46.20.8')
  await control(dialog, 'base-data-field-port').fill('554')
  await page.getByTestId('base-data-save').click()
  await expect(page.getByText('已保存').first()).toBeVisible()
  await page.getByPlaceholder('编号或名称').fill(code)
  await page.getByRole('button', { name: '查询' }).click()
  const row = rows.locator('tr', { hasText: code })
  await expect(row).toHaveCount(1)

  await row.getByTestId('base-data-view').click()
  const panel = page.getByTestId('video-platform-panel')
  await expect(panel.getByTestId('video-platform-rows')).toContainText(`${code}-C01`)
  await expect(panel.getByTestId('video-platform-rows')).toContainText('MAIN')
  await panel.getByRole('tab', { name: '转码运行状态' }).click()
  await expect(panel.getByTestId('video-platform-rows')).toContainText('RUNNING')
  await panel.getByRole('tab', { name: '视频录像' }).click()
  await control(panel, 'video-recordings-device').fill(`${code}-C02`)
  await panel.getByRole('button', { name: '查询' }).click()
  await expect(panel.getByTestId('video-platform-rows')).toContainText(`REC-${code}-C02`)
  await panel.getByRole('button', { name: '播放' }).first().click()
  await expect(panel.getByTestId('video-recording-link')).toContainText('index.m3u8')
  await screenshot(page, testInfo, 'c-video-platform-recordings')
})
