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
