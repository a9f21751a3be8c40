import type { FieldProblem } from '@/api/types'

/**
 * An error of a refused rule pack (docs/api.md "Requested by the front end" 13): `field` the path in the YAML
 * (`indicators[2].code`, `yaml` for a syntax error), `line`/`column` the 1-based position when known, `message`
 * Chinese and starting with that position.
 */
export interface PackProblem {
  field: string
  line: number | null
  column: number | null
  /** The message without its leading position, which the table shows in its own columns. */
  reason: string
}

const POSITION = /^第\s*(\d+)\s*行(?:第\s*(\d+)\s*列)?\s*[：:]\s*/

function positive(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null
}

export function packProblem(p: FieldProblem): PackProblem {
  const m = POSITION.exec(p.message)
  const line = positive(p.line) ?? (m ? Number(m[1]) : null)
  const column = positive(p.column) ?? (m && m[2] ? Number(m[2]) : null)
  // The prefix is dropped only when the columns say the same (never lose what the server said).
  const same = m && Number(m[1]) === line && (m[2] ? Number(m[2]) === column : true)
  return { field: p.field, line, column, reason: same ? p.message.slice(m[0].length) : p.message }
}

/** In file order: by line then column, the errors without a position last, otherwise as the server sent them. */
export function packProblems(errors: readonly FieldProblem[]): PackProblem[] {
  return errors
    .map((e, i) => ({ p: packProblem(e), i }))
    .sort(
      (a, b) =>
        (a.p.line ?? Infinity) - (b.p.line ?? Infinity) ||
        (a.p.column ?? Infinity) - (b.p.column ?? Infinity) ||
        a.i - b.i,
    )
    .map((x) => x.p)
}
