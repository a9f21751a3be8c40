import { http } from '../http'
import type { OrgRef, Page, PageQuery } from '../types'

export type OrgKind =
  | 'PROVINCE_COMMITTEE'
  | 'CITY_COMMITTEE'
  | 'COUNTY_COMMITTEE'
  | 'DISTRICT_COMMITTEE'
  | 'TOWNSHIP_COMMITTEE'
  | 'STREET_WORK_COMMITTEE'
  | 'WORK_COMMITTEE'
  | 'BASIC_COMMITTEE'
  | 'GENERAL_BRANCH'
  | 'BRANCH'
  | 'JOINT_BRANCH'
  | 'TEMPORARY_BRANCH'
  | 'FLOATING_BRANCH'

export const ORG_KINDS: readonly OrgKind[] = [
  'PROVINCE_COMMITTEE',
  'CITY_COMMITTEE',
  'COUNTY_COMMITTEE',
  'DISTRICT_COMMITTEE',
  'TOWNSHIP_COMMITTEE',
  'STREET_WORK_COMMITTEE',
  'WORK_COMMITTEE',
  'BASIC_COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
  'JOINT_BRANCH',
  'TEMPORARY_BRANCH',
  'FLOATING_BRANCH',
]

/** Kinds members can belong to (docs/domain.md: members belong only to a branch). */
export const BRANCH_KINDS: readonly OrgKind[] = ['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH', 'FLOATING_BRANCH']

export const SECTORS = [
  'PARTY_GOVERNMENT',
  'PUBLIC_INSTITUTION',
  'STATE_ENTERPRISE',
  'NON_PUBLIC_ENTERPRISE',
  'SOCIAL_ORGANIZATION',
  'NEW_EMPLOYMENT',
  'UNIVERSITY',
  'VOCATIONAL',
  'HIGH_SCHOOL',
  'MIDDLE_SCHOOL',
  'HOSPITAL',
  'TOWNSHIP',
  'VILLAGE',
  'INDUSTRY',
  'OTHER',
] as const

export type Sector = (typeof SECTORS)[number]

export interface OrgNode {
  id: number
  code: string
  name: string
  kind: string
  sector: string | null
  dissolvedOn: string | null
  hasChildren: boolean
  childCount: number
  /**
   * The parents from the top of the caller's view down to the parent (same-named branches told apart:
   * 乡镇 › 村). Optional: older servers do not send it (see `orgAncestors`).
   */
  ancestors?: OrgRef[]
  /** The same as a path that may end with the org itself (another spelling of `ancestors`). */
  path?: OrgRef[]
}

export interface Org extends OrgNode {
  parent: OrgRef | null
  establishedOn: string | null
  lastElectionOn: string | null
  termYears: number | null
  residentYouth: number | null
  registeredPop635: number | null
  youthWorkCommittee: boolean | null
  termExpiresOn: string | null
  version: number
  path: OrgRef[]
  /** Children not dissolved. */
  activeChildCount: number
  /** What 新增下级 may offer (empty for a branch or a dissolved org). */
  allowedChildKinds: OrgKind[]
  /** Why the caller could not dissolve / restore the org now; null when it would be allowed. */
  dissolveRefusal: string | null
  restoreRefusal: string | null
}

export interface OrgStats {
  total: number
  dissolved: number
  byKind: Record<string, number>
  bySector: Record<string, number>
}

/** The editable fields of an org (body of PUT, and of POST with parentId). */
export interface OrgFields {
  code: string
  name: string
  kind: string
  sector: string
  establishedOn: string | null
  lastElectionOn: string | null
  termYears: number | null
  residentYouth: number | null
  registeredPop635: number | null
  youthWorkCommittee: boolean | null
}

export interface OrgCreate extends OrgFields {
  parentId: number | null
}

export interface OrgUpdate extends OrgFields {
  version: number
}

export interface OrgSearch extends PageQuery {
  q?: string
  under?: number
  kind?: string
  includeDissolved?: boolean
  /** Only the orgs the org of this id may be moved under now (the move dialog's picker). */
  validParentFor?: number
  /** Only active orgs whose kind may have a child of this kind (parent pickers of 新增下级 and 建团). */
  mayHaveChild?: string
}

export async function fetchRoots(): Promise<OrgNode[]> {
  const { data } = await http.get<OrgNode[]>('/orgs/roots')
  return data
}

export async function fetchChildren(id: number, includeDissolved = false): Promise<OrgNode[]> {
  const { data } = await http.get<OrgNode[]>(`/orgs/${id}/children`, { params: { includeDissolved } })
  return data
}

export async function fetchOrg(id: number): Promise<Org> {
  const { data } = await http.get<Org>(`/orgs/${id}`)
  return data
}

export async function searchOrgs(query: OrgSearch): Promise<Page<OrgNode>> {
  const { data } = await http.get<Page<OrgNode>>('/orgs', { params: query })
  return data
}

export async function fetchStats(under?: number): Promise<OrgStats> {
  const { data } = await http.get<OrgStats>('/orgs/stats', { params: under === undefined ? {} : { under } })
  return data
}

/** Field errors are shown beside the form, so the caller presents failures. */
export async function createOrg(body: OrgCreate): Promise<Org> {
  const { data } = await http.post<Org>('/orgs', body, { silent: true })
  return data
}

export async function updateOrg(id: number, body: OrgUpdate): Promise<Org> {
  const { data } = await http.put<Org>(`/orgs/${id}`, body, { silent: true })
  return data
}

export async function moveOrg(id: number, newParentId: number): Promise<Org> {
  const { data } = await http.post<Org>(`/orgs/${id}/move`, { newParentId })
  return data
}

export async function dissolveOrg(id: number, dissolvedOn: string, reason: string): Promise<Org> {
  const { data } = await http.post<Org>(`/orgs/${id}/dissolve`, { dissolvedOn, reason })
  return data
}

/** The only way to undo a dissolution (audited); the parent must be active. */
export async function restoreOrg(id: number, reason: string): Promise<Org> {
  const { data } = await http.post<Org>(`/orgs/${id}/restore`, { reason })
  return data
}
