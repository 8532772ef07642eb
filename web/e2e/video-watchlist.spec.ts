import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { screenshot, signIn } from './support'

/**
 * Enrol → watch-list task → review → a clip with that person → alert to the bound officer → handling. The photo and
 * the clip are made by video-analytics-service's WatchlistAlertIT from the photographs shipped in @vladmandic/face-api
 * (written to video-analytics-service/target/e2e-media by `mvn -pl video-analytics-service verify`).
 */
const HERE = dirname(fileURLToPath(import.meta.url))
const MEDIA = resolve(HERE, '../../video-analytics-service/target/e2e-media')
const PHOTO = `${MEDIA}/person.jpg`
const CLIP = `${MEDIA}/pass.mp4`

/** Element Plus puts a data-testid on the inner <input> of el-input, so find the input either way. */
function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

async function as(browser: Browser, user: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, user, path)
  return page
}

test('a watched person walking past a camera alerts the bound officer, who handles the alert', async ({ browser }, testInfo) => {
  expect(existsSync(PHOTO) && existsSync(CLIP), `media missing in ${MEDIA}: run mvn -pl video-analytics-service verify`).toBe(true)
  test.setTimeout(240_000)
  const suffix = Date.now().toString().slice(-6)

  const officer = await as(browser, 'customs-officer', '/officer/face-library')
  await field(officer, 'enrol-code').fill(`P4601${suffix}`)
  await field(officer, 'enrol-name').fill(`陈某${suffix}`)
  await officer.getByTestId('enrol-photo').setInputFiles(PHOTO)
  await officer.getByTestId('enrol-submit').click()
  await expect(officer.getByTestId('records-table')).toContainText(`陈某${suffix}`)

  await officer.goto('/officer/watchlist-tasks')
  await officer.getByTestId('watchlist-new').click()
  await field(officer, 'task-name').fill(`布控-${suffix}`)
  await officer.getByTestId('task-target').click()
  await officer.getByRole('option', { name: new RegExp(`陈某${suffix}`) }).click()
  await field(officer, 'task-officers').fill('customs-officer')
  await officer.getByTestId('task-submit').click()
  await expect(officer.getByTestId(`task-status-布控-${suffix}`)).toContainText('待审核')

  const reviewer = await as(browser, 'customs-reviewer', '/officer/watchlist-tasks')
  await reviewer.getByTestId(`approve-布控-${suffix}`).click()
  await expect(reviewer.getByTestId(`task-status-布控-${suffix}`)).toContainText('布控中')
  await screenshot(reviewer, testInfo, 'video-watchlist-approved')

  await officer.goto('/officer/video-cameras')
  await field(officer, 'camera-code').fill(`4601000000132${suffix}`)
  await field(officer, 'camera-name').fill(`美兰机场安检通道-${suffix}`)
  await field(officer, 'camera-source').fill('/dev/null')
  await officer.getByTestId('camera-register').click()
  await officer.getByTestId(`video-4601000000132${suffix}`).setInputFiles(CLIP)
  await expect(officer.getByTestId('analysis-report')).toContainText(/布控命中 [1-9]\d* 次/, { timeout: 120_000 })

  await officer.goto('/officer/video-alerts')
  await expect(officer.getByTestId('alert-RAISED').first()).toBeVisible()
  await screenshot(officer, testInfo, 'video-alert-raised')
  await field(officer, 'handling-note').fill('已在安检口拦截核查')
  await officer.getByTestId('handling-submit').first().click()
  await expect(officer.getByTestId('alert-HANDLED').first()).toContainText('已拦截核查')
})
