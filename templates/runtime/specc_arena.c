/* {{banner}} */
/*
 * specc_arena.c — values decoded into a few big blocks, released at once.
 *
 * Decoding with malloc makes one allocation per string, nested struct and
 * array, and clearing the value walks it to free each; with an arena the
 * decoder bumps a pointer inside the current block instead, and
 * specc_arena_reset/_free give every block back in one call. Blocks come
 * from specc_alloc (so jansson's allocator hooks see them), growing
 * geometrically from ARENA_FIRST_BLOCK; a request larger than a quarter of
 * the next block gets a block of its own, so that the current block's free
 * tail is not wasted on it. `any` values are jansson trees the arena cannot
 * hold: it keeps their references and drops them when it is reset.
 */
#include "specc_internal.h"

#define ARENA_FIRST_BLOCK ((size_t)16 * 1024)
#define ARENA_MAX_STEP ((size_t)16 * 1024 * 1024) /* blocks stop doubling here */
#define ARENA_ALIGN ((size_t)16) /* enough for every member a value holds */

typedef struct arena_block {
    struct arena_block *next; /* the block filled before this one */
    size_t size;              /* usable bytes after the header */
} arena_block;

/* The header is rounded up so that block data starts aligned. */
#define BLOCK_HEADER ((sizeof(arena_block) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))

struct specc_arena {
    arena_block *blocks; /* the current block first */
    char *top, *end;     /* free room of the current block */
    size_t held;         /* bytes of all blocks, headers included */
    size_t next_size;    /* usable size of the next block */
    json_t **refs;       /* `any` values to release (from specc_alloc) */
    size_t ref_count, ref_cap;
};

static char *block_data(arena_block *b)
{
    return (char *)b + BLOCK_HEADER;
}

specc_arena *specc_arena_new(void)
{
    specc_arena *a = specc_alloc(sizeof *a);
    if (!a)
        return NULL;
    memset(a, 0, sizeof *a);
    a->next_size = ARENA_FIRST_BLOCK;
    return a;
}

/* A new block of at least `need` usable bytes, linked after the current one
 * when `own` (a large request: the current block stays current). */
static arena_block *add_block(specc_arena *a, size_t need, bool own)
{
    size_t size = own ? need : a->next_size;
    arena_block *b;
    while (size < need)
        size *= 2;
    if (size > SIZE_MAX - BLOCK_HEADER)
        return NULL;
    if (!(b = specc_alloc(BLOCK_HEADER + size)))
        return NULL;
    b->size = size;
    a->held += BLOCK_HEADER + size;
    if (own && a->blocks) {
        b->next = a->blocks->next;
        a->blocks->next = b;
        return b;
    }
    b->next = a->blocks;
    a->blocks = b;
    a->top = block_data(b);
    a->end = a->top + size;
    if (a->next_size < ARENA_MAX_STEP)
        a->next_size *= 2;
    return b;
}

void *speccp_arena_alloc(specc_arena *a, size_t size, size_t align)
{
    uintptr_t at = (uintptr_t)a->top, pad = (align - (at & (align - 1))) & (align - 1);
    arena_block *b;
    char *p;

    if (size == 0)
        size = 1;
    if (a->top && pad <= (size_t)(a->end - a->top) && size <= (size_t)(a->end - a->top) - pad) {
        p = a->top + pad;
        a->top = p + size;
        return p;
    }
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    if (size + ARENA_ALIGN > a->next_size / 4) { /* its own block */
        if (!(b = add_block(a, size, a->blocks != NULL)))
            return NULL;
        if (b != a->blocks)
            return block_data(b);
    } else if (!add_block(a, size, false)) {
        return NULL;
    }
    p = a->top; /* block data is ARENA_ALIGN-aligned */
    a->top = p + size;
    return p;
}

void *speccp_arena_grow(specc_arena *a, void *old, size_t old_size, size_t new_size,
                        size_t align)
{
    char *p = old;
    void *n;
    if (p && p + old_size == a->top && new_size - old_size <= (size_t)(a->end - a->top)) {
        a->top = p + new_size; /* the last allocation: grown in place */
        return old;
    }
    if (!(n = speccp_arena_alloc(a, new_size, align)))
        return NULL;
    if (old_size)
        memcpy(n, old, old_size);
    return n;
}

bool speccp_arena_keep_json(specc_arena *a, json_t *json)
{
    json_t **refs = speccp_grow(a->refs, a->ref_count, &a->ref_cap, a->ref_count + 1,
                                sizeof *refs);
    if (!refs)
        return false;
    a->refs = refs;
    refs[a->ref_count++] = json;
    return true;
}

static void release_refs(specc_arena *a)
{
    size_t i;
    for (i = 0; i < a->ref_count; i++)
        json_decref(a->refs[i]);
    specc_free(a->refs);
    a->refs = NULL;
    a->ref_count = a->ref_cap = 0;
}

void specc_arena_reset(specc_arena *a)
{
    arena_block *keep, *b, *next;
    if (!a)
        return;
    release_refs(a);
    keep = a->blocks; /* the current block: the largest of the doubling ones */
    for (b = keep ? keep->next : NULL; b; b = next) {
        next = b->next;
        specc_free(b);
    }
    a->held = 0;
    a->top = a->end = NULL;
    if (keep) {
        keep->next = NULL;
        a->held = BLOCK_HEADER + keep->size;
        a->top = block_data(keep);
        a->end = a->top + keep->size;
    }
    a->blocks = keep;
}

void specc_arena_free(specc_arena *a)
{
    if (!a)
        return;
    specc_arena_reset(a);
    specc_free(a->blocks);
    specc_free(a);
}

size_t specc_arena_size(const specc_arena *a)
{
    return a ? a->held : 0;
}
