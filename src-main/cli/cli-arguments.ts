// Command-line values the run and export commands share: format lists, comma lists, numbers.
import { EXPORT_FORMATS, LabError, type ExportFormat } from '../../src-shared/api'

export function parseFormats(text: string): ExportFormat[] {
  const formats = splitList(text)
  const unknown = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f))
  if (unknown.length > 0) throw new LabError('invalid-request', `unknown format ${unknown.join(', ')} (formats: ${EXPORT_FORMATS.join(', ')})`)
  return [...new Set(formats)] as ExportFormat[]
}

export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '')
}

export function parsePositiveInt(text: string, what: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new LabError('invalid-request', `${what} must be a whole number ≥ 1 (got "${text}")`)
  return n
}
