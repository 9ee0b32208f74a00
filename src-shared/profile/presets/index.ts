// The presets of docs/ux.md ("Presets"), in the order the Design view lists them (tests/unit/ux-presets-doc.test.ts keeps the two alike).
import { bigServerAutotune } from './big-server-autotune'
import { cmaHeavyDevice } from './cma-heavy-device'
import { cmaLruPolling } from './cma-lru-polling'
import { controlLoop1khz } from './control-loop-1khz'
import { memcgCgroupLoop } from './memcg-cgroup-loop'
import { pollingDefaultThrottling } from './polling-default-throttling'
import { pollingRtThrottlingOff } from './polling-rt-throttling-off'
import type { Preset } from './preset'
import { stressTestSeries } from './stress-test-series'

export type { Preset } from './preset'

export const PRESETS: Preset[] = [
  pollingRtThrottlingOff,
  pollingDefaultThrottling,
  controlLoop1khz,
  cmaHeavyDevice,
  cmaLruPolling,
  memcgCgroupLoop,
  bigServerAutotune,
  stressTestSeries
]
