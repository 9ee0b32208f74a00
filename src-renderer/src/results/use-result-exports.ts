// A run's exported files handed to the user as downloads in both hosts, with a message saying what
// came out or why nothing did.
import type { ExportFormat } from '@shared/api'
import { useMessage } from 'naive-ui'
import { base64ToBlob, downloadBlob } from '../files/download'
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
    for (const f of files) downloadBlob(`${runId}-${f.fileName}`, base64ToBlob(f.base64, f.mime))
    message.success(`Exported ${files.map((f) => f.fileName).join(', ')}`)
    return true
  }

  return { exportRun }
}
