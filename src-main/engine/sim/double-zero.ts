// The first value of a number field that comes to hold simulated nanoseconds, or a sum of them, past 2^30.
// V8 stores a field whose first value is a small integer (the literal 0) as one; when a value outgrows 31 bits
// — at ~1.07 s of simulated time — it gives the class a new hidden class, every optimised function that relied
// on the old one deoptimises and compiles again, and in a pool worker's next job the fields that hold such
// objects no longer match their new class and generalise, deoptimising again (BENCHMARKS.md, "Deoptimisations
// within a run and between jobs"). A field whose first value is a heap number is stored as a double from the
// start, and its class stays the same all run long and from job to job (tests/engine/run-hidden-classes.test.ts).
// This 0 is one: a Float64Array hands out its elements as heap numbers, and no compiler can fold the read into
// the literal 0. It is +0, equal to the literal in every way a program can tell.
export const DOUBLE_ZERO: number = new Float64Array(1)[0]
