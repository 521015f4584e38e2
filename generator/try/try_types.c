/*
 * try_types.c — building a spec's run-time descriptors (try_shapes.c fills
 * them, try_layout.c lays them out) and finding them: by model type, by
 * name, by endpoint response.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "try_internal.h"

try_types *try_types_build(const spec *s)
{
    arena mem = {NULL};
    try_types *tt = arena_alloc(&mem, sizeof *tt);
    size_t i, n = s->type_count ? s->type_count : 1;
    tt->mem = mem;
    tt->model = s->types;
    tt->count = s->type_count;
    /* Every descriptor exists before any is filled: fields and items point
     * at types, unions and value shapes that may come later (or be the
     * one being filled, in a recursive type). */
    tt->types = arena_alloc(&tt->mem, n * sizeof *tt->types);
    tt->unions = arena_alloc(&tt->mem, n * sizeof *tt->unions);
    tt->values = arena_alloc(&tt->mem, n * sizeof *tt->values);
    tt->value_state = arena_alloc(&tt->mem, n);
    for (i = 0; i < tt->count; i++)
        try_fill_type(tt, i);
    try_layout(tt);
    return tt;
}

size_t try_index(const try_types *tt, const type_def *t)
{
    return (size_t)(t - tt->model);
}

const specc_type *try_types_of(const try_types *tt, const type_def *t)
{
    /* Addresses as integers: comparing pointers into different arrays is
     * undefined, and t may be another spec's. */
    uintptr_t at = (uintptr_t)t, base = (uintptr_t)tt->model;
    if (at < base || (at - base) % sizeof *t != 0 || (at - base) / sizeof *t >= tt->count)
        return NULL;
    return &tt->types[(at - base) / sizeof *t];
}

const specc_type *try_types_find(const try_types *tt, const char *name)
{
    size_t i;
    for (i = 0; i < tt->count; i++)
        if (strcmp(tt->types[i].name, name) == 0)
            return &tt->types[i];
    return NULL;
}

static const endpoint *find_endpoint(const spec *s, const char *name)
{
    size_t i;
    for (i = 0; i < s->endpoint_count; i++)
        if (strcmp(s->endpoints[i].name, name) == 0)
            return &s->endpoints[i];
    return NULL;
}

/* The response of kind `kind` covering `code` (exact: that status; range:
 * the same hundred; default: any), or NULL. */
static const response *response_of(const endpoint *e, status_kind kind, int code)
{
    size_t i;
    for (i = 0; i < e->response_count; i++) {
        const response *r = &e->responses[i];
        if (r->status_kind == kind &&
            (kind == STATUS_DEFAULT ||
             (kind == STATUS_RANGE ? r->status / 100 == code / 100 : r->status == code)))
            return r;
    }
    return NULL;
}

/* The response `status` names, as tools/targets.c reads it: "default",
 * "4XX"/"4xx", or a three-digit status (exact, else range, else default).
 * *valid is false when status is none of these. */
static const response *find_response(const endpoint *e, const char *status, bool *valid)
{
    const response *r;
    int code;
    *valid = true;
    if (strcmp(status, "default") == 0)
        return response_of(e, STATUS_DEFAULT, 0);
    *valid = strlen(status) == 3 && status[0] >= '1' && status[0] <= '5';
    if (!*valid)
        return NULL;
    if (strcmp(status + 1, "XX") == 0 || strcmp(status + 1, "xx") == 0)
        return response_of(e, STATUS_RANGE, (status[0] - '0') * 100);
    *valid = strspn(status, "0123456789") == 3;
    if (!*valid)
        return NULL;
    code = atoi(status);
    if (!(r = response_of(e, STATUS_EXACT, code)) && !(r = response_of(e, STATUS_RANGE, code)))
        r = response_of(e, STATUS_DEFAULT, code);
    return r;
}

const specc_type *try_types_response(const try_types *tt, const spec *s, const char *endpoint_name,
                                     const char *status, char *why, size_t why_size)
{
    const endpoint *e = find_endpoint(s, endpoint_name);
    const response *r;
    bool valid;
    char ignored[1];
    if (!why || !why_size) {
        why = ignored;
        why_size = sizeof ignored;
    }
    if (!e) {
        snprintf(why, why_size, "no endpoint '%s' in %s", endpoint_name, s->api);
        return NULL;
    }
    r = find_response(e, status, &valid);
    if (!valid)
        snprintf(why, why_size, "'%s' is not a status: write 200, 4XX or default", status);
    else if (!r)
        snprintf(why, why_size, "endpoint '%s' declares no response for status %s", e->name,
                 status);
    else if (!r->type)
        snprintf(why, why_size, "response %s of endpoint '%s' has no body", r->status_text,
                 e->name);
    return r && r->type ? try_types_of(tt, r->type) : NULL;
}

void try_types_free(try_types *tt)
{
    arena mem;
    if (!tt)
        return;
    mem = tt->mem; /* tt lives in its own arena */
    arena_free(&mem);
}
