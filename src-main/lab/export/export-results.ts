// Every export format as files (name, MIME type, bytes): the CLI writes them to a folder, LabApi sends them
// base64 to the UI, which saves or downloads them.
import type { ExportFormat, ExportedFile } from '../../../src-shared/api'
import { CHARTS } from '../../../src-shared/charts/index'
import type { ExperimentResults } from '../../../src-shared/results/types'
import { serializeResults } from '../../store/results-file'
import { renderChartPng, renderChartSvg, type ChartImageOptions } from './chart-render'
import { csvTables } from './csv-export'
import { htmlReport } from './html-report'
import { traceEvents } from './trace-export'

export interface ExportOptions extends ChartImageOptions {
  /** the command that reproduces the run, for the HTML report */
  command?: string
}

export interface ExportFile {
  fileName: string
  mime: string
  data: Buffer
}

export const DEFAULT_REPRODUCE_COMMAND = 'npx drainlab run profile.drainlab.json'

export async function exportFiles(results: ExperimentResults, format: ExportFormat, opts: ExportOptions = {}): Promise<ExportFile[]> {
  switch (format) {
    case 'json':
      return [{ fileName: 'results.json', mime: 'application/json', data: Buffer.from(serializeResults(results)) }]
    case 'csv':
      return csvTables(results).map((t) => ({ fileName: t.name, mime: 'text/csv', data: Buffer.from(t.text) }))
    case 'png': {
      const files: ExportFile[] = []
      for (const spec of CHARTS.filter((c) => c.available(results))) {
        files.push({ fileName: `${spec.id}.png`, mime: 'image/png', data: await renderChartPng(spec.build(results), opts) })
      }
      return files
    }
    case 'svg':
      return CHARTS.filter((c) => c.available(results))
        .map((spec) => ({ fileName: `${spec.id}.svg`, mime: 'image/svg+xml', data: renderChartSvg(spec.build(results), opts) }))
    case 'html':
      return [{ fileName: 'report.html', mime: 'text/html', data: Buffer.from(await htmlReport(results, { ...opts, command: opts.command ?? DEFAULT_REPRODUCE_COMMAND })) }]
    case 'trace':
      return [{ fileName: 'timeline.trace.json', mime: 'application/json', data: Buffer.from(`${JSON.stringify(traceEvents(results))}\n`) }]
  }
}

export function toExportedFile(file: ExportFile): ExportedFile {
  return { fileName: file.fileName, mime: file.mime, base64: file.data.toString('base64') }
}
