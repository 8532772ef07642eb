import { expect, test, type Browser, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * 径予放行 (issue 9): the operator records the qualification and the whitelist, the declarant fills a direct-release
 * declaration with a non-whitelist item (refused), fixes it, declares, receives the receipts from the Single Window
 * simulator, and a customs officer finds it in the Haikou data sub-centre's query.
 */
const ENTERPRISE = '91460106MA5T8K3R0A' // the demo declarant's enterprise (deploy/keycloak/hnsw-realm.json)
const WHITELISTED = '3907610000'
const NOT_WHITELISTED = '2203000000'

async function as(browser: Browser, user: string, path: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, user, path)
  return page
}

test('direct release: refused off the whitelist, fixed, declared, receipted and found at the sub-centre', async ({ browser }, testInfo) => {
  // Four sign-ins and the asynchronous receipt loop take longer than one screen's default minute.
  test.setTimeout(240_000)
  const operator = await as(browser, 'sw-operator', '/operator/zero-tariff-reference')
  await operator.getByTestId('ref-q-uscc').fill(ENTERPRISE)
  await operator.getByTestId('ref-q-name').fill('海南洋浦新材料科技有限公司')
  await operator.getByTestId('ref-q-save').click()
  await expect(operator.getByTestId('customs-reference')).toContainText(ENTERPRISE)
  await operator.getByTestId('ref-w-hs').fill(WHITELISTED)
  await operator.getByTestId('ref-w-name').fill('聚对苯二甲酸乙二醇酯')
  await operator.getByTestId('ref-w-save').click()
  await expect(operator.getByTestId('customs-reference')).toContainText(WHITELISTED)
  await operator.getByTestId('ref-levy').fill('101')
  await operator.getByTestId('ref-levy-save').click()
  await screenshot(operator, testInfo, 'customs-reference-data')

  const declarant = await as(browser, 'declarant', '/enterprise/declarations')
  await expect(declarant.getByTestId('customs-declaration-list')).toBeVisible()
  await expect(declarant.getByTestId('customs-no-qualification')).toHaveCount(0)
  await declarant.getByTestId('customs-new').click()
  await expect(declarant.getByTestId('customs-declaration-editor')).toBeVisible()

  const header: Record<string, string> = {
    domesticTraderUscc: ENTERPRISE, domesticTraderName: '海南洋浦新材料科技有限公司', declarantUscc: ENTERPRISE,
    declarantName: '海南洋浦新材料科技有限公司', overseasTraderName: 'PACIFIC RESINS PTE. LTD.', tradingCountry: 'SGP',
    departureCountry: 'SGP', portCode: 'SGSIN', vesselName: 'COSCO HAIKOU', voyageNo: '2611E', billOfLadingNo: 'HNBL2026110001',
    packages: '120', grossWeight: '5400.5', netWeight: '5200',
  }
  for (const [field, value] of Object.entries(header)) {
    await declarant.getByTestId(`customs-h-${field}`).fill(value)
  }
  const item: Record<string, string> = {
    hsCode: NOT_WHITELISTED, name: '啤酒', quantity: '100', unit: '035', unitPrice: '2', totalPrice: '200', currency: 'USD', originCountry: 'SGP',
  }
  for (const [field, value] of Object.entries(item)) {
    await declarant.getByTestId(`customs-i0-${field}`).fill(value)
  }
  await declarant.getByTestId('customs-save').click()
  await expect(declarant.getByTestId('customs-finding').first()).toContainText('该商品不在白名单范围')
  await screenshot(declarant, testInfo, 'customs-whitelist-refused')

  await declarant.getByTestId('customs-i0-hsCode').fill(WHITELISTED)
  await declarant.getByTestId('customs-i0-name').fill('聚对苯二甲酸乙二醇酯切片')
  await declarant.getByTestId('customs-save').click()
  await expect(declarant.getByTestId('customs-status')).toHaveAttribute('data-status', 'DRAFT')
  await expect(declarant.getByTestId('customs-h-remark')).toHaveValue(/一线径予放行/)
  const title = (await declarant.locator('.page-title').first().textContent()) ?? ''
  const preEntryNo = title.match(/\d{18}/)?.[0] ?? ''
  expect(preEntryNo).toHaveLength(18)

  await declarant.getByTestId('customs-declare').click()
  await expect
    .poll(async () => {
      await declarant.getByTestId('customs-refresh').click()
      return declarant.getByTestId('customs-status').getAttribute('data-status')
    }, { timeout: 45_000 })
    .toBe('RELEASED')
  await expect(declarant.getByTestId('customs-receipts')).toContainText('技术回执')
  await expect(declarant.getByTestId('customs-receipts')).toContainText('业务回执')
  await expect
    .poll(async () => {
      await declarant.getByTestId('customs-refresh').click()
      return declarant.getByTestId('customs-receipts').textContent()
    }, { timeout: 45_000 })
    .toContain('分中心接收回执')
  await screenshot(declarant, testInfo, 'customs-declared-receipts')

  const officer = await as(browser, 'customs-officer', '/officer/subcentre-query')
  await officer.getByTestId('customs-sc-pre-entry').fill(preEntryNo)
  await officer.getByTestId('customs-sc-query').click()
  await expect(officer.getByTestId('customs-sc-table')).toContainText(preEntryNo)
  await expect(officer.getByTestId('customs-sc-table')).toContainText('海关放行')
  await screenshot(officer, testInfo, 'customs-subcentre-query')

  // Another enterprise's declarant does not see it.
  const other = await as(browser, 'declarant2', '/enterprise/declarations')
  await other.getByTestId('customs-query-pre-entry').fill(preEntryNo)
  await other.getByTestId('customs-query').click()
  await expect(other.getByTestId('customs-declaration-table')).not.toContainText(preEntryNo)
})
