import { expect, test, type Locator, type Page } from '@playwright/test'
import { menuArea, screenshot, signIn } from './support'

/**
 * 旅客通关系统管理 (issue 4, FP 81–98) against the whole platform: an operator creates an account in the real Keycloak
 * with a role, finds it, sees the change in the operation log and the sign-ins in the login log, and deletes the
 * account again; a traveler gets neither the menu nor the page.
 */

/** Element Plus puts a test id given to el-input on the inner input itself. */
function field(scope: Page | Locator, id: string): Locator {
  return scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()
}

test('(a) an operator creates an account with a role, finds it in the directory and the logs, and deletes it', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  await signIn(page, 'sw-operator')
  await menuArea(page, 'operator').click()
  await page.getByTestId('menu-item-operator.passenger-admin').click()
  const users = page.getByTestId('admin-users')
  await expect(users).toContainText('traveler', { timeout: 30_000 })

  const username = `e2e-officer-${Date.now()}`
  await page.getByTestId('admin-user-new').click()
  const form = page.getByTestId('admin-user-form')
  await field(form, 'admin-user-username').fill(username)
  await field(form, 'admin-user-name').fill('测试关员')
  await field(form, 'admin-user-email').fill(`${username}@example.cn`)
  await field(form, 'admin-user-password').fill('Hnsw@2026-e2e')
  await form.getByTestId('admin-user-roles').click()
  await page.getByRole('option', { name: '海关关员' }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('admin-user-save').click()
  await expect(page.getByText('已保存').first()).toBeVisible()

  await field(page, 'admin-user-search').fill(username)
  await page.getByTestId('admin-user-find').click()
  const row = users.locator('tr', { hasText: username })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('测试关员')
  await expect(row).toContainText('海关关员')
  await screenshot(page, testInfo, 'a-admin-user-created')

  // every change is in the operation log (common-lib's audit chain)
  await page.getByRole('tab', { name: '系统操作日志' }).click()
  await page.getByTestId('admin-operation-find').click()
  await expect(page.getByTestId('admin-operation-log')).toContainText('/admin/users')

  // the operator's own sign-in arrives from Keycloak's events
  await page.getByRole('tab', { name: '用户登录日志' }).click()
  await page.getByTestId('admin-login-pull').click()
  await expect(page.getByTestId('admin-login-log')).toContainText('sw-operator', { timeout: 30_000 })
  await screenshot(page, testInfo, 'a-admin-login-log')

  await page.getByRole('tab', { name: '用户管理' }).click()
  await row.getByRole('button', { name: '删除' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
  await expect(page.getByText('已删除').first()).toBeVisible()
  await page.getByTestId('admin-user-find').click()
  await expect(users.locator('tr', { hasText: username })).toHaveCount(0)
})

test('(b) a traveler gets neither the administration menu nor its page', async ({ page }, testInfo) => {
  await signIn(page, 'traveler')
  await expect(page.getByTestId('menu-item-operator.passenger-admin')).toHaveCount(0)
  await expect(menuArea(page, 'operator')).toHaveCount(0)
  await page.goto('/operator/passenger-admin')
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(page.getByTestId('admin-users')).toHaveCount(0)
  await screenshot(page, testInfo, 'b-admin-forbidden-traveler')
})
