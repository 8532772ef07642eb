import { describe, expect, it } from 'vitest'
import { decodeJwtPayload, organizationsOf, userInfoFrom } from './claims'
import { kindsOf, primaryKind } from './roles'

/** An unsigned JWT with this payload, base64url-encoded as Keycloak does (UTF-8 names included). */
function jwt(payload: object): string {
  const encode = (value: object) =>
    Buffer.from(JSON.stringify(value), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}.signature`
}

describe('claims of the Keycloak access token', () => {
  it('reads the enterprise user the screens show', () => {
    const token = jwt({
      sub: 'f3b1c2d4',
      preferred_username: 'declarant',
      name: '林晓梅',
      email: 'declarant@example.cn',
      realm_access: { roles: ['enterprise-declarant', 'offline_access', 'default-roles-hnsw'] },
      enterprise: '91460000MA5T00001X',
      enterprise_name: '海南洋浦示范贸易有限公司',
      organization: ['/企业/海南洋浦示范贸易有限公司'],
      aud: 'hnsw-api',
    })
    expect(userInfoFrom(token)).toEqual({
      id: 'f3b1c2d4',
      username: 'declarant',
      name: '林晓梅',
      email: 'declarant@example.cn',
      roles: ['enterprise-declarant'],
      organizations: ['/企业/海南洋浦示范贸易有限公司'],
      enterprise: '91460000MA5T00001X',
      enterpriseName: '海南洋浦示范贸易有限公司',
    })
  })

  it('completes a silent access token from the ID token profile', () => {
    const token = jwt({ sub: 'x1', realm_access: { roles: ['customs-officer'] } })
    const user = userInfoFrom(token, { preferred_username: 'customs-officer', name: '王海关' })
    expect(user).toMatchObject({ username: 'customs-officer', name: '王海关', roles: ['customs-officer'], organizations: [] })
    expect(user.enterprise).toBeUndefined()
  })

  it('falls back to the user name when the realm gives no name', () => {
    expect(userInfoFrom(jwt({ sub: 's', preferred_username: 'traveler' })).name).toBe('traveler')
  })

  it('accepts the organization claim as a path, a list or a Keycloak Organizations map', () => {
    expect(organizationsOf('/海口海关/海口港海关')).toEqual(['/海口海关/海口港海关'])
    expect(organizationsOf(['/a', 7, '', '/b'])).toEqual(['/a', '/b'])
    expect(organizationsOf({ 'haikou-customs': { id: '1' } })).toEqual(['haikou-customs'])
    expect(organizationsOf(undefined)).toEqual([])
  })

  it('survives tokens that are not JWTs', () => {
    expect(decodeJwtPayload(undefined)).toEqual({})
    expect(decodeJwtPayload('opaque')).toEqual({})
    expect(decodeJwtPayload('a.%%%.c')).toEqual({})
    expect(userInfoFrom('opaque').roles).toEqual([])
  })

  it('ranks the kinds of a user with several roles', () => {
    expect(kindsOf(['traveler', 'gov-county', 'sw-operator'])).toEqual(['operator', 'government', 'traveler'])
    expect(primaryKind(['enterprise-admin'])).toBe('enterprise')
    expect(primaryKind([])).toBeUndefined()
  })
})
