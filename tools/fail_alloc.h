/*
 * fail_alloc.h — allocation functions for jansson, and so for the runtime
 * (json_set_alloc_funcs), that count live blocks and fail on request: the
 * allocation-failure sweeps of tests/chaos, tests/json and tests/build.
 */
#ifndef SPECC_FAIL_ALLOC_H
#define SPECC_FAIL_ALLOC_H

#include <stdbool.h>

typedef struct fail_alloc {
    long live;              /* blocks allocated and not yet freed */
    unsigned long seen;     /* allocations counted in this run (none while paused) */
    unsigned long fail_at;  /* 0: none fails; N: the N-th counted one fails */
    bool fail_from;         /* ... and every one after it */
    unsigned long injected; /* failures returned in this run */
    int paused;             /* > 0: verification work: not counted, never fails */
} fail_alloc;

/* The one state the functions below use. */
extern fail_alloc fa;

/* Install the counting functions (before anything allocates). */
void fail_alloc_install(void);

/* Start a run that fails the n-th allocation (and, with from, every later
 * one; n = 0: none): seen and injected back to 0. */
void fail_alloc_arm(unsigned long n, bool from);

#endif
