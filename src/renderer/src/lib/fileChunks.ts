// Reading a picked file as text, a bounded chunk at a time (for imports fed
// to the core over the contract): UTF-8 decoded across chunk boundaries, with
// the bytes read so far for a progress bar. Nothing holds the whole file.
export interface TextChunk {
  text: string
  /** Bytes of the file read so far. */
  bytes: number
}

export async function* fileChunks(file: Blob, maxChars: number): AsyncGenerator<TextChunk> {
  const reader = file.stream().getReader()
  const decoder = new TextDecoder('utf-8')
  let bytes = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true })
      if (value) bytes += value.byteLength
      let i = 0
      while (i < text.length) {
        let end = Math.min(text.length, i + maxChars)
        // Never split a surrogate pair between two chunks.
        if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--
        yield { text: text.slice(i, end), bytes }
        i = end
      }
      if (done) return
    }
  } finally {
    reader.releaseLock()
  }
}

/** The import format a file name suggests. */
export function guessImportFormat(name: string): 'twarc' | 'xjson' | 'csv' | 'jsonl' {
  const lower = name.toLowerCase()
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv'
  if (lower.endsWith('.json')) return 'xjson'
  // Our own JSONL exports are named earshot-*.jsonl; other JSONL is most often a twarc capture.
  if (lower.startsWith('earshot-') && lower.endsWith('.jsonl')) return 'jsonl'
  return 'twarc'
}
