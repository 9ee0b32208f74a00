// Run by time-sums-deopt.test.ts under `node --trace-deopt --trace-file-names`: the heavy scenario of issue 10 (its kswapd balances
// included) on `direct`, 3 s simulated — past 2^31 ns, where a time that was a small integer becomes a heap number.
import { runModel } from '../../../src-main/engine/run-model'
import { validateProfile } from '../../../src-shared/profile/validate'
import { heavyScenario } from '../../../scripts/bench/heavy-scenario'

const scenario = heavyScenario()
const checked = validateProfile({ ...scenario, run: { ...scenario.run, durationMs: 3_000 } })
if (!checked.ok) throw new Error('the heavy scenario does not validate')
// progress reported as a pool worker reports it: the report object is one of the sums' holders
runModel(checked.profile, 'direct', 1, { progressEveryEvents: 20_000, onProgress: () => undefined })
