// The pages each drain_all_pages() call freed per CPU, as results store them: typed columns in base64
// (drainPagesColumns) written by the engine, and the [call, cpu, pages] triplets (drainPages) of results
// written before, which keep opening and explain the same chains.
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../../src-shared/profile/presets'
import { validateProfile } from '../../src-shared/profile/validate'
import { drainChain } from '../../src-shared/results/drain-chain'
import { decodeDrainPages, pagesOfPair, type DrainPagesArrays } from '../../src-shared/results/drain-pages-columns'
import { resultsDocumentHead } from '../../src-shared/results/results-document'
import { sampleChain } from '../../src-shared/results/sample-chain'
import type { JobResult, RunTimeline } from '../../src-shared/results/types'
import { FreedPages } from '../../src-main/engine/metrics/freed-pages'
import { encodeDrainPages } from '../../src-main/engine/metrics/timeline-encode'
import { runModel } from '../../src-main/engine/run-model'
import { parseResults, serializeResults } from '../../src-main/store/results-file'

const preset = PRESETS.find((p) => p.id === 'control-loop-1khz')!.profile
const checked = validateProfile({ ...preset, run: { ...preset.run, durationMs: 300 } })
if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
const profile = checked.profile

/** The pairs of `p` as the triplets results before drainPagesColumns held. */
function triplets(p: DrainPagesArrays): number[] {
  const out: number[] = []
  for (let i = 0; i < p.call.length; i++) out.push(p.call[i], p.cpu[i], p.pages[i])
  return out
}

/** `t` as a result written before drainPagesColumns stored it. */
function older(t: RunTimeline): RunTimeline {
  const { drainPagesColumns: _columns, ...rest } = t
  return { ...rest, drainPages: triplets(decodeDrainPages(t)) }
}

const timelineOf = (variant: 'workqueue' | 'direct') => runModel(profile, variant, 1)

describe('drain pages columns', () => {
  it('round trip: FreedPages → base64 → the same pairs, ordered by call and CPU, interleaved frees summed', () => {
    const f = new FreedPages(100)
    // call 70 000 (past a Uint16), CPU 1023, pages past a Uint32
    f.add(70_000, 1023, 2 ** 33)
    f.add(70_000, 5, 3)
    f.add(70_000, 1023, 1)
    f.add(70_001, 0, 0)
    f.add(70_001, 2, 7)
    const encoded = encodeDrainPages(f.columns())
    expect(encoded.count).toBe(4)
    const p = decodeDrainPages({ drainPagesColumns: encoded } as RunTimeline)
    expect(triplets(p)).toEqual([70_000, 5, 3, 70_000, 1023, 2 ** 33 + 1, 70_001, 0, 0, 70_001, 2, 7])
    expect(pagesOfPair(p, 70_000, 1023)).toBe(2 ** 33 + 1)
    expect(pagesOfPair(p, 70_001, 0)).toBe(0)
    expect(pagesOfPair(p, 70_001, 1)).toBeNull()
    expect(pagesOfPair(p, 69_999, 5)).toBeNull()
    expect(pagesOfPair(p, 70_002, 0)).toBeNull()
    // only the pairs in `keep`: (70 001, 2) and (70 000, 1023); a call past its bound is not in it
    const recorded = new Uint8Array(70_002 * 1024)
    recorded[70_001 * 1024 + 2] = 1
    recorded[70_000 * 1024 + 1023] = 1
    expect(triplets(f.columns({ calls: 70_001, cpus: 1024, recorded }))).toEqual([70_000, 1023, 2 ** 33 + 1, 70_001, 2, 7])
    expect(triplets(f.columns({ calls: 70_000, cpus: 1024, recorded }))).toEqual([70_000, 1023, 2 ** 33 + 1])
  })

  it('a timeline without pairs (results of engine 0.6 before them) decodes to empty columns', () => {
    const { drainPagesColumns: _columns, ...none } = timelineOf('workqueue').timeline!
    const p = decodeDrainPages(none)
    expect(p.call.length + p.cpu.length + p.pages.length).toBe(0)
  })

  for (const variant of ['workqueue', 'direct'] as const) {
    it(`${variant}: the old triplets decode to the same columns and give the same drain and sample chains`, () => {
      const r = timelineOf(variant)
      const t = r.timeline!
      const old = older(t)
      const p = decodeDrainPages(t)
      expect(p.call.length).toBeGreaterThan(0)
      expect(decodeDrainPages(old)).toEqual(p)
      for (let i = 0; i < p.call.length; i++) {
        const chain = drainChain(t, p.cpu[i], p.call[i])
        expect(chain.pages).toBe(p.pages[i])
        expect(drainChain(old, p.cpu[i], p.call[i]).text).toBe(chain.text)
      }
      expect(sampleChain(old, r.worst!).text).toBe(sampleChain(t, r.worst!).text)
    })
  }

  it('results.json: the new form and the old one both open; a column of the wrong length does not', () => {
    const r = timelineOf('workqueue')
    const job = (timeline: RunTimeline): JobResult => ({ id: 'j', variant: 'workqueue', seed: 1, sweepPoint: null, status: 'completed', result: { ...r, timeline } })
    const text = (timeline: RunTimeline) => serializeResults(resultsDocumentHead(r.engineVersion, profile, [job(timeline)]))
    const t = r.timeline!
    const reread = parseResults(text(t), 'new.json').jobs[0].result!.timeline!
    expect(reread.drainPagesColumns).toEqual(t.drainPagesColumns)
    const old = parseResults(text(older(t)), 'old.json').jobs[0].result!.timeline!
    expect(decodeDrainPages(old)).toEqual(decodeDrainPages(t))
    const short = { ...t, drainPagesColumns: { ...t.drainPagesColumns!, count: t.drainPagesColumns!.count + 1 } }
    expect(() => parseResults(text(short), 'short.json')).toThrow(/not a valid results document/)
  })
})
