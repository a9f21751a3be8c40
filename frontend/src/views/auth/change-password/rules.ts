import type { FormItemRule } from 'element-plus'
import { t } from '@/locales'
import { passwordViolations } from '@/utils/password-policy'

export interface PasswordForm {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

type Callback = (error?: Error) => void

/** Form rules of the password change; a function so that the messages follow the language. */
export function passwordRules(form: PasswordForm, username: () => string): Record<keyof PasswordForm, FormItemRule[]> {
  return {
    currentPassword: [{ required: true, message: t('password.currentRequired'), trigger: 'blur' }],
    newPassword: [
      { required: true, message: t('password.newRequired'), trigger: 'blur' },
      {
        trigger: ['blur', 'change'],
        validator: (_rule: unknown, value: string, callback: Callback) => {
          const broken = passwordViolations(value ?? '', username())
          if (broken.length > 0) callback(new Error(broken.map((r) => t(`password.rules.${r}`)).join('；')))
          else if (value === form.currentPassword) callback(new Error(t('password.sameAsCurrent')))
          else callback()
        },
      },
    ],
    confirmPassword: [
      { required: true, message: t('password.confirmRequired'), trigger: 'blur' },
      {
        trigger: ['blur', 'change'],
        validator: (_rule: unknown, value: string, callback: Callback) => {
          if (value !== form.newPassword) callback(new Error(t('password.mismatch')))
          else callback()
        },
      },
    ],
  }
}
