import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { SERVED } from '../../__tests__/served-rules'
import { bodyOf, checkUnitField, emptyUnitForm, fieldsForType, unitRules, type UnitForm } from '../rules'

function validForm(over: Partial<UnitForm> = {}): UnitForm {
  return {
    ...emptyUnitForm(),
    code: 'C01.T03.U07',
    name: '示例科技有限公司',
    type: 'NON_PUBLIC_ENTERPRISE',
    responsibleOrgId: 5,
    ...over,
  }
}

function runRule(form: UnitForm, field: keyof UnitForm): string | null {
  const rule = unitRules(form, SERVED.unit)[field]?.[0]
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

describe('unit form rules, built from the served field rules', () => {
  it('accept a dotted code (as the demo and imports have) and refuse one with a space', () => {
    expect(runRule(validForm(), 'code')).toBeNull()
    expect(runRule(validForm({ code: 'C01.T03 U07' }), 'code')).toBe(
      '单位编码只能由字母、数字、下划线（_）、点（.）或连字符（-）组成，最长 64 位',
    )
    expect(checkUnitField('code', validForm({ code: '单位1' }), SERVED.unit)).not.toBeNull()
  })

  it('require code, name, type and the responsible org, in Chinese', () => {
    const form = emptyUnitForm()
    expect(runRule(form, 'code')).toBe('请填写单位编码')
    expect(runRule(form, 'name')).toBe('请填写单位名称')
    expect(runRule(form, 'type')).toBe('请选择单位类型')
    expect(runRule(form, 'responsibleOrgId')).toBe('请选择属地团组织')
    expect(runRule(validForm(), 'responsibleOrgId')).toBeNull()
  })

  it('do not require the linked date, as the server does not; refuse one after today', () => {
    const society = validForm({ type: 'YOUTH_SOCIETY' })
    expect(runRule(society, 'linkedOn')).toBeNull()
    expect(unitRules(society, SERVED.unit).linkedOn?.[0].required).toBe(false)
    expect(runRule({ ...society, linkedOn: '2999-01-01' }, 'linkedOn')).toBe('建立或联系日期不能晚于今天')
  })

  it('refuse negative, fractional or too many students at schools, ignore them elsewhere', () => {
    expect(checkUnitField('students', validForm({ type: 'MIDDLE_SCHOOL', students: -1 }), SERVED.unit)).toBe(
      '在校学生数须为 0 至 10000000 之间的整数',
    )
    expect(checkUnitField('students', validForm({ type: 'MIDDLE_SCHOOL', students: 10.5 }), SERVED.unit)).not.toBeNull()
    expect(checkUnitField('students', validForm({ type: 'MIDDLE_SCHOOL', students: 0 }), SERVED.unit)).toBeNull()
    expect(checkUnitField('students', validForm({ type: 'VILLAGE', students: -1 }), SERVED.unit)).toBeNull()
  })

  it('follow the language', () => {
    i18n.global.locale.value = 'en-US'
    expect(runRule(emptyUnitForm(), 'type')).toBe('Choose the unit type')
    expect(runRule(emptyUnitForm(), 'code')).toBe('Unit code is required')
  })
})
