import type { FieldRule, FieldRules } from '@/api/meta/field-rules'

/**
 * What `GET /meta/field-rules` answers today (FieldRules.java), so that the specs judge the forms by the served
 * rules and not by a copy of them in the form.
 */
function rule(over: Partial<FieldRule> & Pick<FieldRule, 'field' | 'label'>): FieldRule {
  return {
    key: over.field,
    required: false,
    maxLength: null,
    pattern: null,
    patternMessage: null,
    min: null,
    max: null,
    earliest: null,
    notAfterToday: false,
    notBefore: null,
    readOnlyAfterCreate: false,
    ...over,
  }
}

const code = (label: string) =>
  rule({
    field: 'code',
    label,
    required: true,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_.-]+$',
    patternMessage: `${label}只能由字母、数字、下划线（_）、点（.）或连字符（-）组成，最长 64 位`,
    readOnlyAfterCreate: true,
  })
const date = (field: string, label: string, notBefore: string | null = null) =>
  rule({ field, label, earliest: '1900-01-01', notAfterToday: true, notBefore })

export const SERVED: FieldRules = {
  org: {
    code: code('组织编码'),
    name: rule({ field: 'name', label: '组织名称', required: true, maxLength: 200 }),
    termYears: rule({ field: 'termYears', key: 'term_years', label: '届期', min: 1, max: 5 }),
    residentYouth: rule({ field: 'residentYouth', label: '14至35岁常住青年数', min: 0, max: 100_000_000 }),
    registeredPop635: rule({ field: 'registeredPop635', label: '6至35岁户籍人口数', min: 0, max: 100_000_000 }),
    establishedOn: date('establishedOn', '成立日期'),
    lastElectionOn: date('lastElectionOn', '最近换届日期', 'establishedOn'),
    dissolvedOn: date('dissolvedOn', '撤销日期', 'establishedOn'),
  },
  unit: {
    code: code('单位编码'),
    name: rule({ field: 'name', label: '单位名称', required: true, maxLength: 200 }),
    students: rule({ field: 'students', label: '在校学生数', min: 0, max: 10_000_000 }),
    linkedOn: date('linkedOn', '建立或联系日期'),
  },
  dissolve: {
    dissolvedOn: date('dissolvedOn', '撤销日期', 'establishedOn'),
    reason: rule({ field: 'reason', label: '撤销原因', required: true, maxLength: 500 }),
  },
  restore: {
    reason: rule({ field: 'reason', label: '恢复原因', required: true, maxLength: 500 }),
  },
}
