// The causal chain of the worst sample, read off a real run's timeline: under workqueue the kworker's
// IRQs-off drain and the request behind it (source, CPU, time); under direct no kworker on the CPU.
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../../src-shared/profile/presets'
import { validateProfile } from '../../src-shared/profile/validate'
import { worstChain } from '../../src-shared/results/worst-chain'
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
    const chain = worstChain(r.timeline!, worst)
    expect(chain.steps.some((s) => s.label.includes('IRQs off'))).toBe(true)
    expect(chain.steps.reduce((a, s) => a + s.ns, 0)).toBeLessThanOrEqual(worst.valueNs)
    expect(chain.request).not.toBeNull()
    expect(['reclaim', 'compaction']).toContain(chain.request!.source)
    // the preset's housekeeping CPUs
    expect([0, 1]).toContain(chain.request!.cpu)
    expect(chain.request!.atNs).toBeLessThanOrEqual(worst.releaseNs + worst.valueNs)
    expect(chain.text).toMatch(/^drain_all_pages\(\) #\d+ requested by (reclaim|compaction) on CPU [01] at .* → .*IRQs off/)
  })

  it('direct: no kworker held the CPU', () => {
    const r = runModel(profile, 'direct', 1)
    const chain = worstChain(r.timeline!, r.worst!)
    expect(chain.steps.some((s) => s.label.includes('kworker') || s.label.includes('IRQs off'))).toBe(false)
  })
})
