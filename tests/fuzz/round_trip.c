/*
 * round_trip.c — see round_trip.h.
 */
#include "round_trip.h"

#include <stdlib.h>
#include <string.h>

static void ignore(const specc_error *e, void *ctx)
{
    (void)e;
    (void)ctx;
}

void fuzz_round_trip(const specc_type *type, const void *a, void *b)
{
    specc_error err;
    size_t len1, len2;
    char *text1, *text2;
    specc_validate(type, a, ignore, NULL);
    specc_validate_as(type, a, SPECC_AS_REQUEST, ignore, NULL);
    specc_validate_as(type, a, SPECC_AS_RESPONSE, ignore, NULL);
    if (!(text1 = specc_encode_text(type, a, &len1, &err)))
        abort(); /* a decoded value must always encode */
    if (specc_decode_text(type, text1, len1, b, &err) != SPECC_OK)
        abort(); /* our own output must decode */
    if (!specc_equal(type, a, b))
        abort(); /* and mean the same */
    text2 = specc_encode_text(type, b, &len2, &err);
    if (!text2 || len1 != len2 || memcmp(text1, text2, len1) != 0)
        abort(); /* encoding is a fixed point */
    specc_free(text1);
    specc_free(text2);
    specc_clear(type, b);
}

/* ------------------------------------------------------- both decoders */

static specc_arena *arena; /* reused by every input, freed at exit */

static void free_arena(void)
{
    specc_arena_free(arena);
    arena = NULL;
}

static specc_arena *the_arena(void)
{
    if (!arena) {
        if (!(arena = specc_arena_new()))
            abort();
        atexit(free_arena);
    }
    return arena;
}

static bool same_error(const specc_error *x, const specc_error *y)
{
    return x->code == y->code && x->line == y->line && x->column == y->column &&
           strcmp(x->path, y->path) == 0 && strcmp(x->message, y->message) == 0;
}

/* The arena's value means and encodes what the malloc one does. */
static void same_value(const specc_type *type, const void *a, const void *r)
{
    specc_error err;
    size_t len1, len2;
    char *text1, *text2;
    if (!specc_equal(type, a, r))
        abort();
    text1 = specc_encode_text(type, a, &len1, &err);
    text2 = specc_encode_text(type, r, &len2, &err);
    if (!text1 || !text2 || len1 != len2 || memcmp(text1, text2, len1) != 0)
        abort();
    specc_free(text1);
    specc_free(text2);
}

void fuzz_decode_both(const specc_type *type, const char *text, size_t len)
{
    void *a = malloc(type->size), *b = malloc(type->size), *r = malloc(type->size);
    specc_error err, arena_err;
    specc_code rc, arena_rc;
    if (!a || !b || !r)
        abort();
    rc = specc_decode_text(type, text, len, a, &err);
    arena_rc = specc_decode_text_arena(type, text, len, r, the_arena(), &arena_err);
    if (rc != arena_rc || (rc != SPECC_OK && !same_error(&err, &arena_err)))
        abort(); /* the same verdict and error both ways */
    if (rc == SPECC_OK) {
        fuzz_round_trip(type, a, b);
        same_value(type, a, r);
        specc_clear(type, a);
    }
    specc_arena_reset(arena);
    free(a);
    free(b);
    free(r);
}
