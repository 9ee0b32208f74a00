// The causal chains read off a real run's timeline: the worst sample's — under workqueue the kworker's
// IRQs-off drain and the request behind it (source, CPU, time); under direct no kworker on the CPU; and one
// drain_all_pages() call's work on one CPU, with the pages it freed there.
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../../src-shared/profile/presets'
import { validateProfile } from '../../src-shared/profile/validate'
import { drainChain } from '../../src-shared/results/drain-chain'
import { sampleChain } from '../../src-shared/results/sample-chain'
import { decodeTimeline } from '../../src-shared/results/timeline-columns'
import { runModel } from '../../src-main/engine/run-model'

// the 1 kHz control-loop preset, 300 ms: under workqueue its worst wakeup lands in a kworker's IRQs-off drain
const preset = PRESETS.find((p) => p.id === 'control-loop-1khz')!.profile
const checked = validateProfile({ ...preset, run: { ...preset.run, durationMs: 300 } })
if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
const profile = checked.profile

describe('worst sample chain', () => {
  it('workqueue: the IRQs-off drain, the request behind it, within the latency', () => {
    const r = runModel(profile, 'workqueue', 1)
    const worst = r.worst!
    const chain = sampleChain(r.timeline!, worst)
    expect(chain.steps.some((s) => s.label.includes('IRQs off'))).toBe(true)
    expect(chain.steps.reduce((a, s) => a + s.ns, 0)).toBeLessThanOrEqual(worst.valueNs)
    expect(chain.request).not.toBeNull()
    expect(['reclaim', 'compaction']).toContain(chain.request!.source)
    // the preset's housekeeping CPUs
    expect([0, 1]).toContain(chain.request!.cpu)
    expect(chain.request!.atNs).toBeLessThanOrEqual(worst.releaseNs + worst.valueNs)
    expect(chain.text).toMatch(/^drain_all_pages\(\) #\d+ requested by (reclaim|compaction) on CPU [01] at .* → .*IRQs off .* → \d+ pages freed from CPU \d's pcplist$/)
  })

  it('direct: no kworker held the CPU', () => {
    const r = runModel(profile, 'direct', 1)
    const chain = sampleChain(r.timeline!, r.worst!)
    expect(chain.steps.some((s) => s.label.includes('kworker') || s.label.includes('IRQs off'))).toBe(false)
  })
})

describe('drain chain', () => {
  it('one call\'s work on one CPU in order, from its request: the IPI, the kworker, the IRQs-off drain', () => {
    const r = runModel(profile, 'workqueue', 1)
    const t = r.timeline!
    const worst = sampleChain(t, r.worst!)
    const drain = worst.request!.drain
    const chain = drainChain(t, r.worst!.cpu, drain)
    expect(chain.request).toEqual(worst.request)
    expect(chain.steps.map((s) => s.label)).toEqual(expect.arrayContaining([expect.stringContaining('IPI'), expect.stringContaining('IRQs off')]))
    const starts = chain.steps.map((s) => s.startNs)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(starts[0]).toBeGreaterThanOrEqual(chain.request!.atNs)
    // every segment of the call on that CPU, unclipped
    const c = decodeTimeline(t)
    let segments = 0
    for (let i = 0; i < t.count; i++) if (c.drain[i] === drain && c.cpu[i] === r.worst!.cpu && c.durationNs[i] > 0) segments++
    expect(chain.steps).toHaveLength(segments)
    expect(chain.text).toMatch(/^drain_all_pages\(\) #\d+ requested by .* → .*IRQs off/)
    // the pages the drain freed of that CPU's list: the list the task refilled (initialPcpPages 400, 16 pages a job)
    expect(chain.pages).toBeGreaterThan(0)
    expect(chain.text.endsWith(` → ${chain.pages} pages freed from CPU ${r.worst!.cpu}'s pcplist`)).toBe(true)
    // a timeline written before the engine kept the pages says nothing of them
    const { drainPagesColumns: _pages, ...older } = t
    expect(drainChain(older, r.worst!.cpu, drain).pages).toBeNull()
    expect(drainChain(older, r.worst!.cpu, drain).text).not.toContain('pages freed')
  })
})
