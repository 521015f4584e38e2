/*
 * targets.h — the APIs' bindings in generated/ (the five seed APIs, GitHub and
 * Stripe) by name, through their descriptor tables: "llmstats.get_model.200"
 * or "llmstats.ModelDetail" → the type.
 * Shared by the roundtrip tool and the tests that run samples through it.
 */
#ifndef SPECC_TARGETS_H
#define SPECC_TARGETS_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "specc.h"

/* Print every target, one per line: API.ENDPOINT.STATUS (STATUS as declared:
 * 404, 4XX or default), then API.Type. */
void targets_list(FILE *out);

/* Every type of the APIs, in a fixed order (API, then spec order), with
 * its target name ("greenflash.Model"). i < targets_type_count(). */
size_t targets_type_count(void);
const specc_type *targets_type(size_t i, const char **api_name);

/* The type a target names, or NULL. A STATUS may also be any HTTP status
 * (create_repo.401): it names the response specc_decode_response would
 * decode, the exact status, else its range, else default. */
const specc_type *targets_find(const char *target);

/* JSON equality for round trips: numbers by value (1 and 1.0 are equal),
 * strings byte for byte, arrays in order, objects by key set (absent is not
 * null). On a difference, describes where in *where (may be NULL). */
bool targets_json_same(const json_t *a, const json_t *b, char *where, size_t size);

#endif
