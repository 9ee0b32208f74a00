// Which measurement a file is, from its first lines, and its parse. Recognised: cyclictest -h output and
// --json, oslat's summary and --json, rtla timerlat hist and osnoise hist (docs/measurements.md).
// Anything else is refused with the file, the line and the reason.
import type { ParsedMeasurement } from './measured-histogram'
import { MeasurementFormatError } from './measurement-format-error'
import { parseCyclictestHistogram } from './cyclictest-histogram'
import { parseOslatText } from './oslat-text'
import { parseRtlaHist } from './rtla-hist'
import { parseCyclictestJson, parseOslatJson } from './rt-tests-json'

function parseJsonMeasurement(text: string, file: string): ParsedMeasurement {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    // V8 says "at position N" (or line/column in newer versions): turn a position into the line
    const message = (e as Error).message
    const position = /position (\d+)/.exec(message)
    const line = position === null ? 1 : text.slice(0, Number(position[1])).split('\n').length
    throw new MeasurementFormatError(file, line, `not valid JSON: ${message}`)
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new MeasurementFormatError(file, 1, 'a JSON value that is not an object: not a cyclictest or oslat --json file')
  const command = String((doc as Record<string, unknown>)['cmdline:'] ?? (doc as Record<string, unknown>).cmdline ?? '')
  const tool = /(?:^|\/)(cyclictest|oslat)\b/.exec(command.trim().split(/\s+/)[0] ?? '')?.[1]
  if (tool === 'cyclictest') return parseCyclictestJson(doc as Record<string, unknown>, text, file)
  if (tool === 'oslat') return parseOslatJson(doc as Record<string, unknown>, text, file)
  throw new MeasurementFormatError(file, 1, 'a JSON file whose "cmdline:" names neither cyclictest nor oslat (rt-tests --json files record it)')
}

export function parseMeasurement(text: string, file: string): ParsedMeasurement {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new MeasurementFormatError(file, 1, 'the file is empty')
  if (body.trimStart().startsWith('{')) return parseJsonMeasurement(body, file)
  const lines = body.split(/\r?\n/)
  const has = (re: RegExp) => lines.some((l) => re.test(l))
  if (has(/^# RTLA timerlat histogram/) || has(/^Index(\s+(IRQ|Thr|Usr)-\d+)+\s*$/)) return parseRtlaHist(body, file, 'timerlat')
  if (has(/^# RTLA osnoise histogram/) || has(/^Index(\s+CPU-\d+)+\s*$/)) return parseRtlaHist(body, file, 'osnoise')
  if (has(/^oslat V/) || has(/^\s*Core:\s/)) return parseOslatText(body, file)
  if (has(/^# Total:/) || has(/^# Histogram\s*$/) || /^\d{6}\s/.test(lines[0])) return parseCyclictestHistogram(body, file)
  const first = lines.findIndex((l) => l.trim() !== '')
  throw new MeasurementFormatError(file, first + 1, `not a cyclictest (-h or --json), oslat or rtla timerlat/osnoise hist output: "${lines[first].slice(0, 80)}" is none of their lines`)
}
