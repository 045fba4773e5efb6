// `earshot rescore`: re-scores the sentiment of every mention in an archive
// that another scorer (VADER before the model, an older model version, an
// imported file's own score) scored, with a progress bar. Safe to stop and run
// again: each page is committed as it is done.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../core/store'
import { WorkerScorer } from '../core/pipeline/sentiment-pool'
import { rescoreArchive } from '../core/sentiment/rescore'
import { SCORER } from '../core/sentiment/scorer'
import { archiveOption, UsageError } from './args'
import { ProgressPrinter } from './progress'

export const RESCORE_USAGE = `  earshot rescore [--db PATH]
      Re-score the sentiment of every mention another scorer scored (VADER, an older
      model, an imported file) with the current one (${SCORER}). Resumable.`

export async function rescoreCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length > 0) throw new UsageError(`rescore takes no arguments (got "${positionals[0]}")`)
  const path = archiveOption(values.db)
  if (!existsSync(path)) throw new UsageError(`no archive at ${path}`)
  const progress = new ProgressPrinter(process.stderr, { label: 'rescoring' })
  const store = openStore(path, { log: (line) => progress.note(line) })
  const scorer = new WorkerScorer(join(__dirname, 'sentiment-worker.js'))
  try {
    const { rescored } = await rescoreArchive(store, {
      scorer,
      onProgress: (done, total) => progress.update(done, total ? done / total : 1),
    })
    progress.end()
    process.stderr.write(
      rescored === 0
        ? `earshot: every mention in ${path} is already scored by ${SCORER}\n`
        : `earshot: re-scored ${rescored} mentions in ${path} with ${SCORER}\n`,
    )
  } finally {
    progress.end()
    await scorer.close()
    store.close()
  }
}
