import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { checkOrgField, emptyOrgForm, orgRules, type OrgForm } from '../rules'

function validForm(): OrgForm {
  return {
    ...emptyOrgForm(),
    code: 'X01-03',
    name: '共青团示例镇委员会',
    kind: 'TOWNSHIP_COMMITTEE',
    sector: 'TOWNSHIP',
  }
}

/** Runs the validator of an el-form rule and returns the message, or null when it passes. */
function runRule(form: OrgForm, field: keyof OrgForm): string | null {
  const rule = orgRules(form)[field]?.[0]
  if (!rule?.validator) throw new Error(`no validator for ${field}`)
  let message: string | null = 'not called'
  rule.validator(
    rule,
    form[field],
    (error?: string | Error) => {
      message = error ? (error instanceof Error ? error.message : error) : null
    },
    {},
    {},
  )
  return message
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('org form rules', () => {
  it('accept a complete form', () => {
    const form = validForm()
    for (const f of [
      'code',
      'name',
      'kind',
      'sector',
      'termYears',
      'residentYouth',
      'registeredPop635',
      'lastElectionOn',
    ] as const) {
      expect(runRule(form, f), f).toBeNull()
    }
  })

  it('require code, name, kind and sector, in Chinese', () => {
    const form = emptyOrgForm()
    expect(runRule(form, 'code')).toBe('请输入组织编码')
    expect(runRule(form, 'name')).toBe('请输入组织名称')
    expect(runRule(form, 'kind')).toBe('请选择组织类别')
    expect(runRule(form, 'sector')).toBe('请选择所属领域')
    expect(orgRules(form).code?.[0].required).toBe(true)
    expect(orgRules(form).termYears?.[0].required).toBe(false)
  })

  it('refuse a blank-only name and a code with spaces or Chinese', () => {
    expect(checkOrgField('name', { ...validForm(), name: '   ' })).toBe('请输入组织名称')
    expect(checkOrgField('code', { ...validForm(), code: 'X 01' })).not.toBeNull()
    expect(checkOrgField('code', { ...validForm(), code: '团01' })).not.toBeNull()
  })

  it('allow term years 1 to 5 only, as whole numbers', () => {
    expect(checkOrgField('termYears', { ...validForm(), termYears: 1 })).toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: 5 })).toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: 0 })).toBe('届期应为 1 到 5 年的整数')
    expect(checkOrgField('termYears', { ...validForm(), termYears: 6 })).not.toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: 2.5 })).not.toBeNull()
    expect(checkOrgField('termYears', { ...validForm(), termYears: null })).toBeNull()
  })

  it('refuse negative or fractional counts', () => {
    expect(checkOrgField('residentYouth', { ...validForm(), residentYouth: 0 })).toBeNull()
    expect(checkOrgField('residentYouth', { ...validForm(), residentYouth: -1 })).toBe('请输入不小于 0 的整数')
    expect(checkOrgField('registeredPop635', { ...validForm(), registeredPop635: 1.5 })).not.toBeNull()
  })

  it('refuse an election before the establishment', () => {
    const form = { ...validForm(), establishedOn: '2020-05-04', lastElectionOn: '2019-12-31' }
    expect(runRule(form, 'lastElectionOn')).toBe('最近换届日期不能早于成立日期')
    expect(runRule({ ...form, lastElectionOn: '2020-05-04' }, 'lastElectionOn')).toBeNull()
  })

  it('re-translate when the language changes', () => {
    const form = emptyOrgForm()
    i18n.global.locale.value = 'en-US'
    expect(runRule(form, 'code')).toBe('Enter the code')
  })
})
