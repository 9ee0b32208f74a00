// Compare's overlay keeps what each run's chart says under its title. The fresh-clone walk (1 kHz control loop
// vs the stress preset) found A's three direct variants drawn on top of each other and B's all-zero latencies on
// the log axis's bottom line, and the overlay's subtitle switched off: neither was said.
import type { ChartConfiguration } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { frameOptions } from '../../src-shared/charts/chart-frame'
import { distinguishVariants } from '../../src-shared/charts/variant-styles'
import { overlayConfigs } from '../../src-renderer/src/charts/overlay-configs'

const COINCIDE = 'coincide (identical data): drawn on top of each other, told apart by dashes and markers'

/** A percentile chart as the registry leaves it: variants told apart, the coincide note added. */
function run(ys: Record<string, number[]>, subtitle: string[] = ['all realtime tasks, all seeds']): ChartConfiguration {
  const options = frameOptions<'line'>('Wakeup latency by percentile', subtitle[0])
  options.plugins!.subtitle!.text = subtitle
  const datasets = Object.entries(ys).map(([label, y]) => ({ label, data: y.map((v, x) => ({ x, y: v })) }))
  return distinguishVariants({ type: 'line', data: { datasets }, options } as ChartConfiguration)
}

describe('Compare overlay subtitle', () => {
  it('keeps each run\'s notes on coinciding variants and zeros, said for A or B', () => {
    const a = run({ workqueue: [1, 60], direct: [1, 2], 'direct-irqon': [1, 2], 'direct-chunked': [1, 2] })
    const zeros = '100 % of samples are 0 µs (workqueue, direct): drawn on the bottom line, labelled 0'
    const b = run({ workqueue: [0.1, 0.1], direct: [0.1, 0.1] }, ['all realtime tasks, all seeds', zeros])
    const subtitle = overlayConfigs(a, b, 'A', 'B').options!.plugins!.subtitle!
    expect(subtitle.display).toBe(true)
    expect(subtitle.text).toEqual([
      'all realtime tasks, all seeds',
      `A: direct, direct-irqon and direct-chunked ${COINCIDE}`,
      `B: ${zeros}`,
      `B: workqueue and direct ${COINCIDE}`
    ])
  })

  it('says a note both runs share once, and names the variants whose data are the same in both runs', () => {
    const same = () => run({ direct: [1, 2], 'direct-irqon': [1, 2] }, ['all seeds'])
    expect(overlayConfigs(same(), same(), 'A', 'B').options!.plugins!.subtitle!.text).toEqual([
      'all seeds',
      `A and B: direct and direct-irqon ${COINCIDE}`,
      'A and B coincide for direct and direct-irqon (identical data): B\'s dashes drawn over A\'s line'
    ])
  })

  it('names each run\'s own first line when the two differ, and shows no subtitle when neither has one', () => {
    const text = overlayConfigs(run({ direct: [1] }, ['task 1, all seeds']), run({ direct: [3] }, ['all seeds']), 'A', 'B').options!.plugins!.subtitle!.text
    expect(text).toEqual(['A: task 1, all seeds', 'B: all seeds'])
    const bare = (y: number) => ({ type: 'line', data: { datasets: [{ label: 'direct', data: [{ x: 0, y }] }] }, options: {} }) as unknown as ChartConfiguration
    expect(overlayConfigs(bare(1), bare(2), 'A', 'B').options!.plugins!.subtitle!.display).toBe(false)
  })
})
