import type { TreeInstance } from 'element-plus'

type TreeNode = NonNullable<ReturnType<TreeInstance['getNode']>>

/**
 * Keyboard use of the org tree beyond what el-tree does itself (↑/↓ between the nodes shown): Enter or
 * Space opens the focused org, → expands it (or goes down to its first child), ← collapses it (or goes up to
 * its parent). Element Plus would turn ←/→ into a click, which only selects here (a node expands by its
 * arrow), so the page handles those keys first, in the capture phase, and stops them.
 */
export function onTreeKeydown(event: KeyboardEvent, tree: TreeInstance | undefined, open: (id: number) => void): void {
  const item = event.target as HTMLElement | null
  if (!tree || !item || item.getAttribute('role') !== 'treeitem') return
  const key = item.dataset.key
  if (key === undefined) return
  const node = tree.getNode(key) as TreeNode | null
  if (!node) return
  const id = (node.data as { id: number }).id
  switch (event.key) {
    case 'Enter':
    case ' ':
      open(id)
      break
    case 'ArrowRight':
      if (!node.isLeaf && !node.expanded) node.expand()
      else if (node.expanded && node.childNodes.length > 0) focusNode(item, node.childNodes[0])
      break
    case 'ArrowLeft':
      if (node.expanded) node.collapse()
      else if (node.parent && node.parent.level > 0) focusNode(item, node.parent)
      break
    default:
      return
  }
  event.preventDefault()
  event.stopPropagation()
}

function focusNode(from: HTMLElement, node: TreeNode): void {
  const tree = from.closest('.el-tree')
  const el = tree?.querySelector<HTMLElement>(`[role="treeitem"][data-key="${String(node.key)}"]`)
  el?.focus()
}

/** After a lazy load, el-tree may have no Tab stop (it sets one when it mounts, before the roots arrive). */
export function ensureTreeTabStop(treeEl: HTMLElement | null | undefined): void {
  if (!treeEl) return
  const items = Array.from(treeEl.querySelectorAll<HTMLElement>('[role="treeitem"]'))
  if (items.length === 0 || items.some((el) => el.getAttribute('tabindex') === '0')) return
  const current = items.find((el) => el.classList.contains('is-current')) ?? items[0]
  current.setAttribute('tabindex', '0')
}
