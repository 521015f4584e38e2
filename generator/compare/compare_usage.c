/*
 * compare_usage.c — which way each type travels: a type reached from a
 * response is decoded, one reached from a request body is built by the
 * user and encoded. A change to a type counts for every way it travels in
 * either spec; a type no endpoint reaches counts both ways, since anyone
 * may call its decode and encode functions.
 */
#include "compare_internal.h"

#include <stdio.h>
#include <stdlib.h>

static void mark_type(const spec *s, unsigned char *use, const type_def *t, unsigned bit);

static void mark_shape(const spec *s, unsigned char *use, const shape *sh, unsigned bit)
{
    for (; sh; sh = sh->items)
        if (sh->kind == SHAPE_REF && sh->ref)
            mark_type(s, use, sh->ref, bit);
}

static void mark_type(const spec *s, unsigned char *use, const type_def *t, unsigned bit)
{
    size_t i = (size_t)(t - s->types);
    if (i >= s->type_count || (use[i] & bit))
        return;
    use[i] |= (unsigned char)bit;
    for (i = 0; i < t->field_count; i++)
        mark_shape(s, use, &t->fields[i].shape, bit);
    if (t->kind == TYPE_VALUE)
        mark_shape(s, use, &t->value, bit);
    for (i = 0; t->kind == TYPE_UNION && t->u && i < t->u->variant_count; i++)
        mark_shape(s, use, &t->u->variants[i].shape, bit);
}

static unsigned char *usage(const spec *s)
{
    unsigned char *use = calloc(s->type_count + 1, 1);
    size_t i, j;
    if (!use) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    for (i = 0; i < s->endpoint_count; i++) {
        const endpoint *e = &s->endpoints[i];
        if (e->body && e->body->type)
            mark_type(s, use, e->body->type, DIR_REQUEST);
        for (j = 0; j < e->response_count; j++)
            if (e->responses[j].type)
                mark_type(s, use, e->responses[j].type, DIR_RESPONSE);
    }
    for (i = 0; i < s->type_count; i++)
        if (!use[i])
            use[i] = DIR_BOTH;
    return use;
}

void cmp_usage(differ *d)
{
    d->use_o = usage(d->o);
    d->use_n = usage(d->n);
}

direction cmp_type_dir(const differ *d, const type_def *o, const type_def *n)
{
    unsigned dir = 0;
    if (o)
        dir |= d->use_o[o - d->o->types];
    if (n)
        dir |= d->use_n[n - d->n->types];
    return dir ? (direction)dir : DIR_BOTH;
}
