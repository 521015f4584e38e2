/*
 * try_target.c — TARGET names to descriptors.
 */
#include "try_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const response *try_response_for(const endpoint *e, int status)
{
    size_t i;
    status_kind pass;
    for (pass = STATUS_EXACT; pass <= STATUS_DEFAULT; pass++) {
        for (i = 0; i < e->response_count; i++) {
            const response *r = &e->responses[i];
            if (r->status_kind != pass)
                continue;
            if ((pass == STATUS_EXACT && r->status == status) ||
                (pass == STATUS_RANGE && r->status / 100 == status / 100) ||
                pass == STATUS_DEFAULT)
                return r;
        }
    }
    return NULL;
}

static void list_statuses(const endpoint *e)
{
    size_t i;
    fprintf(stderr, "specc: %s declares:", e->name);
    for (i = 0; i < e->response_count; i++)
        fprintf(stderr, " %s.%s", e->name, e->responses[i].status_text);
    fputc('\n', stderr);
}

/* A declared STATUS text, else a number resolved as the runtime does. */
static const response *find_response(const endpoint *e, const char *status)
{
    size_t i;
    char *end;
    long n;
    for (i = 0; i < e->response_count; i++)
        if (strcmp(e->responses[i].status_text, status) == 0)
            return &e->responses[i];
    n = strtol(status, &end, 10);
    if (*status < '1' || *status > '5' || *end || n < 100 || n > 599)
        return NULL;
    return try_response_for(e, (int)n);
}

static bool find_endpoint_target(const spec *s, const try_types *tt, const char *target,
                                 const char *dot, try_target *out)
{
    size_t i, n = (size_t)(dot - target);
    const response *r;
    for (i = 0; i < s->endpoint_count; i++) {
        const endpoint *e = &s->endpoints[i];
        if (strlen(e->name) != n || strncmp(e->name, target, n) != 0)
            continue;
        if (!(r = find_response(e, dot + 1))) {
            fprintf(stderr, "specc: %s: no response of %s covers status '%s'\n", target, e->name,
                    dot + 1);
            list_statuses(e);
            return false;
        }
        if (!r->type) {
            fprintf(stderr, "specc: %s: response %s of %s has no body\n", target,
                    r->status_text, e->name);
            return false;
        }
        out->def = r->type;
        out->type = try_types_of(tt, r->type);
        out->as = SPECC_AS_RESPONSE;
        return true;
    }
    fprintf(stderr, "specc: %s: %s has no endpoint '%.*s'\n", target, s->file, (int)n, target);
    return false;
}

static void list_targets(const spec *s)
{
    size_t i;
    fputs("specc: targets:", stderr);
    for (i = 0; i < s->type_count; i++)
        if (!s->types[i].is_inline)
            fprintf(stderr, " %s", s->types[i].name);
    for (i = 0; i < s->endpoint_count; i++)
        fprintf(stderr, " %s.STATUS", s->endpoints[i].name);
    fputc('\n', stderr);
}

bool try_target_find(const spec *s, const try_types *tt, const char *target, try_target *out)
{
    const char *dot = strchr(target, '.');
    size_t i;
    memset(out, 0, sizeof *out);
    if (dot)
        return find_endpoint_target(s, tt, target, dot, out);
    for (i = 0; i < s->type_count; i++) {
        if (strcmp(s->types[i].name, target) == 0) {
            out->def = &s->types[i];
            out->type = try_types_of(tt, out->def);
            out->as = SPECC_AS_ANY;
            return true;
        }
    }
    fprintf(stderr, "specc: %s: %s has no type '%s'\n", target, s->file, target);
    list_targets(s);
    return false;
}
