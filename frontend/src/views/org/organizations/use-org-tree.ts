import { nextTick, ref, type Ref } from 'vue'
import type { LoadFunction, TreeInstance } from 'element-plus'
import { fetchChildren, fetchRoots, type OrgNode } from '@/api/org/organizations'
import type { OrgRef } from '@/api/types'
import { ensureTreeTabStop } from './tree-keyboard'

type TreeNode = Parameters<LoadFunction>[0]

/** The el-tree props: `hasChildren` decides the expand arrow; a dissolved org is shown greyed. */
export const TREE_PROPS = {
  label: 'name',
  isLeaf: (data: Record<string, unknown>) => data.hasChildren !== true,
  class: (data: Record<string, unknown>) => (data.dissolvedOn ? 'is-dissolved' : ''),
}

/**
 * A lazily loaded org tree: the roots first, then the children of each level when it is expanded —
 * never the whole tree. Also expands the tree down a `path` and reloads one level after a change.
 */
export function useOrgTree(treeRef: Ref<TreeInstance | undefined>, includeDissolved: Ref<boolean>) {
  /** Bumped to rebuild the tree (e.g. when "show dissolved" changes). */
  const treeKey = ref(0)
  const empty = ref(false)
  let rootsLoaded: Promise<void> = Promise.resolve()
  let markRootsLoaded: () => void = () => {}

  function resetRootsPromise(): void {
    rootsLoaded = new Promise<void>((resolve) => {
      markRootsLoaded = resolve
    })
  }
  resetRootsPromise()

  const load: LoadFunction = (node, resolve) => {
    if (node.level === 0) {
      fetchRoots()
        .then((roots) => {
          const visible = includeDissolved.value ? roots : roots.filter((r) => !r.dissolvedOn)
          empty.value = visible.length === 0
          resolve(visible)
          // Reachable with Tab once the roots are there.
          void nextTick(() => ensureTreeTabStop(treeRef.value?.$el as HTMLElement | undefined))
        })
        .catch(() => resolve([]))
        .finally(() => markRootsLoaded())
      return
    }
    const data = node.data as OrgNode
    fetchChildren(data.id, includeDissolved.value)
      .then((children) => resolve(children))
      .catch(() => resolve([]))
  }

  function nodeOf(id: number): TreeNode | null {
    return (treeRef.value?.getNode(id) as TreeNode | undefined) ?? null
  }

  function expandNode(node: TreeNode): Promise<void> {
    return new Promise((resolve) => {
      if (node.expanded && node.loaded) {
        resolve()
        return
      }
      node.expand(() => resolve(), false)
    })
  }

  /** Expands the ancestors of the last element of `path` and selects it. Returns whether it was found. */
  async function revealPath(path: readonly OrgRef[]): Promise<boolean> {
    await rootsLoaded
    await nextTick()
    for (const ancestor of path.slice(0, -1)) {
      const node = nodeOf(ancestor.id)
      if (!node) continue // above the caller's roots
      await expandNode(node)
    }
    const target = path[path.length - 1]
    if (!target) return false
    await nextTick()
    const found = nodeOf(target.id) !== null
    if (found) treeRef.value?.setCurrentKey(target.id)
    return found
  }

  /** Loads the children of one org again (after a create, move or dissolve) and expands it. */
  async function reloadChildren(id: number): Promise<void> {
    const node = nodeOf(id)
    if (!node) return
    const children = await fetchChildren(id, includeDissolved.value).catch(() => null)
    if (children === null) return
    ;(node.data as OrgNode).hasChildren = children.length > 0
    ;(node.data as OrgNode).childCount = children.length
    treeRef.value?.updateKeyChildren(id, children)
    node.loaded = true
    node.isLeaf = children.length === 0
    node.expanded = children.length > 0
    await nextTick()
  }

  /** Updates the label data of a node in place (after an edit). */
  function patchNode(org: Pick<OrgNode, 'id' | 'code' | 'name' | 'kind' | 'sector' | 'dissolvedOn'>): void {
    const node = nodeOf(org.id)
    if (!node) return
    const data = node.data as OrgNode
    data.code = org.code
    data.name = org.name
    data.kind = org.kind
    data.sector = org.sector
    data.dissolvedOn = org.dissolvedOn
  }

  function rebuild(): void {
    resetRootsPromise()
    treeKey.value++
  }

  return { treeKey, empty, load, revealPath, reloadChildren, patchNode, rebuild }
}
