// Design ▸ Apply calibration…: the kernel costs a `drainlab probe` fitted (its results.json, picked as a
// file and read in the page) set on the profile being edited, as `drainlab run --calibration` does.
import { calibrationOfDocument, calibrationSettings } from '@shared/profile/calibration'
import { useMessage } from 'naive-ui'
import { useProfileStore } from '../stores/profile'
import { pickFiles } from '../files/pick-files'

export function useCalibrationImport() {
  const profile = useProfileStore()
  const message = useMessage()

  async function apply(file: File): Promise<void> {
    let doc: unknown
    try {
      doc = JSON.parse(await file.text())
    } catch (e) {
      message.error(`${file.name} is not JSON: ${(e as Error).message}`, { duration: 8000, closable: true })
      return
    }
    const read = calibrationOfDocument(doc)
    if (!read.ok) {
      message.error(`${file.name} ${read.message}`, { duration: 8000, closable: true })
      return
    }
    const settings = calibrationSettings(read.calibration)
    for (const [path, value] of settings) profile.set(path, value)
    const samples = read.calibration.samples
    message.success(`Applied ${settings.map(([path, value]) => `${path.replace('kernel.costs.', '')} = ${value} ns`).join(', ')} from ${file.name} (${Object.values(samples).join('/')} samples)`)
  }

  function pick(): void {
    pickFiles({ testId: 'calibration-file-input', accept: '.json,application/json' }, ([file]) => void apply(file))
  }

  return { pick, apply }
}
