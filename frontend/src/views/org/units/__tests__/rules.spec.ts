import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { bodyOf, checkUnitField, emptyUnitForm, fieldsForType, unitRules, type UnitForm } from '../rules'

function validForm(over: Partial<UnitForm> = {}): UnitForm {
  return {
    ...emptyUnitForm(),
    code: 'U-001',
    name: '示例科技有限公司',
    type: 'NON_PUBLIC_ENTERPRISE',
    responsibleOrgId: 5,
    ...over,
  }
}

function runRule(form: UnitForm, field: keyof UnitForm): string | null {
  const rule = unitRules(form)[field]?.[0]
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

describe('unit form fields per type', () => {
  it('shows enterprises scale, conditions and party org — not school or society fields', () => {
    expect(fieldsForType('NON_PUBLIC_ENTERPRISE')).toEqual(['aboveScale', 'meetsConditions', 'hasPartyOrg'])
    expect(fieldsForType('STATE_ENTERPRISE')).toContain('aboveScale')
  })

  it('shows schools standalone, league school and students', () => {
    for (const ty of ['UNIVERSITY', 'VOCATIONAL', 'HIGH_SCHOOL', 'MIDDLE_SCHOOL'] as const) {
      expect(fieldsForType(ty)).toEqual(['standalone', 'hasLeagueSchool', 'students'])
    }
  })

  it('shows youth societies the linked date and led directly; villages nothing extra', () => {
    expect(fieldsForType('YOUTH_SOCIETY')).toEqual(['linkedOn', 'ledDirectly'])
    expect(fieldsForType('VILLAGE')).toEqual([])
    expect(fieldsForType('')).toEqual([])
  })

  it('sends the fields the type does not have as null', () => {
    const body = bodyOf(
      validForm({
        type: 'HIGH_SCHOOL',
        aboveScale: true,
        standalone: true,
        students: 1200,
        linkedOn: '2024-01-01',
        code: ' S-01 ',
      }),
    )
    expect(body.code).toBe('S-01')
    expect(body.aboveScale).toBeNull()
    expect(body.linkedOn).toBeNull()
    expect(body.standalone).toBe(true)
    expect(body.students).toBe(1200)
  })
})

describe('unit form rules', () => {
  it('require code, name, type and the responsible org, in Chinese', () => {
    const form = emptyUnitForm()
    expect(runRule(form, 'code')).toBe('请输入单位编码')
    expect(runRule(form, 'name')).toBe('请输入单位名称')
    expect(runRule(form, 'type')).toBe('请选择单位类型')
    expect(runRule(form, 'responsibleOrgId')).toBe('请选择属地团组织')
    expect(runRule(validForm(), 'responsibleOrgId')).toBeNull()
  })

  it('require the linked date for a youth society only', () => {
    expect(runRule(validForm({ type: 'YOUTH_SOCIETY' }), 'linkedOn')).toBe('请选择建立或联系日期')
    expect(unitRules(validForm({ type: 'YOUTH_SOCIETY' })).linkedOn?.[0].required).toBe(true)
    expect(runRule(validForm({ type: 'YOUTH_SOCIETY', linkedOn: '2024-03-01' }), 'linkedOn')).toBeNull()
    expect(runRule(validForm({ type: 'NON_PUBLIC_ENTERPRISE' }), 'linkedOn')).toBeNull()
    expect(unitRules(validForm()).linkedOn?.[0].required).toBe(false)
  })

  it('refuse negative or fractional student counts at schools, ignore them elsewhere', () => {
    expect(checkUnitField('students', validForm({ type: 'MIDDLE_SCHOOL', students: -1 }))).toBe(
      '在校学生数应为不小于 0 的整数',
    )
    expect(checkUnitField('students', validForm({ type: 'MIDDLE_SCHOOL', students: 10.5 }))).not.toBeNull()
    expect(checkUnitField('students', validForm({ type: 'MIDDLE_SCHOOL', students: 0 }))).toBeNull()
    expect(checkUnitField('students', validForm({ type: 'VILLAGE', students: -1 }))).toBeNull()
  })

  it('refuse a code with spaces or Chinese', () => {
    expect(checkUnitField('code', validForm({ code: 'U 01' }))).toBe('单位编码只能包含字母、数字、“-”和“_”，最长 32 位')
    expect(checkUnitField('code', validForm({ code: '单位1' }))).not.toBeNull()
  })

  it('follow the language', () => {
    i18n.global.locale.value = 'en-US'
    expect(runRule(emptyUnitForm(), 'type')).toBe('Choose the unit type')
  })
})
