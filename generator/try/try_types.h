/*
 * try_types.h — the descriptors of a spec's types built at run time from
 * the checked model, laid out in memory by this module, so that the runtime
 * itself (specc_decode_text, specc_validate ...) can be run on a spec
 * without generating and compiling its bindings. Every behavioural part of
 * each descriptor (kinds, formats, flags, bounds, patterns, enums, unions,
 * element structs, unknown-field policy, names) is what the generated
 * bindings have (the same decisions: view/descriptor.h); sizes and offsets
 * are this module's own, consistent with each other and properly aligned.
 */
#ifndef SPECC_TRY_TYPES_H
#define SPECC_TRY_TYPES_H

#include <stddef.h>

#include "model.h"
#include "specc.h"

typedef struct try_types try_types;

/* Descriptors for every type of s (named and inline). They copy what they
 * need from s, but try_types_of and try_types_response take s's types, so
 * keep s while using them. Exits with status 3 on out of memory, as the
 * generator does. */
try_types *try_types_build(const spec *s);

/* The descriptor of a model type (a type_def of s), never NULL for one. */
const specc_type *try_types_of(const try_types *tt, const type_def *t);

/* By spec name ("Model", or an inline type's name such as
 * "GetModelResponse200"), or NULL. */
const specc_type *try_types_find(const try_types *tt, const char *name);

/* The type of an endpoint's response body. `status` is a status as
 * declared (200, 4XX or 4xx, default) or any HTTP status, resolved as
 * specc_decode_response does: the exact status, else its range, else
 * default. NULL, with the reason in why (may be NULL), when there is no
 * such endpoint, no response for the status, or the response has no body. */
const specc_type *try_types_response(const try_types *tt, const spec *s, const char *endpoint,
                                     const char *status, char *why, size_t why_size);

void try_types_free(try_types *tt);

#endif
