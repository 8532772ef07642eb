/**
 * A fresh `X-Request-Id` for each call: a random UUID (v4). Services accept a caller's id when it is 8–64 of
 * `[A-Za-z0-9._:-]`, keep it in their logs, audit rows and events, and return it; so a user can quote it to operators.
 * `crypto.randomUUID` needs a secure context, so plain HTTP on another host falls back to `getRandomValues`.
 */
export function newRequestId(cryptoImpl: Crypto | undefined = globalThis.crypto): string {
  if (cryptoImpl && typeof cryptoImpl.randomUUID === 'function') {
    return cryptoImpl.randomUUID()
  }
  const bytes = new Uint8Array(16)
  if (cryptoImpl && typeof cryptoImpl.getRandomValues === 'function') {
    cryptoImpl.getRandomValues(bytes)
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,64}$/
