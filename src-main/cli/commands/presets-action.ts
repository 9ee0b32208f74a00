// What `drainlab presets` does (commands/presets.ts declares it).
import { LabError } from '../../../src-shared/api'
import { presetInfos } from '../../lab/presets'

/** A preset's description is a paragraph; the list shows its first sentence, cut to fit a terminal line. */
const MAX_SUMMARY = 100

export function firstSentence(text: string): string {
  const sentence = /^[\s\S]*?[.!?](?=\s+[A-Z(]|$)/.exec(text.trim())?.[0] ?? text.trim()
  const oneLine = sentence.replace(/\s+/g, ' ')
  return oneLine.length <= MAX_SUMMARY ? oneLine : `${oneLine.slice(0, MAX_SUMMARY - 1).trimEnd()}…`
}

export function listPresets(): void {
  const presets = presetInfos()
  const width = Math.max(...presets.map((p) => p.id.length))
  for (const p of presets) process.stdout.write(`${p.id.padEnd(width)}  ${p.name}: ${firstSentence(p.description)}\n`)
  process.stderr.write('(drainlab presets ID prints a preset\'s whole description)\n')
}

/** One preset in full: its name and whole description, wrapped for a terminal, and how to run it. */
export function describePreset(id: string): void {
  const preset = presetInfos().find((p) => p.id === id)
  if (preset === undefined) throw new LabError('invalid-request', `no preset ${id}; drainlab presets lists them`)
  const words = preset.description.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  for (const word of words) {
    if (lines.length > 0 && (lines[lines.length - 1] + ' ' + word).length <= 100) lines[lines.length - 1] += ' ' + word
    else lines.push(word)
  }
  process.stdout.write(`${preset.name} (${preset.id})\n\n${lines.join('\n')}\n\nrun it: npx drainlab run --preset ${preset.id}\n`)
}
