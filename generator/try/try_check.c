/*
 * try_check.c — decode, validate and re-encode one payload, collecting
 * every finding with its place in the text.
 */
#include "try_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specc_internal.h"
#include "try_locate.h"

typedef struct collector {
    try_result *r;
    size_t cap;
    size_t decoded; /* findings from decoding: validation repeats none of them */
    const char *text;
    size_t len;
} collector;

static try_finding *add(collector *c, const specc_error *e, bool note)
{
    try_finding *f;
    if (c->r->count == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 16;
        f = realloc(c->r->findings, c->cap * sizeof *f);
        if (!f) {
            fputs("specc: out of memory\n", stderr);
            exit(3);
        }
        c->r->findings = f;
    }
    f = &c->r->findings[c->r->count++];
    if (!note && c->r->problems == 0) { /* the first problem met */
        c->r->first_code = e->code;
        memcpy(c->r->first_path, e->path, sizeof c->r->first_path);
        memcpy(c->r->first_message, e->message, sizeof c->r->first_message);
    }
    f->note = note;
    f->code = e->code;
    f->line = e->line;
    f->column = e->column;
    memcpy(f->path, e->path, sizeof f->path);
    memcpy(f->message, e->message, sizeof f->message);
    if (!note)
        c->r->problems++;
    return f;
}

static void on_problem(const specc_error *e, void *ctx)
{
    if (e->code == SPECC_ERR_NOMEM) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    add(ctx, e, false);
}

static void on_note(const specc_error *e, void *ctx)
{
    add(ctx, e, true);
}

/* Is `path` the path of an earlier decoding problem, or inside one? */
static bool already_reported(const collector *c, const char *path)
{
    size_t i;
    for (i = 0; i < c->decoded; i++) {
        const try_finding *f = &c->r->findings[i];
        size_t n = strlen(f->path);
        if (!f->note && strncmp(path, f->path, n) == 0 &&
            (path[n] == '\0' || path[n] == '.' || path[n] == '['))
            return true;
    }
    return false;
}

static void on_violation(const specc_error *e, void *ctx)
{
    collector *c = ctx;
    try_finding *f;
    if (already_reported(c, e->path))
        return;
    f = add(c, e, false);
    try_locate(c->text, c->len, e->path, &f->line, &f->column);
}

static int by_place(const void *a, const void *b)
{
    const try_finding *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return 0;
}

/* Sort by place, keeping the order of findings at one place (qsort is not
 * stable, so the index breaks ties). */
static void sort_findings(try_result *r)
{
    size_t i, j;
    for (i = 1; i < r->count; i++) { /* insertion sort: stable, lists are short */
        try_finding f = r->findings[i];
        for (j = i; j > 0 && by_place(&r->findings[j - 1], &f) > 0; j--)
            r->findings[j] = r->findings[j - 1];
        r->findings[j] = f;
    }
}

static bool is_text_code(specc_code code)
{
    return code == SPECC_ERR_SYNTAX || code == SPECC_ERR_DEPTH ||
           code == SPECC_ERR_DUPLICATE_KEY || code == SPECC_ERR_NOMEM;
}

static void encode(const specc_type *type, const void *value, collector *c)
{
    try_result *r = c->r;
    specc_error err;
    r->encoded = specc_encode_text(type, value, &r->encoded_len, &err);
    if (!r->encoded) { /* validate accepted what encode refuses: report it */
        if (err.code == SPECC_ERR_NOMEM) {
            fputs("specc: out of memory\n", stderr);
            exit(3);
        }
        try_locate(c->text, c->len, err.path, &err.line, &err.column);
        add(c, &err, false);
        return;
    }
    r->round_trips = speccp_text_equal(c->text, c->len, r->encoded, r->encoded_len);
}

void try_check(const specc_type *type, specc_as as, const char *text, size_t len,
               try_result *out)
{
    collector c;
    specc_decode_report how;
    void *value = malloc(type->size ? type->size : 1);
    if (!value) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    c.r = out;
    c.text = text;
    c.len = len;
    how.error = on_problem;
    how.unknown = on_note;
    how.ctx = &c;
    if (specc_decode_text_all(type, text, len, value, &how) != out->problems) {
        fputs("specc: the decoder's count of problems is not what it reported\n", stderr);
        abort();
    }
    c.decoded = out->count;
    /* Text that is not JSON is one finding, and nothing was decoded. */
    if (!(out->count == 1 && is_text_code(out->findings[0].code)))
        (void)specc_validate_as(type, value, as, on_violation, &c);
    if (out->problems == 0)
        encode(type, value, &c);
    sort_findings(out);
    specc_clear(type, value);
    free(value);
}

void try_result_free(try_result *r)
{
    free(r->findings);
    specc_free(r->encoded);
    memset(r, 0, sizeof *r);
}
