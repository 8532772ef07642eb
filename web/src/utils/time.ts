/** Screens show times in Beijing time (Asia/Shanghai), whatever the browser's zone; storage and APIs use instants. */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai'
const SHANGHAI_OFFSET_MINUTES = 8 * 60 // China has kept UTC+8 without daylight saving since 1991

/** `2026-03-01T02:03:04Z` → `2026-03-01 10:03:04` (Beijing time); an unreadable value is shown as it came. */
export function formatInstant(value: string | undefined | null): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: PLATFORM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

/**
 * A wall-clock time the user picked, read as Beijing time, to the instant the API wants:
 * `2026-03-01T10:00:00` → `2026-03-01T02:00:00.000Z`.
 */
export function beijingToInstant(wallClock: string | undefined | null): string | undefined {
  if (!wallClock) return undefined
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallClock.trim())
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match
  const utcMillis =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0')) -
    SHANGHAI_OFFSET_MINUTES * 60_000
  return new Date(utcMillis).toISOString()
}
