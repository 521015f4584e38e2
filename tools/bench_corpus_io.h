/*
 * bench_corpus_io.h — the files the bench reads: sample names → targets, and
 * the corpus files tools/bench_corpus.c writes under the build directory.
 *
 * A corpus file is the line "specc-bench-corpus 1\n", then per payload the
 * line "TARGET LENGTH\n", LENGTH bytes of JSON text and a "\n":
 * `<api>.corpus` holds an API's varied payloads, `<api>.large` its one large
 * payload. Shared by the generator and the bench.
 */
#ifndef SPECC_BENCH_CORPUS_IO_H
#define SPECC_BENCH_CORPUS_IO_H

#include <stddef.h>
#include <stdio.h>

#define CORPUS_MAGIC "specc-bench-corpus 1\n"

/* The target of specs/samples/<api>/<endpoint>.<status>[.<variant>].json,
 * "api.endpoint.status", into buf; the API's name into api (may be NULL).
 * 0 when the path does not have that form. */
int sample_target(const char *path, char *buf, size_t size, char *api, size_t api_size);

/* One payload of a corpus file. */
typedef struct corpus_item {
    char target[128];
    const char *text; /* inside the file's buffer; text[len] is '\n' */
    size_t len;
} corpus_item;

/* Split a corpus file's bytes into items (malloc'd array, *count of them);
 * NULL when the bytes are not a corpus file. The items point into buf. */
corpus_item *corpus_parse(const char *buf, size_t len, size_t *count);

/* Write one payload record; nonzero on a write error. */
int corpus_write(FILE *f, const char *target, const char *text, size_t len);

#endif
