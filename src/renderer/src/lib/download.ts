// Saving a file from the page: a hidden a[download] click, which a browser and
// Electron both turn into a download.

/** Downloads what this address serves, under this file name. */
export function downloadUrl(href: string, filename: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
}

/** Downloads text as a file, through a Blob address released after 10 s. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  downloadUrl(url, filename)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
