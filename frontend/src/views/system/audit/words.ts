import { t, tOr } from '@/locales'

/**
 * The audit log in words: the server records codes (ORG_CREATED, lastElectionOn, BRANCH, true) so that the log
 * stays exact; the page shows them as a league office says them, in the user's language. Unknown codes are
 * shown as they are, never hidden.
 */

export function actionLabel(code: string): string {
  return tOr(`audit.actions.${code}`, code)
}

export function targetTypeLabel(type: string | null): string {
  if (!type) return ''
  return tOr(`audit.targetTypes.${type}`, type)
}

/** Where the label of a changed field is, by the type of record changed; the first that knows it wins. */
const FIELD_LABELS: Readonly<Record<string, readonly string[]>> = {
  ORG: ['org.fields', 'audit.fields'],
  UNIT: ['units.fields', 'audit.fields'],
  USER: ['users.form', 'users.columns', 'audit.fields'],
}
const ANY_TYPE: readonly string[] = ['org.fields', 'units.fields', 'users.form', 'users.columns', 'audit.fields']

export function fieldLabel(targetType: string | null, field: string): string {
  const places = (targetType && FIELD_LABELS[targetType]) || ANY_TYPE
  for (const place of places) {
    const label = tOr(`${place}.${field}`, '')
    if (label) return label
  }
  return field
}

/** Fields whose values are codes of a list, and where their labels are. */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  kind: 'org.kinds',
  sector: 'org.sectors',
  type: 'units.types',
}

export function valueLabel(targetType: string | null, field: string, value: string | null): string {
  if (value === null || value === '') return t('audit.emptyValue')
  if (value === 'true') return t('common.yes')
  if (value === 'false') return t('common.no')
  if (field === 'roles') {
    return value
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map((r) => tOr(`users.roles.${r}`, r))
      .join('、')
  }
  // A unit's `type` is a unit type; anything else called `type` is left as it is.
  const list = VALUE_LABELS[field]
  if (list && (field !== 'type' || targetType === 'UNIT' || targetType === null)) return tOr(`${list}.${value}`, value)
  return value
}
