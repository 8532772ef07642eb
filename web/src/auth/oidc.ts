import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts'
import type { RuntimeConfig } from '@/config/runtimeConfig'

/** Where Keycloak sends the browser back after login, after a silent renew in an iframe, and after logout. */
export const CALLBACK_PATH = '/auth/callback'
export const SILENT_CALLBACK_PATH = '/auth/silent'
export const SIGNED_OUT_PATH = '/welcome'

export function oidcSettings(config: RuntimeConfig, origin: string = window.location.origin): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_CALLBACK_PATH,
    post_logout_redirect_uri: origin + SIGNED_OUT_PATH,
    response_type: 'code', // authorization code; oidc-client-ts always adds PKCE (S256)
    scope: config.scope,
    // Renew before expiry: with the refresh token Keycloak gives a public client, else in the hidden iframe.
    automaticSilentRenew: true,
    // Tokens live as long as the tab: a new tab signs in again through Keycloak's SSO session without a form.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    monitorSession: config.monitorSession,
    loadUserInfo: false,
  }
}

let manager: UserManager | undefined

export function createUserManager(config: RuntimeConfig): UserManager {
  manager = new UserManager(oidcSettings(config))
  return manager
}

export function userManager(): UserManager {
  if (!manager) {
    throw new Error('The OIDC user manager is created at start-up, before any screen asks for it')
  }
  return manager
}
