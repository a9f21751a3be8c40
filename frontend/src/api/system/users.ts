import { http } from '../http'
import type { OrgRef, Page, PageQuery } from '../types'

export interface User {
  id: number
  username: string
  displayName: string
  roles: string[]
  scope: OrgRef | null
  enabled: boolean
  locked: boolean
  mustChangePassword: boolean
  lastLoginAt: string | null
}

export interface UserCreate {
  username: string
  displayName: string
  roles: string[]
  scopeOrgId: number | null
}

export interface UserUpdate {
  displayName: string
  roles: string[]
  scopeOrgId: number | null
  enabled: boolean
}

export interface UserCreated {
  user: User
  oneTimePassword: string
}

export interface UserSearch extends PageQuery {
  q?: string
}

export async function searchUsers(query: UserSearch): Promise<Page<User>> {
  const { data } = await http.get<Page<User>>('/users', { params: query })
  return data
}

export async function createUser(body: UserCreate): Promise<UserCreated> {
  const { data } = await http.post<UserCreated>('/users', body, { silent: true })
  return data
}

export async function updateUser(id: number, body: UserUpdate): Promise<User> {
  const { data } = await http.put<User>(`/users/${id}`, body, { silent: true })
  return data
}

export async function resetPassword(id: number): Promise<string> {
  const { data } = await http.post<{ oneTimePassword: string }>(`/users/${id}/reset-password`)
  return data.oneTimePassword
}

export async function unlockUser(id: number): Promise<User> {
  const { data } = await http.post<User>(`/users/${id}/unlock`)
  return data
}
