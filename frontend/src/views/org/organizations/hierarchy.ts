import { BRANCH_KINDS, ORG_KINDS, type Org, type OrgKind } from '@/api/org/organizations'
import type { OrgRef } from '@/api/types'
import { t } from '@/locales'

function isBranch(kind: string): boolean {
  return (BRANCH_KINDS as readonly string[]).includes(kind)
}

/**
 * The kinds an org of `kind` may have below it, by the server's rule today (OrgKind.mayHaveChild): a branch
 * kind (团支部, 联合团支部, 临时团支部, 流动团员团支部) has no child orgs, a 团总支 only branch kinds, any other
 * committee every kind. `null` (a new top of the tree) may be any kind.
 */
export function childKindsOf(kind: string | null): OrgKind[] {
  if (kind === null) return [...ORG_KINDS]
  if (isBranch(kind)) return []
  if (kind === 'GENERAL_BRANCH') return [...BRANCH_KINDS]
  return [...ORG_KINDS]
}

/** What the detail may say about the hierarchy once the server serves it (then its answer wins). */
export interface HierarchyHints {
  allowedChildKinds?: readonly string[] | null
}

/**
 * The one place the UI asks which kinds 新增下级 may offer under `parent` (null: a new top). A dissolved org
 * takes no children. When the server sends `allowedChildKinds` with the detail, that list is used as it is.
 */
export function allowedChildKinds(parent: (Pick<Org, 'kind' | 'dissolvedOn'> & HierarchyHints) | null): OrgKind[] {
  if (parent === null) return childKindsOf(null)
  if (parent.dissolvedOn) return []
  if (Array.isArray(parent.allowedChildKinds)) {
    return ORG_KINDS.filter((k) => parent.allowedChildKinds?.includes(k))
  }
  return childKindsOf(parent.kind)
}

/** Whether 新增下级 is offered on this org. */
export function canAddChild(org: Pick<Org, 'kind' | 'dissolvedOn'> & HierarchyHints): boolean {
  return allowedChildKinds(org).length > 0
}

/** What the detail may say about dissolving once the server serves it. */
export interface DissolveHints {
  /** The server's reason why the caller cannot dissolve the org now (absent or null: it may). */
  dissolveRefusal?: string | null
  activeChildCount?: number
}

/**
 * Why the caller cannot dissolve `org` now, or null when they may: said before asking for a date and a reason.
 * The server's rule today: not the top org of the caller's own scope, not while active children remain
 * (`childCount` of the detail counts those). A `dissolveRefusal` of the server is taken as it is.
 */
export function dissolveBlocker(
  org: Pick<Org, 'id' | 'childCount' | 'dissolvedOn'> & DissolveHints,
  scope: OrgRef | null | undefined,
): string | null {
  if (org.dissolveRefusal) return org.dissolveRefusal
  if (org.dissolvedOn) return t('org.dissolve.alreadyDissolved', { date: org.dissolvedOn })
  if (scope && scope.id === org.id) return t('org.dissolve.ownScope')
  const active = org.activeChildCount ?? org.childCount
  if (active > 0) return t('org.dissolve.hasActiveChildren', { n: active })
  return null
}
