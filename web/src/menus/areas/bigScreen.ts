import type { MenuArea } from '../types'
import { ready } from './helpers'

/** 态势大屏 — the command centre's big screen; the port situation One Map will fill it (port-situation-service). */
export const bigScreenArea: MenuArea = {
  id: 'big-screen',
  titleKey: 'menu.big-screen.title',
  icon: 'DataAnalysis',
  roles: [
    'customs-officer',
    'customs-reviewer',
    'maritime-officer',
    'border-officer',
    'gov-province',
    'sw-operator',
    'platform-admin',
  ],
  items: [ready('big-screen', 'situation', undefined, '/big-screen')],
}
