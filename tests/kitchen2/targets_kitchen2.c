/*
 * targets_kitchen2.c — the v2 kitchen-sink types by name ("kitchen2.Full"),
 * through the generated reflection table, for the allocation-failure sweep
 * (tests/chaos/chaos.c, built a second time as chaos_kitchen2).
 */
#include <string.h>

#include "kitchen2.h"
#include "targets.h"

const specc_type *targets_find(const char *target)
{
    static const char prefix[] = "kitchen2.";
    size_t i;
    if (strncmp(target, prefix, sizeof prefix - 1) != 0)
        return NULL;
    for (i = 0; i < kitchen2_type_count; i++)
        if (strcmp(kitchen2_types[i]->name, target + sizeof prefix - 1) == 0)
            return kitchen2_types[i];
    return NULL;
}
