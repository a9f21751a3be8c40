/** Shapes shared by every resource of the REST contract (docs/api.md). */

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
  /** false when the server stopped counting early: total is then a lower bound ("10 000+") */
  totalExact?: boolean
}

export interface PageQuery {
  page?: number
  size?: number
}

/** A validation error that concerns one field of a form. */
export interface FieldProblem {
  field: string
  message: string
  /** 1-based position in an uploaded file (a rule pack's YAML), when known. */
  line?: number
  column?: number
}

/** A bad row of an import file. */
export interface RowProblem {
  row: number
  column: string
  value: string | null
  reason: string
}

export type ProblemItem = FieldProblem | RowProblem

/** RFC 9457 problem details as the server sends them. */
export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  errors?: ProblemItem[]
}

/** A reference to an organization as embedded in other records. */
export interface OrgRef {
  id: number
  code: string
  name: string
}
