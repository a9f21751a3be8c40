/**
 * The password policy of the platform, checked in the browser to guide the user (the server
 * checks it again, and alone knows the last five passwords).
 */

export type PasswordRule = 'length' | 'classes' | 'notUsername'

export const MIN_LENGTH = 8
export const MIN_CLASSES = 3

/** How many of upper case, lower case, digit and symbol the password holds. */
export function characterClasses(password: string): number {
  let n = 0
  if (/[A-Z]/.test(password)) n++
  if (/[a-z]/.test(password)) n++
  if (/[0-9]/.test(password)) n++
  if (/[^A-Za-z0-9]/.test(password)) n++
  return n
}

/** The rules the password breaks, in display order; empty when it passes. */
export function passwordViolations(password: string, username: string): PasswordRule[] {
  const broken: PasswordRule[] = []
  if ([...password].length < MIN_LENGTH) broken.push('length')
  if (characterClasses(password) < MIN_CLASSES) broken.push('classes')
  const u = username.trim().toLowerCase()
  if (u !== '' && password.trim().toLowerCase() === u) broken.push('notUsername')
  return broken
}

export function isPasswordAcceptable(password: string, username: string): boolean {
  return passwordViolations(password, username).length === 0
}
