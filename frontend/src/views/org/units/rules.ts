import type { FormItemRule } from 'element-plus'
import type { Unit, UnitFields, UnitType } from '@/api/org/units'
import { t } from '@/locales'

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

const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/** The message for a bad value of one field, or null when it is fine. */
export function checkUnitField(field: UnitFormField, form: UnitForm): string | null {
  const v = form[field]
  switch (field) {
    case 'code':
      if (blank(v)) return t('units.rules.codeRequired')
      return CODE_PATTERN.test(String(v).trim()) ? null : t('units.rules.codeFormat')
    case 'name':
      if (blank(v)) return t('units.rules.nameRequired')
      return String(v).trim().length > 100 ? t('units.rules.nameLength') : null
    case 'type':
      return blank(v) ? t('units.rules.typeRequired') : null
    case 'responsibleOrgId':
      return blank(v) ? t('units.rules.responsibleOrgRequired') : null
    case 'students':
      if (!fieldsForType(form.type).includes('students') || blank(v)) return null
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : t('units.rules.studentsInteger')
    case 'linkedOn':
      if (form.type !== 'YOUTH_SOCIETY') return null
      return blank(v) ? t('units.rules.linkedOnRequired') : null
    default:
      return null
  }
}

const CHECKED: readonly UnitFormField[] = ['code', 'name', 'type', 'responsibleOrgId', 'students', 'linkedOn']

/** el-form rules; a function so the messages follow the language and the type. */
export function unitRules(form: UnitForm): Partial<Record<UnitFormField, FormItemRule[]>> {
  const required = new Set<UnitFormField>(['code', 'name', 'type', 'responsibleOrgId'])
  if (form.type === 'YOUTH_SOCIETY') required.add('linkedOn')
  const rules: Partial<Record<UnitFormField, FormItemRule[]>> = {}
  for (const field of CHECKED) {
    rules[field] = [
      {
        required: required.has(field),
        trigger: field === 'code' || field === 'name' || field === 'students' ? 'blur' : 'change',
        validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
          const message = checkUnitField(field, form)
          if (message) callback(new Error(message))
          else callback()
        },
      },
    ]
  }
  return rules
}
