import { t } from '@/locales'

export interface AuditColumn {
  prop: 'at' | 'username' | 'action' | 'org' | 'summary' | 'ip'
  label: string
  width?: number
  minWidth?: number
}

/** Columns of the audit table; a function so the headers follow the language. */
export function auditColumns(): AuditColumn[] {
  return [
    { prop: 'at', label: t('audit.columns.at'), width: 170 },
    { prop: 'username', label: t('audit.columns.username'), width: 130 },
    { prop: 'action', label: t('audit.columns.action'), width: 140 },
    { prop: 'org', label: t('audit.columns.org'), width: 180 },
    { prop: 'summary', label: t('audit.columns.summary'), minWidth: 260 },
    { prop: 'ip', label: t('audit.columns.ip'), width: 130 },
  ]
}
