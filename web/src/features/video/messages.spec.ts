import { describe, expect, it } from 'vitest'
import video from './index'
import type { MessageTree } from '../types'

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

describe('video feature', () => {
  it('has every message in Chinese and in English', () => {
    const zh = keys(video.messages!['zh-CN']).sort()
    const en = keys(video.messages!.en).sort()
    expect(zh).toEqual(en)
    expect(zh.length).toBeGreaterThan(40)
  })

  it('claims the watch-list menu item and its own new items only', () => {
    expect(Object.keys(video.views!).sort()).toEqual([
      'officer.face-library',
      'officer.officer-contacts',
      'officer.person-tracking',
      'officer.recognition-checks',
      'officer.vehicle-control',
      'officer.video-alerts',
      'officer.video-analysis-tasks',
      'officer.video-cameras',
      'officer.video-data',
      'officer.video-data-services',
      'officer.video-inspections',
      'officer.watchlist-targets',
      'officer.watchlist-tasks',
      'operator.officer-contacts',
    ])
  })
})
