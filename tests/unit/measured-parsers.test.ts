// drainlab import's parsers on real cyclictest and oslat output captured on the development machine and on
// rtla fixtures written by hand from rtla's source (tests/fixtures/measured/README.md), and malformed files
// refused with the file, the line and the reason.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { distributionOfHistogram } from '../../src-main/lab/measured/distribution-of-histogram'
import { MeasurementFormatError } from '../../src-main/lab/measured/measurement-format-error'
import { parseMeasurement } from '../../src-main/lab/measured/parse-measurement'
import { variantOfRelease } from '../../src-main/lab/measured/variant-of-release'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measured')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const parse = (name: string) => parseMeasurement(fixture(name), name)

/** the error parseMeasurement throws for this text, as file:line: reason */
function refusal(text: string, file = 'bad.txt'): MeasurementFormatError {
  try {
    parseMeasurement(text, file)
  } catch (e) {
    if (e instanceof MeasurementFormatError) return e
    throw e
  }
  throw new Error('the text was accepted')
}

describe('cyclictest -h output (captured: cyclictest -m -p 80 -t 2 -i 1000 -l 2000 -h 200 -q)', () => {
  const m = parse('cyclictest-h200.txt')

  it('reads every thread: 2000 loops = # Total + # Histogram Overflows, overflows at the 200 µs limit', () => {
    expect(m.format).toBe('cyclictest-histogram')
    expect(m.histograms.map((h) => [h.task, h.overflows, h.overflowFloorNs])).toEqual([['cyclictest T0', 7, 200_000], ['cyclictest T1', 3, 200_000]])
    const d = m.histograms.map(distributionOfHistogram)
    expect(d.map((x) => x.count)).toEqual([2000, 2000])
  })

  it('keeps the trailer\'s exact min, avg and max, and the overflows count towards the percentiles', () => {
    const [t0, t1] = m.histograms.map(distributionOfHistogram)
    expect([t0.min, t0.mean, t0.max]).toEqual([13_000, 65_000, 2_454_000])
    expect([t1.min, t1.mean, t1.max]).toEqual([13_000, 88_000, 414_000])
    // 7 of 2000 samples (0.35 %) are ≥ 200 µs: p99.9 lies among them, so it is at least the limit
    expect(t0.p999).toBeGreaterThanOrEqual(200_000)
    expect(t0.p99).toBeLessThan(200_000)
  })
})

describe('cyclictest -H (--histofall, captured: cyclictest -m -p 80 -t 2 -i 1000 -l 1000 -H 100 -q)', () => {
  it('drops the summed column: two threads, each 1000 loops with its own overflows', () => {
    const m = parse('cyclictest-histofall-H100.txt')
    expect(m.histograms.map((h) => [h.task, h.overflows, h.overflowFloorNs, h.maxNs])).toEqual([['cyclictest T0', 70, 100_000, 10_640_000], ['cyclictest T1', 59, 100_000, 2_804_000]])
    expect(m.histograms.map((h) => distributionOfHistogram(h).count)).toEqual([1000, 1000])
  })
})

describe('cyclictest --json (captured, same command with --json)', () => {
  const m = parse('cyclictest.json')

  it('reads the command line, host, kernel and each thread\'s CPU', () => {
    expect(m.format).toBe('cyclictest-json')
    expect(m.command).toBe('cyclictest -m -p 80 -t 2 -i 1000 -l 2000 -h 200 -q --json=cyclictest.json')
    expect(m.host).toBe('vm')
    expect(m.kernelRelease).toBe('6.18.44-fc-v782')
    expect(m.periodUs).toBe(1000)
    expect(m.histograms.map((h) => h.cpu)).toEqual([0, 1])
  })

  it('counts the cycles missing from the histogram as overflows at the -h limit', () => {
    expect(m.histograms.map((h) => [h.overflows, h.overflowFloorNs])).toEqual([[4, 200_000], [4, 200_000]])
    const [t0] = m.histograms.map(distributionOfHistogram)
    expect([t0.count, t0.min, t0.mean, t0.max]).toEqual([2000, 44_000, 64_480, 431_000])
  })

  it('agrees with the -h histogram the same run printed on stdout', () => {
    const text = parse('cyclictest-json-stdout.txt').histograms.map(distributionOfHistogram)
    const json = m.histograms.map(distributionOfHistogram)
    for (const i of [0, 1]) {
      expect([text[i].count, text[i].min, text[i].max, text[i].p50, text[i].p99, text[i].p9999]).toEqual([json[i].count, json[i].min, json[i].max, json[i].p50, json[i].p99, json[i].p9999])
    }
  })
})

