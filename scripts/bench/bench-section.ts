// One section of `npm run bench`. bin/bench.mjs runs every scripts/bench/*-bench.ts file (alphabetical
// order); each exports `runBench(): Promise<BenchSection>`. Add a section (e.g. the lab's worker pool)
// by adding a file here: its markdown lands in the same BENCHMARKS.md entry.
export interface BenchSection {
  title: string
  /** Markdown body: tables and a list of goals met / missed. */
  markdown: string
}
