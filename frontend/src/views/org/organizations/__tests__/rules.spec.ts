import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import type { FormRules } from '@/api/meta/field-rules'
import { SERVED } from '../../__tests__/served-rules'
import {
  checkOrgField,
  codeReadOnly,
  dissolveRules,
  emptyOrgForm,
  orgRules,
  restoreRules,
  type OrgForm,
} from '../rules'

function validForm(): OrgForm {
  return {
    ...emptyOrgForm(),
    code: 'C01.T03.V12',
    name: '共青团示例镇委员会',
    kind: 'TOWNSHIP_COMMITTEE',
    sector: 'TOWNSHIP',
  }
}

type Rules = Record<string, { validator?: unknown }[] | undefined>

/** Runs the validator of an el-form rule and returns the message, or null when it passes. */
function run(rules: Rules, field: string): string | null {
  const rule = rules[field]?.find((r) => r.validator) as
    { validator: (r: unknown, v: unknown, cb: (e?: Error) => void) => void } | undefined
  if (!rule) throw new Error(`no validator for ${field}`)
  let message: string | null = 'not called'
  rule.validator(rule, undefined, (error?: Error) => {
    message = error ? error.message : null
  })
  return message
}

const runRule = (form: OrgForm, field: keyof OrgForm, served: FormRules = SERVED.org) =>
  run(orgRules(form, served) as Rules, field)

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('org form rules, built from the served field rules', () => {
  it('accept a complete form with a dotted code, as every demo code is', () => {
    const form = validForm()
    for (const f of ['code', 'name', 'kind', 'sector', 'termYears', 'residentYouth', 'lastElectionOn'] as const) {
      expect(runRule(form, f), f).toBeNull()
    }
    expect(runRule({ ...form, code: 'X01-03_a.b' }, 'code')).toBeNull()
  })

  it('refuse a code with a space or Chinese, in the server’s own words', () => {
    expect(runRule({ ...validForm(), code: 'C01 T03' }, 'code')).toBe(
      '组织编码只能由字母、数字、下划线（_）、点（.）或连字符（-）组成，最长 64 位',
    )
    expect(checkOrgField('code', { ...validForm(), code: '团01' }, SERVED.org)).not.toBeNull()
  })

  it('follow the served pattern, not one of their own', () => {
    const stricter: FormRules = { ...SERVED.org, code: { ...SERVED.org.code, pattern: '^[A-Z]+$' } }
    expect(runRule(validForm(), 'code', stricter)).not.toBeNull()
    expect(runRule({ ...validForm(), code: 'ABC' }, 'code', stricter)).toBeNull()
  })

  it('require code and name by the served rule, kind and sector as choices', () => {
    const form = emptyOrgForm()
    expect(runRule(form, 'code')).toBe('请填写组织编码')
    expect(runRule(form, 'name')).toBe('请填写组织名称')
    expect(runRule(form, 'kind')).toBe('请选择组织类别')
    expect(runRule(form, 'sector')).toBe('请选择所属领域')
    expect(orgRules(form, SERVED.org).code?.[0].required).toBe(true)
    expect(orgRules(form, SERVED.org).termYears?.[0].required).toBe(false)
    expect(checkOrgField('name', { ...validForm(), name: '   ' }, SERVED.org)).toBe('请填写组织名称')
  })

  it('use the served length limits (200 for a name)', () => {
    expect(runRule({ ...validForm(), name: '团'.repeat(200) }, 'name')).toBeNull()
    expect(runRule({ ...validForm(), name: '团'.repeat(201) }, 'name')).toBe('组织名称不能超过 200 个字')
    expect(runRule({ ...validForm(), code: 'A'.repeat(65) }, 'code')).toContain('64')
  })

  it('allow term years from the served min to max, as whole numbers', () => {
    expect(checkOrgField('termYears', { ...validForm(), termYears: 1 }, SERVED.org)).toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: 5 }, SERVED.org)).toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: 0 }, SERVED.org)).toBe(
      '届期（年）须为 1 至 5 之间的整数',
    )
    expect(checkOrgField('termYears', { ...validForm(), termYears: 2.5 }, SERVED.org)).not.toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: null }, SERVED.org)).toBeNull()
    expect(checkOrgField('residentYouth', { ...validForm(), residentYouth: -1 }, SERVED.org)).not.toBeNull()
  })

  it('refuse an election before the establishment (notBefore), a date after today or before 1900', () => {
    const form = { ...validForm(), establishedOn: '2020-05-04', lastElectionOn: '2019-12-31' }
    expect(runRule(form, 'lastElectionOn')).toBe('最近换届日期不能早于成立日期')
    expect(runRule({ ...form, lastElectionOn: '2020-05-04' }, 'lastElectionOn')).toBeNull()
    expect(runRule({ ...form, establishedOn: '2999-01-01' }, 'establishedOn')).toBe('成立日期不能晚于今天')
    expect(runRule({ ...form, establishedOn: '1899-12-31' }, 'establishedOn')).toBe('成立日期不能早于 1900-01-01')
  })

  it('show the code read-only when editing, as the served rule says', () => {
    expect(codeReadOnly(SERVED.org, true)).toBe(true)
    expect(codeReadOnly(SERVED.org, false)).toBe(false)
    expect(codeReadOnly({ ...SERVED.org, code: { ...SERVED.org.code, readOnlyAfterCreate: false } }, true)).toBe(false)
  })

  it('only check the choices until the rules have come (the server still judges)', () => {
    const rules = orgRules(emptyOrgForm(), null)
    expect(Object.keys(rules).sort()).toEqual(['kind', 'sector'])
  })

  it('say the rules in English when the language is English', () => {
    i18n.global.locale.value = 'en-US'
    expect(runRule(emptyOrgForm(), 'code')).toBe('Code is required')
    expect(runRule({ ...validForm(), code: 'a b' }, 'code')).toContain('dots (.)')
  })
})

describe('dissolve and restore reasons', () => {
  it('require a reason of at most the served length', () => {
    const form = { dissolvedOn: '2024-01-01', reason: '' }
    expect(run(dissolveRules(form, SERVED.dissolve, null) as Rules, 'reason')).toBe('请填写撤销原因')
    form.reason = '合并'
    expect(run(dissolveRules(form, SERVED.dissolve, null) as Rules, 'reason')).toBeNull()
    form.reason = '因'.repeat(501)
    expect(run(dissolveRules(form, SERVED.dissolve, null) as Rules, 'reason')).toBe('撤销原因不能超过 500 个字')
  })

  it('refuse a dissolution before the founding', () => {
    const form = { dissolvedOn: '2010-01-01', reason: 'x' }
    expect(run(dissolveRules(form, SERVED.dissolve, '2015-05-04') as Rules, 'dissolvedOn')).toBe(
      '撤销日期不能早于成立日期',
    )
  })

  it('require the reason for restoring', () => {
    const form = { reason: ' ' }
    expect(run(restoreRules(form, SERVED.restore) as Rules, 'reason')).toBe('请填写恢复原因')
    form.reason = '误撤销'
    expect(run(restoreRules(form, SERVED.restore) as Rules, 'reason')).toBeNull()
  })
})
