// Files the lab renders from a run (LabApi exportResults): the HTML report, JSON, CSV tables, the
// Perfetto trace, and the vector SVG of a chart. Handed to the user as downloads in both hosts.
import type { ExportFormat } from '@shared/api'
import { useMessage } from 'naive-ui'
import { lab } from '../api/lab-instance'
import { base64ToBlob, downloadBlob } from '../files/download'

export function useResultExports() {
  const message = useMessage()

  /** Downloads the exported files (only the one named `only`, when given); false on failure. */
  async function exportRun(runId: string, format: ExportFormat, only?: string): Promise<boolean> {
    try {
      const files = await lab().exportResults({ runId, format })
      const wanted = only === undefined ? files : files.filter((f) => f.fileName === only)
      if (!wanted.length) {
        message.warning(`The lab exported ${files.map((f) => f.fileName).join(', ') || 'nothing'}; ${only ?? 'no file'} was not among them (the chart may have no data in the export).`)
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
