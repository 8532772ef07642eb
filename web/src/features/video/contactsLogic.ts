/** View logic of the officer contacts screen and of an alert's delivery outcomes (kept apart to be tested alone). */

export interface OfficerContact {
  username: string
  phone: string | null
  pushDeviceId: string | null
  updatedBy: string | null
  updatedAt: string | null
}

export interface DeliveryNotification {
  username: string
  channel: string
  status: string
  attempts: number
  partnerMessageId: string | null
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

/** Mainland mobile numbers (11 digits from 1), optionally with +86. */
const PHONE = /^(\+86)?1\d{10}$/

/** The message keys of what is wrong with a contact before it is sent (the service checks again). */
export function contactProblems(phone: string, pushDeviceId: string): string[] {
  const problems: string[] = []
  const p = phone.trim()
  const d = pushDeviceId.trim()
  if (!p && !d) problems.push('video.contacts.needOne')
  if (p && !PHONE.test(p)) problems.push('video.contacts.badPhone')
  if (d.length > 128) problems.push('video.contacts.badDevice')
  return problems
}

/** Only administrators list and edit anyone's contact; an officer edits only his own. */
export function canEditOthers(roles: readonly string[]): boolean {
  return roles.includes('platform-admin')
}

/** A phone shown without its middle digits. */
export function maskPhone(phone: string | null): string {
  if (!phone) return ''
  return phone.length >= 11 ? `${phone.slice(0, phone.length - 8)}****${phone.slice(-4)}` : phone
}

/** The tag colour of a delivery outcome. */
export function outcomeType(status: string): 'success' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'SENT':
      return 'success'
    case 'PENDING':
    case 'RETRYING':
      return 'warning'
    case 'FAILED':
    case 'NO_CONTACT':
      return 'danger'
    default:
      return 'info'
  }
}

/** Counts per outcome, and the notifications with failures first (then by officer and channel). */
export function deliverySummary(rows: readonly DeliveryNotification[]): {
  counts: Record<string, number>
  rows: DeliveryNotification[]
} {
  const counts: Record<string, number> = {}
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1
  const rank = (s: string) => (s === 'FAILED' || s === 'NO_CONTACT' ? 0 : s === 'SENT' ? 2 : 1)
  const sorted = [...rows].sort(
    (a, b) => rank(a.status) - rank(b.status) || a.username.localeCompare(b.username) || a.channel.localeCompare(b.channel),
  )
  return { counts, rows: sorted }
}
