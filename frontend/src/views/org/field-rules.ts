import type { FormItemRule } from 'element-plus'
import type { FieldRule } from '@/api/meta/field-rules'
import { i18n, t } from '@/locales'
import { todayIso } from '@/utils/format'

/**
 * Element Plus rules built from the rules the server checks with (`GET /meta/field-rules`), so that a form
 * refuses exactly what the server refuses (codes with dots pass, as every demo and imported code has them).
 * Only the messages are the front end's: in the current language, with the field's label from the locale.
 */

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/** The other field a date may not precede (`notBefore`), as the form holds it. */
export interface OtherField {
  value: unknown
  label: string
}

function patternMessage(rule: FieldRule, label: string): string {
  // The server's own sentence is Chinese; in English the same rule is said by the locale.
  if (i18n.global.locale.value === 'zh-CN' && rule.patternMessage) return rule.patternMessage
  return t('org.rules.pattern', { label, max: rule.maxLength ?? '' })
}

/** Why `value` breaks `rule`, or null when it is fine. Pure, so the specs can run it. */
export function checkByRule(rule: FieldRule, value: unknown, label: string, other?: OtherField | null): string | null {
  if (blank(value)) return rule.required ? t('org.rules.required', { label }) : null
  if (typeof value === 'number') {
    const tooLow = rule.min !== null && value < rule.min
    const tooHigh = rule.max !== null && value > rule.max
    if (!Number.isInteger(value) || tooLow || tooHigh) {
      return t('org.rules.range', { label, min: rule.min ?? 0, max: rule.max ?? '∞' })
    }
    return null
  }
  const text = String(value).trim()
  if (rule.maxLength !== null && text.length > rule.maxLength) {
    return t('org.rules.maxLength', { label, max: rule.maxLength })
  }
  if (rule.pattern !== null && !new RegExp(rule.pattern).test(text)) return patternMessage(rule, label)
  // Dates come as yyyy-MM-dd, which compare as text.
  if (rule.notAfterToday && text > todayIso()) return t('org.rules.notAfterToday', { label })
  if (rule.earliest !== null && text < rule.earliest) return t('org.rules.earliest', { label, date: rule.earliest })
  if (rule.notBefore !== null && other && !blank(other.value) && text < String(other.value)) {
    return t('org.rules.notBefore', { label, other: other.label })
  }
  return null
}

export interface RuleOptions {
  /** The field's label in the current language. */
  label: string
  /** The form's current value of the field (read when validating). */
  value: () => unknown
  /** The field named by `notBefore`, when the rule has one. */
  other?: () => OtherField | null
  trigger?: 'blur' | 'change'
}

/** The el-form rules of one field; none when the server sent no rule for it. */
export function ruleItems(rule: FieldRule | undefined | null, opts: RuleOptions): FormItemRule[] {
  if (!rule) return []
  const trigger = opts.trigger ?? (rule.earliest !== null || rule.notAfterToday ? 'change' : 'blur')
  return [
    {
      required: rule.required,
      trigger,
      validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
        const message = checkByRule(rule, opts.value(), opts.label, opts.other?.() ?? null)
        if (message) callback(new Error(message))
        else callback()
      },
    },
  ]
}

/** A required choice (a select the enums fill, which the field rules do not cover). */
export function requiredChoice(message: () => string, value: () => unknown): FormItemRule[] {
  return [
    {
      required: true,
      trigger: 'change',
      validator: (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
        if (blank(value())) callback(new Error(message()))
        else callback()
      },
    },
  ]
}
