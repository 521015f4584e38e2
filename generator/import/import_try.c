/*
 * import_try.c — a batch of wrapped examples (import_check.c) decoded and
 * validated by the runtime, every problem collected, for texts try_check
 * would find slow: an object type of thousands of fields, decoded with
 * most of its required keys missing and hundreds of examples broken. No
 * place in the text is looked up, nothing is sorted or encoded, and a
 * violation at or inside a value whose decoding failed is found in a hash,
 * so that the work stays linear in the problems.
 */
#include "import_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct light {
    try_result *r;
    size_t cap;
    json_t *decoded; /* paths of decoding problems */
} light;

static void push(light *l, const specc_error *e)
{
    try_finding *f;
    if (e->code == SPECC_ERR_NOMEM) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    if (l->r->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        try_finding *g = realloc(l->r->findings, cap * sizeof *g);
        if (!g) {
            fputs("specc: out of memory\n", stderr);
            exit(3);
        }
        l->r->findings = g;
        l->cap = cap;
    }
    f = &l->r->findings[l->r->count++];
    memset(f, 0, sizeof *f);
    f->code = e->code;
    memcpy(f->path, e->path, sizeof f->path);
    memcpy(f->message, e->message, sizeof f->message);
    l->r->problems++;
}

static void on_decode(const specc_error *e, void *ctx)
{
    light *l = ctx;
    push(l, e);
    json_object_set_new(l->decoded, e->path, json_true());
}

/* Was path, or a value holding it, reported by decoding? */
static bool decoded_at(const light *l, const char *path)
{
    char buf[SPECC_PATH_MAX];
    size_t n = strlen(path), i;
    if (json_object_size(l->decoded) == 0)
        return false;
    memcpy(buf, path, n + 1);
    for (i = n; i > 0; i--) {
        if (i < n && buf[i] != '.' && buf[i] != '[')
            continue;
        buf[i] = '\0';
        if (json_object_get(l->decoded, buf))
            return true;
    }
    return json_object_get(l->decoded, path) != NULL;
}

static void on_violation(const specc_error *e, void *ctx)
{
    light *l = ctx;
    if (!decoded_at(l, e->path))
        push(l, e);
}

void imp_try_light(const specc_type *type, const char *text, size_t len, try_result *r)
{
    light l;
    specc_decode_report how;
    void *value = malloc(type->size ? type->size : 1);
    memset(r, 0, sizeof *r);
    l.r = r;
    l.cap = 0;
    l.decoded = json_object();
    if (!value || !l.decoded) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    how.error = on_decode;
    how.unknown = NULL;
    how.ctx = &l;
    if (specc_decode_text_all(type, text, len, value, &how) != r->problems)
        abort(); /* the decoder counts what it reports */
    if (!(r->count == 1 && (r->findings[0].code == SPECC_ERR_SYNTAX ||
                            r->findings[0].code == SPECC_ERR_DEPTH)))
        (void)specc_validate_as(type, value, SPECC_AS_ANY, on_violation, &l);
    specc_clear(type, value);
    free(value);
    json_decref(l.decoded);
}
