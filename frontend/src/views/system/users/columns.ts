import { t } from '@/locales'

export interface UserColumn {
  prop: 'username' | 'displayName' | 'roles' | 'scope' | 'status' | 'lastLoginAt'
  label: string
  width?: number
  minWidth?: number
}

/** Columns of the user list; a function so the headers follow the language. */
export function userColumns(): UserColumn[] {
  return [
    { prop: 'username', label: t('users.columns.username'), width: 140 },
    { prop: 'displayName', label: t('users.columns.displayName'), width: 120 },
    { prop: 'roles', label: t('users.columns.roles'), minWidth: 200 },
    { prop: 'scope', label: t('users.columns.scope'), minWidth: 180 },
    { prop: 'status', label: t('users.columns.status'), width: 150 },
    { prop: 'lastLoginAt', label: t('users.columns.lastLoginAt'), width: 170 },
  ]
}

export const ROLES = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'ORG_ADMIN', 'PARTY_REVIEWER'] as const

/**
 * The roles the web app grants. The 三员 (system, security, audit administrators) are kept only with the jar's
 * `users` command on the server; the API refuses them (403 `user.separated-admin`, docs/api.md "Users").
 */
export const GRANTABLE_ROLES = ['ORG_ADMIN', 'PARTY_REVIEWER'] as const

export const SEPARATED_ADMIN = 'user.separated-admin'
