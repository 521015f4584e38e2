/*
 * descriptor_compare.h — deep comparison of a compiled descriptor with a
 * run-time one (generator/try/): everything the runtime's behaviour
 * depends on, recursively through fields, shapes, items, unions, variants
 * and the types they refer to; not sizes and offsets, which each side lays
 * out its own way (only whether an element struct exists is compared).
 */
#ifndef TRY_DESCRIPTOR_COMPARE_H
#define TRY_DESCRIPTOR_COMPARE_H

#include <stdbool.h>

#include "specc.h"

/* Are they alike? On the first difference, prints "PATH: WHAT A vs B" to
 * stderr (A compiled, B run-time; PATH from `name`, "github.Repository",
 * through fields, "[]" for items and variant names) and returns false. */
bool descriptors_alike(const specc_type *compiled, const specc_type *runtime, const char *name);

#endif
