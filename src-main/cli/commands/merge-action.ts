// What `drainlab merge` does (commands/merge.ts declares it and its exit codes).
import { join, resolve } from 'node:path'
import { experimentStatus } from '../../../src-shared/results/experiment-status'
import { summaryText } from '../../../src-shared/results/summary-table'
import { mergeShards } from '../../lab/merge-shards'
import { newRunId } from '../../lab/run-id'
import { defaultDataDir } from '../../store/data-dir'
import { ExperimentStore } from '../../store/experiment-store'
import { readResultsFile } from '../../store/results-file'
import { refuseFinishedRunFolder } from '../out-folder'
import { saveRunFolder } from '../save-run-folder'

export interface MergeOptions {
  out: string
  dataDir?: string
  history: boolean
}

export async function mergeResults(dirs: string[], o: MergeOptions): Promise<void> {
  await refuseFinishedRunFolder(resolve(o.out))
  // every shard is read and checked before anything is written
  const docs = []
  for (const dir of dirs) {
    const source = join(dir, 'results.json')
    docs.push({ source, results: await readResultsFile(source) })
  }
  const results = mergeShards(docs)
  const status = experimentStatus(results.jobs)
  const out = resolve(o.out)
  await saveRunFolder(out, results)

  // recorded as `drainlab run` records a run, so the merged run opens in the app, History and exports
  let historyNote = ''
  if (o.history) {
    const store = new ExperimentStore(resolve(o.dataDir ?? defaultDataDir()))
    const mergedAt = new Date()
    const runId = newRunId(results.profile.name, mergedAt)
    try {
      await store.beginRun(runId, results.profile, mergedAt)
      await store.saveResults(runId, results, status, mergedAt.toISOString())
      historyNote = `; in the history as ${runId}`
    } catch (e) {
      historyNote = `; NOT in the history: ${(e as Error).message}`
      process.exitCode = 1
    }
  }

  process.stdout.write(`${summaryText(results)}\n`)
  const failed = results.jobs.filter((j) => j.status === 'failed')
  for (const job of failed) process.stderr.write(`drainlab: job ${job.id} failed: ${job.error}\n`)
  process.stderr.write(`drainlab: merged ${docs.length} shards, ${results.jobs.length} jobs, ${status}; results in ${join(out, 'results.json')}${historyNote}\n`)
  if (failed.length > 0) process.exitCode = 1
}
