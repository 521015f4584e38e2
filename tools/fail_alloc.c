/* fail_alloc.c — see fail_alloc.h. */
#include "fail_alloc.h"

#include <jansson.h>
#include <stdlib.h>

fail_alloc fa;

static void *fa_malloc(size_t size)
{
    void *p;
    if (!fa.paused) {
        fa.seen++;
        if (fa.fail_at && (fa.seen == fa.fail_at || (fa.fail_from && fa.seen > fa.fail_at))) {
            fa.injected++;
            return NULL;
        }
    }
    p = malloc(size ? size : 1);
    if (p)
        fa.live++;
    return p;
}

static void fa_free(void *p)
{
    if (p) {
        fa.live--;
        free(p);
    }
}

void fail_alloc_install(void)
{
    json_set_alloc_funcs(fa_malloc, fa_free);
}

void fail_alloc_arm(unsigned long n, bool from)
{
    fa.fail_at = n;
    fa.fail_from = from;
    fa.seen = fa.injected = 0;
}
