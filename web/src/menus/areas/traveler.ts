import type { MenuArea } from '../types'
import { home, ready } from './helpers'

/** 旅客服务 — the portal of travellers leaving the island (passenger-service). */
export const travelerArea: MenuArea = {
  id: 'traveler',
  titleKey: 'menu.traveler.title',
  icon: 'Suitcase',
  roles: ['traveler'],
  home: home('traveler'),
  items: [
    ready('traveler', 'declarations'),
    ready('traveler', 'tax'),
    ready('traveler', 'certificates'),
    ready('traveler', 'timeline'),
    ready('traveler', 'guides'),
  ],
}
