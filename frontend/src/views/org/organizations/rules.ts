import type { FormItemRule } from 'element-plus'
import { t } from '@/locales'

/** The org form as edited in the dialog. */
export interface OrgForm {
  code: string
  name: string
  kind: string
  sector: string
  establishedOn: string | null
  lastElectionOn: string | null
  termYears: number | null
  residentYouth: number | null
  registeredPop635: number | null
  youthWorkCommittee: boolean | null
}

export type OrgFormField = keyof OrgForm

export const ORG_FORM_FIELDS: readonly OrgFormField[] = [
  'code',
  'name',
  'kind',
  'sector',
  'establishedOn',
  'lastElectionOn',
  'termYears',
  'residentYouth',
  'registeredPop635',
  'youthWorkCommittee',
]

export function emptyOrgForm(): OrgForm {
  return {
    code: '',
    name: '',
    kind: '',
    sector: '',
    establishedOn: null,
    lastElectionOn: null,
    termYears: null,
    residentYouth: null,
    registeredPop635: null,
    youthWorkCommittee: null,
  }
}

const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

function isWholeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v)
}

/** The message for a bad value of one field, or null when it is fine. Pure, so it is easy to test. */
export function checkOrgField(field: OrgFormField, form: OrgForm): string | null {
  const v = form[field]
  switch (field) {
    case 'code':
      if (blank(v)) return t('org.rules.codeRequired')
      return CODE_PATTERN.test(String(v).trim()) ? null : t('org.rules.codeFormat')
    case 'name':
      if (blank(v)) return t('org.rules.nameRequired')
      return String(v).trim().length > 100 ? t('org.rules.nameLength') : null
    case 'kind':
      return blank(v) ? t('org.rules.kindRequired') : null
    case 'sector':
      return blank(v) ? t('org.rules.sectorRequired') : null
    case 'termYears':
      if (blank(v)) return null
      return isWholeNumber(v) && v >= 1 && v <= 5 ? null : t('org.rules.termYearsRange')
    case 'residentYouth':
    case 'registeredPop635':
      if (blank(v)) return null
      return isWholeNumber(v) && v >= 0 ? null : t('org.rules.nonNegativeInteger')
    case 'lastElectionOn':
      if (blank(form.lastElectionOn) || blank(form.establishedOn)) return null
      return String(form.lastElectionOn) < String(form.establishedOn) ? t('org.rules.electionAfterEstablished') : null
    default:
      return null
  }
}

const REQUIRED: ReadonlySet<OrgFormField> = new Set(['code', 'name', 'kind', 'sector'])

/** el-form rules for the org form; a function so the messages follow the language. */
export function orgRules(form: OrgForm): Partial<Record<OrgFormField, FormItemRule[]>> {
  const rules: Partial<Record<OrgFormField, FormItemRule[]>> = {}
  for (const field of [
    'code',
    'name',
    'kind',
    'sector',
    'termYears',
    'residentYouth',
    'registeredPop635',
    'lastElectionOn',
  ] as const) {
    rules[field] = [
      {
        required: REQUIRED.has(field),
        trigger: field === 'kind' || field === 'sector' || field === 'lastElectionOn' ? 'change' : 'blur',
        validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
          const message = checkOrgField(field, form)
          if (message) callback(new Error(message))
          else callback()
        },
      },
    ]
  }
  return rules
}

/** Rules of the dissolve dialog. */
export function dissolveRules(): Record<'dissolvedOn' | 'reason', FormItemRule[]> {
  return {
    dissolvedOn: [{ required: true, message: t('org.rules.dissolvedOnRequired'), trigger: 'change' }],
    reason: [{ required: true, whitespace: true, message: t('org.rules.reasonRequired'), trigger: 'blur' }],
  }
}

/** Rules of the move dialog. */
export function moveRules(): Record<'newParentId', FormItemRule[]> {
  return {
    newParentId: [{ required: true, type: 'number', message: t('org.rules.newParentRequired'), trigger: 'change' }],
  }
}
