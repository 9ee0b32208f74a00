// Run by engine-deopts.test.ts under `node --trace-deopt --trace-file-names`: two jobs as a pool worker runs them,
// 3 s simulated each — past 2^31 ns, where a time that was a small integer becomes a heap number: the heavy
// scenario of issue 10 (its kswapd balances included) and the pool bench's profile, whose realtime task allocates
// and frees pages through mm/ as the housekeeping CPUs do. Both on `direct`, progress reported as a worker reports it.
import { runModel } from '../../../src-main/engine/run-model'
import { validateProfile } from '../../../src-shared/profile/validate'
import type { ProfileInput } from '../../../src-shared/profile/schema'
import { heavyScenario } from '../../../scripts/bench/heavy-scenario'
import { benchExperiment } from '../../../scripts/bench/pool-bench'

const DURATION_MS = 3_000
const { sweep: _sweep, ...pool } = benchExperiment(DURATION_MS).profile
for (const input of [heavyScenario(), pool as ProfileInput]) {
  const checked = validateProfile({ ...input, run: { ...input.run, durationMs: DURATION_MS, seeds: [1] } })
  if (!checked.ok) throw new Error(`a profile of the deopt check does not validate: ${checked.issues.map((i) => i.message).join('; ')}`)
  runModel(checked.profile, 'direct', 1, { progressEveryEvents: 20_000, onProgress: () => undefined })
}
