// Spreadsheet formula injection: a cell that begins with =, +, -, @, a tab or
// a carriage return is run as a formula by Excel and its kin. Such cells get a
// leading apostrophe (OWASP's advice). A cell that already begins with an
// apostrophe followed by one of them gets one more, so the change can always
// be undone exactly: an Earshot CSV imports back to the very same text.
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

function needsGuard(value: string): boolean {
  let i = 0
  while (value[i] === "'") i++
  return i < value.length && TRIGGERS.has(value[i]!)
}

export function neutralize(value: string): string {
  return needsGuard(value) ? `'${value}` : value
}

/** The inverse of neutralize, for cells of an Earshot CSV export. */
export function unneutralize(value: string): string {
  return value.startsWith("'") && needsGuard(value.slice(1)) ? value.slice(1) : value
}
