// Progress of long jobs: the rate and time left over a sliding window, their
// wording, and the CLI's printer on a terminal (one line redrawn, cleared at
// the end) and off one (a plain line per period, none for a short run).
import { describe, expect, it } from 'vitest'
import { describePace, formatDuration, Throughput } from '../../src/shared/throughput'
import { ProgressPrinter } from '../../src/main/cli/progress'

describe('Throughput', () => {
  it('measures the rate and time left over the window, not since the start', () => {
    const meter = new Throughput(5_000)
    expect(meter.add({ at: 0, rows: 0, fraction: 0 }).rate).toBeNull()
    // 10 s at 1,000 rows/s, then 4,000 rows/s: the window sees only the new pace.
    meter.add({ at: 10_000, rows: 10_000, fraction: 0.1 })
    for (let t = 11_000; t <= 20_000; t += 1_000)
      meter.add({ at: t, rows: 10_000 + (t - 10_000) * 4, fraction: t / 100_000 })
    const view = meter.view()
    expect(view.rows).toBe(50_000)
    expect(view.rate).toBe(4_000)
    // 0.01 of the input per second, 0.8 left.
    expect(view.secondsLeft).toBeCloseTo(80, 6)
  })

  it('has no time left to tell when the size is unknown, and none left when all is read', () => {
    const meter = new Throughput()
    meter.add({ at: 0, rows: 0, fraction: null })
    expect(meter.add({ at: 2_000, rows: 500, fraction: null })).toEqual({
      rows: 500,
      rate: 250,
      fraction: null,
      secondsLeft: null,
    })
    const whole = new Throughput()
    whole.add({ at: 0, rows: 0, fraction: 0.5 })
    expect(whole.add({ at: 1_000, rows: 10, fraction: 1 }).secondsLeft).toBe(0)
  })

  it('words durations and pace as progress lines show them', () => {
    expect(formatDuration(42.4)).toBe('42 s')
    expect(formatDuration(187)).toBe('3:07')
    expect(formatDuration(3723)).toBe('1:02:03')
    const n = (x: number) => x.toLocaleString('en-US')
    expect(describePace({ rows: 9, rate: 12_034.4, fraction: 0.5, secondsLeft: 48 }, n)).toBe(
      '12,034 rows/s · about 48 s left',
    )
    expect(describePace({ rows: 9, rate: null, fraction: null, secondsLeft: null }, n)).toBe('')
  })
})

function sink(isTTY: boolean) {
  const writes: string[] = []
  return { writes, stream: { isTTY, columns: 120, write: (t: string) => writes.push(t) } }
}

describe('ProgressPrinter', () => {
  it('redraws one terminal line with bar, rows, rate and time left, and clears it at the end', () => {
    let now = 0
    const { writes, stream } = sink(true)
    const printer = new ProgressPrinter(stream, { label: 'importing a.jsonl', now: () => now })
    printer.update(0, 0)
    now = 1_000
    printer.update(10_000, 0.25)
    now = 1_050
    printer.update(10_500, 0.26) // within the redraw period: not drawn
    printer.end()
    expect(writes).toHaveLength(3)
    expect(writes[1]).toBe(
      `\rimporting a.jsonl [######------------------]  25%  10,000 rows  10,000 rows/s · about 3 s left\x1b[K`,
    )
    expect(writes[2]).toBe('\r\x1b[K')
  })

  it('writes a plain line per period off a terminal, and nothing for a short run', () => {
    let now = 0
    const short = sink(false)
    const quick = new ProgressPrinter(short.stream, { label: 'importing -', now: () => now, plainEveryMs: 5_000 })
    now = 4_000
    quick.update(4_000, null)
    quick.end()
    expect(short.writes).toEqual([])

    now = 0
    const { writes, stream } = sink(false)
    const printer = new ProgressPrinter(stream, { label: 'importing b.csv', now: () => now, plainEveryMs: 5_000 })
    for (let s = 1; s <= 11; s++) {
      now = s * 1_000
      printer.update(s * 2_000, s / 20)
    }
    printer.end()
    expect(writes).toEqual([
      'earshot: importing b.csv: 10,000 rows (25%), 2,000 rows/s · about 15 s left\n',
      'earshot: importing b.csv: 20,000 rows (50%), 2,000 rows/s · about 10 s left\n',
    ])
  })

  it('prints a log line above the bar and draws the bar again, or a plain line when none is up', () => {
    let now = 0
    const { writes, stream } = sink(true)
    const printer = new ProgressPrinter(stream, { label: 'importing c.jsonl', now: () => now })
    printer.note('earshot: before any bar')
    now = 1_000
    printer.update(500, 0.5)
    const bar = writes.at(-1)!
    printer.note('earshot: slow store call write.commitMentions: 80 ms')
    printer.end()
    printer.note('earshot: after the bar')
    expect(writes).toEqual([
      'earshot: before any bar\n',
      bar,
      `\r\x1b[Kearshot: slow store call write.commitMentions: 80 ms\n${bar}`,
      '\r\x1b[K',
      'earshot: after the bar\n',
    ])
  })
})
