import { isRole, type Role } from './roles'

/** What the screens show about the signed-in user, read from the Keycloak access token (and the ID token's profile). */
export interface UserInfo {
  /** `sub` */
  id: string
  /** `preferred_username` */
  username: string
  /** `name`, or the user name when the realm gives none */
  name: string
  email?: string
  /** Realm roles of this platform (`realm_access.roles`), in the realm's order; Keycloak's own roles left out. */
  roles: Role[]
  /** Organisations as Keycloak group paths (claim `organization`). */
  organizations: string[]
  /** Unified social credit code of the user's enterprise (claim `enterprise`), enterprise users only. */
  enterprise?: string
  /** Name of that enterprise (claim `enterprise_name`). */
  enterpriseName?: string
}

/**
 * Decodes the payload of a JWT without checking its signature. The screens only display what it says; every service
 * and the gateway check the signature, issuer, audience and expiry themselves.
 */
export function decodeJwtPayload(token: string | undefined): Record<string, unknown> {
  if (!token) {
    return {}
  }
  const parts = token.split('.')
  if (parts.length < 2 || !parts[1]) {
    return {}
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/')
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
    const binary = atob(padded)
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** The `organization` claim may be one path, a list of paths, or (Keycloak Organizations) an object keyed by alias. */
export function organizationsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return value.trim() === '' ? [] : [value]
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
  }
  if (value && typeof value === 'object') {
    return Object.keys(value)
  }
  return []
}

export function rolesOf(claims: Record<string, unknown>): Role[] {
  const realmAccess = claims.realm_access
  if (!realmAccess || typeof realmAccess !== 'object') {
    return []
  }
  const roles = (realmAccess as { roles?: unknown }).roles
  if (!Array.isArray(roles)) {
    return []
  }
  return roles.filter((role): role is Role => typeof role === 'string' && isRole(role))
}

/** Builds the user from the access token's claims, completed by the ID token's profile where the access token is silent. */
export function userInfoFrom(accessToken: string | undefined, profile: Record<string, unknown> = {}): UserInfo {
  const claims = { ...profile, ...decodeJwtPayload(accessToken) }
  const username = text(claims.preferred_username) ?? text(claims.sub) ?? ''
  return {
    id: text(claims.sub) ?? '',
    username,
    name: text(claims.name) ?? username,
    email: text(claims.email),
    roles: rolesOf(claims),
    organizations: organizationsOf(claims.organization),
    enterprise: text(claims.enterprise),
    enterpriseName: text(claims.enterprise_name),
  }
}
