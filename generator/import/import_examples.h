/*
 * import_examples.h — every example an OpenAPI description gives, with
 * where it belongs, so that they can be checked against the draft (and the
 * draft loosened to fit them: --fit-examples).
 *
 * Collected: a media type's `example` and `examples[*].value` (request
 * bodies and responses), a parameter's `example`/`examples[*].value`, and
 * a schema's `example` and `examples` (3.1 list) wherever the schema is.
 */
#ifndef SPECC_IMPORT_EXAMPLES_H
#define SPECC_IMPORT_EXAMPLES_H

#include <stddef.h>

#include "diag.h"
#include "parse.h"

typedef enum import_example_kind {
    IMPORT_EXAMPLE_RESPONSE,  /* a response body: status is set */
    IMPORT_EXAMPLE_REQUEST,   /* a request body */
    IMPORT_EXAMPLE_PARAMETER, /* a parameter: param is set */
    IMPORT_EXAMPLE_SCHEMA     /* a schema's own example (component or inline) */
} import_example_kind;

typedef struct import_example {
    import_example_kind kind;
    const char *operation; /* operationId, or "METHOD path"; NULL for component schemas */
    const char *endpoint;  /* the draft's endpoint name, or NULL */
    const char *status;    /* "200", "2XX", "default" for responses, else NULL */
    const char *param;     /* parameter name, else NULL */
    char *json;            /* the example as JSON text (malloc'd) */
    char *pointer;         /* JSON pointer of the example in the description (malloc'd) */
    const node *value;     /* the example's node (positions), borrowed from the tree */
    const node *schema;    /* the schema the example belongs to (its own, or the media
                              type's / parameter's schema), or NULL; its draft type, when
                              it has one: imp_known(im, schema) (import_internal.h) */
    loc where;
} import_example;

typedef struct import_examples {
    import_example *items;
    size_t count, cap;
} import_examples;

/* Where each example goes in the draft: a response example is the body of
 * `endpoint`'s response `status` (as the draft writes it: "200", "2XX",
 * "default"), a request example its body, a parameter example its
 * parameter `param`; a schema example is a value of `schema`.
 *
 * Every example of the description rooted at `root` (an OpenAPI document
 * already checked to be one): for all operations, and every schema under
 * components. false when out of memory (what was collected stays). */
struct importer;
bool import_collect_examples(struct importer *im, import_examples *out);

void import_examples_free(import_examples *list);

#endif
