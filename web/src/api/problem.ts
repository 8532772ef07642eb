/**
 * RFC 7807 problem details as every service and the gateway return them (`application/problem+json`): the standard
 * members plus a stable `code`, the message in Chinese and English, the request id and, for validation, the fields.
 */
export interface FieldViolation {
  field: string
  constraint?: string
  messageZh?: string
  messageEn?: string
}

export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  code?: string
  messageZh?: string
  messageEn?: string
  requestId?: string
  timestamp?: string
  errors?: FieldViolation[]
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** Reads a problem detail out of a parsed JSON body; anything that does not look like one gives `undefined`. */
export function parseProblem(body: unknown): ProblemDetail | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return undefined
  }
  const raw = body as Record<string, unknown>
  const problem: ProblemDetail = {
    type: str(raw.type),
    title: str(raw.title),
    status: typeof raw.status === 'number' ? raw.status : undefined,
    detail: str(raw.detail),
    instance: str(raw.instance),
    code: str(raw.code),
    messageZh: str(raw.messageZh),
    messageEn: str(raw.messageEn),
    requestId: str(raw.requestId),
    timestamp: str(raw.timestamp),
  }
  if (Array.isArray(raw.errors)) {
    problem.errors = raw.errors
      .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
      .map((e) => ({
        field: str(e.field) ?? '',
        constraint: str(e.constraint),
        messageZh: str(e.messageZh),
        messageEn: str(e.messageEn),
      }))
  }
  const meaningful = problem.code || problem.messageZh || problem.messageEn || problem.detail || problem.title
  return meaningful || problem.status !== undefined ? problem : undefined
}

function isEnglish(locale: string): boolean {
  return locale.toLowerCase().startsWith('en')
}

/** The problem's message in the user's language: that language's message, else `detail`, else the other language. */
export function problemMessage(problem: ProblemDetail, locale: string): string | undefined {
  return isEnglish(locale)
    ? (problem.messageEn ?? problem.detail ?? problem.messageZh)
    : (problem.messageZh ?? problem.detail ?? problem.messageEn)
}

/** The failing fields, each as "field: message" in the user's language. */
export function fieldMessages(problem: ProblemDetail | undefined, locale: string): string[] {
  return (problem?.errors ?? []).map((e) => {
    const message = isEnglish(locale) ? (e.messageEn ?? e.messageZh) : (e.messageZh ?? e.messageEn)
    return message ? (e.field ? `${e.field}: ${message}` : message) : e.field
  })
}

export type ApiErrorKind = 'problem' | 'http' | 'network' | 'timeout' | 'unreadable'

/** Why an API call failed, with what the user should read. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number
  readonly problem?: ProblemDetail
  readonly requestId?: string

  constructor(kind: ApiErrorKind, status: number, options: { problem?: ProblemDetail; requestId?: string; cause?: unknown } = {}) {
    super(options.problem?.messageEn ?? options.problem?.detail ?? `${kind} ${status}`)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.problem = options.problem
    this.requestId = options.problem?.requestId ?? options.requestId
    if (options.cause !== undefined) {
      ;(this as { cause?: unknown }).cause = options.cause
    }
  }

  get code(): string | undefined {
    return this.problem?.code
  }
}

/** The message for a status without a readable problem body. */
export function statusMessageKey(status: number): string {
  if (status === 401) return 'error.unauthenticated'
  if (status === 403) return 'error.forbidden'
  if (status === 404) return 'error.notFound'
  if (status === 409) return 'error.conflict'
  if (status === 429) return 'error.tooManyRequests'
  if (status === 502 || status === 503 || status === 504) return 'error.unavailable'
  if (status >= 500) return 'error.server'
  return 'error.generic'
}

/**
 * What to tell the user about a failed call, in the current language: the service's own message when it sent a
 * problem detail, else a message for the kind of failure; with the request id to quote when there is one.
 */
export function describeError(error: unknown, locale: string, t: Translate): string {
  let message: string
  let requestId: string | undefined
  if (error instanceof ApiError) {
    requestId = error.requestId
    const fromProblem = error.problem ? problemMessage(error.problem, locale) : undefined
    if (fromProblem) {
      message = fromProblem
    } else if (error.kind === 'network') {
      message = t('error.network')
    } else if (error.kind === 'timeout') {
      message = t('error.timeout')
    } else if (error.kind === 'unreadable') {
      message = t('error.badResponse', { status: error.status })
    } else {
      message = t(statusMessageKey(error.status), { status: error.status })
    }
  } else {
    message = t('error.network')
  }
  return requestId ? t('error.withRequestId', { message, requestId }) : message
}
