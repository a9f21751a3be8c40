import type { OrgRef } from '@/api/types'

/** What a list line of an org may carry about where it sits (docs/api.md: `ancestors`; `path` may end with it). */
export interface Placed {
  id: number
  ancestors?: readonly OrgRef[] | null
  path?: readonly OrgRef[] | null
}

/** The org's parents, top first, as far as the server sent them; none when it sent nothing. */
export function orgAncestors(org: Placed): OrgRef[] {
  if (Array.isArray(org.ancestors)) return [...org.ancestors]
  if (Array.isArray(org.path)) return org.path.filter((p) => p.id !== org.id)
  return []
}

/** Where an org sits, to tell same-named branches apart: "甲镇团委 › 红星村团支部" (empty when unknown). */
export function formatOrgPath(org: Placed, separator = ' › '): string {
  return orgAncestors(org)
    .map((p) => p.name)
    .join(separator)
}
