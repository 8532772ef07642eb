import type { Role } from '@/auth/roles'
import type { AreaId, MenuItem } from '../types'

/** A feature of a later release: its route shows the "coming" page. */
export function planned(area: AreaId, feature: string, service: string, roles?: readonly Role[]): MenuItem {
  return { id: `${area}.${feature}`, titleKey: `menu.${area}.${feature}`, path: `/${area}/${feature}`, status: 'planned', service, roles }
}

/** A built screen. */
export function ready(area: AreaId, feature: string, roles?: readonly Role[], path = `/${area}/${feature}`): MenuItem {
  return { id: `${area}.${feature}`, titleKey: `menu.${area}.${feature}`, path, status: 'ready', roles }
}

/** The area's home page. */
export function home(area: AreaId): MenuItem {
  return { id: `${area}.home`, titleKey: 'menu.home', path: `/${area}`, status: 'ready' }
}
