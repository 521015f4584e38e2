/*
 * import_reach.c — the draft keeps the types its endpoints and the --schema
 * names reach, and no other: a union or allOf that could not be expressed
 * leaves its variants' and parts' types unreached, and they go.
 */
#include "import_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct reach {
    importer *im;
    json_t *refs;  /* "%p" of a type's ref node → its index */
    bool *seen;    /* per type */
} reach;

static void walk(reach *r, const draft_node *n, int depth);

static void mark(reach *r, size_t i)
{
    imp_type *t = r->im->types_list[i];
    if (r->seen[i])
        return;
    r->seen[i] = true;
    if (t->alias) {
        size_t j;
        for (j = 0; j < r->im->type_count; j++)
            if (r->im->types_list[j] == t->alias)
                mark(r, j);
    }
    walk(r, t->def, 0);
}

static void walk(reach *r, const draft_node *n, int depth)
{
    char key[32];
    json_t *v;
    size_t i;
    if (!n || n->dropped || depth > 1000)
        return;
    if (n->kind == DRAFT_SCALAR) {
        snprintf(key, sizeof key, "%p", (const void *)n);
        if ((v = json_object_get(r->refs, key)))
            mark(r, (size_t)json_integer_value(v));
        return;
    }
    for (i = 0; i < n->count; i++)
        walk(r, n->items[i], depth + 1);
}

void imp_reach(importer *im, imp_type *const *roots, size_t root_count)
{
    reach r;
    size_t i, j;
    char key[32];
    r.im = im;
    r.refs = json_object();
    r.seen = calloc(im->type_count + 1, sizeof *r.seen);
    if (!r.refs || !r.seen) {
        im->oom = true;
        json_decref(r.refs);
        free(r.seen);
        return;
    }
    for (i = 0; i < im->type_count; i++) {
        snprintf(key, sizeof key, "%p", (const void *)im->types_list[i]->ref);
        json_object_set_new(r.refs, key, json_integer((json_int_t)i));
    }
    walk(&r, im->endpoints, 0);
    for (i = 0; i < root_count; i++)
        for (j = 0; roots[i] && j < im->type_count; j++)
            if (im->types_list[j] == roots[i])
                mark(&r, j);
    for (i = 0; i < im->types->count; i++)
        for (j = 0; j < im->type_count; j++)
            if (im->types->keys[i] == im->types_list[j]->key && !r.seen[j])
                im->types->items[i]->dropped = true;
    json_decref(r.refs);
    free(r.seen);
}
