import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { actionLabel, fieldLabel, targetTypeLabel, valueLabel } from '../words'

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

/** Every action code the server writes today (grep `AuditEntry(` in src/main/java). */
const SERVER_ACTIONS = [
  'LOGIN_SUCCESS',
  'LOGIN_FAILURE',
  'LOGOUT',
  'PASSWORD_CHANGED',
  'USER_CREATED',
  'USER_UPDATED',
  'USER_PASSWORD_RESET',
  'USER_UNLOCKED',
  'ORG_CREATED',
  'ORG_UPDATED',
  'ORG_MOVED',
  'ORG_DISSOLVED',
  'UNIT_CREATED',
  'UNIT_UPDATED',
  'UNIT_DELETED',
  'IMPORT',
  'IMPORT_REFUSED',
  'EXPORT',
  'RULE_PACK_UPLOADED',
  'AUDIT_VERIFIED',
]

describe('the audit log in words', () => {
  it('names every action the server writes, in both languages, never as its code', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      i18n.global.locale.value = lang
      const untranslated = SERVER_ACTIONS.filter((code) => actionLabel(code) === code)
      expect(untranslated, lang).toEqual([])
    }
  })

  it('says the actions as a league office does', () => {
    expect(actionLabel('ORG_CREATED')).toBe('新建组织')
    expect(actionLabel('ORG_MOVED')).toBe('调整隶属关系')
    expect(actionLabel('USER_PASSWORD_RESET')).toBe('重置用户密码')
    i18n.global.locale.value = 'en-US'
    expect(actionLabel('UNIT_DELETED')).toBe('Unit deleted')
  })

  it('keeps an unknown action code visible', () => {
    expect(actionLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })

  it('names the changed fields by the record they belong to', () => {
    expect(fieldLabel('ORG', 'lastElectionOn')).toBe('最近换届日期')
    expect(fieldLabel('ORG', 'registeredPop635')).toBe('6至35岁户籍人口数')
    expect(fieldLabel('UNIT', 'responsibleOrg')).toBe('属地团组织')
    expect(fieldLabel('UNIT', 'name')).toBe('单位名称')
    expect(fieldLabel('ORG', 'name')).toBe('组织名称')
    expect(fieldLabel('USER', 'roles')).toBe('角色')
    expect(fieldLabel('USER', 'scope')).toBe('管理范围')
    expect(fieldLabel(null, 'dissolvedOn')).toBe('撤销日期')
    expect(fieldLabel('ORG', 'unheardOf')).toBe('unheardOf')
    i18n.global.locale.value = 'en-US'
    expect(fieldLabel('ORG', 'lastElectionOn')).not.toBe('lastElectionOn')
  })

  it('says the values in words: kinds, sectors, unit types, yes and no, roles, empty', () => {
    expect(valueLabel('ORG', 'kind', 'BRANCH')).toBe('团支部')
    expect(valueLabel('ORG', 'sector', 'VILLAGE')).toBe('村(社区)')
    expect(valueLabel('UNIT', 'type', 'NON_PUBLIC_ENTERPRISE')).toBe('非公企业')
    expect(valueLabel('ORG', 'youthWorkCommittee', 'true')).toBe('是')
    expect(valueLabel('UNIT', 'aboveScale', 'false')).toBe('否')
    expect(valueLabel('USER', 'roles', 'ORG_ADMIN,PARTY_REVIEWER')).toBe('团组织管理员、党委组织部门审阅')
    expect(valueLabel('ORG', 'dissolvedOn', '')).toBe('（空）')
    expect(valueLabel('ORG', 'lastElectionOn', '2024-05-04')).toBe('2024-05-04')
    expect(valueLabel('ORG', 'name', 'BRANCH')).toBe('BRANCH')
    i18n.global.locale.value = 'en-US'
    expect(valueLabel('ORG', 'kind', 'BRANCH')).toBe('Branch')
    expect(valueLabel('ORG', 'youthWorkCommittee', 'true')).toBe('Yes')
  })

  it('names the type of record changed', () => {
    expect(targetTypeLabel('UNIT')).toBe('单位')
    expect(targetTypeLabel('SCORECARD')).toBe('考核结果')
    expect(targetTypeLabel(null)).toBe('')
  })
})

describe('the audit log names what the server writes besides the records', () => {
  it('names the security notes, their targets and the fields other modules do not', () => {
    for (const code of ['ACCESS_REFUSED', 'CSRF_REFUSED', 'LOGIN_THROTTLED', 'REFUSALS_SUPPRESSED', 'ORG_RESTORED']) {
      expect(actionLabel(code)).not.toBe(code)
    }
    expect(targetTypeLabel('TODOS')).toBe('待办提醒')
    expect(targetTypeLabel('ADDRESS')).toBe('来源地址')
    expect(fieldLabel('ORG', 'parent')).toBe('上级组织')
    expect(fieldLabel('USER', 'scope')).toBe('管理范围')
    expect(fieldLabel('USER', 'enabled')).toBe('启用')
    expect(actionLabel('UNIT_CREATED')).toBe('新增单位')
  })
})
