/*
 * try_check.h — one payload against one type, as the compiled bindings
 * would see it: decoded by the runtime (every problem, not only the
 * first), validated, re-encoded. Shared by `specc try`, `specc test` and
 * the examples `specc lint` checks.
 */
#ifndef SPECC_TRY_CHECK_H
#define SPECC_TRY_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "specc.h"

/* One line of the verdict: a problem, or a note about an undeclared key. */
typedef struct try_finding {
    bool note;
    specc_code code; /* SPECC_OK for notes */
    int line, column;
    char path[SPECC_PATH_MAX];
    char message[SPECC_MESSAGE_MAX];
} try_finding;

typedef struct try_result {
    try_finding *findings; /* in the text's order (line, column) */
    size_t count;
    size_t problems;       /* findings that are not notes */
    char *encoded;         /* accepted: the re-encoded JSON (specc_free), else NULL */
    size_t encoded_len;
    bool round_trips;      /* accepted, and the encoding equals the input as JSON
                              (numbers by exact value, keys in any order, absent
                              is not null) */
    /* The first problem in the order the bindings meet them (decoding, then
     * validation, then encoding): what specc_decode_text, specc_validate or
     * specc_encode_text would report first. SPECC_OK when accepted. */
    specc_code first_code;
    char first_path[SPECC_PATH_MAX];
    char first_message[SPECC_MESSAGE_MAX];
} try_result;

/* Decode text[0..len) as `type` (specc_decode_text_all), validate what
 * decoded (specc_validate_as with `as`; a violation at or inside a value
 * decoding already reported is not reported again), and when nothing is
 * wrong, encode it. Exits with status 3 when out of memory. */
void try_check(const specc_type *type, specc_as as, const char *text, size_t len,
               try_result *out);

void try_result_free(try_result *r);

#endif