describe('oslat (captured: oslat -D 2 -c 0,1 --json=oslat.json)', () => {
  it('reads the summary per CPU: buckets at their upper edge, overflows inside the last one', () => {
    const m = parse('oslat.txt')
    expect(m.format).toBe('oslat-text')
    expect(m.histograms.map((h) => h.cpu)).toEqual([0, 1])
    const [c0, c1] = m.histograms.map(distributionOfHistogram)
    expect(c0.count).toBe(68_408_786)
    expect([c0.min, c0.max, c1.max]).toEqual([1000, 10_304_000, 8_159_000])
    expect(m.durationNs).toBe(2_001_000_000)
    expect(m.histograms[0].buckets.at(-1)).toEqual([32_000, 2213])
  })

  it('reads its --json file to the same figures, with the command and host', () => {
    const text = parse('oslat.txt').histograms.map(distributionOfHistogram)
    const m = parse('oslat.json')
    expect(m.format).toBe('oslat-json')
    expect(m.command).toBe('oslat -D 2 -c 0,1 --json=oslat.json')
    const json = m.histograms.map(distributionOfHistogram)
    expect(json.map((d) => [d.count, d.min, d.max, d.p9999])).toEqual(text.map((d) => [d.count, d.min, d.max, d.p9999]))
    expect(m.durationNs).toBe(2_001_000_000)
  })
})

describe('rtla hist (hand-written fixtures)', () => {
  it('timerlat: an IRQ and a thread task per CPU, "over" as overflows, the ALL: block not read as data', () => {
    const m = parse('rtla-timerlat-hist.txt')
    expect(m.format).toBe('rtla-timerlat-hist')
    expect(m.histograms.map((h) => [h.task, h.cpu, h.overflows])).toEqual([
      ['timerlat irq cpu0', 0, 0], ['timerlat thread cpu0', 0, 1], ['timerlat irq cpu1', 1, 0], ['timerlat thread cpu1', 1, 2]
    ])
    const thr1 = distributionOfHistogram(m.histograms[3])
    expect([thr1.count, thr1.min, thr1.max]).toEqual([1000, 1000, 540_000])
    expect(m.durationNs).toBe(10e9)
  })

  it('osnoise: one column per CPU, a fractional average', () => {
    const m = parse('rtla-osnoise-hist.txt')
    expect(m.mode).toBe('polling')
    const [c0, c1] = m.histograms.map(distributionOfHistogram)
    expect([c0.count, c0.mean, c0.max]).toEqual([56, 1610, 11_000])
    expect([c1.count, c1.mean, c1.max]).toEqual([58, 23_070, 1_203_000])
  })

  it('nanosecond output (rtla -n) is read in ns', () => {
    const m = parseMeasurement(fixture('rtla-osnoise-hist.txt').replace('microseconds (us)', 'nanoseconds (ns)'), 'ns.txt')
    expect(distributionOfHistogram(m.histograms[0]).max).toBe(11)
  })
})

