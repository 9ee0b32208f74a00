// The timeline around a worst sample as per-CPU lanes (KernelShark/Perfetto style): one row per CPU,
// one floating bar per segment (realtime task, kworker, IRQ/IPI, remote drain holding the lock,
// throttled, buddy fallback), time in µs relative to the sample's release, the release marked at 0.
import type { TimelineSegment, WorstSample } from '@shared/results/types'
import type { ChartConfiguration } from 'chart.js'

const LANES: Record<TimelineSegment['lane'], { label: string; color: string }> = {
  rt: { label: 'realtime task', color: '#0072B2' },
  kworker: { label: 'kworker', color: '#E69F00' },
  irq: { label: 'IRQ / IPI', color: '#56B4E9' },
  drain: { label: 'drain (lock held / IRQs off)', color: '#D55E00' },
  throttled: { label: 'throttled', color: '#CC79A7' },
  fallback: { label: 'buddy fallback', color: '#F0E442' },
  idle: { label: 'idle', color: '#BBBBBB' }
}

/** A segment as a floating bar: [start, end] on x, the CPU row on y. */
export type SegmentBar = { x: [number, number]; y: string }

export function worstTimelineConfig(worst: WorstSample, title: string): ChartConfiguration<'bar', SegmentBar[]> {
  const cpus = [...new Set(worst.timeline.map((s) => s.cpu))].sort((a, b) => a - b)
  const rows = cpus.map((cpu) => (cpu === worst.cpu ? `CPU ${cpu} (${worst.task})` : `CPU ${cpu}`))
  const rowOf = (cpu: number) => rows[cpus.indexOf(cpu)]
  const usFromRelease = (ns: number) => (ns - worst.releaseNs) / 1e3
  const datasets = (Object.keys(LANES) as TimelineSegment['lane'][])
    .map((lane) => ({
      label: LANES[lane].label,
      data: worst.timeline.filter((s) => s.lane === lane).map((s) => ({ x: [usFromRelease(s.startNs), usFromRelease(s.endNs)] as [number, number], y: rowOf(s.cpu) })),
      backgroundColor: LANES[lane].color,
      borderColor: LANES[lane].color,
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
        x: { type: 'linear', title: { display: true, text: 'time from release (µs)' } },
        y: { type: 'category', title: { display: true, text: 'CPU' } }
      }
    }
  }
}
