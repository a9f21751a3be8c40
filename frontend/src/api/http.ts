import axios, { AxiosError, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import type { FieldProblem, ProblemDetail, ProblemItem, RowProblem } from './types'
import { i18n, t, type Lang } from '@/locales'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Do not show the server's `detail` as a message; the caller presents the error itself. */
    silent?: boolean
    /** A 401 is an expected answer here (login, the first `me`): do not redirect to the login page. */
    skipAuthRedirect?: boolean
  }
}

export const PASSWORD_CHANGE_REQUIRED = 'auth.password-change-required'

/** An API failure, carrying the problem details of the server. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string | null
  readonly detail: string
  readonly title: string | null
  readonly errors: ProblemItem[]

  constructor(status: number, problem: ProblemDetail, fallbackMessage: string) {
    const detail = problem.detail?.trim() || fallbackMessage
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? null
    this.detail = detail
    this.title = problem.title ?? null
    this.errors = Array.isArray(problem.errors) ? problem.errors : []
  }

  /** Errors that concern a form field. */
  get fieldErrors(): FieldProblem[] {
    return this.errors.filter(isFieldProblem)
  }

  /** Errors that concern a row of an import file. */
  get rowErrors(): RowProblem[] {
    return this.errors.filter(isRowProblem)
  }
}

export function isFieldProblem(p: ProblemItem): p is FieldProblem {
  return typeof (p as FieldProblem).field === 'string'
}

export function isRowProblem(p: ProblemItem): p is RowProblem {
  return typeof (p as RowProblem).row === 'number'
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(reader.error)
    reader.readAsText(blob)
  })
}

/** Reads a problem document out of a response body (JSON object, JSON string or Blob). */
export async function readProblem(data: unknown): Promise<ProblemDetail> {
  let body: unknown = data
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    try {
      body = await blobText(body)
    } catch {
      return {}
    }
  }
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      return {}
    }
  }
  if (!isRecord(body)) return {}
  const p: ProblemDetail = {}
  if (typeof body.type === 'string') p.type = body.type
  if (typeof body.title === 'string') p.title = body.title
  if (typeof body.status === 'number') p.status = body.status
  if (typeof body.detail === 'string') p.detail = body.detail
  if (typeof body.code === 'string') p.code = body.code
  if (Array.isArray(body.errors)) p.errors = body.errors.filter(isRecord) as unknown as ProblemItem[]
  return p
}

function fallbackFor(status: number): string {
  if (status === 0) return t('error.network')
  if (status === 401) return t('error.sessionExpired')
  if (status === 403) return t('error.forbidden')
  if (status === 413) return t('error.tooLarge')
  return t('error.unknown', { status })
}

/** Turns any failure of axios into an ApiError. */
export async function toApiError(error: unknown): Promise<ApiError> {
  if (error instanceof ApiError) return error
  if (error instanceof AxiosError && error.response) {
    const status = error.response.status
    return new ApiError(status, await readProblem(error.response.data), fallbackFor(status))
  }
  return new ApiError(0, {}, fallbackFor(0))
}

/** What the interceptor does in the app; replaced in tests. */
export interface ErrorHandlers {
  notify: (message: string) => void
  onUnauthorized: () => void
  onPasswordChangeRequired: () => void
}

const noop = () => {}
let handlers: ErrorHandlers = { notify: noop, onUnauthorized: noop, onPasswordChangeRequired: noop }

export function setErrorHandlers(h: ErrorHandlers): void {
  handlers = h
}

/**
 * Installs the response interceptor: every failure becomes an ApiError; a 401 sends the user to the
 * login page (unless the call expects it), a 403 "password change required" to the change-password page,
 * and the server's `detail` is shown unless the call is silent.
 */
export function installInterceptors(instance: AxiosInstance, getHandlers: () => ErrorHandlers = () => handlers): void {
  instance.interceptors.response.use(
    (response: AxiosResponse) => response,
    async (error: unknown) => {
      const apiError = await toApiError(error)
      const config: InternalAxiosRequestConfig | undefined = error instanceof AxiosError ? error.config : undefined
      const h = getHandlers()
      if (apiError.status === 401 && !config?.skipAuthRedirect) {
        h.notify(t('error.sessionExpired'))
        h.onUnauthorized()
      } else if (apiError.status === 403 && apiError.code === PASSWORD_CHANGE_REQUIRED) {
        h.notify(t('error.passwordChangeRequired'))
        h.onPasswordChangeRequired()
      } else if (!config?.silent) {
        h.notify(apiError.detail)
      }
      return Promise.reject(apiError)
    },
  )
}

/**
 * The Accept-Language for the UI language: the server answers its texts (problem details, field rules,
 * import reasons, indicator names) in English for `en…` and in Chinese otherwise (docs/api.md).
 */
export function acceptLanguage(lang: Lang): string {
  return lang === 'en-US' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9'
}

/** The current UI language: store/locale.ts sets it on the i18n instance whenever the user switches. */
function currentLang(): Lang {
  return i18n.global.locale.value === 'en-US' ? 'en-US' : 'zh-CN'
}

/** Installs the request interceptor that sends the UI language with every request, read at send time. */
export function installLanguageHeader(instance: AxiosInstance, lang: () => Lang = currentLang): void {
  instance.interceptors.request.use((config) => {
    config.headers.set('Accept-Language', acceptLanguage(lang()))
    return config
  })
}

export function createHttp(): AxiosInstance {
  const instance = axios.create({
    baseURL: 'api/v1',
    withCredentials: true,
    xsrfCookieName: 'XSRF-TOKEN',
    xsrfHeaderName: 'X-XSRF-TOKEN',
    timeout: 120_000,
  })
  installLanguageHeader(instance)
  installInterceptors(instance)
  return instance
}

/** The one axios instance of the app. */
export const http = createHttp()
