/*
 * variants.c — payloads with undeclared keys (see variants.h).
 */
#include "variants.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const variant_values[] = {
    "18446744073709551615",                                          /* a uint64 */
    "1.5e400",                                                       /* beyond double */
    "{\"a\":[18446744073709551616,1e-400,{\"b\":-9223372036854775809}]}", /* nested */
    "1.0E+2",                                                        /* jansson: 100.0 */
};
const size_t variant_value_count = sizeof variant_values / sizeof variant_values[0];

/* Offset just after the document's '{' (for a top-level array, its first
 * item's), or 0 when there is no such object; *empty tells whether the
 * object has no members. */
static size_t after_brace(const char *text, size_t len, int *empty)
{
    size_t i = 0, j;
    while (i < len && strchr(" \t\r\n", text[i]))
        i++;
    if (i < len && text[i] == '[')
        for (i++; i < len && strchr(" \t\r\n", text[i]); i++)
            ;
    if (i >= len || text[i] != '{')
        return 0;
    for (j = i + 1; j < len && strchr(" \t\r\n", text[j]); j++)
        ;
    *empty = j < len && text[j] == '}';
    return i + 1;
}

/* text with `members` (a comma-separated member list) spliced in first. */
static char *splice(const char *text, size_t len, const char *members, size_t mlen,
                    size_t *out_len)
{
    int empty = 0;
    size_t at = after_brace(text, len, &empty), n;
    char *out;
    if (!at || !(out = malloc(len + mlen + 2)))
        return NULL;
    memcpy(out, text, at);
    memcpy(out + at, members, mlen);
    n = at + mlen;
    if (!empty)
        out[n++] = ',';
    memcpy(out + n, text + at, len - at);
    n += len - at;
    out[n] = '\0';
    *out_len = n;
    return out;
}

char *variant_top(const char *text, size_t len, const char *key, const char *value,
                  size_t *out_len)
{
    size_t mlen = strlen(key) + strlen(value) + 3;
    char *member = malloc(mlen + 1), *out;
    if (!member)
        return NULL;
    snprintf(member, mlen + 1, "\"%s\":%s", key, value);
    out = splice(text, len, member, mlen, out_len);
    free(member);
    return out;
}

/* Ordinary values a server adds without telling the docs. */
static const char *const widen_values[] = {
    "\"a plain string value\"",
    "12345678",
    "3.14159",
    "{\"id\":\"x-1\",\"tags\":[\"a\",\"b\"],\"n\":42,\"ok\":true}",
    "[1,2,3,{\"k\":null}]",
    "\"escaped \\\"quote\\\", \\\\ and \\u00e9\"",
    "false",
    "null",
};

char *variant_widen(const char *text, size_t len, size_t n, size_t *out_len)
{
    size_t count = sizeof widen_values / sizeof widen_values[0], cap = 64, used = 0, i;
    char *members = malloc(cap), *out;
    for (i = 0; members && i < n; i++) {
        const char *v = widen_values[i % count];
        size_t need = strlen(v) + 32;
        if (used + need >= cap) {
            char *grown = realloc(members, (cap + need) * 2);
            if (!grown) {
                free(members);
                return NULL;
            }
            members = grown;
            cap = (cap + need) * 2;
        }
        used += (size_t)snprintf(members + used, cap - used, "%s\"zzU%zu\":%s", i ? "," : "", i, v);
    }
    if (!members)
        return NULL;
    out = n ? splice(text, len, members, used, out_len) : NULL;
    free(members);
    return out;
}

/* ------------------------------------------------ every object of a value */

typedef struct nest {
    const char *key, *value;
    size_t objects; /* that got the key */
    int failed;
} nest;

static void walk_object(nest *n, const specc_type *type, char *base);
static void walk_slot(nest *n, const specc_shape *shape, char *p, int ptr);

/* Can a value of this shape hold objects? */
static int holds_objects(const specc_shape *shape)
{
    size_t i;
    if (shape->kind == SPECC_KIND_OBJECT)
        return 1;
    if (shape->kind == SPECC_KIND_ARRAY || shape->kind == SPECC_KIND_MAP)
        return holds_objects(shape->items);
    if (shape->kind == SPECC_KIND_UNION && shape->union_) {
        for (i = 0; i < shape->union_->variant_count; i++)
            if (holds_objects(&shape->union_->variants[i].shape))
                return 1;
    }
    return 0;
}

