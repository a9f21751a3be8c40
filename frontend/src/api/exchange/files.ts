import type { AxiosProgressEvent } from 'axios'
import { http } from '../http'

export type ExchangeType = 'organizations' | 'units'
export const EXCHANGE_TYPES: readonly ExchangeType[] = ['organizations', 'units']
export type FileFormat = 'xlsx' | 'csv'

export interface ImportResult {
  created: number
  updated: number
  rows: number
}

/** A downloaded file: its bytes and the name the server suggests. */
export interface DownloadedFile {
  blob: Blob
  filename: string | null
}

export function filenameFrom(disposition: unknown): string | null {
  if (typeof disposition !== 'string') return null
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      return star[1].trim()
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1].trim() : null
}

/** GET a file as a blob, with the name of its Content-Disposition. */
export async function download(
  url: string,
  params: Record<string, string | number | boolean>,
): Promise<DownloadedFile> {
  const response = await http.get<Blob>(url, { params, responseType: 'blob' })
  return { blob: response.data, filename: filenameFrom(response.headers['content-disposition']) }
}

/**
 * POST for a file: an audited download (an export) is an action, and a GET never writes (docs/api.md "Safe
 * methods"). The query parameters stay in the URL; the CSRF header goes with it as with every POST.
 */
export async function downloadAudited(
  url: string,
  params: Record<string, string | number | boolean>,
): Promise<DownloadedFile> {
  const response = await http.post<Blob>(url, null, { params, responseType: 'blob' })
  return { blob: response.data, filename: filenameFrom(response.headers['content-disposition']) }
}

export function downloadTemplate(type: ExchangeType, format: FileFormat): Promise<DownloadedFile> {
  return download(`/exchange/${type}/template`, { format })
}

export function exportRecords(type: ExchangeType, format: FileFormat, under?: number): Promise<DownloadedFile> {
  return downloadAudited(`/exchange/${type}/export`, under === undefined ? { format } : { format, under })
}

/** Imports a file; a 422 ApiError carries the bad rows (and nothing was written). */
export async function importFile(
  type: ExchangeType,
  file: File,
  onProgress?: (percent: number) => void,
): Promise<ImportResult> {
  const form = new FormData()
  form.append('file', file)
  const { data } = await http.post<ImportResult>(`/exchange/${type}/import`, form, {
    silent: true,
    onUploadProgress: (e: AxiosProgressEvent) => {
      if (onProgress && e.total) onProgress(Math.round((e.loaded / e.total) * 100))
    },
  })
  return data
}

/** Posts the same file back and receives it as xlsx with a first column 错误说明. */
export async function annotateFile(type: ExchangeType, file: File): Promise<DownloadedFile> {
  const form = new FormData()
  form.append('file', file)
  const response = await http.post<Blob>(`/exchange/${type}/annotate`, form, { responseType: 'blob' })
  return { blob: response.data, filename: filenameFrom(response.headers['content-disposition']) }
}
