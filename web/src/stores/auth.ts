import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { User } from 'oidc-client-ts'
import { userManager } from '@/auth/oidc'
import { userInfoFrom, type UserInfo } from '@/auth/claims'
import { kindsOf, primaryKind } from '@/auth/roles'
import { currentLocale } from '@/i18n'

interface LoginState {
  /** The in-app path the user wanted before Keycloak's login form. */
  target?: string
}

/** The signed-in user, from oidc-client-ts; tokens stay in the tab's session storage and are renewed before expiry. */
export const useAuthStore = defineStore('auth', () => {
  const oidcUser = shallowRef<User | null>(null)
  /** Set when Keycloak ended the session behind our back (renew refused, or a logout in another app). */
  const sessionEnded = shallowRef(false)
  let wired = false

  const user = computed<UserInfo | null>(() =>
    oidcUser.value && !oidcUser.value.expired
      ? userInfoFrom(oidcUser.value.access_token, oidcUser.value.profile as Record<string, unknown>)
      : null,
  )
  const authenticated = computed(() => user.value !== null)
  const roles = computed(() => user.value?.roles ?? [])
  const kinds = computed(() => kindsOf(roles.value))
  const kind = computed(() => primaryKind(roles.value))

  function wireEvents() {
    if (wired) return
    wired = true
    const events = userManager().events
    events.addUserLoaded((loaded) => {
      oidcUser.value = loaded
      sessionEnded.value = false
    })
    events.addUserUnloaded(() => {
      oidcUser.value = null
    })
    events.addSilentRenewError(async () => {
      // The refresh token was refused: the Keycloak session is over (logout elsewhere, or idle timeout).
      await dropSession()
    })
    events.addUserSignedOut(async () => {
      await dropSession()
    })
  }

  async function dropSession() {
    sessionEnded.value = true
    await userManager().removeUser()
    oidcUser.value = null
  }

  /** Reads the user kept in this tab; an expired one is renewed once with its refresh token, else forgotten. */
  async function restore(): Promise<void> {
    wireEvents()
    const stored = await userManager().getUser()
    if (stored && stored.expired) {
      try {
        oidcUser.value = await userManager().signinSilent()
      } catch {
        await userManager().removeUser()
        oidcUser.value = null
      }
      return
    }
    oidcUser.value = stored
  }

  /** Sends the browser to Keycloak's login form (authorization code + PKCE), in the language of the app. */
  async function login(target?: string): Promise<void> {
    const state: LoginState = { target }
    await userManager().signinRedirect({ state, ui_locales: currentLocale() })
  }

  /** Finishes the login on the callback page and says where the user wanted to go. */
  async function completeLogin(): Promise<string | undefined> {
    wireEvents()
    const signedIn = await userManager().signinRedirectCallback()
    oidcUser.value = signedIn
    sessionEnded.value = false
    return (signedIn.state as LoginState | undefined)?.target
  }

  /** Ends the Keycloak session (RP-initiated logout at the end-session endpoint), which ends it in every app. */
  async function logout(): Promise<void> {
    await userManager().signoutRedirect()
  }

  /** The access token for API calls; renewed first when it is about to expire. */
  async function accessToken(): Promise<string | undefined> {
    const current = oidcUser.value
    if (!current) return undefined
    if (current.expires_in !== undefined && current.expires_in < 10) {
      try {
        oidcUser.value = await userManager().signinSilent()
      } catch {
        await dropSession()
        return undefined
      }
    }
    return oidcUser.value?.access_token
  }

  /** After a 401 from the API: try one renew, and say whether a fresh token is there. */
  async function renew(): Promise<boolean> {
    if (!oidcUser.value) return false
    try {
      oidcUser.value = await userManager().signinSilent()
      return oidcUser.value !== null
    } catch {
      await dropSession()
      return false
    }
  }

  return {
    user,
    authenticated,
    roles,
    kinds,
    kind,
    sessionEnded,
    restore,
    login,
    completeLogin,
    logout,
    accessToken,
    renew,
  }
})
