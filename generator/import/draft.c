/*
 * draft.c — the draft tree (draft.h): a block allocator owned by the draft,
 * nodes, and the mapping and sequence operations.
 */
#include "draft.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE 65536

struct draft_block {
    draft_block *next;
    size_t used, size;
    /* data follows, aligned as a max_align-ish double */
    double data[1];
};

void draft_init(draft *d, size_t max_nodes)
{
    memset(d, 0, sizeof *d);
    d->max_nodes = max_nodes;
}

void draft_free(draft *d)
{
    while (d->blocks) {
        draft_block *next = d->blocks->next;
        free(d->blocks);
        d->blocks = next;
    }
}

void *draft_alloc(draft *d, size_t size)
{
    draft_block *b = d->blocks;
    void *p;
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    if (d->oom)
        return NULL;
    if (!b || b->size - b->used < size) {
        size_t room = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        b = room < SIZE_MAX - sizeof *b ? malloc(sizeof *b + room) : NULL;
        if (!b) {
            d->oom = true;
            return NULL;
        }
        b->used = 0;
        b->size = room;
        b->next = d->blocks;
        d->blocks = b;
    }
    p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *draft_strndup(draft *d, const char *s, size_t len)
{
    char *c = len < SIZE_MAX ? draft_alloc(d, len + 1) : NULL;
    if (c && len)
        memcpy(c, s, len);
    return c;
}

char *draft_strdup(draft *d, const char *s)
{
    return s ? draft_strndup(d, s, strlen(s)) : NULL;
}

char *draft_printf(draft *d, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *out;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !(out = draft_alloc(d, (size_t)n + 1)))
        return NULL;
    va_start(ap, fmt);
    vsnprintf(out, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return out;
}

static draft_node *new_node(draft *d, draft_kind kind)
{
    draft_node *n;
    if (d->nodes >= d->max_nodes) {
        d->oom = d->too_large = true;
        return NULL;
    }
    if (!(n = draft_alloc(d, sizeof *n)))
        return NULL;
    d->nodes++;
    n->kind = kind;
    return n;
}

draft_node *draft_map(draft *d)
{
    return new_node(d, DRAFT_MAP);
}

draft_node *draft_seq(draft *d)
{
    return new_node(d, DRAFT_SEQ);
}

static draft_node *scalar(draft *d, const char *s, size_t len, bool string)
{
    draft_node *n = new_node(d, DRAFT_SCALAR);
    if (!n || !(n->text = draft_strndup(d, s ? s : "", s ? len : 0)))
        return NULL;
    n->len = s ? len : 0;
    n->string = string;
    return n;
}

draft_node *draft_strn(draft *d, const char *s, size_t len)
{
    return scalar(d, s, len, true);
}

draft_node *draft_str(draft *d, const char *s)
{
    return scalar(d, s, s ? strlen(s) : 0, true);
}

draft_node *draft_lit(draft *d, const char *s)
{
    return scalar(d, s, strlen(s), false);
}

draft_node *draft_copy_node(draft *d, const node *n)
{
    draft_node *out;
    size_t i;
    if (!n)
        return NULL;
    if (n->kind == NODE_SCALAR)
        return scalar(d, n->value, n->len, node_is_string(n));
    out = n->kind == NODE_MAP ? draft_map(d) : draft_seq(d);
    for (i = 0; out && i < n->count; i++) {
        if (n->kind == NODE_MAP)
            draft_append(d, out, n->keys[i]->value, n->keys[i]->len, draft_copy_node(d, n->items[i]));
        else
            draft_push(d, out, draft_copy_node(d, n->items[i]));
    }
    return d->oom ? NULL : out;
}

draft_node *draft_copy(draft *d, const draft_node *n)
{
    draft_node *out;
    size_t i;
    if (!n)
        return NULL;
    if (n->shared)
        return (draft_node *)n;
    if (n->kind == DRAFT_SCALAR)
        out = scalar(d, n->text, n->len, n->string);
    else
        out = new_node(d, n->kind);
    if (!out)
        return NULL;
    out->flow = n->flow;
    out->droppable = n->droppable;
    out->owner = n->owner;
    out->comment = n->comment;
    for (i = 0; n->kind != DRAFT_SCALAR && i < n->count; i++) {
        if (n->kind == DRAFT_MAP)
            draft_append(d, out, n->keys[i]->text, n->keys[i]->len, draft_copy(d, n->items[i]));
        else
            draft_push(d, out, draft_copy(d, n->items[i]));
    }
    return d->oom ? NULL : out;
}

/* Room for one more entry. */
static bool grow(draft *d, draft_node *n)
{
    size_t cap;
    draft_node **keys = NULL, **items;
    if (n->count < n->cap)
        return true;
    cap = n->cap ? n->cap * 2 : 4;
    items = draft_alloc(d, cap * sizeof *items);
    if (n->kind == DRAFT_MAP)
        keys = draft_alloc(d, cap * sizeof *keys);
    if (!items || (n->kind == DRAFT_MAP && !keys))
        return false;
    if (n->count) {
        memcpy(items, n->items, n->count * sizeof *items);
        if (keys)
            memcpy(keys, n->keys, n->count * sizeof *keys);
    }
    n->items = items;
    n->keys = keys;
    n->cap = cap;
    return true;
}

draft_node *draft_append(draft *d, draft_node *map, const char *key, size_t key_len,
                         draft_node *value)
{
    draft_node *k;
    if (!map || !value || map->kind != DRAFT_MAP || !grow(d, map) ||
        !(k = draft_strn(d, key, key_len)))
        return NULL;
    map->keys[map->count] = k;
    map->items[map->count++] = value;
    return value;
}

static long find_key(const draft_node *map, const char *key)
{
    size_t i, len = strlen(key);
    for (i = 0; map && map->kind == DRAFT_MAP && i < map->count; i++)
        if (map->keys[i]->len == len && memcmp(map->keys[i]->text, key, len) == 0)
            return (long)i;
    return -1;
}

draft_node *draft_set(draft *d, draft_node *map, const char *key, draft_node *value)
{
    long i = find_key(map, key);
    if (!map || !value)
        return NULL;
    if (i >= 0) {
        map->items[i] = value;
        return value;
    }
    return draft_append(d, map, key, strlen(key), value);
}

draft_node *draft_set_str(draft *d, draft_node *map, const char *key, const char *value)
{
    return draft_set(d, map, key, draft_str(d, value));
}

draft_node *draft_set_lit(draft *d, draft_node *map, const char *key, const char *value)
{
    return draft_set(d, map, key, draft_lit(d, value));
}

draft_node *draft_get(const draft_node *map, const char *key)
{
    long i = find_key(map, key);
    return i >= 0 ? map->items[i] : NULL;
}

bool draft_remove(draft_node *map, const char *key)
{
    long i = find_key(map, key);
    size_t j;
    if (i < 0)
        return false;
    for (j = (size_t)i; j + 1 < map->count; j++) {
        map->keys[j] = map->keys[j + 1];
        map->items[j] = map->items[j + 1];
    }
    map->count--;
    return true;
}

draft_node *draft_push(draft *d, draft_node *seq, draft_node *item)
{
    if (!seq || !item || seq->kind != DRAFT_SEQ || !grow(d, seq))
        return NULL;
    seq->items[seq->count++] = item;
    return item;
}

void draft_comment(draft *d, draft_node *n, const char *fmt, ...)
{
    va_list ap;
    int len;
    char *text;
    size_t old;
    if (!n)
        return;
    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    old = n->comment ? strlen(n->comment) + 2 : 0;
    if (len < 0 || !(text = draft_alloc(d, old + (size_t)len + 1)))
        return;
    if (old)
        sprintf(text, "%s; ", n->comment);
    va_start(ap, fmt);
    vsnprintf(text + old, (size_t)len + 1, fmt, ap);
    va_end(ap);
    n->comment = text;
}

bool draft_equal(const draft_node *a, const draft_node *b)
{
    size_t i;
    if (!a || !b || a->kind != b->kind || a->count != b->count)
        return a == b;
    if (a->kind == DRAFT_SCALAR)
        return a->string == b->string && a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
    for (i = 0; i < a->count; i++)
        if ((a->kind == DRAFT_MAP && !draft_equal(a->keys[i], b->keys[i])) ||
            !draft_equal(a->items[i], b->items[i]))
            return false;
    return true;
}
