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
  /** The coverage indicators' own predicate as of today: the league org exists, founded, not dissolved. */
  covered: boolean
  version?: number
  /** Set when the covering org has been dissolved (shown as 已撤销). */
  leagueOrgDissolvedOn?: string | null
  /** The 乡镇团委/街道团工委 at or above the responsible org. */
  township?: OrgRef | null
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
  /** The id of a 乡镇团委/街道团工委. */
  township?: number
  /** false: the units the indicators count as uncovered. */
  covered?: boolean
  /** true = 是, false = 否 or not filled in. */
  aboveScale?: boolean
  meetsConditions?: boolean
  hasPartyOrg?: boolean
}

/** 建团: a new league org for the unit (created by the org rules), which then covers it. */
export interface LeagueOrgDraft {
  parentId: number
  code: string
  name: string
  kind: string
  sector?: string
  establishedOn?: string | null
  termYears?: number | null
  /** The unit's version. */
  version: number
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

/** Field errors are shown beside the form, so the caller presents failures. */
export async function foundLeagueOrg(id: number, body: LeagueOrgDraft): Promise<Unit> {
  const { data } = await http.post<Unit>(`/units/${id}/league-org`, body, { silent: true })
  return data
}
