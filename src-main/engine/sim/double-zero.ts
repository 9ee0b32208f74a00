// The first value of a number field that comes to hold something other than a small integer: a time or a sum
// of them (past 2^31 ns on a 64-bit Node, 2^30 where V8 compresses pointers, as in Electron), a value read out of
// a Float64Array, a fraction. V8 stores a field whose first value is the literal 0 as a small integer; the first
// other number stored in it gives the class a new hidden class, every optimised function that relied on the old
// one deoptimises and compiles again, and in a pool worker's next job the fields that hold such objects no
// longer match their new class and generalise, deoptimising again (BENCHMARKS.md, "Deoptimisations within a run
// and between jobs"). A field whose first value is a heap number is a double from the start, and its class
// stays the same all run long and from job to job (tests/engine/run-hidden-classes.test.ts).
// This 0 is one: a Float64Array hands out its elements as heap numbers, and a bundler cannot fold the read into
// the literal 0 (the Vite builds and tsx's ESM loading keep it; a CommonJS transform that wraps the export in a
// getter can return a small integer once the getter is optimised — the engine is ESM). It is +0, equal to the
// literal in every way a program can tell.
// Added to a small integer, `n + DOUBLE_ZERO` is the same value as a heap number, so arithmetic with it gathers
// number feedback from the start. A time sum whose operands were all small integers (a lock hold's length, a kswapd
// balance, the progress step) was optimised for small integers and deoptimised when simulated time passed 2^31 ns,
// about 2.1 s into every worker's first job (BENCHMARKS.md, "2026-12-01, fourth").
export const DOUBLE_ZERO: number = new Float64Array(1)[0]
