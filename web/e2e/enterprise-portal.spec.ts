import { expect, test } from '@playwright/test'
import { menuArea, screenshot, signIn } from './support'

test('(b) a declarant sees the enterprise menu and not the officer console', async ({ page }, testInfo) => {
  await signIn(page, 'declarant')

  await expect(page).toHaveURL(/\/enterprise$/)
  await expect(page.getByTestId('home-enterprise')).toBeVisible()

  const enterprise = menuArea(page, 'enterprise')
  await expect(enterprise).toBeVisible()
  await expect(enterprise).toContainText('企业服务')
  await expect(enterprise).toContainText('专用账册')
  await expect(enterprise).toContainText('加工增值试点申请')
  // the operation log is for enterprise administrators, the console for officers
  await expect(page.getByTestId('menu-item-enterprise.operation-logs')).toHaveCount(0)
  await expect(menuArea(page, 'officer')).toHaveCount(0)
  await expect(page.getByText('监管工作台')).toHaveCount(0)

  // the enterprise from the token: a unified social credit code of 18 characters
  await expect(page.getByTestId('profile-roles')).toContainText('企业申报人员')
  await expect(page.getByTestId('profile-uscc')).toHaveText(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
  await screenshot(page, testInfo, 'b-enterprise-portal')

  // typing the officer console's address does not open it either
  await page.goto('/officer')
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(menuArea(page, 'officer')).toHaveCount(0)
  await screenshot(page, testInfo, 'b-enterprise-forbidden-officer')
})
