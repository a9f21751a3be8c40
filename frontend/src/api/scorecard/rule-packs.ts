import { http } from '../http'
import { download, type DownloadedFile } from '../exchange/files'
import type { Target } from './scorecards'

/** docs/api.md "Scorecard": rule packs. */
export interface RulePackSummary {
  id: string
  version: number
  title: string
  issuer: string
  issuedOn: string | null
  indicatorCount: number
  builtIn: boolean
  uploadedAt: string | null
  uploadedBy: string | null
}

export interface PackIndicator {
  code: string
  name: string
  area: string
  target: Target | null
  informational: boolean
  appliesTo: string[]
  clause: string
}

export interface RulePack extends RulePackSummary {
  clauses: Record<string, string>
  indicators: PackIndicator[]
  versions: number[]
}

export async function fetchPacks(): Promise<RulePackSummary[]> {
  const { data } = await http.get<RulePackSummary[]>('/rule-packs')
  return data
}

export async function fetchPack(id: string, version?: number): Promise<RulePack> {
  const { data } = await http.get<RulePack>(`/rule-packs/${encodeURIComponent(id)}`, {
    params: version === undefined ? {} : { version },
  })
  return data
}

export function downloadPack(id: string, version?: number): Promise<DownloadedFile> {
  return download(`/rule-packs/${encodeURIComponent(id)}/download`, version === undefined ? {} : { version })
}

/** A 400 `scorecard.pack-invalid` ApiError carries `errors: [{field, message}]`; the caller shows them. */
export async function uploadPack(file: File): Promise<RulePack> {
  const form = new FormData()
  form.append('file', file)
  const { data } = await http.post<RulePack>('/rule-packs', form, { silent: true })
  return data
}
