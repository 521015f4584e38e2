/*
 * try_specs.h — the specs fuzz_try runs on (kitchen2, kitchen and the seven
 * of specs/), loaded once with their run-time descriptors (generator/try/),
 * and their types as one list: the first input byte picks one. Shared by
 * fuzz_try and make_try_corpus, so a seed's byte names the same type.
 */
#ifndef TRY_SPECS_H
#define TRY_SPECS_H

#include <stddef.h>

#include "specc.h"

/* Load every spec (exits 2 when one does not load). */
void try_specs_load(void);
void try_specs_free(void);

/* Every type, in spec order; fewer than 256, so one byte names each. */
size_t try_specs_count(void);
const specc_type *try_specs_type(size_t i);

/* The index of the type a target names ("kitchen2.Full",
 * "github.get_repo.200"), or -1. */
int try_specs_find(const char *target);

#endif
