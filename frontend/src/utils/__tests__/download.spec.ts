import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ElMessage } from 'element-plus'
import { i18n } from '@/locales'
import type { DownloadedFile } from '@/api/exchange/files'
import { saveFile } from '../save-file'
import { downloadFile, MESSAGE_OFFSET, PREPARING_AFTER_MS } from '../download'

vi.mock('../save-file', () => ({ saveFile: vi.fn() }))

const file: DownloadedFile = { blob: new Blob(['x']), filename: '团组织-20250504.xlsx' }

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  vi.mocked(saveFile).mockClear()
})

afterEach(() => {
  ElMessage.closeAll()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function preparing(): Element | null {
  return document.querySelector('.tw-download-preparing')
}

describe('a download says so', () => {
  it('saves the file and says the download started, under the server’s name', async () => {
    const success = vi.spyOn(ElMessage, 'success')
    expect(await downloadFile(async () => file, '团组织.xlsx')).toBe(true)
    expect(saveFile).toHaveBeenCalledWith(file, '团组织.xlsx')
    expect(success).toHaveBeenCalledWith(
      expect.objectContaining({ message: '已开始下载 团组织-20250504.xlsx', offset: MESSAGE_OFFSET }),
    )
  })

  it('shows "正在准备 …" while a slow export is prepared, and closes it once the file is there', async () => {
    vi.useFakeTimers()
    let arrive: (f: DownloadedFile) => void = () => {}
    const pending = downloadFile(() => new Promise<DownloadedFile>((resolve) => (arrive = resolve)), '考核结果.pdf')
    await vi.advanceTimersByTimeAsync(PREPARING_AFTER_MS + 10)
    expect(preparing()?.textContent).toContain('正在准备 考核结果.pdf')

    arrive({ blob: new Blob(['%PDF']), filename: null })
    expect(await pending).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(preparing()).toBeNull()
    expect(document.querySelector('.tw-download-started')?.textContent).toContain('已开始下载 考核结果.pdf')
  })

  it('shows nothing while a quick file arrives, and no success when the download fails', async () => {
    vi.useFakeTimers()
    const success = vi.spyOn(ElMessage, 'success')
    const failed = downloadFile(() => Promise.reject(new Error('403')), '团组织.csv')
    expect(await failed).toBe(false)
    await vi.advanceTimersByTimeAsync(PREPARING_AFTER_MS + 10)
    expect(preparing()).toBeNull()
    expect(success).not.toHaveBeenCalled()
    expect(saveFile).not.toHaveBeenCalled()
  })
})
