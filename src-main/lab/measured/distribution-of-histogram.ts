// A measured histogram as the DistributionNs every simulated run carries, so charts, tables and Compare
// read it unchanged. The buckets go into the engine's own recorder (same HDR layout, 3 significant digits);
// overflows go in at the least value they can have, so they count towards every percentile instead of
// vanishing. The tool's exact min, mean and max replace the bucketed ones where it printed them.
import { DistributionRecorder } from '../../engine/metrics/distribution-recorder'
import type { DistributionNs } from '../../../src-shared/results/types'
import type { MeasuredHistogram } from './measured-histogram'

export function distributionOfHistogram(h: MeasuredHistogram): DistributionNs {
  const recorder = new DistributionRecorder()
  for (const [valueNs, count] of h.buckets) recorder.record(valueNs, count)
  if (h.overflows > 0 && h.overflowFloorNs !== null) recorder.record(h.overflowFloorNs, h.overflows)
  const d = recorder.summary()
  if (d.count === 0) return d
  const min = h.minNs ?? d.min
  const max = Math.max(h.maxNs ?? d.max, min)
  const clamp = (v: number) => Math.min(max, Math.max(min, v))
  return {
    ...d,
    min,
    max,
    mean: Math.round(clamp(h.meanNs ?? d.mean)),
    p50: clamp(d.p50),
    p99: clamp(d.p99),
    p999: clamp(d.p999),
    p9999: clamp(d.p9999)
  }
}
