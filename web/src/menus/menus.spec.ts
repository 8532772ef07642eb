import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '@/auth/roles'
import { allItems, findItem, homePathFor, MENU_AREAS, menusFor } from './index'

const areaIds = (roles: Role[]) => menusFor(roles).map((area) => area.id)
const itemIds = (roles: Role[]) => menusFor(roles).flatMap((area) => area.items.map((item) => item.id))

describe('menus built from roles', () => {
  it('gives nothing to a user without a platform role', () => {
    expect(menusFor([])).toEqual([])
    expect(menusFor(['offline_access', 'uma_authorization'])).toEqual([])
  })

  it('shows the officer console to a customs officer, never the enterprise portal or operator console', () => {
    const areas = areaIds(['customs-officer'])
    expect(areas).toContain('officer')
    expect(areas).toContain('big-screen')
    expect(areas).not.toContain('enterprise')
    expect(areas).not.toContain('operator')
    expect(areas).not.toContain('traveler')
    const items = itemIds(['customs-officer'])
    expect(items).toEqual(expect.arrayContaining(['officer.customs-review', 'officer.control-instructions', 'officer.alerts']))
    // entries of other officers' roles stay hidden
    expect(items).not.toContain('officer.deposits')
    expect(items).not.toContain('officer.ship-detection')
    expect(items).not.toContain('officer.border-channels')
  })

  it('shows the enterprise portal to a declarant and not the officer console', () => {
    expect(areaIds(['enterprise-declarant'])).toEqual(['enterprise'])
    const items = itemIds(['enterprise-declarant'])
    expect(items).toEqual(expect.arrayContaining(['enterprise.ledgers', 'enterprise.declarations', 'enterprise.pilot-applications']))
    // the enterprise operation log is for enterprise administrators only
    expect(items).not.toContain('enterprise.operation-logs')
    expect(itemIds(['enterprise-admin'])).toContain('enterprise.operation-logs')
  })

  it('narrows the officer console per role', () => {
    expect(itemIds(['customs-finance'])).toEqual(['officer.alerts', 'officer.deposits'])
    expect(itemIds(['maritime-officer'])).toEqual(['officer.alerts', 'officer.port-monitoring', 'officer.port-analysis', 'officer.cameras', 'officer.ship-detection', 'officer.work-safety', 'big-screen.situation'])
    expect(itemIds(['border-officer'])).toEqual(['officer.alerts', 'officer.port-monitoring', 'officer.port-analysis', 'officer.cameras', 'officer.border-channels', 'big-screen.situation'])
    expect(areaIds(['customs-finance'])).not.toContain('big-screen')
  })

  it('narrows the government approvals per level', () => {
    expect(itemIds(['gov-county-unit'])).toContain('government.pilot-terminations')
    expect(itemIds(['gov-county'])).not.toContain('government.pilot-terminations')
    expect(itemIds(['gov-provincial-dept'])).toContain('government.repair-joint-review')
    expect(areaIds(['gov-province'])).toEqual(['government', 'big-screen'])
  })

  it('gives operators the audit logs, the status and the API docs', () => {
    for (const role of ['sw-operator', 'platform-admin'] as Role[]) {
      expect(areaIds([role])).toEqual(['operator', 'big-screen'])
      expect(itemIds([role])).toEqual(
        expect.arrayContaining(['operator.operation-logs', 'operator.login-logs', 'operator.platform-status', 'operator.api-docs']),
      )
    }
  })

  it('gives a traveller only the traveller portal', () => {
    expect(areaIds(['traveler'])).toEqual(['traveler'])
  })

  it('merges the areas of a user with several roles, in menu order', () => {
    expect(areaIds(['traveler', 'platform-admin', 'customs-officer'])).toEqual(['traveler', 'officer', 'operator', 'big-screen'])
  })

  it('gives every role at least one area', () => {
    for (const role of ROLES) {
      expect(menusFor([role]).length, role).toBeGreaterThan(0)
    }
  })

  it('keeps item ids and paths unique, and every item under its area', () => {
    const items = allItems()
    const ids = items.map(({ item }) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    const paths = items.filter(({ item }) => item.status !== 'external').map(({ item }) => item.path)
    expect(new Set(paths).size).toBe(paths.length)
    for (const { area, item } of items) {
      expect(item.id.startsWith(`${area.id}.`), item.id).toBe(true)
      for (const role of item.roles ?? []) {
        expect(area.roles, `${item.id} is for ${role}, who cannot see ${area.id}`).toContain(role)
      }
    }
  })

  it('names a back-end service for every feature that is still to come', () => {
    for (const { item } of allItems()) {
      if (item.status === 'planned') expect(item.service, item.id).toBeTruthy()
    }
  })

  it('sends each kind of user to its own home', () => {
    expect(homePathFor(['traveler'])).toBe('/traveler')
    expect(homePathFor(['enterprise-declarant'])).toBe('/enterprise')
    expect(homePathFor(['customs-officer'])).toBe('/officer')
    expect(homePathFor(['gov-county'])).toBe('/government')
    expect(homePathFor(['sw-operator'])).toBe('/operator')
    expect(homePathFor(['traveler', 'customs-officer'])).toBe('/officer')
    expect(homePathFor([])).toBe('/no-role')
    for (const area of MENU_AREAS) {
      if (area.home) expect(findItem(area.home.id)?.area.id).toBe(area.id)
    }
  })
})
