import { expect, test } from '@playwright/test'
import { menuArea, screenshot, signIn } from './support'

test('(e) switching to English changes the menu labels, and the choice is kept', async ({ page }, testInfo) => {
  await signIn(page, 'customs-officer')
  const officer = menuArea(page, 'officer')
  await expect(officer).toContainText('监管工作台')

  await page.getByTestId('language-en').click()
  await expect(officer).toContainText('Officer console')
  await expect(officer).toContainText('Customs review')
  await expect(officer).toContainText('Alert handling')
  await expect(officer).not.toContainText('监管工作台')
  await expect(page.getByTestId('home-welcome')).toContainText('Welcome')
  await expect(page.getByTestId('profile-roles')).toContainText('Customs officer')
  await screenshot(page, testInfo, 'e-english-menu')

  await page.reload()
  await expect(menuArea(page, 'officer')).toContainText('Officer console')

  await page.getByTestId('language-zh-CN').click()
  await expect(menuArea(page, 'officer')).toContainText('监管工作台')
})
