// What `drainlab presets` does (commands/presets.ts declares it).
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
}
