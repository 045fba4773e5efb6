// Reading and writing workspace files in the browser-independent part:
// the download name, the JSON text written, and parsing what the operator
// picked (with a readable error when it is not JSON). The core validates
// the content itself.

export const WORKSPACE_FILE_NAME = 'earshot-workspace.json'

export function workspaceToText(workspace: unknown): string {
  return `${JSON.stringify(workspace, null, 2)}\n`
}

export type ParsedFile = { ok: true; value: unknown } | { ok: false; message: string }

export function parseWorkspaceText(text: string): ParsedFile {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    return { ok: false, message: `The file is not valid JSON: ${detail}` }
  }
}
