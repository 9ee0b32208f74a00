// The Worst case tab's timeline chart: segments coloured as the breakdown legend colours their source,
// and the axis held to the recorded window around the release.
import { describe, expect, it } from 'vitest'
import { SOURCE_COLORS } from '@shared/charts/source-colors'
import type { WorstSample } from '@shared/results/types'
import { worstTimelineConfig } from '../../src-renderer/src/charts/worst-timeline-config'

const worst: WorstSample = {
  task: 'loop', cpu: 2, metric: 'latency', releaseNs: 5_000_000, valueNs: 60_000,
  breakdown: [{ source: 'drain-irqoff', ns: 60_000 }],
  timeline: [
    // a polling task's run that began at 0: long before the 2 ms window
    { cpu: 2, lane: 'rt', startNs: 0, endNs: 4_990_000, label: 'realtime task' },
    { cpu: 2, lane: 'kworker', startNs: 4_990_000, endNs: 5_060_000, label: 'drain_local_pages_wq: free_pcppages_bulk, IRQs off' },
    { cpu: 2, lane: 'idle', startNs: 5_060_000, endNs: 5_070_000, label: 'idle' }
  ]
}

describe('worst-sample timeline chart', () => {
  const config = worstTimelineConfig(worst, 'worst', 2_000_000)

  it('colours the IRQs-off drain as the breakdown\'s drain-irqoff, and leaves idle undrawn', () => {
    const drain = config.data.datasets.find((d) => d.label === 'drain_local_pages_wq: free_pcppages_bulk, IRQs off')
    expect(drain?.backgroundColor).toBe(SOURCE_COLORS['drain-irqoff'])
    expect(config.data.datasets.find((d) => d.label === 'realtime task')?.backgroundColor).toBe(SOURCE_COLORS.runtime)
    expect(config.data.datasets.some((d) => d.label === 'idle')).toBe(false)
  })

  it('holds the axis and the bars to the window around the release', () => {
    expect(config.options?.scales?.x).toMatchObject({ min: -1000, max: 1000 })
    const rt = config.data.datasets.find((d) => d.label === 'realtime task')!
    expect(rt.data[0].x).toEqual([-1000, -10])
  })
})
