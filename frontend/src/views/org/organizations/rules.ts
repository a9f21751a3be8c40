import type { FormItemRule } from 'element-plus'
import type { FormRules } from '@/api/meta/field-rules'
import { t, tOr } from '@/locales'
import { checkByRule, requiredChoice, ruleItems } from '../field-rules'

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

function label(field: string): string {
  return tOr(`org.fields.${field}`, field)
}

function other<F extends object>(form: F, field: string | null) {
  if (field === null || !(field in form)) return null
  return { value: (form as Record<string, unknown>)[field], label: label(field) }
}

/**
 * The message for a bad value of one field by the served rules, or null when it is fine (kind and sector,
 * which the enums fill, are only required). Pure, so it is easy to test.
 */
export function checkOrgField(field: OrgFormField, form: OrgForm, served: FormRules): string | null {
  if (field === 'kind') return form.kind ? null : t('org.rules.kindRequired')
  if (field === 'sector') return form.sector ? null : t('org.rules.sectorRequired')
  const rule = served[field]
  if (!rule) return null
  return checkByRule(rule, form[field], label(field), other(form, rule.notBefore))
}

/**
 * el-form rules for the org form, from the server's field rules (`served`: null until they have come, when
 * only the choices are checked and the server still judges); a function so the messages follow the language.
 */
export function orgRules(form: OrgForm, served: FormRules | null): Partial<Record<OrgFormField, FormItemRule[]>> {
  const rules: Partial<Record<OrgFormField, FormItemRule[]>> = {
    kind: requiredChoice(
      () => t('org.rules.kindRequired'),
      () => form.kind,
    ),
    sector: requiredChoice(
      () => t('org.rules.sectorRequired'),
      () => form.sector,
    ),
  }
  for (const field of ORG_FORM_FIELDS) {
    const rule = served?.[field]
    if (!rule) continue
    rules[field] = ruleItems(rule, {
      label: label(field),
      value: () => form[field],
      other: () => other(form, rule.notBefore),
    })
  }
  return rules
}

/** Whether the code is shown read-only: the served rule says it cannot change once the org exists. */
export function codeReadOnly(served: FormRules | null, editing: boolean): boolean {
  return editing && served?.code?.readOnlyAfterCreate === true
}

/** Rules of the dissolve dialog: the date is required, the rest is the server's (`dissolve`). */
export function dissolveRules(
  form: { dissolvedOn: string | null; reason: string },
  served: FormRules | null,
  establishedOn: string | null,
): Record<'dissolvedOn' | 'reason', FormItemRule[]> {
  return {
    dissolvedOn: [
      { required: true, message: t('org.rules.dissolvedOnRequired'), trigger: 'change' },
      ...ruleItems(served?.dissolvedOn, {
        label: t('org.dialogs.dissolvedOn'),
        value: () => form.dissolvedOn,
        other: () => ({ value: establishedOn, label: label('establishedOn') }),
        trigger: 'change',
      }),
    ],
    reason: served?.reason
      ? ruleItems(served.reason, { label: t('org.dialogs.reason'), value: () => form.reason })
      : [{ required: true, whitespace: true, message: t('org.rules.reasonRequired'), trigger: 'blur' }],
  }
}

/** Rules of the restore dialog (`restore`). */
export function restoreRules(form: { reason: string }, served: FormRules | null): Record<'reason', FormItemRule[]> {
  return {
    reason: served?.reason
      ? ruleItems(served.reason, { label: t('org.restore.reason'), value: () => form.reason })
      : [{ required: true, whitespace: true, message: t('org.rules.restoreReasonRequired'), trigger: 'blur' }],
  }
}

/** Rules of the move dialog. */
export function moveRules(): Record<'newParentId', FormItemRule[]> {
  return {
    newParentId: [{ required: true, type: 'number', message: t('org.rules.newParentRequired'), trigger: 'change' }],
  }
}
