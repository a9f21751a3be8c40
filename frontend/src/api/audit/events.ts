import { http } from '../http'
import type { OrgRef, Page, PageQuery } from '../types'

export interface AuditChange {
  field: string
  before: string | null
  after: string | null
}

export interface AuditEvent {
  id: number
  at: string
  username: string | null
  action: string
  orgId: number | null
  /** Requested by the front end (docs/api.md): the org's code and name, to show without a look-up. */
  org?: OrgRef | null
  targetType: string | null
  targetId: string | null
  summary: string | null
  changes: AuditChange[]
  ip: string | null
}

export interface AuditQuery extends PageQuery {
  username?: string
  action?: string
  orgId?: number
  from?: string
  to?: string
}

export interface AuditVerification {
  valid: boolean
  checked: number
  /** The first row that cannot be trusted; null when only a checkpoint is bad. */
  firstBrokenId: number | null
  checkpoints: number
  /** What is wrong, in Chinese (a deleted record, a rolled-back database); null when valid. */
  problem: string | null
}

export async function searchAudit(query: AuditQuery): Promise<Page<AuditEvent>> {
  const { data } = await http.get<Page<AuditEvent>>('/audit', { params: query })
  return data
}

export async function fetchActions(): Promise<string[]> {
  const { data } = await http.get<string[]>('/audit/actions')
  return data
}

/** Verifying is an audited action (it records AUDIT_VERIFIED), so a POST. */
export async function verifyAudit(): Promise<AuditVerification> {
  const { data } = await http.post<AuditVerification>('/audit/verification')
  return data
}
