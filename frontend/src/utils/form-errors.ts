import { reactive } from 'vue'
import { isApiError } from '@/api/http'

/**
 * Server-side field errors, keyed by field, for `:error` on el-form-item.
 * `apply` returns true when at least one error concerned a field of the form.
 */
export function useServerErrors<F extends string>(fields: readonly F[]) {
  const errors = reactive({} as Record<string, string>)

  function clear(): void {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  function apply(e: unknown): boolean {
    clear()
    if (!isApiError(e)) return false
    let matched = false
    for (const fe of e.fieldErrors) {
      if ((fields as readonly string[]).includes(fe.field)) {
        errors[fe.field] = errors[fe.field] ? `${errors[fe.field]}；${fe.message}` : fe.message
        matched = true
      }
    }
    return matched
  }

  function of(field: F): string {
    return errors[field] ?? ''
  }

  return { errors, clear, apply, of }
}
