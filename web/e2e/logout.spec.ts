import { expect, test } from '@playwright/test'
import { expectKeycloakLoginForm, screenshot, signIn } from './support'

test('(c) logout ends the Keycloak session: a protected page asks for login again', async ({ page }, testInfo) => {
  await signIn(page, 'customs-officer')
  await expect(page.getByTestId('user-name')).toBeVisible()

  await page.getByTestId('user-name').click()
  await page.getByTestId('logout').click()

  // RP-initiated logout at Keycloak's end-session endpoint, then back to the public welcome page
  await page.waitForURL(/\/welcome$/, { timeout: 30_000 })
  await expect(page.getByTestId('welcome-login')).toBeVisible()
  await screenshot(page, testInfo, 'c-signed-out')

  // Had only the app forgotten its tokens, Keycloak's SSO cookie would sign the user straight back in.
  await page.goto('/officer')
  await expectKeycloakLoginForm(page)
  await screenshot(page, testInfo, 'c-login-asked-again')
})
