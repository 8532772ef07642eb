import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api'
import { loginSessionOver } from './api'

describe('S2 login timeout in the web', () => {
  it('drops the session only when the service says the login session is over', () => {
    const problem = (status: number, code: string) => new ApiError('problem', status, { problem: { status, code } })
    expect(loginSessionOver(problem(401, 'SESSION_IDLE_TIMEOUT'))).toBe(true)
    expect(loginSessionOver(problem(401, 'SESSION_ENDED'))).toBe(true)
    // a plain 401 (token refused) is renewed by the client, and other refusals keep the session
    expect(loginSessionOver(problem(401, 'UNAUTHENTICATED'))).toBe(false)
    expect(loginSessionOver(problem(403, 'SESSION_IDLE_TIMEOUT'))).toBe(false)
    expect(loginSessionOver(problem(409, 'TEMPLATE_NOT_SUBSCRIBABLE'))).toBe(false)
    expect(loginSessionOver(new Error('SESSION_IDLE_TIMEOUT'))).toBe(false)
  })
})
