// Files the lab renders from a run (LabApi exportResults): the HTML report, JSON, CSV tables, the
// Perfetto trace. Handed to the user as downloads in both hosts.
import type { ExportFormat } from '@shared/api'
import { useMessage } from 'naive-ui'
import { lab } from '../api/lab-instance'
import { base64ToBlob, downloadBlob } from '../files/download'

export function useResultExports() {
  const message = useMessage()

  /** Downloads the exported files; false on failure. */
  async function exportRun(runId: string, format: ExportFormat): Promise<boolean> {
    try {
      const wanted = await lab().exportResults({ runId, format })
      if (!wanted.length) {
        message.warning('The lab exported no file for this run.')
        return false
      }
      for (const f of wanted) downloadBlob(`${runId}-${f.fileName}`, base64ToBlob(f.base64, f.mime))
      message.success(`Exported ${wanted.map((f) => f.fileName).join(', ')}`)
      return true
    } catch (e) {
      message.error(`Export failed: ${e instanceof Error ? e.message : String(e)}`, { duration: 8000, closable: true })
      return false
    }
  }

  return { exportRun }
}
