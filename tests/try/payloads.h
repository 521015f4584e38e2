/*
 * payloads.h — the behavioural half of test_descriptors: payloads decoded,
 * validated and encoded with a compiled descriptor and with its run-time
 * twin, which must answer alike, byte for byte.
 */
#ifndef TRY_PAYLOADS_H
#define TRY_PAYLOADS_H

#include <stdbool.h>
#include <stddef.h>

#include "specc.h"

/* The compiled and run-time descriptors a target names ("github.Repository",
 * "github.get_repo.200"); false when either is missing. */
typedef bool resolve_fn(const char *target, const specc_type **compiled,
                        const specc_type **runtime);

/* One payload through both: decode (code and the whole error), validate
 * (every violation, in each direction), encode (text and JSON). Prints
 * "LABEL: ..." and returns false on the first difference. */
bool payload_alike(const char *label, const specc_type *compiled, const specc_type *runtime,
                   const char *text, size_t len);

/* Every payload of a kind, through payload_alike; each returns the number
 * of failures and adds the payloads checked to *count.
 *   samples:  DIR/<endpoint>.<status>[.<variant>].json of API
 *   named:    DIR/<Type>[.<variant>].json of API
 *   tsv:      FILE, one case a line, TARGET in column `target_col` and the
 *             JSON in the last (negative/NAME.tsv, kitchen2/ajv-cases.tsv) */
int payloads_samples(resolve_fn *resolve, const char *api, const char *dir, size_t *count);
int payloads_named(resolve_fn *resolve, const char *api, const char *dir, size_t *count);
int payloads_tsv(resolve_fn *resolve, const char *file, int target_col, int json_col,
                 size_t *count);

#endif
