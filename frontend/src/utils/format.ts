/** Display formats of docs/ui.md: thousands separators, yyyy-MM-dd dates, one-decimal percentages. */

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return integerFormat.format(n)
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—'
  // Round half away from zero on the decimal value (0.8765 → 87.7 %, not the binary 87.649… → 87.6 %).
  const tenths = Math.round(Number((fraction * 1000).toPrecision(12)))
  return `${(tenths / 10).toFixed(1)}%`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** A date value as yyyy-MM-dd (local calendar day). */
export function toIsoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Shows a yyyy-MM-dd date as is; a timestamp as yyyy-MM-dd HH:mm:ss in local time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? value : toIsoDate(d)
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return `${toIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

export function todayIso(): string {
  return toIsoDate(new Date())
}
