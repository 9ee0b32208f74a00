// A probe's calibration (results measurement.calibration) as profile assignments, so `drainlab run
// --calibration FILE` (and any host) applies fitted kernel costs through the same validated path as --set.
import type { Calibration } from '../results/types'

export function calibrationAssignments(calibration: Calibration): string[] {
  return Object.entries(calibration.costs)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([key, value]) => `kernel.costs.${key}=${value}`)
}
