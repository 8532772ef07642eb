import { expect, test, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * 加工增值试点审批 in the browser against the whole platform: an enterprise applies with the six documents, the four
 * levels approve in turn through the process centre (the city/county unit adds the district development and reform
 * commission as an extra approver, 加签, whose approver county-unit2 must approve too before the chain moves on), the
 * enterprise sees the approval and the case number from the 海易办 simulator; then county-unit starts a termination
 * that ends with the enterprise on the blacklist.
 */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const DOCUMENT_TYPES = ['APPLICATION', 'PROFILE', 'VALUE_ADDED_CALCULATION', 'TOTAL_REVENUE', 'COMMITMENT_LETTER', 'EVIDENCE']

async function logout(page: Page) {
  await page.context().clearCookies()
  await page.evaluate(() => {
    window.localStorage.clear()
    window.sessionStorage.clear()
  })
}

async function applyAs(page: Page, user: string, product: string): Promise<string> {
  await signIn(page, user, '/enterprise/pilot-applications')
  await expect(page.getByTestId('qualification-prompt')).toBeVisible()
  await page.getByTestId('pilot-new').click()
  await page.getByTestId('pilot-region').click()
  await page.getByRole('option', { name: '海口市龙华区' }).click()
  await page.getByTestId('pilot-product').fill(product)
  await page.getByTestId('pilot-create').click()
  await expect(page.getByTestId('pilot-detail')).toBeVisible()
  for (const type of DOCUMENT_TYPES) {
    await page.getByTestId(`upload-${type}`).setInputFiles({ name: `${type.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: PDF })
    await expect(page.getByTestId('pilot-detail')).toContainText(`${type.toLowerCase()}.pdf`)
  }
  await page.getByTestId('pilot-list').getByText(product).click()
  await page.getByTestId('pilot-submit').first().click()
  await expect(page.getByTestId('pilot-list')).toContainText('审批中')
  await page.getByTestId('pilot-list').getByText(product).click()
  await expect(page.getByTestId('pilot-status')).toHaveText('审批中')
  const caseNumber = (await page.getByTestId('pilot-case-number').textContent())?.trim() ?? ''
  expect(caseNumber).toMatch(/^HYB-SIM-\d{8}-\d{6}$/)
  await logout(page)
  return caseNumber
}

async function approveAs(page: Page, user: string, caseNumber: string, opinion: string) {
  await signIn(page, user, '/government/pilot-approvals')
  await page.getByTestId(`open-task-${caseNumber}`).click()
  await expect(page.getByTestId('task-panel')).toBeVisible()
  await page.getByTestId('task-opinion').fill(opinion)
  await page.getByTestId('task-submit').click()
  await expect(page.getByTestId(`open-task-${caseNumber}`)).toHaveCount(0)
  await logout(page)
}

test('an enterprise applies, four levels approve in turn, the enterprise sees the approval; a termination blacklists it', async ({ page }, testInfo) => {
  test.setTimeout(240_000)
  const product = `椰子汁饮料加工增值 E2E ${Date.now()}`
  const caseNumber = await applyAs(page, 'declarant2', product)

  // 加签: the lead unit asks the development and reform commission to approve at the same step, then approves.
  await signIn(page, 'county-unit', '/government/pilot-approvals')
  await page.getByTestId(`open-task-${caseNumber}`).click()
  await expect(page.getByTestId('task-panel')).toBeVisible()
  await page.getByTestId('extra-unit').fill('/government/county/haikou-longhua/development-bureau')
  await page.getByTestId('extra-add').click()
  await expect(page.getByTestId('extra-unit')).toHaveValue('')
  await expect(page.getByTestId('pilot-error')).toHaveCount(0)
  await page.getByTestId('task-opinion').fill('市县单位审核：材料齐全，同意；请发改委加签')
  await page.getByTestId('task-submit').click()
  await expect(page.getByTestId(`open-task-${caseNumber}`)).toHaveCount(0)
  await logout(page)
  // The county government cannot act until the added unit has approved.
  await signIn(page, 'county-gov', '/government/pilot-approvals')
  await expect(page.getByTestId('pending-table')).toBeVisible()
  await expect(page.getByTestId(`open-task-${caseNumber}`)).toHaveCount(0)
  await logout(page)
  await approveAs(page, 'county-unit2', caseNumber, '发改委加签：同意')
  await approveAs(page, 'county-gov', caseNumber, '同意报送省商务厅')
  await approveAs(page, 'prov-dept', caseNumber, '省商务厅复核通过')

  await signIn(page, 'province', '/government/pilot-approvals')
  await page.getByTestId(`open-task-${caseNumber}`).click()
  await expect(page.getByTestId('pilot-diagram')).toBeVisible()
  await screenshot(page, testInfo, 'trade-window-province-task')
  await page.getByTestId('task-opinion').fill('同意列入加工增值试点')
  await page.getByTestId('task-submit').click()
  await expect(page.getByTestId(`open-task-${caseNumber}`)).toHaveCount(0)
  await logout(page)

  await signIn(page, 'declarant2', '/enterprise/pilot-applications')
  await page.getByTestId('pilot-list').getByText(product).click()
  await expect(page.getByTestId('pilot-status')).toHaveText('已批准')
  await expect(page.getByTestId('pilot-opinions')).toContainText('省政府批复')
  await expect(page.getByTestId('pilot-opinions')).toContainText('发改委加签：同意')
  await screenshot(page, testInfo, 'trade-window-enterprise-approved')
  await logout(page)

  // Termination started by the city/county unit, through the same levels, ends on the blacklist.
  await signIn(page, 'county-unit', '/government/pilot-terminations')
  await page.getByTestId(`terminate-${caseNumber}`).click()
  await page.getByTestId('termination-record').fill('核查发现实际加工增值率不足30%')
  await page.getByTestId('termination-reason').fill('加工增值率不达标')
  await page.getByTestId('termination-submit').click()
  await logout(page)
  await approveAs(page, 'county-gov', caseNumber, '同意提报终止')
  await approveAs(page, 'prov-dept', caseNumber, '复核同意终止')
  await approveAs(page, 'province', caseNumber, '批复终止试点资格')

  await signIn(page, 'province', '/government/pilot-list')
  const blacklist = page.getByTestId('blacklist-table')
  await expect(blacklist).toContainText('91460400MA5TA2QX8U')
  await expect(blacklist).toContainText('加工增值率不达标')
  await screenshot(page, testInfo, 'trade-window-blacklist')
  // Leave the shared demo enterprise able to apply again.
  await page.getByTestId('unblacklist-91460400MA5TA2QX8U').click()
  await expect(blacklist).not.toContainText('91460400MA5TA2QX8U')
})
