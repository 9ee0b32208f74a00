// Joins the partial results of `drainlab run --shard i/n` into the document one machine would have
// written for the same profile: the same jobs in plan order, the aggregates recomputed from them. Every
// shard is checked against the plan recomputed here, so a missing, duplicated, foreign or edited shard is
// refused with the reason instead of giving results that look whole and are not.
import { LabError } from '../../src-shared/api'
import { planExperiment, type PlannedJob } from '../../src-shared/profile/experiment-plan'
import { assignShards } from '../../src-shared/profile/shard-plan'
import { resultsDocumentHead } from '../../src-shared/results/results-document'
import type { ExperimentResults, JobResult } from '../../src-shared/results/types'
import { shardFingerprint } from './shard-fingerprint'

export interface ShardDocument {
  /** where it was read from, for the messages */
  source: string
  results: ExperimentResults
}

function refuse(message: string): never {
  throw new LabError('invalid-request', message)
}

export function mergeShards(docs: readonly ShardDocument[]): ExperimentResults {
  if (docs.length === 0) refuse('give the shard folders to merge')
  for (const { source, results } of docs) {
    if (results.shard === undefined) refuse(`${source} is not a shard (no shard block): only the results of drainlab run --shard i/n are merged`)
  }
  // each shard against itself first, recomputed, not trusted: an edited profile or engine version shows here
  for (const doc of docs) checkFingerprint(doc)
  const first = docs[0]
  const firstShard = first.results.shard!
  for (const { source, results } of docs.slice(1)) {
    const shard = results.shard!
    if (shard.count !== firstShard.count) refuse(`${source} is shard ${shard.index}/${shard.count} but ${first.source} is ${firstShard.index}/${firstShard.count}: the shards of one run share n`)
    if (shard.fingerprint !== firstShard.fingerprint) {
      const why = results.engineVersion !== first.results.engineVersion
        ? `engine ${results.engineVersion} against ${first.results.engineVersion}`
        : 'another profile or plan'
      refuse(`${source} and ${first.source} are shards of different runs (${why}; fingerprints ${shard.fingerprint.slice(0, 12)}… and ${firstShard.fingerprint.slice(0, 12)}…)`)
    }
  }
  const byIndex = new Map<number, ShardDocument>()
  for (const doc of docs) {
    const index = doc.results.shard!.index
    const other = byIndex.get(index)
    if (other !== undefined) refuse(`shard ${index}/${firstShard.count} is given twice: ${other.source} and ${doc.source}`)
    byIndex.set(index, doc)
  }
  const missing = Array.from({ length: firstShard.count }, (_, i) => i).filter((i) => !byIndex.has(i))
  if (missing.length > 0) refuse(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${firstShard.count}`).join(', ')} missing: a merge needs all ${firstShard.count}`)

  const { profile, engineVersion } = first.results
  const plan = planOf(first)
  const planIds = plan.map((j) => j.id)
  const assignment = assignShards(plan, firstShard.count)
  const jobsById = new Map<string, JobResult>()
  for (const [index, { source, results }] of byIndex) {
    const expected = assignment[index].map((i) => planIds[i])
    const ids = results.jobs.map((j) => j.id)
    if (!sameList(results.shard!.jobIds, expected) || !sameList(ids, expected)) {
      refuse(`${source}: shard ${index}/${firstShard.count} should hold jobs ${expected.join(', ') || '(none)'} but holds ${ids.join(', ') || '(none)'}`)
    }
    for (const job of results.jobs) jobsById.set(job.id, job)
  }
  const jobs = planIds.map((id) => jobsById.get(id)!)
  // the key order of ExperimentRun's document, so a merge is byte-identical to a one-machine run
  return {
    ...resultsDocumentHead(engineVersion, profile, jobs),
    ...(jobs.some((j) => j.status === 'cancelled') ? { partial: true as const } : {})
  }
}

function planOf({ source, results }: ShardDocument): PlannedJob[] {
  const plan = planExperiment(results.profile)
  if (!plan.ok) refuse(`${source}: its profile cannot be planned (${plan.issues[0].path}: ${plan.issues[0].message})`)
  return plan.jobs
}

function checkFingerprint(doc: ShardDocument): void {
  const { profile, engineVersion, shard } = doc.results
  if (shardFingerprint(profile, planOf(doc).map((j) => j.id), engineVersion) !== shard!.fingerprint) {
    refuse(`${doc.source}: the fingerprint does not match its profile, plan and engine version ${engineVersion} (the file was edited, or written by a Drain Lab that plans differently)`)
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}
