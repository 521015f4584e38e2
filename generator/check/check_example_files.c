/*
 * check_example_files.c — `examples:` lists the files that hold sample
 * payloads of a type or a response. A spec may only point below its own
 * directory: no absolute path and no '..', so that checking a spec never
 * reads a file the user did not put beside it (lint and test also resolve
 * symbolic links and refuse a file that lands outside).
 */
#include "check_internal.h"

#include <string.h>

/* Why a path may not be used, or NULL when it may. */
static const char *bad_path(const char *path, size_t len)
{
    const char *p = path, *end = path + len;
    if (len == 0)
        return "is empty";
    if (memchr(path, '\0', len))
        return "holds a NUL byte";
    if (path[0] == '/')
        return "is absolute; give it relative to the spec";
    if (memchr(path, '\\', len))
        return "holds a backslash; separate directories with '/'";
    while (p < end) { /* each segment */
        const char *slash = memchr(p, '/', (size_t)(end - p));
        size_t n = (size_t)((slash ? slash : end) - p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return "leaves the spec's directory ('..'); keep examples beside the spec";
        p += n + 1;
    }
    if (path[len - 1] == '/')
        return "names a directory";
    return NULL;
}

void ck_example_files(checker *ck, const node *def, example_file **out, size_t *count,
                      const char *what)
{
    const node *list = def && def->kind == NODE_MAP ? node_get(def, "examples") : NULL;
    size_t i;
    if (!list || !ck_expect(list, NODE_SEQ, "examples"))
        return;
    *out = arena_alloc(ck->a, (list->count ? list->count : 1) * sizeof **out);
    for (i = 0; i < list->count; i++) {
        const node *item = list->items[i];
        const char *why;
        if (item->kind != NODE_SCALAR || !node_is_string(item)) {
            diag_error(item->where, "%s: an example is a file name (a string)", what);
            continue;
        }
        if ((why = bad_path(item->value, item->len)) != NULL) {
            diag_error(item->where, "%s: example file '%s' %s", what, item->value, why);
            continue;
        }
        (*out)[*count].path = arena_strndup(ck->a, item->value, item->len);
        (*out)[*count].where = item->where;
        ++*count;
    }
}
