// drainlab import and LabApi importMeasurements: parse measurement files (read from disk, or their text as
// a page sent it) and build one results document of them. Every file is checked before anything is written.
import { release } from 'node:os'
import { basename } from 'node:path'
import { LabError } from '../../../src-shared/api'
import { VARIANTS, type Variant } from '../../../src-shared/profile/schema'
import type { ExperimentResults } from '../../../src-shared/results/types'
import { readRegularFile } from '../../store/read-regular-file'
import { measuredResults, type MeasuredInput } from './measured-results'
import { parseMeasurement } from './parse-measurement'
import { variantOfRelease } from './variant-of-release'

/** Larger than any histogram a tool prints (oslat's 1024 buckets × 1024 CPUs is ~20 MiB); a log is not one. */
export const MAX_MEASUREMENT_BYTES = 64 * 1024 * 1024

export interface ImportOptions {
  name?: string
  /** the kernel variant to file the runs under; default: the variant of the kernel release the files name, else this machine's */
  variant?: string
}

async function readMeasurement(file: string): Promise<MeasuredInput> {
  let text: string
  try {
    text = await readRegularFile(file, MAX_MEASUREMENT_BYTES)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new LabError(code === 'ENOENT' ? 'invalid-request' : 'failed', `cannot read ${file}: ${(e as Error).message}`)
  }
  return { file, parsed: parseMeasurement(text, file) }
}

function chooseVariant(inputs: MeasuredInput[], given: string | undefined): { variant: Variant; variantFrom: string } {
  if (given !== undefined) {
    if (!(VARIANTS as readonly string[]).includes(given)) throw new LabError('invalid-request', `--variant ${given}: a variant is one of ${VARIANTS.join(', ')}`)
    return { variant: given as Variant, variantFrom: `--variant ${given}` }
  }
  const named = inputs.find((i) => i.parsed.kernelRelease !== undefined)
  const fromFile = named === undefined ? null : variantOfRelease(named.parsed.kernelRelease!)
  if (named !== undefined && fromFile !== null) return { variant: fromFile, variantFrom: `kernel ${named.parsed.kernelRelease} (named in ${named.file})` }
  const own = variantOfRelease(release())
  if (own === null) throw new LabError('invalid-request', `the files name no kernel release and this machine's (${release()}) maps to no variant: give --variant`)
  return { variant: own, variantFrom: `kernel ${release()} of the importing machine (the files name none)` }
}

/** Files already in memory (a page's upload): named as given, parsed like files on disk. */
export function measurementsDocument(files: Array<{ name: string; text: string }>, o: ImportOptions): ExperimentResults {
  return documentOf(files.map((f) => ({ file: f.name, parsed: parseMeasurement(f.text, f.name) })), o)
}

function documentOf(inputs: MeasuredInput[], o: ImportOptions): ExperimentResults {
  if (inputs.length === 0) throw new LabError('invalid-request', 'give at least one measurement file')
  const { variant, variantFrom } = chooseVariant(inputs, o.variant)
  const name = o.name ?? `${inputs[0].parsed.tool} ${basename(inputs[0].file)}${inputs.length > 1 ? ` +${inputs.length - 1}` : ''}`
  return measuredResults(inputs, { name: name.slice(0, 120), engine: 'measured', variant, variantFrom })
}

export async function importMeasurements(files: string[], o: ImportOptions): Promise<ExperimentResults> {
  const inputs: MeasuredInput[] = []
  for (const file of files) inputs.push(await readMeasurement(file))
  return documentOf(inputs, o)
}
