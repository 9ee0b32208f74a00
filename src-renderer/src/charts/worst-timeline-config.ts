// The timeline around a worst sample as per-CPU lanes (KernelShark/Perfetto style): one row per CPU,
// one floating bar per segment, coloured by what it is as on the Timeline tab and in the breakdown
// legend (the IRQs-off drain is drain-irqoff, not kworker); time in µs relative to the sample's release,
// the release marked at 0, the axis held to the recorded window (a segment that began long before it,
// a polling task's run, no longer stretches the axis to -1 000 000 µs).
import type { WorstSample } from '@shared/results/types'
import { TIMELINE_KINDS } from '@shared/results/timeline-kinds'
import type { ChartConfiguration } from 'chart.js'
import { kindColor } from '../timeline/timeline-colors'

/** A segment as a floating bar: [start, end] on x, the CPU row on y. */
export type SegmentBar = { x: [number, number]; y: string }

/** `windowNs`: run.timelineWindowMs in ns, the span around the release the excerpt covers. */
export function worstTimelineConfig(worst: WorstSample, title: string, windowNs: number): ChartConfiguration<'bar', SegmentBar[]> {
  const cpus = [...new Set(worst.timeline.map((s) => s.cpu))].sort((a, b) => a - b)
  const rows = cpus.map((cpu) => (cpu === worst.cpu ? `CPU ${cpu} (${worst.task})` : `CPU ${cpu}`))
  const rowOf = (cpu: number) => rows[cpus.indexOf(cpu)]
  const halfUs = windowNs / 2e3
  const usFromRelease = (ns: number) => Math.min(halfUs, Math.max(-halfUs, (ns - worst.releaseNs) / 1e3))
  // the excerpt names each segment by its kind's label (TIMELINE_KINDS)
  const datasets = TIMELINE_KINDS.filter((k) => k.layer !== 'instant' && k.name !== 'idle')
    .map((kind) => ({
      label: kind.label,
      data: worst.timeline.filter((s) => s.label === kind.label).map((s) => ({ x: [usFromRelease(s.startNs), usFromRelease(s.endNs)] as [number, number], y: rowOf(s.cpu) })),
      backgroundColor: kindColor(kind),
      borderColor: kindColor(kind),
      borderSkipped: false,
      grouped: false,
      barPercentage: 0.8,
      categoryPercentage: 1
    }))
    .filter((d) => d.data.length > 0)
  return {
    type: 'bar',
    data: { labels: rows, datasets },
    options: {
      indexAxis: 'y',
      animation: false,
      plugins: {
        title: { display: true, text: title, font: { size: 15 } },
        subtitle: { display: true, text: `worst ${worst.metric} ${(worst.valueNs / 1e3).toFixed(2)} µs; 0 = release of that job` },
        legend: { display: true, position: 'top' }
      },
      scales: {
        x: { type: 'linear', min: -halfUs, max: halfUs, title: { display: true, text: 'time from release (µs)' } },
        y: { type: 'category', title: { display: true, text: 'CPU' } }
      }
    }
  }
}
