/*
 * variants.h — payload variants with keys the spec does not declare: the
 * hostile values of issue 8 (numbers beyond int64 and double, spellings
 * jansson would change) added at the top level, or in every object that
 * keeps unknown keys; and payloads widened with many undeclared keys for the
 * benchmark. Shared by the bench, the tests, chaos and the fuzz corpus.
 */
#ifndef SPECC_VARIANTS_H
#define SPECC_VARIANTS_H

#include <stddef.h>

#include "specc.h"

/* The undeclared key every variant uses. */
#define VARIANT_KEY "zzUndeclared"

/* Values that jansson cannot hold or would respell, each valid JSON. */
extern const char *const variant_values[];
extern const size_t variant_value_count;

/* text with "KEY":value inserted as the first member of the document's
 * object, or of a top-level array's first item (which must be an object).
 * malloc'd, NUL-terminated; NULL when there is no such object or out of
 * memory. */
char *variant_top(const char *text, size_t len, const char *key, const char *value,
                  size_t *out_len);

/* text decoded as type, "KEY":value kept in every object of the value whose
 * type preserves unknown keys (the document's, every nested one, inside
 * arrays, maps and the active variant of unions), then
 * encoded: the same payload with the undeclared key at every level. Returns
 * specc_encode_text's buffer (free with specc_free) and *objects, the number
 * of objects that got the key; NULL when text does not decode. */
char *variant_nested(const specc_type *type, const char *text, size_t len, const char *key,
                     const char *value, size_t *out_len, size_t *objects);

/* text with n undeclared keys ("zzU0" ... ) of varied, ordinary values
 * (strings with escapes, integers, reals, objects, arrays, literals) added
 * at the top level (n >= 1; in a top-level array, to its first item): a
 * payload where skipping unknown values dominates. malloc'd; NULL when
 * there is no such object or out of memory. */
char *variant_widen(const char *text, size_t len, size_t n, size_t *out_len);

#endif
