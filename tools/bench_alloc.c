/*
 * bench_alloc.c — counting allocator hooks (see bench_alloc.h). Each block
 * carries its size in a header of max_align_t size.
 */
#include "bench_alloc.h"

#include <stdlib.h>

#include <jansson.h>

typedef union header {
    size_t size;
    long double align_ld;
    void *align_p;
    long long align_ll;
} header;

static size_t live, peak;
static json_malloc_t saved_malloc;
static json_free_t saved_free;

static void *counting_malloc(size_t size)
{
    header *h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    live += size;
    if (live > peak)
        peak = live;
    return h + 1;
}

static void counting_free(void *ptr)
{
    header *h;
    if (!ptr)
        return;
    h = (header *)ptr - 1;
    live -= h->size;
    free(h);
}

void alloc_count_begin(void)
{
    json_get_alloc_funcs(&saved_malloc, &saved_free);
    live = peak = 0;
    json_set_alloc_funcs(counting_malloc, counting_free);
}

size_t alloc_live(void)
{
    return live;
}

size_t alloc_peak(void)
{
    return peak;
}

int alloc_count_end(void)
{
    if (live)
        return -1;
    json_set_alloc_funcs(saved_malloc, saved_free);
    return 0;
}
