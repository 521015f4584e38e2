/*
 * arena.c — the model's memory: many small allocations, freed together.
 * Out of memory in the generator is fatal (a message and exit 3): there is
 * nothing useful to do with half a model.
 */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    /* payload follows, aligned like max_align_t */
};

#define BLOCK_HEADER ((sizeof(arena_block) + 15u) & ~(size_t)15u)

void *arena_alloc(arena *a, size_t size)
{
    arena_block *b;
    if (size > SIZE_MAX - BLOCK_HEADER) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    b = calloc(1, BLOCK_HEADER + size);
    if (!b) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    b->next = a->head;
    a->head = b;
    return (char *)b + BLOCK_HEADER;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* Formats once into a buffer on the stack, which holds most names; longer
 * text is formatted again, in place. */
char *arena_printf(arena *a, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n;
    char *p;
    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    p = arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof buf) {
        memcpy(p, buf, (size_t)n);
        return p;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

char *arena_own(arena *a, char *malloced)
{
    char *p;
    if (!malloced)
        return NULL;
    p = arena_strdup(a, malloced);
    free(malloced);
    return p;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
