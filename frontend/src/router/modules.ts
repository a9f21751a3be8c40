import type { ModuleRoutes } from './module'
import { buildMenu } from './menu'

/**
 * Every module's `views/<module>/routes.ts`, found at build time: a new module adds its routes file (and its
 * locale files) and touches nothing here.
 */
export const MODULES: readonly ModuleRoutes[] = Object.entries(
  import.meta.glob<{ default: ModuleRoutes }>('../views/*/routes.ts', { eager: true }),
)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, file]) => file.default)

/** The whole side menu; the side menu shows `filterMenu(MENU, permissions)`. */
export const MENU = buildMenu(MODULES)
