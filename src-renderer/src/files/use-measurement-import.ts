// File ▸ Import measurements…: the same file picker in both hosts (the page reads the files and sends
// their text, so no path crosses to the lab), then the imported run opens in Results like any run.
import { useMessage } from 'naive-ui'
import { useHistoryStore } from '../stores/history'
import { useMeasurementImportStore } from '../stores/measurement-import'
import { useResultsStore } from '../stores/results'
import { useUiStore } from '../stores/ui'
import { fileFailureContent } from './file-failure-content'
import { pickFiles } from './pick-files'

export function useMeasurementImport() {
  const importer = useMeasurementImportStore()
  const results = useResultsStore()
  const history = useHistoryStore()
  const ui = useUiStore()
  const message = useMessage()

  async function importPicked(picked: File[]): Promise<void> {
    const files = await Promise.all(picked.map(async (f) => ({ name: f.name, text: await f.text() })))
    const runId = await importer.importFiles(files)
    if (runId === null) {
      if (importer.error) message.error(fileFailureContent('Could not import', importer.error), { duration: 12_000, closable: true })
      return
    }
    message.success(`Imported ${files.map((f) => f.name).join(', ')}`)
    void history.refresh()
    if (await results.load(runId)) ui.show('results')
  }

  function pick(): void {
    pickFiles({ testId: 'measurement-file-input', multiple: true }, (picked) => void importPicked(picked))
  }

  return { pick, importPicked }
}
