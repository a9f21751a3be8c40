import { http } from '../http'
import { downloadAudited, type DownloadedFile } from '../exchange/files'
import type { OrgRef, Page, PageQuery } from '../types'
import type { TodoSummary } from './todos'

/** docs/api.md "Scorecard". */
export type IndicatorStatus = 'MET' | 'NOT_MET' | 'NO_DATA' | 'INFO'
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['MET', 'NOT_MET', 'NO_DATA', 'INFO']

export type IndicatorUnit = 'rate' | 'count' | 'growth' | 'perUnit' | 'flag'

export type Area = 'ORG' | 'MEM' | 'CAD' | 'LIFE' | 'PLL' | 'POS_FUND' | 'SVC'
export const AREAS: readonly Area[] = ['ORG', 'MEM', 'CAD', 'LIFE', 'PLL', 'POS_FUND', 'SVC']

export type TargetOp = '>=' | '<=' | '>' | '<' | '=='

export interface Target {
  op: TargetOp
  value: number
}

export interface Indicator {
  code: string
  name: string
  area: string
  unit: IndicatorUnit
  value: number | null
  numerator: number | null
  denominator: number | null
  target: Target | null
  status: IndicatorStatus
  source: string
  sourceText: string
  reason: string | null
}

export interface ScorecardOrg extends OrgRef {
  kind?: string
}

export interface ScorecardChild {
  org: ScorecardOrg
  indicators: Indicator[]
}

export interface Scorecard {
  pack: { id: string; title: string; version: number }
  period: string
  org: OrgRef
  indicators: Indicator[]
  children: ScorecardChild[]
  dataVersion: number | string
  computedAt: string
}

export interface ScorecardQuery {
  org: string
  pack: string
  period: string | number
}

export interface EvidenceRow {
  recordType: string
  code: string
  name: string
  orgCode: string
  orgName: string
  counted: boolean
  note: string | null
}

export interface EvidenceQuery extends ScorecardQuery, PageQuery {
  code: string
  failingOnly: boolean
}

export interface TrendPoint {
  period: string | number
  value: number | null
  numerator: number | null
  denominator: number | null
  status: IndicatorStatus
}

export interface TrendQuery {
  org: string
  pack: string
  code: string
  from: number
  to: number
}

/** The caller presents the refusals (future period, unknown pack) itself, in the page. */
export async function fetchScorecard(q: ScorecardQuery): Promise<Scorecard> {
  const { data } = await http.get<Scorecard>('/scorecards', { params: q, silent: true })
  return data
}

export function exportScorecard(q: ScorecardQuery, format: 'xlsx' | 'pdf'): Promise<DownloadedFile> {
  return downloadAudited('/scorecards/export', { org: q.org, pack: q.pack, period: q.period, format })
}

export async function fetchEvidence(q: EvidenceQuery): Promise<Page<EvidenceRow>> {
  const { data } = await http.get<Page<EvidenceRow>>('/scorecards/evidence', { params: q })
  return data
}

export function exportEvidence(q: Omit<EvidenceQuery, 'page' | 'size'>): Promise<DownloadedFile> {
  return downloadAudited('/scorecards/evidence', {
    org: q.org,
    pack: q.pack,
    period: q.period,
    code: q.code,
    failingOnly: q.failingOnly,
    format: 'xlsx',
  })
}

export async function fetchTrend(q: TrendQuery): Promise<TrendPoint[]> {
  const { data } = await http.get<TrendPoint[]>('/scorecards/trend', { params: q })
  return data
}

export type AlertType = 'TERM_EXPIRED' | 'TERM_EXPIRING' | 'VILLAGE_UNCOVERED'

export interface DashboardAlert {
  type: AlertType
  org: OrgRef
  date: string | null
  unit: { code: string; name: string } | null
}

export interface PackSummary {
  id: string
  title: string
  met: number
  notMet: number
  noData: number
  info: number
}

export interface WorstChild {
  org: OrgRef
  notMet: number
  worst: Array<{ code: string; name: string; value: number | null }>
}

export interface Dashboard {
  org: OrgRef
  tiles: {
    orgs: number
    branches: number
    villageCoverage: { value: number | null; numerator: number | null; denominator: number | null }
    indicatorsMet: number
    indicatorsDue: number
  }
  packs: PackSummary[]
  worstChildren: WorstChild[]
  /** The to-do summary (counts per kind, the first five items), as `GET /todos/summary`. */
  todos: TodoSummary
  /** @deprecated the former shape of `todos.first`; use `todos`. */
  alerts?: DashboardAlert[]
}

export async function fetchDashboard(org?: string): Promise<Dashboard> {
  const { data } = await http.get<Dashboard>('/dashboard', { params: org ? { org } : {}, silent: true })
  return data
}
