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

/* Allocations are carved out of blocks of BLOCK_SIZE bytes, in turn; one
 * larger than SHARED_MAX gets a block of its own. A spec of thousands of
 * types makes millions of names and flags: one calloc and one free each
 * was a tenth of generating it. */
struct arena_block {
    arena_block *next;
    size_t size, used; /* bytes of payload, and how many are handed out */
    /* payload follows, aligned like max_align_t */
};

#define ALIGN 16u
#define ROUND_UP(n) (((n) + (ALIGN - 1)) & ~(size_t)(ALIGN - 1))
#define BLOCK_HEADER ROUND_UP(sizeof(arena_block))
#define BLOCK_SIZE (64u * 1024u)
/* Under AddressSanitizer every allocation has a block of its own, so that
 * an overflow is still caught at its first byte. */
#if defined(__SANITIZE_ADDRESS__)
#define SHARED_MAX 0u
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SHARED_MAX 0u
#endif
#endif
#ifndef SHARED_MAX
#define SHARED_MAX ((BLOCK_SIZE - BLOCK_HEADER) / 4)
#endif

static void out_of_memory(void)
{
    fputs("specc: out of memory\n", stderr);
    exit(3);
}

/* A zeroed block with room for size bytes. */
static arena_block *new_block(size_t size)
{
    arena_block *b = size <= SIZE_MAX - BLOCK_HEADER ? calloc(1, BLOCK_HEADER + size) : NULL;
    if (!b)
        out_of_memory();
    b->size = size;
    return b;
}

/* One allocation in a block of its own, behind the block being filled. */
static void *alloc_alone(arena *a, size_t size)
{
    arena_block *b = new_block(size);
    b->used = size;
    if (a->head) {
        b->next = a->head->next;
        a->head->next = b;
    } else {
        a->head = b;
    }
    return (char *)b + BLOCK_HEADER;
}

void *arena_alloc(arena *a, size_t size)
{
    arena_block *b = a->head;
    char *p;
    if (size > SHARED_MAX)
        return alloc_alone(a, size);
    size = size ? ROUND_UP(size) : ALIGN; /* distinct, aligned pointers */
    if (!b || b->size - b->used < size) {
        b = new_block(BLOCK_SIZE - BLOCK_HEADER);
        b->next = a->head;
        a->head = b;
    }
    p = (char *)b + BLOCK_HEADER + b->used;
    b->used += size;
    return p;
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
