// `npm run sentiment:build`: rebuilds resources/sentiment/model.json from
// ../shared/data/sentiment and prints each validation split's figures beside
// VADER's. With --check it only says whether the shipped file is what the
// data gives (exit 1 when not).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildModel, modelFileText } from './build'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(process.cwd(), '../shared/data/sentiment') },
    out: { type: 'string', default: resolve(process.cwd(), 'resources/sentiment/model.json') },
    check: { type: 'boolean', default: false },
  },
})

function main(): void {
  if (!existsSync(values.data)) throw new Error(`no labelled data at ${values.data} (pass --data DIR)`)
  const { file, results } = buildModel(values.data)
  const pad = (s: string, n: number) => s.padEnd(n)
  console.log(`${pad('split', 26)}${pad('n', 7)}model macro-R  F1-PN   VADER macro-R  F1-PN`)
  for (const r of results)
    console.log(
      `${pad(r.name, 26)}${pad(String(r.model.count), 7)}${pad(r.model.macroRecall.toFixed(3), 15)}${pad(r.model.f1pn.toFixed(3), 8)}${pad(r.vader.macroRecall.toFixed(3), 15)}${r.vader.f1pn.toFixed(3)}`,
    )
  const text = modelFileText(file)
  if (values.check) {
    const same = existsSync(values.out) && readFileSync(values.out, 'utf8') === text
    console.log(same ? `${values.out} is what the data gives` : `${values.out} differs from what the data gives`)
    if (!same) process.exitCode = 1
    return
  }
  writeFileSync(values.out, text)
  console.log(`wrote ${values.out} (${file.scorer}, ${Math.round(text.length / 1024)} KB)`)
}

try {
  main()
} catch (err) {
  console.error(`earshot: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
