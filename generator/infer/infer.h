/*
 * infer.h — a first draft of a spec from sample payloads (`specc infer`).
 *
 * Samples are added one by one; each is read by the runtime's strict rules
 * (RFC 8259, UTF-8, no duplicate keys) and merged into one tree of what was
 * seen at each place. The draft is then decided (maps, numbers, formats,
 * unions), named (types and C names that cannot clash) and written as a
 * v2 spec whose type accepts every sample and gives it back exactly.
 */
#ifndef SPECC_INFER_H
#define SPECC_INFER_H

#include <stdbool.h>
#include <stddef.h>

#include "specc.h"

/* Nesting of arrays and objects a sample may have (the document's own
 * object or array is level 1): the draft's YAML and C stay readable and
 * well within the parser's and the C compiler's limits. */
#define INFER_MAX_DEPTH 64

typedef struct infer infer;

/* A new, empty draft; NULL when out of memory. */
infer *infer_new(void);

/* Merge one JSON document. false when it is not JSON by the runtime's rules
 * or nests deeper than INFER_MAX_DEPTH: *err then has the code, the line,
 * the column and the message (SPECC_ERR_NOMEM when out of memory). */
bool infer_add(infer *in, const char *text, size_t len, specc_error *err);

/* The draft: a spec with `api: api` whose type `type_name` accepts every
 * sample added, as YAML text (malloc'd, NUL-terminated). `sources` names
 * the samples (count of them) for the header comment. *warnings gets the
 * number of places the spec language cannot keep exactly (written as
 * WARNING comments). NULL when out of memory. api must be a valid api
 * name and type_name a valid type name whose C names do not clash with the
 * API's tables (infer_names_valid). */
char *infer_draft(infer *in, const char *api, const char *type_name,
                  const char *const *sources, size_t count, size_t *warnings);

/* Can api and type_name name a draft? NULL if so, else why not. */
const char *infer_names_valid(const char *api, const char *type_name);

void infer_free(infer *in);

#endif
