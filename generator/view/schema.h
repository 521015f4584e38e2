/*
 * schema.h — a spec as a JSON Schema (draft 2020-12): one document per API
 * with a $defs entry per type, so editors, validators and documentation
 * tools can use the same specs.
 */
#ifndef SPECC_SCHEMA_H
#define SPECC_SCHEMA_H

#include <jansson.h>

#include "model.h"

/* The schema document (new reference), keys in a fixed order. */
json_t *schema_build(const spec *s);

#endif
