/*
 * bench_mutate.h — varied payloads for the bench corpus: a sample's jansson
 * tree changed where the spec leaves room, guided by the type's descriptor,
 * and grown into one large payload (tools/bench_corpus.c checks every
 * result with decode + validate and keeps only those that pass).
 */
#ifndef SPECC_BENCH_MUTATE_H
#define SPECC_BENCH_MUTATE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "specc.h"

/* A deterministic generator (splitmix64). */
typedef struct bench_rng {
    uint64_t state;
} bench_rng;

uint64_t rng_next(bench_rng *rng);
size_t rng_below(bench_rng *rng, size_t n); /* 0 .. n-1; 0 when n is 0 */

/*
 * Vary the document `doc` (a value of `type`) in place, staying inside the
 * spec: optional fields dropped or (when nullable) set to null now and
 * then; strings without format, pattern, enum or const rewritten with
 * other text within their length bounds; date, date-time and uuid strings
 * replaced by other valid ones; integers and numbers scaled within their
 * bounds (not those with multipleOf, const or an integer enum); booleans
 * flipped; enum values picked among the spec's; arrays and maps shortened
 * or lengthened (a copy of an item, itself varied; map keys made unique)
 * within minItems/maxItems (uniqueItems arrays only shortened). Unions,
 * `any` values and undeclared keys are left as they are.
 */
void mutate_document(json_t *doc, const specc_type *type, bench_rng *rng);

/* Bytes of the items of the document's growable arrays and maps (declared,
 * non-empty, no maxItems below 1 000 000, not uniqueItems; outermost only):
 * what grow_document would repeat. 0 when there is none. */
size_t growable_bytes(const json_t *doc, const specc_type *type);

/* Append copies of their own items (varied as mutate_document varies, when
 * vary_copies is not 0) to the growable arrays and maps, round robin, until
 * the compact text (JSON_REAL_PRECISION(15)) is at least `bytes` long; a map's new keys are
 * "<key>~<n>". Returns the number of containers grown (0: none, doc
 * unchanged). */
size_t grow_document(json_t *doc, const specc_type *type, size_t bytes, bench_rng *rng,
                     int vary_copies);

#endif
