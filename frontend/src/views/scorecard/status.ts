import type { Indicator, IndicatorStatus, IndicatorUnit, Target } from '@/api/scorecard/scorecards'
import { AREAS } from '@/api/scorecard/scorecards'
import { formatNumber, formatPercent } from '@/utils/format'
import { t, tOr } from '@/locales'

/** Colours of the statuses: 达标 green, 未达标 red, 无数据 grey, 参考 blue (the accent red is not used for INFO). */
export const STATUS_COLORS: Readonly<Record<IndicatorStatus, { color: string; background: string; border: string }>> = {
  MET: { color: '#529b2e', background: '#f0f9eb', border: '#c2e7b0' },
  NOT_MET: { color: '#c45656', background: '#fef0f0', border: '#fbc4c4' },
  NO_DATA: { color: '#73767a', background: '#f4f4f5', border: '#d3d4d6' },
  INFO: { color: '#337ecc', background: '#ecf5ff', border: '#b3d8ff' },
}

/** Strong fill of a matrix cell for a status. */
export const STATUS_FILL: Readonly<Record<IndicatorStatus, string>> = {
  MET: '#e1f3d8',
  NOT_MET: '#fcd3d3',
  NO_DATA: '#f0f0f2',
  INFO: '#d9ecff',
}

export function statusStyle(status: IndicatorStatus): { color: string; background: string; border: string } {
  return STATUS_COLORS[status] ?? STATUS_COLORS.NO_DATA
}

export function statusLabel(status: IndicatorStatus): string {
  return tOr(`scorecard.status.${status}`, status)
}

function isPercentUnit(unit: IndicatorUnit): boolean {
  return unit === 'rate' || unit === 'growth'
}

/** A value as shown: rates and growth as a percentage with one decimal, counts as integers, null as 无数据. */
export function formatIndicatorValue(unit: IndicatorUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('scorecard.noData')
  switch (unit) {
    case 'rate':
    case 'growth':
      return formatPercent(value)
    case 'count':
      return formatNumber(Math.round(value))
    case 'flag':
      return value ? t('common.yes') : t('common.no')
    case 'perUnit':
    default:
      return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  }
}

const OPS: Record<Target['op'], string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=' }

/** The target as shown ("≥ 100.0%"), or 参考 for an informational indicator. */
export function formatTarget(unit: IndicatorUnit, target: Target | null | undefined): string {
  if (!target) return t('scorecard.informational')
  const v = isPercentUnit(unit) ? formatPercent(target.value) : formatIndicatorValue(unit, target.value)
  return `${OPS[target.op] ?? target.op} ${v}`
}

/** numerator / denominator, or — when the indicator is not a ratio. */
export function formatFraction(ind: Pick<Indicator, 'numerator' | 'denominator'>): string {
  if (ind.numerator === null && ind.denominator === null) return '—'
  return `${formatNumber(ind.numerator)} / ${formatNumber(ind.denominator)}`
}

export function areaLabel(area: string): string {
  return tOr(`scorecard.areas.${area}`, area)
}

export interface AreaGroup {
  area: string
  indicators: Indicator[]
}

/** Indicators grouped by area, areas in the catalogue order (unknown areas last), indicators in the server's order. */
export function groupByArea(indicators: readonly Indicator[]): AreaGroup[] {
  const groups = new Map<string, Indicator[]>()
  for (const ind of indicators) {
    const list = groups.get(ind.area)
    if (list) list.push(ind)
    else groups.set(ind.area, [ind])
  }
  const rank = (a: string) => {
    const i = (AREAS as readonly string[]).indexOf(a)
    return i < 0 ? AREAS.length : i
  }
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([area, list]) => ({ area, indicators: list }))
}

/** Counts of statuses (for summaries). */
export function countStatuses(indicators: readonly Indicator[]): Record<IndicatorStatus, number> {
  const counts: Record<IndicatorStatus, number> = { MET: 0, NOT_MET: 0, NO_DATA: 0, INFO: 0 }
  for (const ind of indicators) counts[ind.status] = (counts[ind.status] ?? 0) + 1
  return counts
}
