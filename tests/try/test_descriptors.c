/*
 * test_descriptors — generator/try/'s run-time descriptors against the
 * compiled bindings, for every spec that has them: the seven APIs of
 * specs/ (generated/) and the two kitchen sinks (generated at build time).
 *
 * 1. Every compiled type has a run-time twin of the same name and vice
 *    versa, and the two are alike in everything but sizes and offsets
 *    (descriptor_compare.c).
 * 2. Every payload the suite has for these specs (samples, kitchen2
 *    payloads, negative cases, ajv cases) decodes, validates and encodes
 *    the same way through both (payloads.c).
 *
 * usage: test_descriptors SOURCE_DIR
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descriptor_compare.h"
#include "kitchen.h"
#include "kitchen2.h"
#include "model.h"
#include "payloads.h"
#include "targets.h"
#include "try_types.h"

typedef struct api {
    const char *name; /* "github"; its spec is <name>.yaml */
    const char *dir;  /* of the spec, under the source dir */
    /* The compiled types: the kitchen sinks' tables, or NULL for the APIs
     * of specs/, found through tools/targets.c. */
    const specc_type *const *table;
    const size_t *table_count;
    spec *s;
    try_types *tt;
} api;

static api apis[] = {
    {"llmstats", "specs", NULL, NULL, NULL, NULL},
    {"openwebui", "specs", NULL, NULL, NULL, NULL},
    {"greenflash", "specs", NULL, NULL, NULL, NULL},
    {"baseten", "specs", NULL, NULL, NULL, NULL},
    {"respan", "specs", NULL, NULL, NULL, NULL},
    {"github", "specs", NULL, NULL, NULL, NULL},
    {"stripe", "specs", NULL, NULL, NULL, NULL},
    {"kitchen", "tests/kitchen", kitchen_types, &kitchen_type_count, NULL, NULL},
    {"kitchen2", "tests/kitchen2", kitchen2_types, &kitchen2_type_count, NULL, NULL},
};
#define API_COUNT (sizeof apis / sizeof apis[0])

static const char *source_dir;

/* The compiled types of an API: i < count, in spec order. */
static size_t compiled_count(const api *a)
{
    size_t i, n = 0;
    const char *name;
    if (a->table)
        return *a->table_count;
    for (i = 0; i < targets_type_count(); i++)
        if (targets_type(i, &name) && strcmp(name, a->name) == 0)
            n++;
    return n;
}

static const specc_type *compiled_at(const api *a, size_t k)
{
    size_t i;
    const char *name;
    if (a->table)
        return a->table[k];
    for (i = 0; i < targets_type_count(); i++) {
        const specc_type *t = targets_type(i, &name);
        if (strcmp(name, a->name) == 0 && k-- == 0)
            return t;
    }
    return NULL;
}

static const specc_type *compiled_named(const api *a, const char *type_name)
{
    size_t i, n = compiled_count(a);
    for (i = 0; i < n; i++)
        if (strcmp(compiled_at(a, i)->name, type_name) == 0)
            return compiled_at(a, i);
    return NULL;
}

/* Twins both ways, then each pair alike; returns the number of failures. */
static int compare_api(const api *a)
{
    size_t i, n = compiled_count(a);
    char path[300];
    int bad = 0;
    if (n != a->s->type_count) {
        fprintf(stderr, "%s: %zu compiled types vs %zu run-time ones\n", a->name, n,
                a->s->type_count);
        bad++;
    }
    for (i = 0; i < a->s->type_count; i++) {
        const specc_type *rt = try_types_of(a->tt, &a->s->types[i]);
        if (!rt || !compiled_named(a, rt->name)) {
            fprintf(stderr, "%s.%s: a run-time type without a compiled twin\n", a->name,
                    a->s->types[i].name);
            bad++;
        }
    }
    for (i = 0; i < n; i++) {
        const specc_type *ct = compiled_at(a, i), *rt = try_types_find(a->tt, ct->name);
        snprintf(path, sizeof path, "%s.%s", a->name, ct->name);
        if (!rt) {
            fprintf(stderr, "%s: a compiled type without a run-time twin\n", path);
            bad++;
        } else if (!descriptors_alike(ct, rt, path)) {
            bad++;
        }
    }
    return bad;
}

