import type { MenuArea } from '../types'
import { home, planned } from './helpers'

/** 旅客服务 — the portal of travellers leaving the island (passenger-service). */
export const travelerArea: MenuArea = {
  id: 'traveler',
  titleKey: 'menu.traveler.title',
  icon: 'Suitcase',
  roles: ['traveler'],
  home: home('traveler'),
  items: [
    planned('traveler', 'declarations', 'passenger-service'),
    planned('traveler', 'tax', 'passenger-service'),
    planned('traveler', 'certificates', 'passenger-service'),
    planned('traveler', 'timeline', 'passenger-service'),
    planned('traveler', 'guides', 'passenger-service'),
  ],
}
