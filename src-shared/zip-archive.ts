// Several exported files as one ZIP archive, for one download: "CSV tables" handed the browser six downloads
// at once, and browsers ask about (or block) every download after the first. Entries are stored, not
// deflated: a run's tables are small, every unzip and spreadsheet tool reads stored entries, and the
// archive needs no compression library. A fixed date (1980-01-01) keeps the bytes a function of the files.

export interface ArchiveFile {
  name: string
  data: Uint8Array
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (IEEE 802.3), as the ZIP format stores it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** MS-DOS date of 1980-01-01, time 00:00 */
const DOS_DATE = (0 << 9) | (1 << 5) | 1
/** bit 11: names are UTF-8 */
const UTF8_NAMES = 0x0800
const VERSION = 20

function header(fields: Array<[bytes: 2 | 4, value: number]>): Uint8Array {
  const out = new Uint8Array(fields.reduce((n, [b]) => n + b, 0))
  const view = new DataView(out.buffer)
  let at = 0
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(at, value, true)
    else view.setUint32(at, value, true)
    at += bytes
  }
  return out
}

export function zipArchive(files: readonly ArchiveFile[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const file of files) {
    const name = new TextEncoder().encode(file.name)
    const crc = crc32(file.data)
    const size = file.data.length
    const local = header([[4, 0x04034b50], [2, VERSION], [2, UTF8_NAMES], [2, 0], [2, 0], [2, DOS_DATE], [4, crc], [4, size], [4, size], [2, name.length], [2, 0]])
    central.push(header([[4, 0x02014b50], [2, VERSION], [2, VERSION], [2, UTF8_NAMES], [2, 0], [2, 0], [2, DOS_DATE], [4, crc], [4, size], [4, size],
      [2, name.length], [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), name)
    parts.push(local, name, file.data)
    offset += local.length + name.length + size
  }
  const centralSize = central.reduce((n, p) => n + p.length, 0)
  const end = header([[4, 0x06054b50], [2, 0], [2, 0], [2, files.length], [2, files.length], [4, centralSize], [4, offset], [2, 0]])
  const all = [...parts, ...central, end]
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of all) {
    out.set(p, at)
    at += p.length
  }
  return out
}