/* Size of one element of an array or map (as the runtime lays them out):
 * the element struct, or the bare value. */
static size_t elem_size(const specc_shape *items)
{
    if (items->elem_size)
        return items->elem_size;
    switch (items->kind) {
    case SPECC_KIND_OBJECT: return items->type->size;
    case SPECC_KIND_ARRAY: return sizeof(specc_array);
    case SPECC_KIND_MAP: return sizeof(specc_map);
    case SPECC_KIND_UNION: return items->union_->size;
    default: return 0; /* holds no objects: never walked */
    }
}

/* The elements of an array or map at p. */
static void walk_items(nest *n, const specc_shape *shape, char *p)
{
    size_t i, count, size = elem_size(shape->items);
    char *items;
    if (shape->kind == SPECC_KIND_ARRAY) {
        specc_array a;
        memcpy(&a, p, sizeof a);
        items = a.items;
        count = a.count;
    } else {
        specc_map m;
        memcpy(&m, p, sizeof m);
        items = m.values;
        count = m.count;
    }
    for (i = 0; items && i < count; i++)
        walk_slot(n, shape->items, items + i * size, 0);
}

/* The active variant of the union at p. */
static void walk_union(nest *n, const specc_union *u, char *p)
{
    int kind;
    memcpy(&kind, p + u->kind_offset, sizeof kind);
    if (kind > 0 && (size_t)kind <= u->variant_count)
        walk_slot(n, &u->variants[kind - 1].shape, p + u->value_offset, 1);
}

/* A value as the runtime stores it: in a field or a union variant (ptr:
 * OBJECT as a T *), or as an element or a VALUE type's value (OBJECT as a T
 * in place); with elem_size, inside its element struct (skipped when its
 * state says null). */
static void walk_slot(nest *n, const specc_shape *shape, char *p, int ptr)
{
    char *child;
    if (!holds_objects(shape))
        return;
    if (shape->elem_size) {
        if (shape->flags & SPECC_S_NULLABLE) {
            specc_state st;
            memcpy(&st, p + shape->state_offset, sizeof st);
            if (st != SPECC_PRESENT)
                return;
        }
        p += shape->value_offset;
    }
    switch (shape->kind) {
    case SPECC_KIND_OBJECT:
        if (!ptr) {
            walk_object(n, shape->type, p);
            return;
        }
        memcpy(&child, p, sizeof child);
        if (child)
            walk_object(n, shape->type, child);
        return;
    case SPECC_KIND_ARRAY:
    case SPECC_KIND_MAP: walk_items(n, shape, p); return;
    case SPECC_KIND_UNION: walk_union(n, shape->union_, p); return;
    default: return;
    }
}

/* A value of a type: an object's fields, or a VALUE type's value. */
static void walk_object(nest *n, const specc_type *type, char *base)
{
    size_t i;
    if (type->kind == SPECC_TYPE_VALUE) {
        if (type->value)
            walk_slot(n, type->value, base, 0);
        return;
    }
    if (type->unknown == SPECC_UNKNOWN_PRESERVE) {
        specc_unknown *u = (specc_unknown *)(void *)(base + type->unknown_offset);
        if (specc_unknown_set(u, n->key, n->value, NULL) != SPECC_OK)
            n->failed = 1;
        n->objects++;
    }
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        specc_state st = SPECC_PRESENT;
        if (f->flags & SPECC_F_STATE)
            memcpy(&st, base + f->state_offset, sizeof st);
        if (st == SPECC_PRESENT)
            walk_slot(n, &f->shape, base + f->offset, 1);
    }
}

char *variant_nested(const specc_type *type, const char *text, size_t len, const char *key,
                     const char *value, size_t *out_len, size_t *objects)
{
    nest n = {NULL, NULL, 0, 0};
    void *v = malloc(type->size);
    char *out = NULL;
    n.key = key;
    n.value = value;
    if (v && specc_decode_text(type, text, len, v, NULL) == SPECC_OK) {
        walk_object(&n, type, v);
        if (!n.failed)
            out = specc_encode_text(type, v, out_len, NULL);
        specc_clear(type, v);
    }
    free(v);
    *objects = n.objects;
    return out;
}
