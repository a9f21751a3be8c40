import { ElMessage, type MessageHandler } from 'element-plus'
import { Loading } from '@element-plus/icons-vue'
import { markRaw } from 'vue'
import type { DownloadedFile } from '@/api/exchange/files'
import { t } from '@/locales'
import { saveFile } from './save-file'

/** How long a download may take before "正在准备…" is shown (a template arrives at once; an export may not). */
export const PREPARING_AFTER_MS = 400

/**
 * Below the header (56 px): at the default 16 px a download's message covered the header's 管理范围 and current
 * org at 1366 px, just when the user looks there to see what was exported.
 */
export const MESSAGE_OFFSET = 64

/**
 * Fetches a file and saves it, saying so: "正在准备 …" with a spinner while a slow one (an export, a PDF) is
 * being prepared, then "已开始下载 <name>". A failure closes the spinner and leaves the message to the API
 * interceptor. Returns whether the file was saved.
 */
export async function downloadFile(fetch: () => Promise<DownloadedFile>, fallbackName: string): Promise<boolean> {
  let preparing: MessageHandler | null = null
  const timer = setTimeout(() => {
    preparing = ElMessage({
      message: t('download.preparing', { name: fallbackName }),
      icon: markRaw(Loading),
      duration: 0,
      offset: MESSAGE_OFFSET,
      customClass: 'tw-download-preparing',
    })
  }, PREPARING_AFTER_MS)
  try {
    const file = await fetch()
    const name = file.filename ?? fallbackName
    saveFile(file, fallbackName)
    ElMessage.success({
      message: t('download.started', { name }),
      offset: MESSAGE_OFFSET,
      customClass: 'tw-download-started',
    })
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
    ;(preparing as MessageHandler | null)?.close()
  }
}
