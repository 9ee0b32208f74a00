// results.json: the experiment document, written atomically and read back with a check of its shape.
import { readFile } from 'node:fs/promises'
import { validateProfile } from '../../src-shared/profile/validate'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults } from '../../src-shared/results/types'
import { writeFileAtomic } from './atomic-write'

export class ResultsFileError extends Error {}

/** Two-space JSON, keys in the order the lab builds them: the same experiment gives the same bytes. */
export function serializeResults(results: ExperimentResults): string {
  return `${JSON.stringify(results, null, 2)}\n`
}

export async function writeResultsFile(path: string, results: ExperimentResults): Promise<void> {
  await writeFileAtomic(path, serializeResults(results))
}

export function parseResults(text: string, source: string): ExperimentResults {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new ResultsFileError(`${source} is not valid JSON: ${(e as Error).message}`)
  }
  if (typeof doc !== 'object' || doc === null) throw new ResultsFileError(`${source} is not a results document`)
  const d = doc as Record<string, unknown>
  if (d.schemaVersion !== RESULTS_SCHEMA_VERSION) {
    throw new ResultsFileError(typeof d.schemaVersion === 'number' && d.schemaVersion > RESULTS_SCHEMA_VERSION
      ? `${source} was written by a newer Drain Lab (results schemaVersion ${d.schemaVersion}; this version reads ${RESULTS_SCHEMA_VERSION})`
      : `${source}: schemaVersion must be ${RESULTS_SCHEMA_VERSION}`)
  }
  if (!Array.isArray(d.jobs) || !Array.isArray(d.aggregates) || typeof d.engineVersion !== 'string') {
    throw new ResultsFileError(`${source} is not a results document (jobs, aggregates and engineVersion are required)`)
  }
  const profile = validateProfile(d.profile)
  if (!profile.ok) throw new ResultsFileError(`${source}: its profile is invalid: ${profile.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return doc as ExperimentResults
}

export async function readResultsFile(path: string): Promise<ExperimentResults> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw new ResultsFileError(`cannot read ${path}: ${(e as Error).message}`)
  }
  return parseResults(text, path)
}
