// One section of `npm run bench`. bin/bench.mjs runs every scripts/bench/*-bench.ts file (alphabetical
// order), each in a Node process of its own; a section exports `runBench(): Promise<BenchSection>` and
// may export `nodeFlags: string[]` (V8 / Node flags for that process). Add a section by adding a file
// here: its markdown lands in the same BENCHMARKS.md entry.
export interface BenchSection {
  title: string
  /** Markdown body: tables and a list of goals met / missed. */
  markdown: string
}
