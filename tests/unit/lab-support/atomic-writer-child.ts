// A writer process for the atomicity test: rewrites one big file through writeFileAtomic as fast as it can,
// alternating two contents, until it is killed.
import { writeFileAtomic } from '../../../src-main/store/atomic-write'

const [target, sizeText] = process.argv.slice(2)
const size = Number(sizeText)
const contents = ['A', 'B'].map((ch) => ch.repeat(size))
let i = 0
process.stdout.write('ready\n')
for (;;) {
  await writeFileAtomic(target, contents[i % 2])
  i++
  if (i === 1) process.stdout.write('wrote\n')
}
