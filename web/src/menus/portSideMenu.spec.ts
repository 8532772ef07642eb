import { describe, expect, it } from 'vitest'
import { portMenuTree, type MyMenus, type PortMenu } from '@/features/port-situation/portMenu'
import { asksForPortMenus, portSideEntries } from './portSideMenu'

const menu = (code: string, sortOrder: number, path: string | null, parentCode?: string): PortMenu => ({
  id: code, code, nameZh: `菜单${code}`, nameEn: `Menu ${code}`, parentCode, path, permissionCode: 'VIEW',
  sortOrder, enabled: true,
})
const mine = (menus: PortMenu[], registered = true): MyMenus => ({
  username: 'xh', registered, portCode: 'XINHAI_PORT', permissions: [], menus,
})

describe('port section of the side menu', () => {
  it('is asked for by officers and operators only', () => {
    expect(asksForPortMenus(['customs-officer'])).toBe(true)
    expect(asksForPortMenus(['sw-operator'])).toBe(true)
    expect(asksForPortMenus(['traveler'])).toBe(false)
    expect(asksForPortMenus(['enterprise-admin'])).toBe(false)
    expect(asksForPortMenus([])).toBe(false)
  })

  it('lists the menus of a port user in order with children under their parent, in the UI language', () => {
    const tree = portMenuTree(mine([
      menu('ALERTS', 2, '/officer/port-alerts'),
      menu('MONITORING', 1, null),
      menu('FACILITIES', 1, '/officer/port-monitoring', 'MONITORING'),
      menu('EXTERNAL', 3, 'https://example.org/x', 'MONITORING'),
      menu('EMPTY', 4, null),
    ]), true)
    expect(portSideEntries(tree)).toEqual([
      { code: 'MONITORING', label: '菜单MONITORING', path: null, child: false },
      { code: 'FACILITIES', label: '菜单FACILITIES', path: '/officer/port-monitoring', child: true },
      { code: 'ALERTS', label: '菜单ALERTS', path: '/officer/port-alerts', child: false },
    ])
    expect(portSideEntries(portMenuTree(mine([menu('ALERTS', 1, '/officer/port-alerts')]), false))[0].label)
      .toBe('Menu ALERTS')
  })

  it('is empty for a login the port RBAC does not know, and for none', () => {
    expect(portSideEntries(portMenuTree(mine([menu('ALERTS', 1, '/officer/port-alerts')], false), true))).toEqual([])
    expect(portSideEntries(portMenuTree(null, true))).toEqual([])
  })
})
