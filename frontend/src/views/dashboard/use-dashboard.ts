import type { OrgStats } from '@/api/org/organizations'
import { BRANCH_KINDS } from '@/api/org/organizations'

/** Kinds counted as committees on the dashboard tile (团委 and 团工委 at every level). */
export const COMMITTEE_KINDS: readonly string[] = [
  'PROVINCE_COMMITTEE', 'CITY_COMMITTEE', 'COUNTY_COMMITTEE', 'DISTRICT_COMMITTEE', 'TOWNSHIP_COMMITTEE',
  'STREET_WORK_COMMITTEE', 'WORK_COMMITTEE', 'BASIC_COMMITTEE',
]

export interface Tiles {
  total: number
  branches: number
  dissolved: number
  committees: number
}

function sumOf(byKind: Record<string, number>, kinds: readonly string[]): number {
  return kinds.reduce((sum, k) => sum + (byKind[k] ?? 0), 0)
}

export function tilesOf(stats: OrgStats): Tiles {
  return {
    total: stats.total,
    branches: sumOf(stats.byKind, BRANCH_KINDS),
    dissolved: stats.dissolved,
    committees: sumOf(stats.byKind, COMMITTEE_KINDS),
  }
}
