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

  it('counts ASCII symbols as a class, as the server does', () => {
    expect(characterClasses('a')).toBe(1)
    expect(characterClasses('aA')).toBe(2)
    expect(characterClasses('aA1')).toBe(3)
    expect(characterClasses('aA1-')).toBe(4)
    // The server (Passay's ASCII special characters) does not count a Chinese character as a symbol.
    expect(characterClasses('团员a1')).toBe(2)
    expect(characterClasses('团员a1!A')).toBe(4)
  })

  it('refuses a password holding the username, ignoring case, forwards or backwards (as the server)', () => {
    expect(passwordViolations('Admin.2024', 'admin.2024')).toEqual(['notUsername'])
    expect(passwordViolations('Admin.2024', 'admin')).toEqual(['notUsername'])
    expect(passwordViolations('Nimda.2024', 'admin')).toEqual(['notUsername'])
    expect(passwordViolations('Admin.2024', 'zhangsan')).toEqual([])
  })

  it('caps the length at 64 characters and 72 bytes, the bytes said only when the length is fine', () => {
    expect(passwordViolations('Aa1!' + 'x'.repeat(60), 'zhangsan')).toEqual([])
    expect(passwordViolations('Aa1!' + 'x'.repeat(61), 'zhangsan')).toEqual(['length'])
    // 24 Chinese characters are 72 bytes; the 25th is one too many though only 29 characters.
    expect(passwordViolations('Aa1!' + '团'.repeat(22) + 'x', 'zhangsan')).toEqual([])
    expect(passwordViolations('Aa1!' + '团'.repeat(23), 'zhangsan')).toEqual(['bytes'])
    expect(passwordViolations('Aa1!' + '团'.repeat(70), 'zhangsan')).toEqual(['length'])
  })

  it('reports every broken rule at once', () => {
    expect(passwordViolations('abc', 'abc')).toEqual(['length', 'classes', 'notUsername'])
  })
})
