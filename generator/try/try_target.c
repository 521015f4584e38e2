/*
 * try_target.c — TARGET names to descriptors.
 */
#include "try_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void list_statuses(const endpoint *e)
{
    size_t i;
    fprintf(stderr, "specc: %s declares:", e->name);
    for (i = 0; i < e->response_count; i++)
        fprintf(stderr, " %s.%s", e->name, e->responses[i].status_text);
    fputc('\n', stderr);
}

/* endpoint.STATUS, resolved by try_types_response; why not, with the
 * endpoint's statuses when it exists. */
static bool find_endpoint_target(const spec *s, const try_types *tt, const char *target,
                                 const char *dot, try_target *out)
{
    size_t i, n = (size_t)(dot - target);
    char *name = malloc(n + 1), why[300];
    if (!name)
        exit(3);
    memcpy(name, target, n);
    name[n] = '\0';
    out->type = try_types_response(tt, s, name, dot + 1, why, sizeof why);
    out->as = SPECC_AS_RESPONSE;
    if (!out->type) {
        fprintf(stderr, "specc: %s: %s\n", target, why);
        for (i = 0; i < s->endpoint_count; i++)
            if (strcmp(s->endpoints[i].name, name) == 0)
                list_statuses(&s->endpoints[i]);
    }
    free(name);
    return out->type != NULL;
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
            out->type = try_types_of(tt, &s->types[i]);
            out->as = SPECC_AS_ANY;
            return true;
        }
    }
    fprintf(stderr, "specc: %s: %s has no type '%s'\n", target, s->file, target);
    list_targets(s);
    return false;
}
