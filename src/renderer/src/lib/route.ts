// The page's own address decides what it shows: `?column=ID` is one column
// popped out into its own window (Electron) or tab (browser mode).
export const POPOUT_PARAM = 'column'

export function popoutColumnId(search = typeof location === 'undefined' ? '' : location.search): string | null {
  const id = new URLSearchParams(search).get(POPOUT_PARAM)
  return id !== null && id.length > 0 && id.length <= 64 ? id : null
}

/** Relative, so it resolves against the page itself: the file:// index in Electron, the server in a browser. */
export function popoutHref(columnId: string): string {
  return `?${new URLSearchParams({ [POPOUT_PARAM]: columnId }).toString()}`
}
