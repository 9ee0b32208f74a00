// A history writer for the cross-process test: records ROUNDS runs into one data folder through its own
// ExperimentStore, as a `drainlab run` CLI does, starting together with its siblings at a given instant.
import { ExperimentStore } from '../../../src-main/store/experiment-store'
import { syntheticResults } from './synthetic-results'

const [dataDir, writer, roundsText, startAtText] = process.argv.slice(2)
const store = new ExperimentStore(dataDir)
const results = syntheticResults()
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())))
for (let round = 0; round < Number(roundsText); round++) {
  const runId = `20261129-120000-writer-${writer}-round-${round}-${(Number(writer) * 256 + round).toString(16).padStart(4, '0')}`
  await store.saveResults(runId, results, 'completed', new Date().toISOString())
}
