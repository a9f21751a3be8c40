import { describe, expect, it } from 'vitest'
import type { Indicator, ScorecardChild } from '@/api/scorecard/scorecards'
import { DEFAULT_SORT, matrixRows, nextSort, sortMatrix } from '../matrix'

function ind(code: string, value: number | null, status: Indicator['status'], op: '>=' | '<=' = '>='): Indicator {
  return {
    code,
    name: code,
    area: 'ORG',
    unit: 'rate',
    value,
    numerator: null,
    denominator: null,
    target: { op, value: op === '>=' ? 0.9 : 0.1 },
    status,
    source: '',
    sourceText: '',
    reason: null,
  }
}

const COLUMNS = [ind('COVERAGE', null, 'NO_DATA'), ind('VACANCY', null, 'NO_DATA', '<=')]

function child(code: string, name: string, coverage: number | null, vacancy: number | null): ScorecardChild {
  return {
    org: { id: code.length, code, name },
    indicators: [
      ind('COVERAGE', coverage, coverage === null ? 'NO_DATA' : coverage >= 0.9 ? 'MET' : 'NOT_MET'),
      ind('VACANCY', vacancy, vacancy === null ? 'NO_DATA' : vacancy <= 0.1 ? 'MET' : 'NOT_MET', '<='),
    ],
  }
}

// 甲 meets both, 乙 one, 丙 and 丁 one each with the same coverage, 戊 has no data at all.
const CHILDREN = [
  child('B', '乙镇', 0.95, 0.3),
  child('D', '丁镇', 0.5, 0.05),
  child('A', '甲镇', 0.92, 0.0),
  child('E', '戊镇', null, null),
  child('C', '丙镇', 0.5, 0.1),
]

function order(sort = DEFAULT_SORT) {
  return sortMatrix(matrixRows(COLUMNS, CHILDREN), sort, COLUMNS).map((r) => [r.org.name, r.rank])
}

describe('the children × indicators matrix', () => {
  it('counts the indicators met out of those assessed', () => {
    const rows = matrixRows(COLUMNS, CHILDREN)
    expect(rows.map((r) => [r.org.code, r.met, r.assessed])).toEqual([
      ['B', 1, 2],
      ['D', 1, 2],
      ['A', 2, 2],
      ['E', 0, 0],
      ['C', 1, 2],
    ])
  })

  it('opens ranked by indicators met, ties sharing a rank and listed by name', () => {
    // 丙, 丁 and 乙 all meet one: rank 2 each, the next is 5; names in pinyin order (bǐng, dīng, yǐ).
    expect(order()).toEqual([
      ['甲镇', 1],
      ['丙镇', 2],
      ['丁镇', 2],
      ['乙镇', 2],
      ['戊镇', 5],
    ])
  })

  it('ranks by a column the higher the better for a "≥" target, no data last and unranked', () => {
    const sort = nextSort(DEFAULT_SORT, 'COVERAGE', COLUMNS)
    expect(sort).toEqual({ by: 'COVERAGE', dir: 'desc' })
    expect(order(sort)).toEqual([
      ['乙镇', 1],
      ['甲镇', 2],
      ['丙镇', 3],
      ['丁镇', 3],
      ['戊镇', null],
    ])
  })

  it('ranks by a "≤" column the lower the better, and a second click turns the order round, not the ranks', () => {
    const first = nextSort(DEFAULT_SORT, 'VACANCY', COLUMNS)
    expect(first).toEqual({ by: 'VACANCY', dir: 'asc' })
    expect(order(first)).toEqual([
      ['甲镇', 1],
      ['丁镇', 2],
      ['丙镇', 3],
      ['乙镇', 4],
      ['戊镇', null],
    ])
    const second = nextSort(first, 'VACANCY', COLUMNS)
    expect(second.dir).toBe('desc')
    expect(order(second)).toEqual([
      ['乙镇', 4],
      ['丙镇', 3],
      ['丁镇', 2],
      ['甲镇', 1],
      ['戊镇', null],
    ])
  })

  it('sorts by name keeping the ranks by indicators met', () => {
    const byName = nextSort(DEFAULT_SORT, 'name', COLUMNS)
    expect(order(byName).map(([name]) => name)).toEqual(['丙镇', '丁镇', '甲镇', '戊镇', '乙镇'])
    expect(Object.fromEntries(order(byName))).toEqual({ 甲镇: 1, 乙镇: 2, 丙镇: 2, 丁镇: 2, 戊镇: 5 })
  })
})
