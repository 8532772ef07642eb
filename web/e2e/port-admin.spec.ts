import { expect, test, type Locator, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * 口岸系统管理 (issue 7, FP 606–644) against the whole platform: an operator adds a port role with its permissions,
 * finds it and deletes it, disables and enables a menu, and opens an operation-log entry; a customs officer is refused
 * the page.
 */

/** Element Plus puts a test id given to el-input on the inner input; on other controls it stays on the wrapper. */
function control(scope: Page | Locator, id: string): Locator {
  return scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()
}

test('(a) an operator keeps roles and menus and reads the operation log', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await signIn(page, 'sw-operator', '/operator/port-admin')
  await expect(page.getByTestId('port-admin')).toBeVisible()
  const rows = page.getByTestId('base-data-rows')
  await expect(rows).toContainText('HN_COMMAND')

  await page.getByRole('tab', { name: '口岸角色' }).click()
  await expect(rows).toContainText('DUTY_OFFICER')
  const code = `E2E-ROLE-${Date.now() % 1_000_000}`
  await page.getByTestId('base-data-new').click()
  const dialog = page.locator('.el-dialog').filter({ has: page.getByTestId('base-data-save') })
  await control(dialog, 'base-data-field-code').fill(code)
  await control(dialog, 'base-data-field-nameZh').fill('夜班监测员')
  await control(dialog, 'base-data-field-permissions').fill('PORT_MONITORING, PORT_ALERTS')
  await page.getByTestId('base-data-save').click()
  await expect(page.getByText('已保存').first()).toBeVisible()
  await page.getByPlaceholder('编号或名称').fill(code)
  await page.getByRole('button', { name: '查询' }).click()
  const row = rows.locator('tr', { hasText: code })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('PORT_ALERTS, PORT_MONITORING')
  await row.getByRole('button', { name: '删除' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
  await expect(rows.locator('tr', { hasText: code })).toHaveCount(0)

  await page.getByRole('tab', { name: '菜单管理' }).click()
  const subscriptions = rows.locator('tr', { hasText: 'SUBSCRIPTIONS' })
  await expect(subscriptions).toContainText('是')
  await subscriptions.getByRole('button', { name: '禁用' }).click()
  await expect(subscriptions).toContainText('否')
  await subscriptions.getByRole('button', { name: '启用' }).click()
  await expect(subscriptions).toContainText('是')

  await page.getByRole('tab', { name: '操作日志' }).click()
  await expect(rows).toContainText('port-roles')
  await rows.getByTestId('base-data-view').first().click()
  await expect(page.getByTestId('base-data-details')).toContainText('sw-operator')
  await screenshot(page, testInfo, 'a-operation-log-entry')
})

test('(b) a customs officer is refused the administration page', async ({ page }) => {
  await signIn(page, 'customs-officer')
  await page.goto('/operator/port-admin')
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(page.getByTestId('port-admin')).toHaveCount(0)
})
