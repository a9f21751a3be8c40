import { http } from '../http'
import type { OrgRef, Page, PageQuery } from '../types'

/** docs/api.md "Units register 单位台账". */
export const UNIT_TYPES = [
  'VILLAGE',
  'COMMUNITY',
  'NON_PUBLIC_ENTERPRISE',
  'STATE_ENTERPRISE',
  'SOCIAL_ORGANIZATION',
  'PARTY_GOVERNMENT',
  'PUBLIC_INSTITUTION',
  'UNIVERSITY',
  'VOCATIONAL',
  'HIGH_SCHOOL',
  'MIDDLE_SCHOOL',
  'HOSPITAL',
  'NEW_EMPLOYMENT',
  'YOUTH_SOCIETY',
] as const

export type UnitType = (typeof UNIT_TYPES)[number]

export interface Unit {
  id: number
  code: string
  name: string
  type: UnitType
  responsibleOrg: OrgRef
  aboveScale: boolean | null
  meetsConditions: boolean | null
  hasPartyOrg: boolean | null
  leagueOrg: OrgRef | null
  standalone: boolean | null
  hasLeagueSchool: boolean | null
  students: number | null
  linkedOn: string | null
  ledDirectly: boolean | null
  covered: boolean
  version?: number
}

export interface UnitFields {
  code: string
  name: string
  type: UnitType
  responsibleOrgId: number
  leagueOrgId: number | null
  aboveScale: boolean | null
  meetsConditions: boolean | null
  hasPartyOrg: boolean | null
  standalone: boolean | null
  hasLeagueSchool: boolean | null
  students: number | null
  linkedOn: string | null
  ledDirectly: boolean | null
}

export interface UnitUpdate extends UnitFields {
  version: number
}

export interface UnitSearch extends PageQuery {
  q?: string
  type?: UnitType
  under?: number
  covered?: boolean
}

export async function searchUnits(query: UnitSearch): Promise<Page<Unit>> {
  const { data } = await http.get<Page<Unit>>('/units', { params: query })
  return data
}

export async function fetchUnit(id: number): Promise<Unit> {
  const { data } = await http.get<Unit>(`/units/${id}`)
  return data
}

/** Field errors are shown beside the form, so the caller presents failures. */
export async function createUnit(body: UnitFields): Promise<Unit> {
  const { data } = await http.post<Unit>('/units', body, { silent: true })
  return data
}

export async function updateUnit(id: number, body: UnitUpdate): Promise<Unit> {
  const { data } = await http.put<Unit>(`/units/${id}`, body, { silent: true })
  return data
}

export async function deleteUnit(id: number): Promise<void> {
  await http.delete(`/units/${id}`)
}
