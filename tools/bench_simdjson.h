/*
 * bench_simdjson.h — simdjson's DOM parser for the bench (bench_simdjson.cpp,
 * C++, built only with the bench and only when libsimdjson-dev is found).
 */
#ifndef SPECC_BENCH_SIMDJSON_H
#define SPECC_BENCH_SIMDJSON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bench_simdjson bench_simdjson;

/* Padded copies of the texts and one parser for them all; NULL when out
 * of memory. */
bench_simdjson *bench_simdjson_new(const char *const *texts, const size_t *lens, size_t count);

/* parser.parse() of every text, in order; nonzero when one is refused. */
int bench_simdjson_parse_all(bench_simdjson *b);

void bench_simdjson_free(bench_simdjson *b);

#ifdef __cplusplus
}
#endif

#endif
