// The built `earshot` CLI as a script uses it: exports on stdout only, the
// summary and bad rows on stderr, and the documented exit codes (0 ok,
// 1 failure, 2 usage, 3 import with bad rows). Needs `npm run build` first.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../../src/main/core/store/db'
import { insertMention } from '../../src/main/core/store/mentions'
import { toMatchInput } from '../../src/shared/query/match-input'
import { SCORER } from '../../src/main/core/sentiment/scorer'
import { mentionInput, tempDir } from '../helpers'
import { CLI, earshot, type Run } from '../cli-run'

const TWARC = [
  JSON.stringify({
    data: [
      { id: '10', text: 'Comcast outage downtown', author_id: '1', created_at: '2026-01-01T00:00:00Z' },
      { id: '11', text: '=cmd|calc', author_id: '1', created_at: '2026-01-01T00:01:00Z' },
    ],
    includes: { users: [{ id: '1', username: 'ann', name: 'Ann' }] },
  }),
  'garbage',
  JSON.stringify({
    data: [{ id: '12', text: 'Comcast again', author_id: '1', created_at: '2026-01-02T00:00:00Z' }],
    includes: { users: [{ id: '1', username: 'ann' }] },
  }),
].join('\n')

describe('earshot CLI', () => {
  let dir: string
  let db: string
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
    dir = tempDir()
    db = join(dir, 'a.sqlite')
  })

  it('imports twarc JSONL, lists bad lines on stderr and exits 3', async () => {
    const file = join(dir, 'capture.jsonl')
    writeFileSync(file, TWARC)
    const run = await earshot(['import', '--db', db, '--format', 'twarc', file])
    expect(run.code).toBe(3)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('read 4 rows')
    expect(run.stderr).toContain('3 new, 0 already in the archive, 1 bad')
    expect(run.stderr).toMatch(/^line 2: not JSON/m)
    // Again from stdin: everything is already there, and the same bad line.
    const again = await earshot(['import', '--db', db, '--format', 'twarc', '-'], { stdin: TWARC })
    expect(again.code).toBe(3)
    expect(again.stderr).toContain('0 new, 3 already in the archive, 1 bad')
  })

  it('draws a progress bar on a terminal and clears it before the summary', async () => {
    const file = join(dir, 'bar.jsonl')
    const lines = Array.from({ length: 3_000 }, (_, i) =>
      JSON.stringify({
        data: { id: String(5_000 + i), text: `Comcast ${i}`, author_id: '1', created_at: '2026-01-01T00:00:00Z' },
        includes: { users: [{ id: '1', username: 'ann', name: 'Ann' }] },
      }),
    )
    writeFileSync(file, lines.join('\n'))
    // util-linux's `script` runs the CLI on a pseudo-terminal: stderr is a TTY there.
    const command = [process.execPath, CLI, 'import', '--db', join(dir, 'bar.sqlite'), '--format', 'twarc', file]
      .map((a) => `'${a}'`)
      .join(' ')
    const run = await new Promise<Run>((done) => {
      const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] })
      let stdout = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.on('close', (code) => done({ code, stdout, stderr: '' }))
      child.stdin.end()
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/\rimporting bar\.jsonl \[#*-*\] +\d+% {2}[\d,]+ rows/)
    // The last bar is cleared (a log line may follow it, e.g. a slow disk's), then the summary starts a clean line.
    const afterLastClear = run.stdout.slice(run.stdout.lastIndexOf('\r\u001b[K') + 4)
    expect(afterLastClear).not.toContain('importing bar.jsonl')
    expect(
      run.stdout.includes('\r\u001b[Kearshot: read 3000 rows from ') ||
        run.stdout.includes('\nearshot: read 3000 rows from '),
    ).toBe(true)
    expect(run.stdout).toMatch(/read 3000 rows from .*bar\.jsonl: 3000 new/)
  })

  it('exports CSV to stdout with chosen fields and a time range, and exits 0', async () => {
    const run = await earshot([
      'export',
      '--db',
      db,
      '--query',
      'comcast',
      '--fields',
      'id,created_at,author_handle,text',
      '--since',
      '2026-01-01T00:00:00Z',
      '--until',
      '2026-01-02T00:00:00Z',
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('earshot: exported 1 of 1 mentions\n')
    expect(parse(run.stdout, { columns: true })).toEqual([
      { id: '10', created_at: '2026-01-01T00:00:00.000Z', author_handle: 'ann', text: 'Comcast outage downtown' },
    ])
    const all = await earshot(['export', '--db', db, '--format', 'jsonl', '--fields', 'id,text', '--bom'])
    expect(all.code).toBe(0)
    expect(
      all.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: '10', text: 'Comcast outage downtown' },
      { id: '11', text: '=cmd|calc' },
      { id: '12', text: 'Comcast again' },
    ])
    const csv = await earshot(['export', '--db', db, '--fields', 'text', '--bom'])
    expect(csv.stdout).toBe("\ufefftext\r\nComcast outage downtown\r\n'=cmd|calc\r\nComcast again\r\n")
  })

  it('round-trips its own CSV export into another archive', async () => {
    const exported = await earshot(['export', '--db', db])
    const file = join(dir, 'out.csv')
    writeFileSync(file, exported.stdout)
    const other = join(dir, 'b.sqlite')
    const run = await earshot(['import', '--db', other, '--format', 'csv', file])
    expect(run.code).toBe(0)
    const back = await earshot([
      'export',
      '--db',
      other,
      '--fields',
      'id,source,created_at,author_handle,text,sentiment',
    ])
    const original = await earshot([
      'export',
      '--db',
      db,
      '--fields',
      'id,source,created_at,author_handle,text,sentiment',
    ])
    expect(back.stdout).toBe(original.stdout)
  })

  it('exits 2 with the usage on a usage error, and 1 on a runtime failure', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['export', '--db', db, '--format', 'xml'], 2, /--format must be csv or jsonl/],
      [['export', '--db', db, '--fields', 'id,nope'], 2, /unknown field "nope"/],
      [['export', '--db', db, '--query', '(broken'], 2, /invalid query/],
      [['export', '--db', db, '--since', 'yesterday-ish'], 2, /--since must be/],
      [['import', '--db', db, '--format', 'csv'], 2, /exactly one FILE/],
      [['import', '--db', db, '--format', 'twarc', '--map', 'text=body', 'x'], 2, /--map applies to --format csv only/],
      [['import', '--db', db, '--format', 'csv', '--map', 'colour=body', 'x'], 2, /unknown field "colour"/],
      [['export', '--db', join(dir, 'missing.sqlite')], 1, /no archive at/],
      [['capture', '--db', join(dir, 'c.sqlite')], 1, /no source is enabled/],
      [['frobnicate'], 2, /unknown command "frobnicate"/],
    ]
    for (const [args, code, message] of cases) {
      const run = await earshot(args)
      expect({ args, code: run.code }).toEqual({ args, code })
      expect(run.stderr).toMatch(message)
      expect(run.stdout).toBe('')
    }
    const csv = join(dir, 'plain.csv')
    writeFileSync(csv, 'a,b\n1,2\n')
    const notOurs = await earshot(['import', '--db', db, '--format', 'csv', csv])
    expect(notOurs.code).toBe(1)
    expect(notOurs.stderr).toMatch(/not an Earshot export/)
    // Eleven process starts: a budget for a loaded machine, not a speed check.
  }, 180_000)

  it('captures headless with a workspace until SIGTERM, then exits 0', async () => {
    const ws = join(dir, 'ws.json')
    writeFileSync(
      ws,
      JSON.stringify({
        format: 'earshot.workspace',
        version: 1,
        name: 'Wall',
        columns: [{ title: 'Everything', query: 'comcast OR jetblue OR ford OR oreo OR zappos OR "whole foods"' }],
        sources: { demo: { enabled: true, rate: 100, seed: 1 } },
      }),
    )
    const target = join(dir, 'capture.sqlite')
    const run = await earshot(['capture', '--db', target, '--workspace', ws, '--demo'], {
      signalAfter: /Earshot capture:/,
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Earshot capture: .*capture\.sqlite \(1 columns; sources: demo\)/)
    const columns = () => {
      const archive = openArchive(target)
      try {
        return archive.prepare('SELECT id, title FROM columns').all() as Array<{ id: string; title: string }>
      } finally {
        archive.close()
      }
    }
    const first = columns()
    expect(first.map((c) => c.title)).toEqual(['Everything'])
    // A restart with the same workspace keeps the columns (no rebuild over the whole archive).
    const again = await earshot(['capture', '--db', target, '--workspace', ws, '--demo'], {
      signalAfter: /Earshot capture:/,
    })
    expect(again.code).toBe(0)
    expect(columns()).toEqual(first)
  })

  it('refuses a --db that is neither a file path nor a usable PostgreSQL URL, creating nothing, never printing a password', async () => {
    const cwd = join(dir, 'db-values')
    mkdirSync(cwd)
    const one = join(dir, 'one.jsonl')
    writeFileSync(one, '')
    const cases: Array<{ args: string[]; env?: NodeJS.ProcessEnv; says: RegExp }> = [
      {
        args: ['export', '--db', 'postgresql://ops:hunter2@/'],
        says: /not a valid PostgreSQL URL: it needs a host and a database/,
      },
      { args: ['capture', '--db', 'postgres:ops:hunter2@db'], says: /not a valid PostgreSQL URL/ },
      {
        args: ['import', '--db', 'https://ops:hunter2@example.com/a.sqlite', '--format', 'jsonl', one],
        says: /is a https:\/\/ URL; give an archive file path or a postgres:\/\/ URL/,
      },
      { args: ['export', '--db', cwd], says: /is a folder; give the archive file inside it/ },
      {
        args: ['export'],
        env: { ...process.env, EARSHOT_DB: 'mysql://ops:hunter2@db/earshot' },
        says: /^earshot: \$EARSHOT_DB "mysql:\/\/ops:\*\*\*@db\/earshot" is a mysql:\/\/ URL/m,
      },
    ]
    for (const c of cases) {
      const run = await earshot(c.args, { cwd, ...(c.env ? { env: c.env } : {}) })
      expect(run.code, c.args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(c.says)
      expect(run.stderr + run.stdout).not.toContain('hunter2')
    }
    // A valid URL of a server that is not there: serve tries it and says which server, in one line.
    const unreachable = await earshot(['serve', '--port', '0', '--db', 'postgres://ops:hunter2@127.0.0.1:1/earshot'], {
      cwd,
    })
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toMatch(
      /could not reach PostgreSQL at postgres:\/\/ops:\*\*\*@127\.0\.0\.1:1\/earshot \(ECONNREFUSED\)/,
    )
    expect(unreachable.stderr + unreachable.stdout).not.toContain('hunter2')
    // Nothing was created where the values would have been taken as paths.
    expect(readdirSync(cwd)).toEqual([])
  })

  it('takes a file:// URL as the path it names', async () => {
    const target = join(dir, 'from-url.sqlite')
    const file = join(dir, 'url.jsonl')
    writeFileSync(
      file,
      JSON.stringify({ id: 'u1', text: 'Comcast via a file URL', author: 'ann', created_at: '2026-01-01T00:00:00Z' }) +
        '\n',
    )
    const run = await earshot(['import', '--db', pathToFileURL(target).href, '--format', 'jsonl', file])
    expect(run.code, run.stderr).toBe(0)
    const archive = openArchive(target)
    try {
      expect(archive.prepare('SELECT text FROM mentions').pluck().all()).toEqual(['Comcast via a file URL'])
    } finally {
      archive.close()
    }
  })

  it('re-scores what VADER scored with the current model, once', async () => {
    const dir = tempDir()
    const path = join(dir, 'old.sqlite')
    const db = openArchive(path)
    const texts = [
      ['El servicio de Movistar es un desastre, llevo tres días sin internet', 'es'],
      ['このサービスは最悪です', null],
      ['I love JetBlue, the crew was amazing!', 'en'],
    ] as const
    texts.forEach(([text, lang], i) => {
      const m = { ...mentionInput({ externalId: `r${i}`, text, lang }), receivedAt: 1, sentiment: 0 }
      insertMention(
        db,
        { ...m, sentimentLabel: 'neutral', sentimentScorer: 'vader/1' },
        toMatchInput({ ...m, sentimentLabel: 'neutral' }),
      )
    })
    db.close()
    const first = await earshot(['rescore', '--db', path])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain(`re-scored 3 mentions in ${path} with ${SCORER}`)
    const archive = openArchive(path)
    try {
      const rows = archive
        .prepare('SELECT sentiment_label AS label, sentiment_scorer AS scorer FROM mentions ORDER BY id')
        .all()
      expect(rows).toEqual([
        { label: 'negative', scorer: SCORER },
        { label: 'unscored', scorer: SCORER },
        { label: 'positive', scorer: SCORER },
      ])
    } finally {
      archive.close()
    }
    const again = await earshot(['rescore', '--db', path])
    expect(again.stderr).toContain(`every mention in ${path} is already scored by ${SCORER}`)
    expect((await earshot(['rescore', '--db', join(dir, 'missing.sqlite')])).code).toBe(2)
  })
})
