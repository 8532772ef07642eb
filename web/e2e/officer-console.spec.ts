import { expect, test } from '@playwright/test'
import { menuArea, screenshot, signIn } from './support'

test('(a) a customs officer signs in through Keycloak and sees the officer console menu', async ({ page }, testInfo) => {
  await signIn(page, 'customs-officer')

  // `/` sends an officer to the officer home
  await expect(page).toHaveURL(/\/officer$/)
  await expect(page.getByTestId('home-officer')).toBeVisible()

  const officer = menuArea(page, 'officer')
  await expect(officer).toBeVisible()
  await expect(officer).toContainText('监管工作台')
  await expect(officer).toContainText('通关审核')
  await expect(officer).toContainText('布控指令')
  await expect(officer).toContainText('预警处置')
  // no portal of other kinds of user, and no entries of other officers' roles
  await expect(menuArea(page, 'enterprise')).toHaveCount(0)
  await expect(menuArea(page, 'operator')).toHaveCount(0)
  await expect(page.getByTestId('menu-item-officer.deposits')).toHaveCount(0)

  // the home page shows who the token says the user is
  await expect(page.getByTestId('profile-username')).toHaveText('customs-officer')
  await expect(page.getByTestId('profile-roles')).toContainText('海关关员')
  await expect(page.getByTestId('profile-organizations')).toContainText('/customs/')
  await screenshot(page, testInfo, 'a-officer-console')

  // a feature of a later release says so plainly
  await page.getByTestId('menu-item-officer.customs-review').click()
  await expect(page).toHaveURL(/\/officer\/customs-review$/)
  await expect(page.getByTestId('coming-soon')).toContainText('功能建设中')
  await expect(page.getByTestId('coming-soon')).toContainText('Coming in a later release')
  await screenshot(page, testInfo, 'a-officer-coming-soon')
})
