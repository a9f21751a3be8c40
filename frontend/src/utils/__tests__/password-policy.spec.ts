import { describe, expect, it } from 'vitest'
import { characterClasses, isPasswordAcceptable, passwordViolations } from '../password-policy'

describe('password policy', () => {
  it('accepts eight characters of three classes', () => {
    expect(passwordViolations('Abcdefg1', 'zhangsan')).toEqual([])
    expect(isPasswordAcceptable('abc!efg1', 'zhangsan')).toBe(true)
  })

  it('refuses a password shorter than eight characters', () => {
    expect(passwordViolations('Abc!ef1', 'zhangsan')).toEqual(['length'])
  })

  it('refuses a password of only two classes however long', () => {
    expect(passwordViolations('abcdefgh12345', 'zhangsan')).toEqual(['classes'])
    expect(passwordViolations('ABCDEFGH!!!!', 'zhangsan')).toEqual(['classes'])
  })

  it('counts symbols and non-ASCII characters as a class', () => {
    expect(characterClasses('a')).toBe(1)
    expect(characterClasses('aA')).toBe(2)
    expect(characterClasses('aA1')).toBe(3)
    expect(characterClasses('aA1-')).toBe(4)
    expect(characterClasses('团员a1')).toBe(3)
  })

  it('refuses the username itself, ignoring case', () => {
    expect(passwordViolations('Admin.2024', 'admin.2024')).toEqual(['notUsername'])
    expect(passwordViolations('Admin.2024', 'admin')).toEqual([])
  })

  it('reports every broken rule at once', () => {
    expect(passwordViolations('abc', 'abc')).toEqual(['length', 'classes', 'notUsername'])
  })
})
