/*
 * try_examples.h — the example files a spec lists (`examples:` of a type
 * or a response), each checked as the compiled bindings would check it:
 * decoded, validated, re-encoded and compared with the file by JSON value
 * (absent is not null, numbers exact). For `specc lint` and `specc test`.
 */
#ifndef SPECC_TRY_EXAMPLES_H
#define SPECC_TRY_EXAMPLES_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"
#include "try_types.h"

typedef struct try_example_counts {
    size_t passed, failed;
} try_example_counts;

/* Check every example file of s. Each problem is one error line on
 * standard error, at the example's entry in the spec:
 *   SPEC:LINE:COL: error: example 'FILE' of TARGET: FILE:L:C: $.path: message
 * Undeclared keys are warnings (they pass). With `progress` (may be NULL),
 * "PASS TARGET FILE" or "FAIL TARGET FILE" lines go there too. */
void try_examples(const spec *s, const try_types *tt, FILE *progress, try_example_counts *out);

#endif
