import { http } from '../http'
import type { OrgRef } from '../types'

export type Permission = 'org:read' | 'org:write' | 'user:manage' | 'audit:read' | 'exchange:import' | 'exchange:export'

export type Role = 'SYSTEM_ADMIN' | 'SECURITY_ADMIN' | 'AUDIT_ADMIN' | 'ORG_ADMIN' | 'PARTY_REVIEWER'

/** The signed-in user. `scope` null means the whole platform. */
export interface Me {
  id: number
  username: string
  displayName: string
  roles: string[]
  permissions: string[]
  scope: OrgRef | null
  mustChangePassword: boolean
}

export interface Credentials {
  username: string
  password: string
}

export interface PasswordChange {
  currentPassword: string
  newPassword: string
}

/** Makes sure the XSRF-TOKEN cookie exists before the first non-GET call. */
export async function fetchCsrf(): Promise<void> {
  await http.get('/auth/csrf', { silent: true, skipAuthRedirect: true })
}

export async function login(credentials: Credentials): Promise<Me> {
  const { data } = await http.post<Me>('/auth/login', credentials, { silent: true, skipAuthRedirect: true })
  return data
}

export async function logout(): Promise<void> {
  await http.post('/auth/logout', null, { skipAuthRedirect: true })
}

export async function fetchMe(): Promise<Me> {
  const { data } = await http.get<Me>('/auth/me', { silent: true, skipAuthRedirect: true })
  return data
}

export async function changePassword(change: PasswordChange): Promise<void> {
  await http.post('/auth/password', change, { silent: true })
}
