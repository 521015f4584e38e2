/*
 * import.h — `specc import`: a first draft of a v2 spec from an OpenAPI
 * 3.0 or 3.1 description (YAML or JSON). What the spec language cannot
 * express becomes `type: any` (or is left out) with a `# not expressed:`
 * comment and a warning; the draft always passes `specc lint`.
 */
#ifndef SPECC_IMPORT_H
#define SPECC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct import_options {
    const char *api;                 /* --api, or NULL: derived from info.title */
    const char *const *operations;   /* --operation IDs (operationIds), or NULL */
    size_t operation_count;
    const char *const *schemas;      /* --schema NAMEs (component names), or NULL */
    size_t schema_count;
    bool fit_examples;               /* --fit-examples */
} import_options;

/* Limits on the input: beyond them, a located error. */
#define IMPORT_MAX_BYTES ((size_t)64 * 1024 * 1024) /* the description's text */
#define IMPORT_MAX_DRAFT_NODES ((size_t)1000000)    /* nodes of the draft (~100 MB) */
#define IMPORT_MAX_ENUM 1000                       /* values of one enum */

/* Import the OpenAPI description text[0..len) (`name` names it in
 * diagnostics): on success returns 0 and *out holds the spec text
 * (malloc'd, NUL-terminated, *out_len bytes); otherwise 1 after reporting
 * through diag (or 3 when out of memory), *out NULL. Never reads another
 * file (external $refs are not expressed). */
int import_openapi_text(const char *name, const char *text, size_t len,
                        const import_options *o, char **out, size_t *out_len);
int import_openapi_file(const char *path, const import_options *o, char **out, size_t *out_len);

/* Is s a name the spec checker takes as `api:` (lower-case letters, digits
 * and '_', from a letter, not ending in '_', not the runtime's prefix)? */
bool import_api_ok(const char *s);

#endif
