import { ElMessageBox } from 'element-plus'
import { t } from '@/locales'

/**
 * Keeps a dialog's typed input from being thrown away by a stray Esc, the close button or a click outside:
 * `arm()` when the dialog opens records the form as it was; `beforeClose` (el-dialog's `before-close`) closes
 * at once when nothing changed and asks first otherwise. The dialog's own 取消 button closes without asking.
 */
export function useDiscardGuard(snapshot: () => unknown) {
  let armed = JSON.stringify(snapshot())
  let asking = false

  function arm(): void {
    armed = JSON.stringify(snapshot())
  }

  function isDirty(): boolean {
    return JSON.stringify(snapshot()) !== armed
  }

  async function beforeClose(done: () => void): Promise<void> {
    if (!isDirty()) {
      done()
      return
    }
    // Esc pressed again while the question is open answers it; it must not stack a second one.
    if (asking) return
    asking = true
    try {
      await ElMessageBox.confirm(t('common.discardMessage'), t('common.discardTitle'), {
        type: 'warning',
        confirmButtonText: t('common.discard'),
        cancelButtonText: t('common.keepEditing'),
      })
      done()
    } catch {
      // keep editing
    } finally {
      asking = false
    }
  }

  return { arm, isDirty, beforeClose }
}
