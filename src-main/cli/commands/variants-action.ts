// What `drainlab variants` does (commands/variants.ts declares it): one block per variant, its traits
// as src-shared/kernel/variant-summary.ts words them.
import { LabError } from '../../../src-shared/api'
import { summarizeVariant, VARIANT_SUMMARY_COLUMNS } from '../../../src-shared/kernel/variant-summary'
import { kernelSchema, VARIANTS, type Variant } from '../../../src-shared/profile/schema'
import { readProfileFile } from '../../store/profile-file'

export async function printVariants(file?: string): Promise<void> {
  let variants: readonly Variant[] = VARIANTS
  let kernel = kernelSchema.parse({})
  if (file !== undefined) {
    const checked = await readProfileFile(file)
    if (!checked.ok) throw new LabError('invalid-profile', `${file} is not a valid profile`, checked.issues)
    variants = checked.profile.kernel.variants
    kernel = checked.profile.kernel
  }
  const width = Math.max(...VARIANT_SUMMARY_COLUMNS.map(([, heading]) => heading.length))
  const blocks = variants.map((v) => {
    const s = summarizeVariant(v, kernel)
    const rows = VARIANT_SUMMARY_COLUMNS.filter(([key]) => !['variant', 'release', 'releases', 'note'].includes(key)).map(([key, heading]) => `  ${heading.padEnd(width)}  ${s[key]}`)
    const note = s.note === '' ? [] : [`  (${s.note})`]
    return [`${v} — Linux ${s.release} (as ${s.releases})`, ...note, ...rows].join('\n')
  })
  process.stdout.write(`${blocks.join('\n\n')}\n`)
}
