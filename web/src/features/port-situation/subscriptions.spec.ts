import { describe, expect, it } from 'vitest'
import { targetProblem } from './api'

describe('targetProblem', () => {
  it('takes a mainland mobile number for SMS and nothing else', () => {
    expect(targetProblem('SMS', '13907560123')).toBeNull()
    expect(targetProblem('SMS', ' 13907560123 ')).toBeNull()
    expect(targetProblem('SMS', '12907560123')).toBe('subscriptions.errors.mobile')
    expect(targetProblem('SMS', '110')).toBe('subscriptions.errors.mobile')
    expect(targetProblem('SMS', 'https://example.com')).toBe('subscriptions.errors.mobile')
  })

  it('takes an absolute http(s) URL without credentials for a webhook', () => {
    expect(targetProblem('WEBHOOK', 'https://erp.example.com/hnsw/alerts')).toBeNull()
    expect(targetProblem('WEBHOOK', 'ftp://example.com/x')).toBe('subscriptions.errors.url')
    expect(targetProblem('WEBHOOK', '/relative/path')).toBe('subscriptions.errors.url')
    expect(targetProblem('WEBHOOK', 'https://user:secret@example.com/')).toBe('subscriptions.errors.url')
    expect(targetProblem('WEBHOOK', '13907560123')).toBe('subscriptions.errors.url')
  })

  it('takes an e-mail address for EMAIL', () => {
    expect(targetProblem('EMAIL', 'duty@xinhai-port.cn')).toBeNull()
    expect(targetProblem('EMAIL', 'duty at xinhai-port')).toBe('subscriptions.errors.email')
    expect(targetProblem('EMAIL', 'a@b')).toBe('subscriptions.errors.email')
  })
})
