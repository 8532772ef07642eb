import { describe, expect, it } from 'vitest'
import { mayOpen, portMenuTree, routable, type MyMenus, type PortMenu } from './portMenu'

function menu(code: string, sortOrder: number, path: string | null, extra: Partial<PortMenu> = {}): PortMenu {
  return {
    id: code,
    code,
    nameZh: `菜单${code}`,
    nameEn: `Menu ${code}`,
    parentCode: null,
    path,
    permissionCode: `PORT_${code}`,
    sortOrder,
    enabled: true,
    ...extra,
  }
}

function mine(menus: PortMenu[], registered = true): MyMenus {
  return { username: 'xhduty', registered, orgCode: 'XINHAI_DUTY', portCode: 'XINHAI_PORT', permissions: [], menus }
}

describe('portMenuTree', () => {
  it('orders the enabled menus, nests children under a given parent and labels them in the UI language', () => {
    const tree = portMenuTree(
      mine([
        menu('ALERTS', 3, '/officer/alerts'),
        menu('MONITORING', 2, '/officer/port-monitoring'),
        menu('HIDDEN', 1, '/officer/hidden', { enabled: false }),
        menu('ALERT_RULES', 1, '/officer/alerts/rules', { parentCode: 'ALERTS' }),
        menu('ORPHAN', 9, '/operator/cameras', { parentCode: 'NOT_GIVEN' }),
      ]),
      true,
    )
    expect(tree.map((n) => n.code)).toEqual(['MONITORING', 'ALERTS', 'ORPHAN'])
    expect(tree[1].children.map((n) => n.code)).toEqual(['ALERT_RULES'])
    expect(tree[0].label).toBe('菜单MONITORING')
    expect(portMenuTree(mine([menu('ALERTS', 1, '/officer/alerts')]), false)[0].label).toBe('Menu ALERTS')
  })

  it('gives an unregistered login nothing, so the app menus apply', () => {
    expect(portMenuTree(mine([menu('ALERTS', 1, '/officer/alerts')], false), true)).toEqual([])
    expect(portMenuTree(null, true)).toEqual([])
  })

  it('never links outside the app', () => {
    expect(routable('/officer/alerts')).toBe('/officer/alerts')
    expect(routable('//evil.example.com/x')).toBeNull()
    expect(routable('https://evil.example.com')).toBeNull()
    expect(routable('javascript:alert(1)')).toBeNull()
    expect(routable('')).toBeNull()
    const tree = portMenuTree(mine([menu('X', 1, 'https://evil.example.com')]), true)
    expect(tree[0].path).toBeNull()
  })
})

describe('mayOpen', () => {
  const given = mine([menu('ALERTS', 1, '/officer/alerts'), menu('OFF', 2, '/operator/cameras', { enabled: false })])

  it('opens the paths of the enabled menus and below them', () => {
    expect(mayOpen(given, '/officer/alerts')).toBe(true)
    expect(mayOpen(given, '/officer/alerts/123')).toBe(true)
  })

  it('does not open a disabled menu, a look-alike path or a page of no menu', () => {
    expect(mayOpen(given, '/operator/cameras')).toBe(false)
    expect(mayOpen(given, '/officer/alerts-archive')).toBe(false)
    expect(mayOpen(given, '/officer/port-monitoring')).toBe(false)
  })

  it('leaves an unregistered login to its platform roles', () => {
    expect(mayOpen(mine([], false), '/officer/port-monitoring')).toBe(true)
  })
})
