/**
 * The password policy of the platform, checked in the browser to guide the user (the server checks it again,
 * and alone knows the last five passwords and the list of common passwords). The numbers are the server's
 * (identity's PasswordPolicy, docs/security.md): 8–64 characters, and at most 72 bytes in UTF-8 because bcrypt
 * reads no more (a Chinese character takes 3 bytes, so 24 of them already fill it).
 */

export type PasswordRule = 'length' | 'bytes' | 'classes' | 'notUsername'

export const MIN_LENGTH = 8
export const MAX_LENGTH = 64
export const MAX_BYTES = 72
export const MIN_CLASSES = 3

/** How many of upper case, lower case, digit and symbol the password holds. */
export function characterClasses(password: string): number {
  let n = 0
  if (/[A-Z]/.test(password)) n++
  if (/[a-z]/.test(password)) n++
  if (/[0-9]/.test(password)) n++
  // Symbols as the server's rule counts them (ASCII punctuation): a Chinese character is not one.
  if (/[!-/:-@[-`{-~]/.test(password)) n++
  return n
}

/** Characters as the server counts them (code points: an emoji is one). */
export function characterCount(password: string): number {
  return [...password].length
}

export function utf8Bytes(password: string): number {
  return new TextEncoder().encode(password).length
}

/** Whether the password holds the username, ignoring case, forwards or backwards (as the server's rule). */
export function containsUsername(password: string, username: string): boolean {
  const u = username.trim().toLowerCase()
  if (u === '') return false
  const p = password.toLowerCase()
  return p.includes(u) || p.includes([...u].reverse().join(''))
}

/** The rules the password breaks, in display order; empty when it passes. */
export function passwordViolations(password: string, username: string): PasswordRule[] {
  const broken: PasswordRule[] = []
  const length = characterCount(password)
  if (length < MIN_LENGTH || length > MAX_LENGTH) broken.push('length')
  // As on the server, the byte limit is reported only when the length in characters is fine.
  else if (utf8Bytes(password) > MAX_BYTES) broken.push('bytes')
  if (characterClasses(password) < MIN_CLASSES) broken.push('classes')
  if (containsUsername(password, username)) broken.push('notUsername')
  return broken
}

export function isPasswordAcceptable(password: string, username: string): boolean {
  return passwordViolations(password, username).length === 0
}
