/* Values built from nothing with the generated typed wrappers (issue 14),
 * shared by test_build.c (the values) and nomem.c (the allocation-failure
 * sweep). Every helper call of a builder goes through STEP or STEP_P, so the
 * program linked with these cases decides what happens around each call. */
#ifndef BUILD_CASES_H
#define BUILD_CASES_H

#include <stdbool.h>
#include <stddef.h>

#include "specc.h"

typedef struct build_case {
    const char *name;
    const specc_type *type;
    int (*build)(void *value); /* 0, or -1 when a step failed */
    const char *expected;      /* the encoded text, byte for byte */
} build_case;

extern const build_case build_cases[];
extern const size_t build_case_count;

/* Around each helper call: step_before() just before it, step_after() with
 * whether it succeeded and its text; false stops the builder. Defined by the
 * program. */
void step_before(void);
bool step_after(bool ok, const char *call);

#define STEP(call)                                                                                 \
    do {                                                                                           \
        step_before();                                                                             \
        if (!step_after((call) == SPECC_OK, #call))                                                \
            return -1;                                                                             \
    } while (0)

#define STEP_P(p, call)                                                                            \
    do {                                                                                           \
        step_before();                                                                             \
        (p) = (call);                                                                              \
        if (!step_after((p) != NULL, #call))                                                       \
            return -1;                                                                             \
    } while (0)

#endif
