import { expect, test, type Locator, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * Passenger clearance against the whole platform: the traveler declares, the customs simulator assesses duty and
 * pushes its sealed receipt, the traveler pays through the Alipay simulator, downloads the certificate and opens the
 * public verification its QR code points to. And an officer's validation rule applies to the next declaration.
 */

/** Element Plus puts a test id given to el-input on the inner input (or textarea) itself. */
function field(scope: Page | Locator, id: string): Locator {
  return scope
    .locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`)
    .first()
}

async function declare(page: Page, name: string, value: string) {
  await page.getByTestId('menu-item-traveler.declarations').click()
  await page.getByTestId('declare').click()
  const form = page.getByTestId('declaration-form')
  await field(form, 'declaration-ticket').fill('HU7181')
  await field(form, 'declaration-name').fill('李明')
  await form.getByTestId('item-0-category').click()
  await page.getByRole('option', { name: '贵重物品' }).click()
  await field(form, 'item-0-name').fill(name)
  await field(form, 'item-0-quantity').fill('1')
  await field(form, 'item-0-unit').fill('件')
  await field(form, 'item-0-value').fill(value)
  await form.getByTestId('declaration-preview').click()
}

test('(a) a traveler declares, gets the customs receipt, pays online and verifies the certificate by its QR link', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  await signIn(page, 'traveler')
  await declare(page, '机械手表', '8800')
  await expect(page.getByTestId('preview-ok')).toBeVisible()
  await page.getByTestId('declaration-submit').click()
  await expect(page.getByTestId('declaration-form')).toBeHidden()

  // the customs simulator decides after its delay (sometimes after an inspection step): wait for the tax-due receipt
  const card = page.locator('[data-testid^="declaration-BD"]').first()
  await expect(async () => {
    await page.getByRole('button', { name: '刷新' }).click()
    await expect(card.getByTestId('declaration-status')).toHaveText('待缴税', { timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await screenshot(page, testInfo, 'a-declaration-tax-due')

  await page.getByTestId('menu-item-traveler.tax').click()
  await expect(page.getByTestId('tax-total')).toContainText('1760')
  await page.getByTestId('tax-confirm').click()
  await page.getByTestId('channel-ALIPAY').click()
  await page.getByTestId('agreement-preview').click()
  await expect(page.getByTestId('agreement-text')).toContainText('1760.00')
  await page.getByTestId('agreement-consent').click()
  await page.getByTestId('agreement-sign').click()
  await page.getByTestId('tax-pay').click()
  await expect(page.getByTestId('tax-status')).toHaveText('已缴', { timeout: 60_000 })
  await screenshot(page, testInfo, 'a-tax-paid')

  await page.getByTestId('menu-item-traveler.certificates').click()
  const certificate = page.locator('[data-testid^="certificate-WS"]').first()
  await expect(certificate.getByTestId('certificate-qr')).toBeVisible()
  const certificateNo = (await certificate.getByTestId('certificate-no').textContent())?.trim() ?? ''
  const downloading = page.waitForEvent('download')
  await certificate.getByTestId('certificate-download').click()
  const pdf = await downloading
  expect(pdf.suggestedFilename()).toBe(`${certificateNo}.pdf`)
  await screenshot(page, testInfo, 'a-certificate')

  const link = await certificate.getByTestId('certificate-verify-link').getAttribute('href')
  expect(link).toMatch(/\/verify\/certificate\/[0-9a-f]{32}$/)
  // The service serves the check without a token; the gateway still asks for one on /api/** (see the issue note),
  // so the page is opened in the signed-in browser here.
  await page.goto(link!)
  await expect(page.getByTestId('verification-valid')).toBeVisible()
  await expect(page.getByTestId('verified-no')).toHaveText(certificateNo)
  await expect(page.getByTestId('certificate-verification')).not.toContainText('李明')
  await screenshot(page, testInfo, 'a-verification')
})

test('(b) an officer adds a prohibited article and the next declaration with it is refused', async ({ browser }, testInfo) => {
  test.setTimeout(120_000)
  const officer = await browser.newPage()
  await signIn(officer, 'customs-officer')
  await officer.getByTestId('menu-item-officer.passenger-settings').click()
  const words = field(officer, 'prohibited-items')
  const before = await words.inputValue()
  await words.fill(`${before}，榴莲干`)
  await officer.getByTestId('save-validation').click()
  await expect(officer.getByText('已保存')).toBeVisible()
  await screenshot(officer, testInfo, 'b-officer-rule')

  try {
    const traveler = await browser.newPage()
    await signIn(traveler, 'traveler')
    await declare(traveler, '榴莲干礼盒', '300')
    await expect(traveler.getByTestId('violations')).toContainText('榴莲干')
    await traveler.getByTestId('declaration-submit').click()
    await expect(traveler.getByTestId('violations')).toContainText('榴莲干')
    await screenshot(traveler, testInfo, 'b-traveler-refused')
  } finally {
    await words.fill(before)
    await officer.getByTestId('save-validation').click()
  }
})
