import type { FormItemRule } from 'element-plus'
import { t } from '@/locales'

export interface UserForm {
  username: string
  displayName: string
  roles: string[]
  scopeOrgId: number | null
  enabled: boolean
}

export const USER_FORM_FIELDS = ['username', 'displayName', 'roles', 'scopeOrgId', 'enabled'] as const

export function userRules(): Record<'username' | 'displayName' | 'roles' | 'scopeOrgId', FormItemRule[]> {
  return {
    username: [
      { required: true, whitespace: true, message: t('users.rules.usernameRequired'), trigger: 'blur' },
      { pattern: /^[A-Za-z0-9._-]{3,32}$/, message: t('users.rules.usernameFormat'), trigger: 'blur' },
    ],
    displayName: [{ required: true, whitespace: true, message: t('users.rules.displayNameRequired'), trigger: 'blur' }],
    roles: [{ required: true, type: 'array', min: 1, message: t('users.rules.rolesRequired'), trigger: 'change' }],
    // Both grantable roles need a 管理范围 strictly below the caller's own (user.scope-required otherwise).
    scopeOrgId: [{ required: true, type: 'number', message: t('users.rules.scopeRequired'), trigger: 'change' }],
  }
}
