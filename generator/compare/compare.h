/*
 * compare.h — what changed between two versions of a spec, and whether each
 * change breaks code or data that worked with the old bindings (`specc
 * diff`). The rules are in README.md, "specc diff"; this stage only reads
 * two checked models and lists the changes, in the new spec's order.
 */
#ifndef SPECC_COMPARE_H
#define SPECC_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* One change. A position's file is NULL when the thing is not in that spec
 * (added: no old position; removed: no new one). */
typedef struct change {
    bool breaking;
    const char *location; /* "Repository.pushed_at", "get_repo.params.owner" */
    const char *message;  /* "was required, now optional — code reading ..." */
    loc old_where, new_where;
} change;

typedef struct change_list {
    arena mem; /* every string of the list */
    change *items;
    size_t count, cap;
    size_t breaking; /* how many items are breaking */
} change_list;

/* Every change from old_spec to new_spec, appended to out (zeroed by the
 * caller; release with change_list_free). */
void compare_specs(const spec *old_spec, const spec *new_spec, change_list *out);

void change_list_free(change_list *list);

#endif
