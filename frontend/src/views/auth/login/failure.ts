import { isApiError } from '@/api/http'
import { t } from '@/locales'

/** What the login page says about a refused login; `kind` tells them apart (colour, test hooks). */
export interface LoginFailure {
  kind: 'credentials' | 'locked' | 'throttled' | 'other'
  title: string
  detail: string
}

/**
 * 401 a wrong username or password; 423 a locked username (the server's detail says until when); 429 too many
 * failed logins from this address (the server's detail says for how many minutes) — not the account's fault, so
 * said apart: another account would be refused as well.
 */
export function describeLoginFailure(e: unknown): LoginFailure {
  if (!isApiError(e)) return { kind: 'other', title: t('error.network'), detail: '' }
  if (e.status === 401) return { kind: 'credentials', title: t('auth.wrongPassword'), detail: '' }
  if (e.status === 423) {
    const title = t('auth.locked')
    return { kind: 'locked', title, detail: e.detail !== title ? e.detail : '' }
  }
  if (e.status === 429) {
    const title = t('auth.throttled')
    return { kind: 'throttled', title, detail: e.detail !== title ? e.detail : '' }
  }
  return { kind: 'other', title: e.detail, detail: '' }
}
