// Two runs on one time axis (two variants, say), so that they compare at a glance: the second run's lanes
// under the first's, each group headed by its run's name. The records keep their own kind indices, mapped
// onto the first run's kinds by name, since the canvas reads one list of kinds.
import type { TimelineLayer } from '@shared/results/timeline-kinds'
import { LAYERS, type LaidOutTimeline, type LaneRecords } from './timeline-lanes'

export function stackTimelines(first: LaidOutTimeline, firstName: string, second: LaidOutTimeline, secondName: string): LaidOutTimeline {
  const kinds = [...first.kinds]
  const kindOf = second.kinds.map((k) => {
    const at = kinds.findIndex((x) => x.name === k.name)
    if (at >= 0) return at
    kinds.push(k)
    return kinds.length - 1
  })
  const remap = (r: LaneRecords): LaneRecords => ({ ...r, kind: r.kind.map((k) => kindOf[k]) })
  return {
    kinds,
    lanes: [
      ...first.lanes.map((lane) => ({ ...lane, stack: 0, runName: firstName })),
      ...second.lanes.map((lane) => ({ ...lane, stack: 1, runName: secondName, layers: Object.fromEntries(LAYERS.map((l) => [l, remap(lane.layers[l])])) as Record<TimelineLayer, LaneRecords> }))
    ],
    endNs: Math.max(first.endNs, second.endNs),
    windows: first.windows
  }
}
