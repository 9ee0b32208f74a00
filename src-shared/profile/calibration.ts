// A probe's calibration (results measurement.calibration): the kernel costs drainlab probe fitted, as profile
// settings. `drainlab run --calibration FILE` applies them as --set assignments and the Design view's "Apply
// calibration…" sets the same fields, so both go through the profile's own validation.
import { z } from 'zod'
import type { Calibration } from '../results/types'

const costKey = z.enum(['tPageLocalNs', 'tPageRemoteNs'])
const calibrationSchema = z.object({
  costs: z.partialRecord(costKey, z.number().min(0)),
  samples: z.partialRecord(costKey, z.number().int().min(0)),
  method: z.string()
})
const documentSchema = z.object({ measurement: z.object({ calibration: calibrationSchema }) })

/** profile path -> fitted value, one per cost the calibration has */
export function calibrationSettings(calibration: Calibration): Array<[string, number]> {
  return Object.entries(calibration.costs)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([key, value]) => [`kernel.costs.${key}`, value])
}

export function calibrationAssignments(calibration: Calibration): string[] {
  return calibrationSettings(calibration).map(([path, value]) => `${path}=${value}`)
}

/** The calibration block of a results document read as JSON, or why there is none. */
export function calibrationOfDocument(doc: unknown): { ok: true; calibration: Calibration } | { ok: false; message: string } {
  const parsed = documentSchema.safeParse(doc)
  if (parsed.success) return { ok: true, calibration: parsed.data.measurement.calibration }
  return { ok: false, message: 'has no calibration block (drainlab probe writes one in its results.json when its trace has pcp drain bursts)' }
}