/* "api.Type" or "api.endpoint.status" → both descriptors (see payloads.h). */
static bool resolve(const char *target, const specc_type **ct, const specc_type **rt)
{
    const char *dot = strchr(target, '.'), *rest, *second;
    char ep[128];
    size_t i;
    if (!dot)
        return false;
    rest = dot + 1;
    for (i = 0; i < API_COUNT; i++) {
        const api *a = &apis[i];
        size_t n = (size_t)(dot - target);
        if (strlen(a->name) != n || strncmp(a->name, target, n) != 0)
            continue;
        second = strchr(rest, '.');
        if (!second) {
            *ct = compiled_named(a, rest);
            *rt = try_types_find(a->tt, rest);
        } else {
            snprintf(ep, sizeof ep, "%.*s", (int)(second - rest), rest);
            *ct = a->table ? NULL : targets_find(target);
            *rt = try_types_response(a->tt, a->s, ep, second + 1, NULL, 0);
        }
        if (*ct && *rt && strcmp((*ct)->name, (*rt)->name) != 0) {
            fprintf(stderr, "%s: %s compiled, %s at run time\n", target, (*ct)->name, (*rt)->name);
            return false;
        }
        return *ct && *rt;
    }
    return false;
}

/* try_types_response's statuses and reasons, on github.create_repo (201,
 * 304 without a body, 4XX, 422) and github.get_repo. */
static int check_responses(const api *github)
{
    static const struct {
        const char *endpoint, *status, *type, *why;
    } cases[] = {
        {"create_repo", "201", "FullRepository", NULL},
        {"create_repo", "422", "ValidationError", NULL},
        {"create_repo", "4XX", "BasicError", NULL},
        {"create_repo", "4xx", "BasicError", NULL},
        {"create_repo", "401", "BasicError", NULL},
        {"create_repo", "304", NULL, "response 304 of endpoint 'create_repo' has no body"},
        {"create_repo", "500", NULL, "endpoint 'create_repo' declares no response for status 500"},
        {"create_repo", "default", NULL,
         "endpoint 'create_repo' declares no response for status default"},
        {"get_repo", "2x0", NULL, "'2x0' is not a status: write 200, 4XX or default"},
        {"get_repo", "20", NULL, "'20' is not a status: write 200, 4XX or default"},
        {"nope", "200", NULL, "no endpoint 'nope' in github"},
    };
    size_t i;
    int bad = 0;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char why[200] = "";
        const specc_type *t = try_types_response(github->tt, github->s, cases[i].endpoint,
                                                 cases[i].status, why, sizeof why);
        const char *name = t ? t->name : NULL;
        if ((name == NULL) != (cases[i].type == NULL) || (name && strcmp(name, cases[i].type)) ||
            (!name && strcmp(why, cases[i].why) != 0)) {
            fprintf(stderr, "try_types_response %s %s: %s (%s)\n", cases[i].endpoint,
                    cases[i].status, name ? name : "NULL", why);
            bad++;
        }
    }
    return bad;
}

static char *path_of(const char *fmt, const char *arg)
{
    static char buf[4096];
    char rel[1024];
    snprintf(rel, sizeof rel, fmt, arg);
    snprintf(buf, sizeof buf, "%s/%s", source_dir, rel);
    return buf;
}

/* Every payload of one API, through both. */
static int payloads_api(const api *a, size_t *count)
{
    if (strcmp(a->name, "kitchen") == 0)
        return 0; /* its tests build their values in C */
    if (strcmp(a->name, "kitchen2") == 0)
        return payloads_named(resolve, a->name, path_of("%s/payloads", a->dir), count) +
               payloads_tsv(resolve, path_of("%s/ajv-cases.tsv", a->dir), 1, 3, count);
    return payloads_samples(resolve, a->name, path_of("specs/samples/%s", a->name), count) +
           payloads_tsv(resolve, path_of("tests/negative/%s.tsv", a->name), 1, 5, count);
}

int main(int argc, char **argv)
{
    size_t i, types = 0, payloads = 0;
    int bad = 0;
    if (argc != 2) {
        fputs("usage: test_descriptors SOURCE_DIR\n", stderr);
        return 2;
    }
    source_dir = argv[1];
    for (i = 0; i < API_COUNT; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "%s/%s.yaml", apis[i].dir, apis[i].name);
        if (!(apis[i].s = spec_load(path_of("%s", rel)))) {
            fprintf(stderr, "%s: does not load\n", rel);
            return 1;
        }
        apis[i].tt = try_types_build(apis[i].s);
        bad += compare_api(&apis[i]);
        types += apis[i].s->type_count;
    }
    for (i = 0; i < API_COUNT; i++)
        bad += payloads_api(&apis[i], &payloads);
    for (i = 0; i < API_COUNT; i++)
        if (strcmp(apis[i].name, "github") == 0)
            bad += check_responses(&apis[i]);
    for (i = 0; i < API_COUNT; i++) {
        try_types_free(apis[i].tt);
        spec_free(apis[i].s);
    }
    printf("%zu types compared, %zu payloads through both: %d failure%s\n", types, payloads, bad,
           bad == 1 ? "" : "s");
    if (types < 100 || payloads < 500) {
        fputs("too few types or payloads: is the source dir right?\n", stderr);
        return 1;
    }
    return bad ? 1 : 0;
}
