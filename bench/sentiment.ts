// Sentiment benchmark: texts/s on one core for the shipped model (language
// routing included) beside VADER, on the same texts in the same run, and the
// validation splits' macro-recall and F1 of positive/negative per language
// beside VADER's (SemEval-2017 Task 4A's measures). Reads the labelled tweets
// from $EARSHOT_SENTIMENT_DATA or ../shared/data/sentiment; never writes them.
// The figures go to bench/results/sentiment.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { evaluate, readSentimentData } from '../src/main/core/sentiment/build'
import { decodeModel, type ModelFile } from '../src/main/core/sentiment/model-file'
import { scoreSentiment, SCORER } from '../src/main/core/sentiment/scorer'
import { vaderSentiment } from '../src/main/core/sentiment/vader'
import shipped from '../resources/sentiment/model.json'

const dir = process.env.EARSHOT_SENTIMENT_DATA ?? resolve(process.cwd(), '../shared/data/sentiment')
if (!existsSync(join(dir, 'xlmt-english-train.tsv'))) throw new Error(`no labelled data at ${dir}`)
const data = readSentimentData(dir)
const all = data.validation.flatMap((s) => s.examples)
// The texts without their language: the scorer identifies it, as for a source that gives none.
const texts = Array.from({ length: 50_000 }, (_, i) => all[i % all.length]!.text)

function rate(f: (t: string) => unknown): number {
  for (let i = 0; i < 5_000; i++) f(texts[i]!) // warm up
  const start = performance.now()
  for (const t of texts) f(t)
  return texts.length / ((performance.now() - start) / 1000)
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
console.log(
  `sentiment throughput, one core, ${fmt(texts.length)} validation texts (avg ${Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length)} chars)`,
)
const runs: Array<{ identified: number; given: number; vader: number }> = []
for (let run = 1; run <= 2; run++) {
  const model = rate((t) => scoreSentiment(t, null))
  const tagged = rate((t) => scoreSentiment(t, 'en'))
  const vader = rate(vaderSentiment)
  runs.push({ identified: Math.round(model), given: Math.round(tagged), vader: Math.round(vader) })
  console.log(
    `  run ${run}: ${SCORER} ${fmt(model)} texts/s (language identified), ${fmt(tagged)} texts/s (language given); VADER ${fmt(vader)} texts/s`,
  )
}

console.log('\nvalidation (macro-recall over positive/neutral/negative; F1-PN = mean F1 of positive and negative)')
console.log(
  `${'split'.padEnd(26)}${'n'.padEnd(7)}${'model R'.padEnd(10)}${'VADER R'.padEnd(10)}${'model F1-PN'.padEnd(13)}VADER F1-PN`,
)
const results = evaluate(decodeModel(shipped as ModelFile), data.validation)
for (const r of results)
  console.log(
    `${r.name.padEnd(26)}${String(r.model.count).padEnd(7)}${r.model.macroRecall.toFixed(3).padEnd(10)}${r.vader.macroRecall.toFixed(3).padEnd(10)}${r.model.f1pn.toFixed(3).padEnd(13)}${r.vader.f1pn.toFixed(3)}`,
  )

const out = join(__dirname, '..', '..', 'bench', 'results')
mkdirSync(out, { recursive: true })
const round3 = (x: number) => Math.round(x * 1000) / 1000
writeFileSync(
  join(out, 'sentiment.json'),
  JSON.stringify(
    {
      scorer: SCORER,
      node: process.version,
      texts: texts.length,
      textsPerSecondOneCore: runs,
      validation: Object.fromEntries(
        results.map((r) => [
          r.name,
          {
            count: r.model.count,
            macroRecall: round3(r.model.macroRecall),
            vaderMacroRecall: round3(r.vader.macroRecall),
            f1pn: round3(r.model.f1pn),
            vaderF1pn: round3(r.vader.f1pn),
          },
        ]),
      ),
    },
    null,
    2,
  ),
)
console.log(`\nwritten to ${join(out, 'sentiment.json')}`)
