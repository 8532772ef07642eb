import { describe, expect, it } from 'vitest'
import { flattenOrganisations, menuDraft, type MenuItem, type OrganisationUnit } from './adminApi'

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
})
