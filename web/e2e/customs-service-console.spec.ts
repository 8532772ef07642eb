import { expect, test, type Browser, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * 企业接入服务控制台 and 二线报关单统计 (issue 9, FP 575–610 and 442–456) against the whole platform: the declarant
 * enables the pre-classification service, changes its settings, disables and deletes it; an operator reads the
 * enterprise's services by its credit code; the declarant counts its second-line declarations.
 */
const ENTERPRISE = '91460106MA5T8K3R0A' // the demo declarant's enterprise (deploy/keycloak/hnsw-realm.json)
const SERVICE = 'PRE_CLASSIFICATION'

async function as(browser: Browser, user: string, path: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, user, path)
  return page
}

test('(a) an enterprise enables, changes, disables and deletes a service; an operator reads it', async ({ browser }, testInfo) => {
  test.setTimeout(180_000)
  const declarant = await as(browser, 'declarant', '/enterprise/service-console')
  const services = declarant.getByTestId('console-services')
  await expect(services).toContainText('商品预归类服务')
  const status = declarant.getByTestId(`console-status-${SERVICE}`)

  await declarant.getByTestId(`console-enable-${SERVICE}`).click()
  const form = declarant.getByTestId('console-form')
  await form.locator('input').first().fill('王芳 0898-66668888')
  await declarant.getByTestId('console-save').click()
  await expect(status).toHaveText('已开通')

  await declarant.getByTestId(`console-enable-${SERVICE}`).click()
  await form.locator('textarea').fill('ERP 每日同步')
  await declarant.getByTestId('console-save').click()
  await expect(status).toHaveText('已开通')
  await screenshot(declarant, testInfo, 'a-console-enabled')

  const operator = await as(browser, 'sw-operator', '/operator/service-console')
  await operator.locator('[data-testid="console-enterprise"] input, input[data-testid="console-enterprise"]').first().fill(ENTERPRISE)
  await operator.getByRole('button', { name: '查询' }).click()
  await expect(operator.getByTestId(`console-status-${SERVICE}`)).toHaveText('已开通')
  await expect(operator.getByTestId(`console-enable-${SERVICE}`)).toHaveCount(0)
  await screenshot(operator, testInfo, 'a-console-operator')

  await declarant.getByTestId(`console-disable-${SERVICE}`).click()
  await expect(status).toHaveText('已关闭')
  await services.locator('tr', { hasText: '商品预归类服务' }).getByRole('button', { name: '删除' }).click()
  await declarant.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
  await expect(status).toHaveText('未开通')
})

test('(b) an enterprise counts its second-line declarations by a dimension', async ({ page }, testInfo) => {
  await signIn(page, 'declarant', '/enterprise/second-line')
  await page.getByRole('tab', { name: '统计分析' }).click()
  await page.getByTestId('statistics-dimension').click()
  await page.getByRole('option', { name: '清关状态' }).click()
  await page.getByTestId('statistics-run').click()
  const table = page.getByTestId('statistics-table')
  await expect(table).toBeVisible()
  await expect(table).toContainText('清关状态')
  await expect(table).toContainText('报关单数')
  await screenshot(page, testInfo, 'b-second-line-statistics')
})
