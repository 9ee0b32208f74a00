// Prints the plain closing line CI reads: "playwright: N passed, N failed, N skipped".
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class SummaryReporter implements Reporter {
  private readonly final = new Map<string, string>()

  printsToStdio(): boolean {
    return false
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // retries overwrite earlier attempts: the last result of a test is the one that counts
    this.final.set(test.id, result.status)
  }

  onEnd(): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const status of this.final.values()) {
      if (status === 'passed') passed++
      else if (status === 'skipped') skipped++
      else failed++
    }
    process.stdout.write(`\nplaywright: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
