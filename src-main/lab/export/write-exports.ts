// Exports written into a folder (the CLI's --out DIR, an experiment's exports/ folder), each file atomically.
import { join } from 'node:path'
import type { ExportFormat } from '../../../src-shared/api'
import type { ExperimentResults } from '../../../src-shared/results/types'
import { writeFileAtomic } from '../../store/atomic-write'
import { exportFiles, type ExportOptions } from './export-results'

export async function writeExports(results: ExperimentResults, formats: readonly ExportFormat[], dir: string, opts: ExportOptions = {}): Promise<string[]> {
  const written: string[] = []
  for (const format of formats) {
    for (const file of await exportFiles(results, format, opts)) {
      const path = join(dir, file.fileName)
      await writeFileAtomic(path, file.data)
      written.push(path)
    }
  }
  return written
}