describe('files that are not a measurement are refused with the line and the reason', () => {
  it('an unrelated file: line of its first text', () => {
    const e = refusal('\n\nhello world\n', 'notes.txt')
    expect(e.message).toBe('notes.txt:3: not a cyclictest (-h or --json), oslat or rtla timerlat/osnoise hist output: "hello world" is none of their lines')
  })

  it('a cyclictest histogram cut short before its trailer', () => {
    const lines = fixture('cyclictest-h200.txt').split('\n')
    const cut = lines.slice(0, lines.findIndex((l) => l.startsWith('# Total'))).join('\n')
    expect(refusal(cut).message).toMatch(/^bad\.txt:\d+: no "# Total:" line: the histogram is cut short/)
  })

  it('a bucket row with a count missing names its line', () => {
    const lines = fixture('cyclictest-h200.txt').split('\n')
    lines[10] = lines[10].split(/\s+/).slice(0, 2).join(' ')
    expect(refusal(lines.join('\n')).message).toMatch(/^bad\.txt:11: bucket 8 has 1 counts, the rows above have 2/)
  })

  it('a trailer line with a value missing names its line', () => {
    const text = fixture('cyclictest-h200.txt').replace(/^# Avg Latencies: (\d+) \d+$/m, '# Avg Latencies: $1')
    const line = text.split('\n').findIndex((l) => l.startsWith('# Avg')) + 1
    expect(refusal(text).message).toBe(`bad.txt:${line}: "# Avg Latencies" has 1 values; the histogram has 2 columns and "# Min Latencies" 2 threads`)
  })

  it('buckets that do not add up to # Total name the Total line', () => {
    const text = fixture('cyclictest-h200.txt').replace(/^000064 (\d+)/m, (_, n: string) => `000064 ${String(Number(n) + 1).padStart(6, '0')}`)
    const line = text.split('\n').findIndex((l) => l.startsWith('# Total')) + 1
    expect(refusal(text).message).toBe(`bad.txt:${line}: thread 0's buckets add up to 1994, "# Total" says 1993`)
  })

  it('a stray line inside oslat output', () => {
    const text = fixture('oslat.txt').replace('    010 (us):', 'garbage\n    010 (us):')
    const line = text.split('\n').indexOf('garbage') + 1
    expect(refusal(text).message).toBe(`bad.txt:${line}: not a line of oslat output: "garbage"`)
  })

  it('broken JSON names the line of the fault', () => {
    const text = fixture('cyclictest.json').replace('"cycles": 2000', '"cycles": 2000,,')
    const e = refusal(text, 'c.json')
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.includes(',,')) + 1)
    expect(e.message).toMatch(/^c\.json:\d+: not valid JSON/)
  })

  it('a cyclictest --json thread without cycles', () => {
    const text = fixture('cyclictest.json').replace('"cycles": 2000,', '')
    expect(refusal(text, 'c.json').message).toMatch(/^c\.json:\d+: thread 0: "cycles" must be a number ≥ 0 \(got undefined\)$/)
  })

  it('an rtla row with a column missing', () => {
    const text = fixture('rtla-timerlat-hist.txt').replace(/^3 .*$/m, '3             4       300')
    expect(refusal(text).message).toBe('bad.txt:8: 2 values for 4 columns')
  })

  it('an rtla column whose buckets and over do not make its count', () => {
    const text = fixture('rtla-timerlat-hist.txt').replace('over:         0         1', 'over:         0         0')
    expect(refusal(text).message).toBe('bad.txt:13: column Thr-000: buckets (999) + over (0) ≠ count (1000)')
  })

  it('an empty file', () => {
    expect(refusal('').message).toBe('bad.txt:1: the file is empty')
  })
})

describe('the kernel variant a release is filed under', () => {
  it('follows docs/model.md\'s kernel ranges', () => {
    expect(['5.15.0-91-generic', '6.1.0-27-amd64', '6.2.0', '6.9.12', '6.10.1', '6.18.44-fc-v782', 'x'].map(variantOfRelease))
      .toEqual(['workqueue', 'direct', 'direct-irqon', 'direct-irqon', 'direct-chunked', 'direct-chunked', null])
  })
})
