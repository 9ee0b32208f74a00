// pcp->batch — models zone_batchsize() of mm/page_alloc.c (MMU case).
import { rounddownPowOfTwo } from './int-math'

/** Batch for a zone of `managedPages` pages of `pageSizeKiB`. Every zone above 1 GiB (4 KiB pages) gets 63. */
export function zoneBatchsize(managedPages: number, pageSizeKiB: number): number {
  // min(zone_managed_pages >> 10, SZ_1M / PAGE_SIZE), then / 4, at least 1
  const pagesPerMiB = Math.floor(1024 / pageSizeKiB)
  let batch = Math.min(Math.floor(managedPages / 1024), pagesPerMiB)
  batch = Math.floor(batch / 4)
  if (batch < 1) batch = 1
  // clamp to 2^n - 1: rounddown_pow_of_two(batch + batch / 2) - 1; the caller,
  // zone_set_pageset_high_and_batch(), uses max(1, zone_batchsize())
  return Math.max(1, rounddownPowOfTwo(batch + Math.floor(batch / 2)) - 1)
}
