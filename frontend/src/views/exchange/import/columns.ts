import { t } from '@/locales'

export interface Column {
  prop: string
  label: string
  width?: number
  minWidth?: number
  align?: 'left' | 'right' | 'center'
}

/** Columns of the table of bad rows; a function so the headers follow the language. */
export function importErrorColumns(): Column[] {
  return [
    { prop: 'row', label: t('exchange.import.columns.row'), width: 80, align: 'right' },
    { prop: 'column', label: t('exchange.import.columns.column'), width: 160 },
    { prop: 'value', label: t('exchange.import.columns.value'), width: 200 },
    { prop: 'reason', label: t('exchange.import.columns.reason'), minWidth: 260 },
  ]
}
