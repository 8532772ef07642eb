/** The realm roles of Keycloak realm `hnsw` (the same list as `cn.hnsw.common.security.Roles`). */
export const ROLES = [
  'traveler',
  'enterprise-declarant',
  'enterprise-admin',
  'customs-officer',
  'customs-reviewer',
  'customs-finance',
  'maritime-officer',
  'border-officer',
  'gov-county-unit',
  'gov-county',
  'gov-provincial-dept',
  'gov-province',
  'sw-operator',
  'platform-admin',
  'low-altitude-reviewer',
  'low-altitude-reporter',
] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** The kinds of user, each with its own home page and menu area. */
export type UserKind = 'traveler' | 'enterprise' | 'officer' | 'government' | 'operator'

export const KIND_ROLES: Readonly<Record<UserKind, readonly Role[]>> = {
  traveler: ['traveler'],
  enterprise: ['enterprise-declarant', 'enterprise-admin', 'low-altitude-reporter'],
  officer: ['customs-officer', 'customs-reviewer', 'customs-finance', 'maritime-officer', 'border-officer'],
  government: ['gov-county-unit', 'gov-county', 'gov-provincial-dept', 'gov-province', 'low-altitude-reviewer'],
  operator: ['sw-operator', 'platform-admin'],
}

/** Which home a user with several kinds lands on first: the most privileged work first. */
export const KIND_PRIORITY: readonly UserKind[] = ['operator', 'officer', 'government', 'enterprise', 'traveler']

export function kindsOf(roles: readonly string[]): UserKind[] {
  return KIND_PRIORITY.filter((kind) => KIND_ROLES[kind].some((role) => roles.includes(role)))
}

export function primaryKind(roles: readonly string[]): UserKind | undefined {
  return kindsOf(roles)[0]
}

export function hasAnyRole(userRoles: readonly string[], wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) {
    return true
  }
  return wanted.some((role) => userRoles.includes(role))
}
