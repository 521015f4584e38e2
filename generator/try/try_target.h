/*
 * try_target.h — what `Type` or `endpoint.STATUS` names in a spec, as the
 * runtime descriptor to check payloads with.
 */
#ifndef SPECC_TRY_TARGET_H
#define SPECC_TRY_TARGET_H

#include <stdbool.h>

#include "model.h"
#include "specc.h"
#include "try_types.h"

typedef struct try_target {
    const specc_type *type;
    specc_as as; /* a response: SPECC_AS_RESPONSE (writeOnly fields must be absent) */
} try_target;

/* A type by its spec name (inline ones too: GetModelResponse200), or a
 * response: endpoint.STATUS with STATUS as declared (200, 4XX, default) or
 * any HTTP status, resolved as specc_decode_response does (exact, range,
 * default). False after printing why to standard error, with the choices. */
bool try_target_find(const spec *s, const try_types *tt, const char *target, try_target *out);

#endif
