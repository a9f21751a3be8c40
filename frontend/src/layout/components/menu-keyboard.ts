/**
 * Keyboard use of the vertical side menu, which Element Plus leaves to the mouse (its items carry
 * tabindex="-1"): one Tab stop (the current page's entry, else the first), ↑/↓ (and Home/End) between the
 * entries that are shown, → opens a group, ← closes it or goes up to it, Enter or Space opens the page (or
 * opens and closes the group). Works on the menu's live DOM, so groups opened with the mouse count too.
 */

const ITEM = '.el-sub-menu__title, .el-menu-item'

/** The entries a user can see now, top to bottom: group titles, and the pages of open groups. */
export function visibleEntries(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(ITEM)).filter((el) => {
    // Inside a group (other than as its title), every group around it must be open.
    let group = el.parentElement?.closest<HTMLElement>('.el-sub-menu') ?? null
    if (group && el.classList.contains('el-sub-menu__title') && el.parentElement === group) {
      group = group.parentElement?.closest<HTMLElement>('.el-sub-menu') ?? null
    }
    while (group && root.contains(group)) {
      if (!group.classList.contains('is-opened')) return false
      group = group.parentElement?.closest<HTMLElement>('.el-sub-menu') ?? null
    }
    return true
  })
}

/** Makes one entry the menu's Tab stop: the one given, else the current page's, else the first shown. */
export function setTabStop(root: HTMLElement, entry?: HTMLElement | null): void {
  const entries = Array.from(root.querySelectorAll<HTMLElement>(ITEM))
  const shown = visibleEntries(root)
  const stop =
    (entry && shown.includes(entry) ? entry : null) ??
    shown.find((el) => el.classList.contains('is-active')) ??
    shown[0] ??
    null
  for (const el of entries) el.setAttribute('tabindex', el === stop ? '0' : '-1')
}

function groupOf(entry: HTMLElement): HTMLElement | null {
  const group = entry.closest<HTMLElement>('.el-sub-menu')
  if (!group) return null
  return entry.classList.contains('el-sub-menu__title') && entry.parentElement === group
    ? (group.parentElement?.closest<HTMLElement>('.el-sub-menu') ?? null)
    : group
}

function focus(root: HTMLElement, entry: HTMLElement | undefined | null): void {
  if (!entry) return
  setTabStop(root, entry)
  entry.focus()
}

export function onMenuKeydown(root: HTMLElement, event: KeyboardEvent): void {
  const target = (event.target as HTMLElement | null)?.closest<HTMLElement>(ITEM)
  if (!target || !root.contains(target)) return
  const entries = visibleEntries(root)
  const at = entries.indexOf(target)
  const isTitle = target.classList.contains('el-sub-menu__title')
  const open = isTitle && !!target.parentElement?.classList.contains('is-opened')
  let handled = true
  switch (event.key) {
    case 'ArrowDown':
      focus(root, entries[(at + 1) % entries.length])
      break
    case 'ArrowUp':
      focus(root, entries[(at - 1 + entries.length) % entries.length])
      break
    case 'Home':
      focus(root, entries[0])
      break
    case 'End':
      focus(root, entries[entries.length - 1])
      break
    case 'ArrowRight':
      if (isTitle && !open) target.click()
      else if (isTitle) focus(root, entries[at + 1])
      break
    case 'ArrowLeft':
      if (isTitle && open) target.click()
      else focus(root, groupOf(target)?.querySelector<HTMLElement>(':scope > .el-sub-menu__title'))
      break
    case 'Enter':
    case ' ':
      target.click()
      break
    default:
      handled = false
  }
  if (handled) event.preventDefault()
}
