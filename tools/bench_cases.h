/*
 * bench_cases.h — what `bench` measures: cases of one or more payloads.
 *
 *   sample  one sample file, api/<file name without .json>
 *   corpus  an API's generated corpus (tools/bench_corpus.c), api/corpus
 *   large   an API's large generated payload, api/large
 */
#ifndef SPECC_BENCH_CASES_H
#define SPECC_BENCH_CASES_H

#include <stddef.h>

#include "bench_ops.h"

typedef enum bench_kind { KIND_SAMPLE, KIND_CORPUS, KIND_LARGE } bench_kind;

extern const char *const bench_kind_names[3]; /* "sample", "corpus", "large" */

typedef struct bench_case {
    char name[160];
    bench_kind kind;
    char target[1024]; /* the payloads' targets, each once, comma-separated */
    bench_payload *payloads;
    size_t count;
    size_t bytes;      /* of all the payloads' text */
    char *buffer;      /* owns the text */
} bench_case;

typedef struct bench_cases {
    bench_case *list;
    size_t count, cap;
    const char *only; /* when not NULL: add only cases whose name holds it */
} bench_cases;

/* One sample: TARGET and its file (with `unknown` undeclared keys added when
 * not 0, see variant_widen). 0, or -1 with a message on stderr. */
int cases_add_file(bench_cases *cases, const char *target, const char *path, size_t unknown);

/* Every DIR/<api>/<endpoint>.<status>[.<variant>].json, in name order. */
int cases_add_samples(bench_cases *cases, const char *dir, size_t unknown);

/* Every DIR/<api>.corpus and DIR/<api>.large, by API in name order. */
int cases_add_corpus(bench_cases *cases, const char *dir);

void cases_free(bench_cases *cases);

#endif
