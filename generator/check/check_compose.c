/*
 * check_compose.c — composition (`allOf`): an object type made of other
 * object types and inline `{fields: ...}` parts, flattened into one struct
 * with the parts' fields in order. A key declared twice must be declared
 * the same way, or narrow the earlier declaration: repeat each of its keys
 * with the same value, and only add keys, turn `required` on or `nullable`
 * off (a description or example may differ).
 */
#include "check_internal.h"

#include <string.h>

/* One declared key while composing: its key and definition nodes. */
typedef struct decl {
    const node *key, *def;
} decl;

typedef struct decls {
    decl *items;
    size_t count, cap;
} decls;

static bool nodes_equal(const node *a, const node *b)
{
    size_t i;
    const node *other;
    if (a->kind != b->kind || a->count != b->count)
        return false;
    if (a->kind == NODE_SCALAR)
        return a->len == b->len && a->quoted == b->quoted && memcmp(a->value, b->value, a->len) == 0;
    for (i = 0; i < a->count; i++) {
        if (a->kind == NODE_SEQ) {
            if (!nodes_equal(a->items[i], b->items[i]))
                return false;
            continue;
        }
        if (!(other = node_get(b, a->keys[i]->value)) || !nodes_equal(a->items[i], other))
            return false;
    }
    return true;
}

/* May `later` redeclare the field `earlier` declared? Reports if not. */
static bool narrows(const decl *earlier, const decl *later, const char *type_name)
{
    size_t i;
    bool flag;
    for (i = 0; i < earlier->def->count; i++) {
        const char *k = earlier->def->keys[i]->value;
        const node *mine = earlier->def->items[i], *theirs = node_get(later->def, k);
        if (strcmp(k, "description") == 0 || strcmp(k, "example") == 0)
            continue;
        if (strcmp(k, "required") == 0 && node_as_bool(mine, &flag) && !flag)
            continue; /* may be turned on */
        if (strcmp(k, "nullable") == 0 && node_as_bool(mine, &flag) && flag)
            continue; /* may be turned off */
        if (theirs && nodes_equal(mine, theirs))
            continue;
        diag_error(later->key->where,
                   "field '%s' of '%s' is declared again differently ('%s' %s); in allOf a "
                   "key may only be repeated the same way or narrowed (adding required or "
                   "constraints)",
                   later->key->value, type_name, k, theirs ? "changes" : "is dropped");
        diag_note(earlier->key->where, "'%s' is first declared here", later->key->value);
        return false;
    }
    return true;
}

/* Add (or narrow) one declaration, keeping the first one's position. */
static void add_decl(checker *ck, decls *d, const node *key, const node *def, const char *type)
{
    decl next = {key, def};
    size_t i;
    for (i = 0; i < d->count; i++)
        if (d->items[i].key->len == key->len &&
            memcmp(d->items[i].key->value, key->value, key->len) == 0) {
            if (narrows(&d->items[i], &next, type))
                d->items[i].def = def;
            return;
        }
    if (d->count == d->cap) {
        decl *grown = arena_alloc(ck->a, (d->cap * 2 + 8) * sizeof *grown);
        if (d->count)
            memcpy(grown, d->items, d->count * sizeof *grown);
        d->items = grown;
        d->cap = d->cap * 2 + 8;
    }
    d->items[d->count++] = next;
}


/* One entry of allOf: a named object type (composed first if it is
 * composed itself) or an inline {fields: ...}. */
static bool add_part(checker *ck, decls *d, const node *part, const type_def *t)
{
    static const char *const keys[] = {"fields", "description", NULL};
    const node *fields;
    type_def *base;
    size_t i;
    if (part->kind == NODE_SCALAR) {
        if (!(base = ck_find_type(ck, part->value)) || base->kind != TYPE_OBJECT) {
            diag_error(part->where, "allOf: '%s' is not an object type of this spec",
                       part->value);
            return false;
        }
        if (!ck_compose(ck, base))
            return false;
        for (i = 0; i < base->field_count; i++)
            if (base->fields[i].key_node)
                add_decl(ck, d, base->fields[i].key_node, base->fields[i].def_node, t->name);
        return true;
    }
    if (!ck_expect(part, NODE_MAP, "allOf entry"))
        return false;
    ck_known_keys(part, keys, "allOf entry");
    if (!(fields = node_get(part, "fields"))) {
        diag_error(part->where, "allOf entry: a type name, or a mapping with 'fields'");
        return false;
    }
    if (!ck_expect(fields, NODE_MAP, "fields"))
        return false;
    for (i = 0; i < fields->count; i++)
        add_decl(ck, d, fields->keys[i], fields->items[i], t->name);
    return true;
}

/* A composed type's fields, once (its parts first). */
bool ck_compose(checker *ck, type_def *t)
{
    const node *list = t->def ? node_get(t->def, "allOf") : NULL;
    decls d = {NULL, 0, 0};
    size_t i;
    bool ok = true;
    if (!list || t->compose_state == 2)
        return true;
    if (t->compose_state == 1) {
        diag_error(t->where, "type '%s' is made of itself through allOf", t->name);
        return false;
    }
    t->compose_state = 1;
    if (!ck_expect(list, NODE_SEQ, "allOf") || list->count == 0) {
        if (list->kind == NODE_SEQ)
            diag_error(list->where, "allOf: needs at least one part");
        t->compose_state = 2;
        return false;
    }
    for (i = 0; i < list->count; i++)
        ok &= add_part(ck, &d, list->items[i], t);
    t->fields = arena_alloc(ck->a, (d.count ? d.count : 1) * sizeof *t->fields);
    t->field_count = d.count;
    for (i = 0; i < d.count; i++)
        ck_field(ck, t, d.items[i].key, d.items[i].def, &t->fields[i]);
    t->compose_state = 2;
    return ok;
}
