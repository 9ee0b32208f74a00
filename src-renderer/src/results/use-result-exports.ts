// A run's exported files handed to the user as downloads in both hosts, with a message saying what
// came out or why nothing did. Several files (the CSV tables) go as one ZIP archive: one download.
import type { ExportFormat } from '@shared/api'
import { useMessage } from 'naive-ui'
import { base64ToBlob, base64ToBytes, downloadBlob } from '../files/download'
import { zipArchive } from '@shared/zip-archive'
import { useResultExportsStore } from '../stores/result-exports'

export function useResultExports() {
  const message = useMessage()
  const exports = useResultExportsStore()

  /** Downloads the exported files; false on failure. */
  async function exportRun(runId: string, format: ExportFormat): Promise<boolean> {
    const files = await exports.exportRun(runId, format)
    if (files === null) {
      message.error(`Export failed: ${exports.error?.message ?? 'no answer from the lab'}`, { duration: 8000, closable: true })
      return false
    }
    if (!files.length) {
      message.warning('The lab exported no file for this run.')
      return false
    }
    if (files.length === 1) {
      downloadBlob(`${runId}-${files[0].fileName}`, base64ToBlob(files[0].base64, files[0].mime))
      message.success(`Exported ${files[0].fileName}`)
      return true
    }
    const archive = zipArchive(files.map((f) => ({ name: f.fileName, data: base64ToBytes(f.base64) })))
    downloadBlob(`${runId}-${format}.zip`, new Blob([archive], { type: 'application/zip' }))
    message.success(`Exported ${runId}-${format}.zip: ${files.map((f) => f.fileName).join(', ')}`)
    return true
  }

  return { exportRun }
}
