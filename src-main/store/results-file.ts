// results.json: the experiment document, written atomically and read back with a check of its shape.
import { LabError } from '../../src-shared/api'
import { issuePlace, issuesOf, type ProfileIssue } from '../../src-shared/profile/validate'
import { experimentResultsSchema, withFlushSources } from '../../src-shared/results/results-schema'
import { RESULTS_SCHEMA_VERSION, type BySource, type ExperimentResults } from '../../src-shared/results/types'
import { writeFileAtomic } from './atomic-write'
import { jsonPieces } from './json-pieces'
import { readRegularFile } from './read-regular-file'

/**
 * A results file that is missing or not a valid document. A LabError, so every host (the CLI's exit 2,
 * LabApi getResults) reports it as invalid input, with one issue per problem.
 */
export class ResultsFileError extends LabError {
  constructor(message: string, issues?: ProfileIssue[]) {
    super('invalid-request', message, issues)
  }
}

/** Two-space JSON, keys in the order the lab builds them: the same experiment gives the same bytes. */
export function serializeResults(results: ExperimentResults): string {
  return resultsPieces(results).join('')
}

/**
 * serializeResults()'s text in pieces, written one after the other (json-pieces.ts): a heavy run's document is
 * mostly long base64 strings, which are then neither copied into one text nor copied again to be written.
 */
export function resultsPieces(results: ExperimentResults): string[] {
  const pieces = jsonPieces(results, 2)
  pieces.push('\n')
  return pieces
}

/** Returns the pieces written: another copy of the same document (`drainlab run --out` beside the history's) needs no second serialization. */
export async function writeResultsFile(path: string, results: ExperimentResults): Promise<string[]> {
  const pieces = resultsPieces(results)
  await writeFileAtomic(path, pieces)
  return pieces
}

function checkSchemaVersion(doc: unknown, source: string): void {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return
  const version = (doc as Record<string, unknown>).schemaVersion
  // a newer document may be perfectly valid in its own format: say so rather than list its "problems"
  if (typeof version === 'number' && version > RESULTS_SCHEMA_VERSION) {
    throw new ResultsFileError(`${source} was written by a newer Drain Lab (results schemaVersion ${version}; this version reads ${RESULTS_SCHEMA_VERSION})`)
  }
}

export function parseResults(text: string, source: string): ExperimentResults {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new ResultsFileError(`${source} is not valid JSON: ${(e as Error).message}`)
  }
  checkSchemaVersion(doc, source)
  // reportInput lets issuesOf tell a missing field from one of the wrong type
  const parsed = experimentResultsSchema.safeParse(doc, { reportInput: true })
  if (!parsed.success) {
    const issues = issuesOf(parsed.error)
    const problems = issues.length === 1 ? `a problem at ${issuePlace(issues[0])}` : `${issues.length} problems, the first at ${issuePlace(issues[0])}`
    // the message names where; the issues say what, one "path: message" each
    throw new ResultsFileError(`${source} is not a valid results document (${problems})`, issues)
  }
  // a live snapshot is never saved: a stored document that says it is one would look like a run still going
  if ((doc as Partial<ExperimentResults>).inProgress !== undefined) {
    throw new ResultsFileError(`${source} is not a valid results document (a problem at inProgress)`, [{ path: 'inProgress', message: 'only a live snapshot of a running experiment has it; a saved document never does' }])
  }
  // Zod rebuilds every object in schema key order; keeping the document's own objects keeps its bytes on
  // a re-export. Only the profile comes from the parse, so defaults left out of a hand-edited file are filled.
  const results = doc as ExperimentResults
  // engine 0.5 and earlier wrote no per-CPU flush sources; the readers of bySourceNs expect every source
  for (const job of results.jobs) {
    for (const entry of job.result?.interference ?? []) entry.bySourceNs = withFlushSources(entry.bySourceNs) as BySource
  }
  return { ...results, profile: parsed.data.profile }
}

export async function readResultsFile(path: string): Promise<ExperimentResults> {
  let text: string
  try {
    text = await readRegularFile(path)
  } catch (e) {
    // a missing file is a wrong name given (invalid input); anything else (EACCES, EIO) is a failure
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ResultsFileError(`${path} does not exist`)
    throw new LabError('failed', `cannot read ${path}: ${(e as Error).message}`)
  }
  return parseResults(text, path)
}
