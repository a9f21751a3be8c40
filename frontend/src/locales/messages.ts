/** A tree of messages: namespaces and keys down to the texts. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

export type Lang = 'zh-CN' | 'en-US'
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US']

/** The locale files of one source (the platform, or one module): a message tree per language. */
export interface LocaleSource {
  /** Where the files are, for messages about them (e.g. `views/org/locales`). */
  name: string
  messages: Partial<Record<Lang, MessageTree>>
}

/**
 * Groups the files found by `import.meta.glob('…/views/*\/locales/*.ts')` by folder: one source per module,
 * with the messages of each language file it holds.
 */
export function sourcesOf(files: Record<string, { default: MessageTree }>): LocaleSource[] {
  const byFolder = new Map<string, LocaleSource>()
  for (const [path, file] of Object.entries(files)) {
    const match = /^(.*)\/([^/]+)\.ts$/.exec(path)
    if (!match) continue
    const [, folder, lang] = match
    if (!(LANGS as readonly string[]).includes(lang)) continue
    const name = folder.replace(/^(\.\.\/|\.\/|\/src\/|@\/)+/, '')
    const source = byFolder.get(name) ?? { name, messages: {} }
    source.messages[lang as Lang] = file.default
    byFolder.set(name, source)
  }
  return [...byFolder.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The messages of every source in one tree per language. Each source owns its top-level namespaces: a
 * namespace defined by two sources is a mistake (one would silently hide the other), so it throws.
 */
export function mergeSources(sources: readonly LocaleSource[]): Record<Lang, MessageTree> {
  const merged: Record<Lang, MessageTree> = { 'zh-CN': {}, 'en-US': {} }
  const owner = new Map<string, string>()
  for (const source of sources) {
    for (const lang of LANGS) {
      for (const [ns, tree] of Object.entries(source.messages[lang] ?? {})) {
        const previous = owner.get(`${lang}:${ns}`)
        if (previous !== undefined && previous !== source.name) {
          throw new Error(`locale namespace '${ns}' is defined in both ${previous} and ${source.name}`)
        }
        owner.set(`${lang}:${ns}`, source.name)
        merged[lang][ns] = tree
      }
    }
  }
  return merged
}
