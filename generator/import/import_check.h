/*
 * import_check.h — the description's examples against the draft
 * (import_check.c), and the draft loosened until they fit
 * (--fit-examples, import_loosen.c).
 *
 * Each example is run through `specc try`'s engine (try_check) as what it
 * is an example of: a response body (endpoint.STATUS, as a response), a
 * request body (as a request), a schema's own example (the named type the
 * schema became). Every problem is a warning at the example in the
 * description; with --fit-examples each problem's place in the draft is
 * found (walking the draft along the problem's JSON path) and loosened,
 * with a `# loosened: WHY (WHO, PATH)` comment, and the draft emitted and
 * checked again, until every example is accepted and round-trips.
 */
#ifndef SPECC_IMPORT_CHECK_H
#define SPECC_IMPORT_CHECK_H

#include <jansson.h>

#include "import_internal.h"
#include "specc.h"
#include "try_check.h"

/* Emits the draft and runs specc's checker on it (import.c's loop): the
 * text (malloc'd), or NULL after an error. */
typedef char *imp_emit_fn(importer *im, size_t *len);

/* The hook (import.c): every example checked against the draft `text`
 * (which it takes); with --fit-examples, the draft loosened and emitted
 * again through `emit` until every example fits. Returns the text to print,
 * or NULL after an error (im->failed or im->oom set). */
char *imp_check_examples(importer *im, char *text, size_t *len, imp_emit_fn *emit);

/* One problem of one example, for import_loosen.c. */
typedef struct imp_problem {
    const char *who;      /* "createThing 200", "schema Thing": for comments */
    draft_node **root;    /* the slot of the target in the draft */
    bool root_is_type;    /* root is a named type's definition (never made any) */
    const json_t *value;  /* the example */
    specc_code code;      /* SPECC_OK: decoding and encoding it again changes it */
    const char *path;     /* "$.items[0].name" (the runtime's spelling) */
    const char *message;
    json_t *touched;      /* "%p" of each node loosened this round: a place
                             loosened once is checked again before more */
} imp_problem;

/* Loosens the draft where the problem is: how many places changed (0: no
 * rule applies, the place is loose already, or, with *later set, it was
 * loosened this round: the problem is looked at again in the next). */
size_t imp_loosen(importer *im, const imp_problem *p, bool *later);

/* The path (runtime spelling) of the first place where the JSON `out`
 * differs from `in`, into buf; false if they are equal. */
bool imp_json_diff(const json_t *in, const json_t *out, char *buf, size_t size);

/* Decodes and validates text as type (as specc_validate: SPECC_AS_ANY)
 * with every problem collected into r (paths and messages; no places, no
 * encoding; release with try_result_free), in time linear in the problems
 * (import_try.c). */
void imp_try_light(const specc_type *type, const char *text, size_t len, try_result *r);

/* Appends a key to a path in the runtime's spelling (".key", "['odd key']"). */
void imp_path_key(char *buf, size_t size, const char *key, size_t len);

#endif
