import { expect, test, type Browser, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/** The demo declarant's enterprise (deploy/keycloak/hnsw-realm.json). */
const ENTERPRISE = '91460106MA5T8K3R0A'

/**
 * The text field of an Element Plus input: el-input puts `data-testid` on the inner <input>, el-input-number on its
 * wrapper, so match both.
 */
function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

async function pick(page: Page, selectTestId: string, optionTestIdOrText: string | RegExp) {
  await page.getByTestId(selectTestId).click()
  const option =
    typeof optionTestIdOrText === 'string' && !optionTestIdOrText.startsWith('text:')
      ? page.getByTestId(optionTestIdOrText)
      : page.locator('.el-select-dropdown__item:visible', {
          hasText: typeof optionTestIdOrText === 'string' ? optionTestIdOrText.slice(5) : optionTestIdOrText,
        })
  await option.first().click()
}

async function newDocument(page: Page, type: string, withLedger = false): Promise<string> {
  await page.goto('/enterprise/ledgers')
  await page.getByTestId('ledger-new-document').click()
  await pick(page, 'new-document-type', `type-option-${type}`)
  if (withLedger) {
    await page.getByTestId('new-document-ledger').click()
    // The newest active ledger is listed first. By role inside the open list: the type list's items linger in the DOM
    // (Element Plus keeps closed dropdowns) and can still match a plain `:visible` item selector during its transition.
    await page.getByRole('option', { name: /^HNZ/ }).first().click()
  }
  await page.getByTestId('new-document-create').click()
  await page.waitForURL(/\/enterprise\/ledgers\/documents\/\d+$/)
  return (await page.getByTestId('document-no').textContent()) ?? ''
}

async function addLine(page: Page, quantity: number, link?: string | RegExp, manual?: { itemNo: string; hsCode: string; name: string }) {
  if (manual) {
    await field(page, 'line-item-no').fill(manual.itemNo)
    await field(page, 'line-hs-code').fill(manual.hsCode)
    await field(page, 'line-name').fill(manual.name)
  } else if (link) {
    await pick(page, 'line-link', typeof link === 'string' ? `text:${link}` : link)
  }
  await field(page, 'line-quantity').fill(String(quantity))
  await page.getByTestId('line-add').click()
  await expect(page.getByTestId('document-lines').locator('.el-table__body tr')).not.toHaveCount(0)
}

/** Declares and waits for the 金关二期 simulator's receipts to approve it. */
async function declareAndWaitForApproval(page: Page) {
  await page.getByTestId('document-declare').click()
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', /DECLARED|RECEIPTED|APPROVED/)
  await expect(async () => {
    await page.getByTestId('document-refresh').click()
    await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'APPROVED', { timeout: 1_000 })
  }).toPass({ timeout: 60_000 })
}

async function governmentDecreased(browser: Browser): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  // Read the figure once the page has its data: the table renders after the statistics arrive, and reading it
  // before that would see no row at all.
  const loaded = page.waitForResponse((r) => r.url().includes('/statistics/ledgers/movements') && r.ok(), { timeout: 60_000 })
  await signIn(page, 'province', '/government/ledger-statistics')
  await expect(page.getByTestId('ledger-statistics')).toBeVisible()
  const rows = (await (await loaded).json()) as { enterprise: string; decreased: number | string }[]
  const row = rows.find((r) => r.enterprise === ENTERPRISE)
  const value = row ? Number(row.decreased) : 0
  if (row) {
    await expect(page.getByTestId(`stats-decreased-${ENTERPRISE}`)).toHaveText(String(value))
  }
  await context.close()
  return value
}

test('zero-tariff ledger: file, set up, import, leave in two batches with a consolidated exit list, stock and statistics move', async ({ page, browser }, testInfo) => {
  test.setTimeout(480_000)
  const before = await governmentDecreased(browser)
  const item = `E2E-${Date.now() % 100_000_000}`

  await signIn(page, 'declarant', '/enterprise/ledgers')
  await expect(page.getByTestId('ledger-workbench')).toBeVisible()
  // 首页-我的信用: the enterprise's customs credit grade, fetched sealed from the Golden Customs II simulator
  await page.getByRole('tab', { name: '首页', exact: true }).click()
  await expect(page.getByTestId('home-credit-grade')).toBeVisible({ timeout: 30_000 })
  await page.goto('/enterprise/ledgers')
  await expect(page.getByTestId('ledger-workbench')).toBeVisible()

  // 1. file the material (料件备案)
  await newDocument(page, 'MATERIAL_FILING')
  await addLine(page, 1, undefined, { itemNo: item, hsCode: '8471300000', name: '笔记本电脑' })
  await declareAndWaitForApproval(page)

  // 2. set up the logistics ledger from the commodity library; the formal 核注 data activates it
  await newDocument(page, 'LOGISTICS_LEDGER_SETUP')
  await addLine(page, 1, item)
  await declareAndWaitForApproval(page)
  await expect(async () => {
    await page.goto('/enterprise/ledgers')
    await expect(page.getByTestId('ledger-list')).toContainText('ACTIVE', { timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await screenshot(page, testInfo, 'ledger-set-up')

  // 3. import goods (first line): 100 units booked in
  await newDocument(page, 'LOGISTICS_ENTRY_GENERAL', true)
  await addLine(page, 100, item)
  await declareAndWaitForApproval(page)
  await expect(page.getByTestId('document-postings')).toContainText('100')

  // 4. leave the island in two batches
  const batches: string[] = []
  for (const quantity of [30, 20]) {
    batches.push(await newDocument(page, 'LOGISTICS_OUT_OF_WAREHOUSE', true))
    await addLine(page, quantity, item)
    await declareAndWaitForApproval(page)
  }

  // 5. one consolidated exit list for both batches
  await page.goto('/enterprise/ledgers')
  await page.getByRole('tab', { name: '备案与单证' }).click()
  for (const no of batches) {
    await page.getByTestId(`consolidate-${no}`).click()
  }
  await page.getByTestId('consolidate-button').click()
  await page.waitForURL(/\/enterprise\/ledgers\/documents\/\d+$/)
  await expect(page.getByTestId('document-lines').locator('.el-table__body tr')).toHaveCount(2)
  await declareAndWaitForApproval(page)
  await screenshot(page, testInfo, 'ledger-consolidated-exit-list')

  // 6. the stock fell from 100 to 50, and the chain of postings explains it
  await page.goto('/enterprise/ledgers')
  await expect(page.getByTestId(`stock-qty-${item}`)).toHaveText('50')
  await page.getByTestId(`stock-chain-${item}`).click()
  await expect(page.getByTestId('posting-chain').locator('.el-table__body tr')).toHaveCount(3)
  await screenshot(page, testInfo, 'ledger-stock-chain')

  // 7. the government statistics moved by the 50 units that left
  expect(await governmentDecreased(browser)).toBe(before + 50)
})
