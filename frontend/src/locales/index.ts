import { createI18n } from 'vue-i18n'
import platformZh from './zh-CN'
import platformEn from './en-US'
import { LANGS, mergeSources, sourcesOf, type Lang, type LocaleSource, type MessageTree } from './messages'

export { LANGS, type Lang }
export const LANG_STORAGE_KEY = 'tuanwu.lang'

export function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY)
    return v === 'en-US' ? 'en-US' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/** The platform's strings (app, common, errors, layout) here; each module's in `views/<module>/locales/`. */
export const PLATFORM_SOURCE: LocaleSource = {
  name: 'locales',
  messages: { 'zh-CN': platformZh, 'en-US': platformEn },
}

/** Every module's locale files: a new module adds `views/<module>/locales/{zh-CN,en-US}.ts` and nothing else. */
export const MODULE_SOURCES: readonly LocaleSource[] = sourcesOf(
  import.meta.glob<{ default: MessageTree }>('../views/*/locales/*.ts', { eager: true }),
)

export const messages: Record<Lang, MessageTree> = mergeSources([PLATFORM_SOURCE, ...MODULE_SOURCES])

export const i18n = createI18n({
  legacy: false,
  locale: storedLang(),
  fallbackLocale: 'zh-CN',
  messages,
})

/** Translate outside components (interceptors, stores, column and rule factories). */
export function t(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key)
}

/** Translate if the key exists, otherwise return the fallback (server codes we have no label for). */
export function tOr(key: string, fallback: string): string {
  return i18n.global.te(key) ? i18n.global.t(key) : fallback
}
