import type { FormItemRule } from 'element-plus'
import type { Unit, UnitFields, UnitType } from '@/api/org/units'
import type { FormRules } from '@/api/meta/field-rules'
import { t, tOr } from '@/locales'
import { checkByRule, requiredChoice, ruleItems } from '../field-rules'

/** The unit form as edited in the dialog. */
export interface UnitForm {
  code: string
  name: string
  type: UnitType | ''
  responsibleOrgId: number | null
  leagueOrgId: number | null
  aboveScale: boolean | null
  meetsConditions: boolean | null
  hasPartyOrg: boolean | null
  standalone: boolean | null
  hasLeagueSchool: boolean | null
  students: number | null
  linkedOn: string | null
  ledDirectly: boolean | null
}

export type UnitFormField = keyof UnitForm

/** Fields that only some types have (docs/exchange.md `units`). */
export type TypeField =
  | 'aboveScale'
  | 'meetsConditions'
  | 'hasPartyOrg'
  | 'standalone'
  | 'hasLeagueSchool'
  | 'students'
  | 'linkedOn'
  | 'ledDirectly'
export const TYPE_FIELDS: readonly TypeField[] = [
  'aboveScale',
  'meetsConditions',
  'hasPartyOrg',
  'standalone',
  'hasLeagueSchool',
  'students',
  'linkedOn',
  'ledDirectly',
]

export const UNIT_FORM_FIELDS: readonly UnitFormField[] = [
  'code',
  'name',
  'type',
  'responsibleOrgId',
  'leagueOrgId',
  ...TYPE_FIELDS,
]

export const ENTERPRISE_TYPES: readonly UnitType[] = ['NON_PUBLIC_ENTERPRISE', 'STATE_ENTERPRISE']
export const SCHOOL_TYPES: readonly UnitType[] = ['UNIVERSITY', 'VOCATIONAL', 'HIGH_SCHOOL', 'MIDDLE_SCHOOL']

/** The type-specific fields shown for a type: enterprises scale and party org, schools standalone / league school / students, youth societies linked date and led directly. */
export function fieldsForType(type: UnitType | ''): TypeField[] {
  if (type === '') return []
  if (ENTERPRISE_TYPES.includes(type)) return ['aboveScale', 'meetsConditions', 'hasPartyOrg']
  if (type === 'SOCIAL_ORGANIZATION') return ['meetsConditions', 'hasPartyOrg']
  if (SCHOOL_TYPES.includes(type)) return ['standalone', 'hasLeagueSchool', 'students']
  if (type === 'YOUTH_SOCIETY') return ['linkedOn', 'ledDirectly']
  if (type === 'VILLAGE' || type === 'COMMUNITY') return []
  return ['meetsConditions']
}

export function emptyUnitForm(): UnitForm {
  return {
    code: '',
    name: '',
    type: '',
    responsibleOrgId: null,
    leagueOrgId: null,
    aboveScale: null,
    meetsConditions: null,
    hasPartyOrg: null,
    standalone: null,
    hasLeagueSchool: null,
    students: null,
    linkedOn: null,
    ledDirectly: null,
  }
}

export function formOf(u: Unit): UnitForm {
  return {
    code: u.code,
    name: u.name,
    type: u.type,
    responsibleOrgId: u.responsibleOrg.id,
    leagueOrgId: u.leagueOrg?.id ?? null,
    aboveScale: u.aboveScale,
    meetsConditions: u.meetsConditions,
    hasPartyOrg: u.hasPartyOrg,
    standalone: u.standalone,
    hasLeagueSchool: u.hasLeagueSchool,
    students: u.students,
    linkedOn: u.linkedOn,
    ledDirectly: u.ledDirectly,
  }
}

/** The request body: trimmed, and the fields the type does not have sent as null. */
export function bodyOf(form: UnitForm): UnitFields {
  const shown = new Set<TypeField>(fieldsForType(form.type))
  const pick = <K extends TypeField>(k: K): UnitForm[K] | null => (shown.has(k) ? form[k] : null)
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    type: form.type as UnitType,
    responsibleOrgId: form.responsibleOrgId ?? 0,
    leagueOrgId: form.leagueOrgId,
    aboveScale: pick('aboveScale'),
    meetsConditions: pick('meetsConditions'),
    hasPartyOrg: pick('hasPartyOrg'),
    standalone: pick('standalone'),
    hasLeagueSchool: pick('hasLeagueSchool'),
    students: pick('students'),
    linkedOn: pick('linkedOn') || null,
    ledDirectly: pick('ledDirectly'),
  }
}

function label(field: string): string {
  return tOr(`units.fields.${field}`, field)
}

/** Fields only some types have are judged only when the type has them (else they are sent as null). */
function applies(field: UnitFormField, form: UnitForm): boolean {
  return !(TYPE_FIELDS as readonly string[]).includes(field) || fieldsForType(form.type).includes(field as TypeField)
}

/**
 * The message for a bad value of one field by the served rules, or null when it is fine (type and the
 * responsible org, which are chosen, are only required).
 */
export function checkUnitField(field: UnitFormField, form: UnitForm, served: FormRules): string | null {
  if (field === 'type') return form.type ? null : t('units.rules.typeRequired')
  if (field === 'responsibleOrgId')
    return form.responsibleOrgId === null ? t('units.rules.responsibleOrgRequired') : null
  const rule = served[field]
  if (!rule || !applies(field, form)) return null
  const before = rule.notBefore
  const other = before && before in form ? { value: form[before as UnitFormField], label: label(before) } : null
  return checkByRule(rule, form[field], label(field), other)
}

/**
 * el-form rules from the server's field rules (`served`: null until they have come); a function so the
 * messages follow the language and the type.
 */
export function unitRules(form: UnitForm, served: FormRules | null): Partial<Record<UnitFormField, FormItemRule[]>> {
  const rules: Partial<Record<UnitFormField, FormItemRule[]>> = {
    type: requiredChoice(
      () => t('units.rules.typeRequired'),
      () => form.type,
    ),
    responsibleOrgId: requiredChoice(
      () => t('units.rules.responsibleOrgRequired'),
      () => form.responsibleOrgId,
    ),
  }
  for (const field of UNIT_FORM_FIELDS) {
    const rule = served?.[field]
    if (!rule || !applies(field, form)) continue
    rules[field] = ruleItems(rule, { label: label(field), value: () => form[field] })
  }
  return rules
}
