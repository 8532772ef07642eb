import { describe, expect, it } from 'vitest'
import { flattenOrganisations, menuDraft, visibleFor, type MenuItem, type OrganisationUnit } from './adminApi'

describe('passenger system administration helpers', () => {
  const unit = (name: string, children: OrganisationUnit[] = []): OrganisationUnit =>
    ({ id: name, name, path: `/${name}`, nameZh: name, nameEn: name, children })

  it('lists the organisation tree depth-first with each unit\'s depth', () => {
    const tree = [unit('customs', [unit('haikou-customs', [unit('haikou-port-customs')])]), unit('single-window')]
    expect(flattenOrganisations(tree).map((o) => `${o.depth}:${o.unit.name}`))
      .toEqual(['0:customs', '1:haikou-customs', '2:haikou-port-customs', '0:single-window'])
  })

  it('edits a copy of a menu item, never the item shown in the table', () => {
    const item: MenuItem = { id: 'm1', parentId: null, code: 'officer.passenger-settings', nameZh: '旅客通关设置',
      nameEn: 'Passenger clearance settings', path: '/officer/passenger-settings', sortOrder: 22,
      roles: ['customs-officer'], enabled: true, children: [] }
    const draft = menuDraft(item)
    draft.roles.push('customs-reviewer')
    expect(item.roles).toEqual(['customs-officer'])
    expect(draft).not.toHaveProperty('children')
    expect(draft.icon).toBe('')
  })

  it('shows a role the enabled entries meant for it, children only under a visible parent', () => {
    const m = (code: string, roles: string[], children: MenuItem[] = [], enabled = true): MenuItem =>
      ({ id: code, code, nameZh: code, nameEn: code, sortOrder: 0, roles, enabled, children })
    const tree = [
      m('officer', ['customs-officer', 'customs-reviewer'], [
        m('officer.passenger-settings', ['customs-officer']),
        m('officer.passenger-declarations', []),
        m('officer.review-queue', ['customs-reviewer'], [], false),
      ]),
      m('traveler', ['traveler'], [m('traveler.tax', [])]),
    ]
    const codes = (items: MenuItem[]): string[] => items.flatMap((i) => [i.code, ...codes(i.children)])
    expect(codes(visibleFor(tree, 'customs-reviewer'))).toEqual(['officer', 'officer.passenger-declarations'])
    expect(codes(visibleFor(tree, 'customs-officer'))).toEqual(['officer', 'officer.passenger-settings', 'officer.passenger-declarations'])
    expect(codes(visibleFor(tree, 'traveler'))).toEqual(['traveler', 'traveler.tax'])
  })
})
