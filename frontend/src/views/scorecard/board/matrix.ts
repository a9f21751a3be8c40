import type { Indicator, IndicatorStatus, ScorecardChild, ScorecardOrg } from '@/api/scorecard/scorecards'

/**
 * The children × indicators matrix as data: one row per child with its cells, the number of indicators it
 * meets, and its rank. Sorting by a column ranks by it ("1, 2, 2, 4": equal values share a rank); a child
 * without a value for that column (无数据) comes last and has no rank.
 */

export interface MatrixCell {
  code: string
  value: number | null
  status: IndicatorStatus
}

export interface MatrixRow {
  org: ScorecardOrg
  cells: MatrixCell[]
  /** Indicators met. */
  met: number
  /** Indicators with a target and data (met or not met): what `met` is out of. */
  assessed: number
  rank: number | null
}

/** `met` (indicators met, the default), `name`, or an indicator code. */
export type SortColumn = 'met' | 'name' | (string & {})
export type SortDirection = 'asc' | 'desc'

export interface MatrixSort {
  by: SortColumn
  dir: SortDirection
}

export const DEFAULT_SORT: MatrixSort = { by: 'met', dir: 'desc' }

export function matrixRows(indicators: readonly Indicator[], children: readonly ScorecardChild[]): MatrixRow[] {
  return children.map((child) => {
    const byCode = new Map(child.indicators.map((i) => [i.code, i]))
    const cells = indicators.map((col) => {
      const ind = byCode.get(col.code)
      return { code: col.code, value: ind?.value ?? null, status: ind?.status ?? 'NO_DATA' }
    })
    return {
      org: child.org,
      cells,
      met: cells.filter((c) => c.status === 'MET').length,
      assessed: cells.filter((c) => c.status === 'MET' || c.status === 'NOT_MET').length,
      rank: null,
    }
  })
}

/** The direction in which an indicator's values get better: down for a "≤"/"<" target, up otherwise. */
export function betterDirection(indicator: Pick<Indicator, 'target'> | undefined): SortDirection {
  const op = indicator?.target?.op
  return op === '<=' || op === '<' ? 'asc' : 'desc'
}

/** The sort a click on a column header asks for: the same column turns round, a new one starts best first. */
export function nextSort(current: MatrixSort, column: SortColumn, indicators: readonly Indicator[]): MatrixSort {
  if (current.by === column) return { by: column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  if (column === 'name') return { by: 'name', dir: 'asc' }
  if (column === 'met') return { by: 'met', dir: 'desc' }
  return { by: column, dir: betterDirection(indicators.find((i) => i.code === column)) }
}

function measure(row: MatrixRow, by: SortColumn): number | null {
  if (by === 'met') return row.met
  const cell = row.cells.find((c) => c.code === by)
  return cell ? cell.value : null
}

const byName = (a: MatrixRow, b: MatrixRow) => a.org.name.localeCompare(b.org.name, 'zh-CN')

/**
 * The rows sorted and ranked. Ranks follow the sorted measure (met, or the indicator's value, best first
 * whatever the direction shown); sorting by name keeps the ranks by indicators met.
 */
export function sortMatrix(
  rows: readonly MatrixRow[],
  sort: MatrixSort,
  indicators: readonly Indicator[],
): MatrixRow[] {
  const rankBy = sort.by === 'name' ? 'met' : sort.by
  const better = rankBy === 'met' ? 'desc' : betterDirection(indicators.find((i) => i.code === rankBy))
  const ranked = [...rows]
    .map((r) => ({ row: r, v: measure(r, rankBy) }))
    .filter((x): x is { row: MatrixRow; v: number } => x.v !== null && !Number.isNaN(x.v))
    .sort((a, b) => (better === 'desc' ? b.v - a.v : a.v - b.v))
  const ranks = new Map<MatrixRow, number>()
  ranked.forEach((x, i) => {
    const previous = ranked[i - 1]
    ranks.set(x.row, previous && previous.v === x.v ? (ranks.get(previous.row) as number) : i + 1)
  })

  const withRank = rows.map((r) => ({ ...r, rank: ranks.get(r) ?? null }))
  const sign = sort.dir === 'asc' ? 1 : -1
  return withRank.sort((a, b) => {
    if (sort.by === 'name') return sign * byName(a, b)
    const va = measure(a, sort.by)
    const vb = measure(b, sort.by)
    if (va === null && vb === null) return byName(a, b)
    if (va === null) return 1
    if (vb === null) return -1
    return sign * (va - vb) || byName(a, b)
  })
}
