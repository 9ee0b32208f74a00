// The timeline benchmark's data: a real run timeline of the engine — the 1 kHz control-loop preset under
// workqueue, seed 1, long enough for ~100 000 segments (8.2 s: ~100 000 segments and ~150 000 records
// with the instants) — written where the benchmark page fetches it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PRESETS } from '../../src-shared/profile/presets'
import { validateProfile } from '../../src-shared/profile/validate'
import { decodeTimeline } from '../../src-shared/results/timeline-columns'
import { runModel } from '../../src-main/engine/run-model'

const DURATION_MS = 8200
const out = process.argv[2]
if (out === undefined) throw new Error('usage: tsx timeline-data.ts <output folder>')
const preset = PRESETS.find((p) => p.id === 'control-loop-1khz')!.profile
const checked = validateProfile({ ...preset, run: { ...preset.run, durationMs: DURATION_MS } })
if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
const result = runModel(checked.profile, 'workqueue', 1)
const timeline = result.timeline!
const c = decodeTimeline(timeline)
let segments = 0
for (let i = 0; i < timeline.count; i++) if (c.durationNs[i] > 0) segments++
writeFileSync(join(out, 'timeline.json'), JSON.stringify({ preset: 'control-loop-1khz', variant: 'workqueue', durationMs: DURATION_MS, segments, simulatedNs: result.simulatedNs, timeline }))
process.stdout.write(`timeline: ${segments} segments, ${timeline.count} records\n`)
