// A file drainlab import cannot read as any measurement it knows: the file, the line and why, as a
// compiler names an error. A LabError of invalid input, so the CLI exits 2 and writes nothing.
import { LabError } from '../../../src-shared/api'

export class MeasurementFormatError extends LabError {
  constructor(readonly file: string, readonly line: number, readonly reason: string) {
    super('invalid-request', `${file}:${line}: ${reason}`)
  }
}
