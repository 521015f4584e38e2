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

/* Offset just after the document's '{', or 0 when text is not an object;
 * *empty tells whether the object has no members. */
static size_t after_brace(const char *text, size_t len, int *empty)
{
    size_t i = 0, j;
    while (i < len && strchr(" \t\r\n", text[i]))
        i++;
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

/* Can a value of this shape hold objects? */
static int holds_objects(const specc_shape *shape)
{
    if (shape->kind == SPECC_KIND_OBJECT)
        return 1;
    if (shape->kind == SPECC_KIND_ARRAY || shape->kind == SPECC_KIND_MAP)
        return holds_objects(shape->items);
    return 0;
}

/* Size of one element of an array or map whose items hold objects. */
static size_t elem_size(const specc_shape *items)
{
    if (items->kind == SPECC_KIND_OBJECT)
        return items->type->size;
    return items->kind == SPECC_KIND_ARRAY ? sizeof(specc_array) : sizeof(specc_map);
}

/* A value stored in place (an element, or a field's array or map member). */
static void walk_slot(nest *n, const specc_shape *shape, char *slot)
{
    size_t i, count;
    char *items;
    if (shape->kind == SPECC_KIND_OBJECT) {
        walk_object(n, shape->type, slot);
        return;
    }
    if (shape->kind == SPECC_KIND_ARRAY) {
        specc_array a;
        memcpy(&a, slot, sizeof a);
        items = a.items;
        count = a.count;
    } else {
        specc_map m;
        memcpy(&m, slot, sizeof m);
        items = m.values;
        count = m.count;
    }
    for (i = 0; i < count; i++)
        walk_slot(n, shape->items, items + i * elem_size(shape->items));
}

static void walk_object(nest *n, const specc_type *type, char *base)
{
    size_t i;
    if (type->unknown == SPECC_UNKNOWN_PRESERVE) {
        specc_unknown *u = (specc_unknown *)(void *)(base + type->unknown_offset);
        if (specc_unknown_set(u, n->key, n->value, NULL) != SPECC_OK)
            n->failed = 1;
        n->objects++;
    }
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        specc_state st = SPECC_PRESENT;
        char *child;
        if (f->flags & SPECC_F_STATE)
            memcpy(&st, base + f->state_offset, sizeof st);
        if (st != SPECC_PRESENT || !holds_objects(&f->shape))
            continue;
        if (f->shape.kind != SPECC_KIND_OBJECT) {
            walk_slot(n, &f->shape, base + f->offset);
            continue;
        }
        memcpy(&child, base + f->offset, sizeof child); /* a field holds a T * */
        if (child)
            walk_object(n, f->shape.type, child);
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
