import { http } from '../http'

/**
 * One rule the server checks a form field with (docs/api.md `GET /meta/field-rules`); absent parts are null.
 * `pattern` is anchored and valid in JavaScript; `notBefore` names the field of the same form whose date this
 * one may not precede; `readOnlyAfterCreate`: the field (a code) cannot change once the record exists.
 */
export interface FieldRule {
  field: string
  key: string
  label: string
  required: boolean
  maxLength: number | null
  pattern: string | null
  patternMessage: string | null
  min: number | null
  max: number | null
  earliest: string | null
  notAfterToday: boolean
  notBefore: string | null
  readOnlyAfterCreate: boolean
}

export type FormRules = Record<string, FieldRule>

export interface FieldRules {
  org: FormRules
  unit: FormRules
  dissolve: FormRules
  restore: FormRules
}

export async function fetchFieldRules(): Promise<FieldRules> {
  const { data } = await http.get<FieldRules>('/meta/field-rules')
  return data
}

let rules: Promise<FieldRules> | null = null

/** The field rules, asked once per page load; a failed request is asked again next time. */
export function loadFieldRules(): Promise<FieldRules> {
  rules ??= fetchFieldRules().catch((e: unknown) => {
    rules = null
    throw e
  })
  return rules
}

/** For tests: forget the cached answer. */
export function forgetFieldRules(): void {
  rules = null
}
