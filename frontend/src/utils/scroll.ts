/**
 * Scrolls the page back to its top. The layout scrolls its content panel (`.tw-layout__main`), not the
 * window; both are reset, so that it works with and without the layout.
 */
export function scrollPageToTop(): void {
  const main = document.querySelector<HTMLElement>('.tw-layout__main')
  if (main) {
    if (typeof main.scrollTo === 'function') main.scrollTo({ top: 0, behavior: 'smooth' })
    else main.scrollTop = 0
  }
  if (typeof window.scrollTo === 'function') {
    try {
      window.scrollTo({ top: 0 })
    } catch {
      // jsdom and old engines: nothing to scroll
    }
  }
}
