/*
 * bench_alloc.h — live heap bytes of specc and jansson, counted through
 * jansson's allocator hooks (json_set_alloc_funcs; specc_alloc uses them
 * too): what peak_bytes in `bench --json` reports.
 *
 * The counting hooks are installed only between alloc_count_begin() and
 * alloc_count_end(), never during a timed run; everything allocated in
 * between must be freed in between (alloc_count_end checks, see below).
 */
#ifndef SPECC_BENCH_ALLOC_H
#define SPECC_BENCH_ALLOC_H

#include <stddef.h>

/* Install the counting hooks with the counters at zero. */
void alloc_count_begin(void);

/* Bytes requested and not yet freed since alloc_count_begin (allocator
 * overhead not counted), and the most there have been. */
size_t alloc_live(void);
size_t alloc_peak(void);

/* Put back the hooks that were there before. Returns 0, or -1 (hooks left
 * installed) when counted blocks are still live: freeing them later through
 * other hooks would corrupt the heap. */
int alloc_count_end(void);

#endif
