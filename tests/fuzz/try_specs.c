/*
 * try_specs.c — see try_specs.h.
 */
#include "try_specs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "try_types.h"

#ifndef SPECC_SOURCE_DIR
#error "build with -DSPECC_SOURCE_DIR=\"/path/to/specc\""
#endif

static const char *const files[] = {
    "tests/kitchen2/kitchen2.yaml", "tests/kitchen/kitchen.yaml", "specs/llmstats.yaml",
    "specs/openwebui.yaml",         "specs/greenflash.yaml",      "specs/baseten.yaml",
    "specs/respan.yaml",            "specs/github.yaml",          "specs/stripe.yaml",
};
#define SPEC_COUNT (sizeof files / sizeof files[0])

static spec *specs[SPEC_COUNT];
static try_types *built[SPEC_COUNT];

void try_specs_load(void)
{
    char path[4096];
    size_t i;
    for (i = 0; i < SPEC_COUNT; i++) {
        if (specs[i])
            continue;
        snprintf(path, sizeof path, "%s/%s", SPECC_SOURCE_DIR, files[i]);
        if (!(specs[i] = spec_load(path))) {
            fprintf(stderr, "try_specs: %s does not load\n", path);
            exit(2);
        }
        built[i] = try_types_build(specs[i]);
    }
    if (try_specs_count() > 256) {
        fputs("try_specs: more than 256 types: one byte no longer picks each\n", stderr);
        exit(2);
    }
}

void try_specs_free(void)
{
    size_t i;
    for (i = 0; i < SPEC_COUNT; i++) {
        try_types_free(built[i]);
        spec_free(specs[i]);
        built[i] = NULL;
        specs[i] = NULL;
    }
}

size_t try_specs_count(void)
{
    size_t i, n = 0;
    for (i = 0; i < SPEC_COUNT; i++)
        n += specs[i] ? specs[i]->type_count : 0;
    return n;
}

const specc_type *try_specs_type(size_t i)
{
    size_t k;
    for (k = 0; k < SPEC_COUNT; k++) {
        if (i < specs[k]->type_count)
            return try_types_of(built[k], &specs[k]->types[i]);
        i -= specs[k]->type_count;
    }
    return NULL;
}

/* The index of a type of spec k. */
static int index_of(size_t k, const specc_type *t)
{
    size_t before = 0, i;
    for (i = 0; i < k; i++)
        before += specs[i]->type_count;
    for (i = 0; t && i < specs[k]->type_count; i++)
        if (try_types_of(built[k], &specs[k]->types[i]) == t)
            return (int)(before + i);
    return -1;
}

int try_specs_find(const char *target)
{
    const char *dot = strchr(target, '.'), *second;
    char ep[128];
    size_t k;
    if (!dot)
        return -1;
    second = strchr(dot + 1, '.');
    for (k = 0; k < SPEC_COUNT; k++) {
        if (strlen(specs[k]->api) != (size_t)(dot - target) ||
            strncmp(specs[k]->api, target, (size_t)(dot - target)) != 0)
            continue;
        if (!second)
            return index_of(k, try_types_find(built[k], dot + 1));
        snprintf(ep, sizeof ep, "%.*s", (int)(second - dot - 1), dot + 1);
        return index_of(k, try_types_response(built[k], specs[k], ep, second + 1, NULL, 0));
    }
    return -1;
}
