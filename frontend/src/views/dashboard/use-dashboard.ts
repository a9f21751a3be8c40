import type { Dashboard, PackSummary } from '@/api/scorecard/scorecards'
import { formatNumber, formatPercent } from '@/utils/format'
import { t } from '@/locales'

export type TileName = 'orgs' | 'branches' | 'villageCoverage' | 'indicators'
export const TILE_NAMES: readonly TileName[] = ['orgs', 'branches', 'villageCoverage', 'indicators']

export interface Tile {
  name: TileName
  value: string
  sub: string
}

/** The headline tiles of `GET /dashboard`; a function so the texts follow the language. */
export function tilesOf(d: Dashboard | null): Tile[] {
  const tl = d?.tiles
  const cov = tl?.villageCoverage
  return [
    { name: 'orgs', value: formatNumber(tl?.orgs), sub: '' },
    { name: 'branches', value: formatNumber(tl?.branches), sub: '' },
    {
      name: 'villageCoverage',
      value: cov && cov.value !== null && cov.denominator ? formatPercent(cov.value) : t('scorecard.noData'),
      sub: cov && cov.denominator ? `${formatNumber(cov.numerator)} / ${formatNumber(cov.denominator)}` : '',
    },
    {
      name: 'indicators',
      value: tl ? `${formatNumber(tl.indicatorsMet)} / ${formatNumber(tl.indicatorsDue)}` : '—',
      sub: tl && tl.indicatorsDue > 0 ? formatPercent(tl.indicatorsMet / tl.indicatorsDue) : '',
    },
  ]
}

/** Series of the per-pack bar chart: met / not met / no data (stacked). */
export function packSeries(packs: readonly PackSummary[]): {
  categories: string[]
  met: number[]
  notMet: number[]
  noData: number[]
} {
  return {
    categories: packs.map((p) => p.id),
    met: packs.map((p) => p.met),
    notMet: packs.map((p) => p.notMet),
    noData: packs.map((p) => p.noData),
  }
}
