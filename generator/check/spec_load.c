/*
 * spec_load.c — a spec from a file: parse, then check; and its release.
 */
#include <stdlib.h>

#include "model.h"

spec *spec_load(const char *path)
{
    node *root = parse_file(path);
    if (!root)
        return NULL;
    return spec_check(path, root);
}

void spec_free(spec *s)
{
    if (!s)
        return;
    node_free(s->root);
    arena_free(&s->mem);
    free(s);
}
