import { describe, expect, it } from 'vitest'
import { featureViews, mergeMessages } from './index'

describe('feature modules', () => {
  it('merge messages deeply and refuse a message defined twice', () => {
    const merged = mergeMessages({ menu: { home: 'Home' } }, { menu: { traveler: { x: 'X' } }, passenger: { a: 'A' } })
    expect(merged).toEqual({ menu: { home: 'Home', traveler: { x: 'X' } }, passenger: { a: 'A' } })
    expect(() => mergeMessages({ menu: { home: 'Home' } }, { menu: { home: 'Again' } })).toThrow(/menu.home/)
  })

  it('refuse a menu item claimed by two features', () => {
    const view = { component: async () => ({}) }
    expect(() => featureViews([{ id: 'a', views: { 'x.y': view } }, { id: 'b', views: { 'x.y': view } }])).toThrow(/x.y/)
  })
})
