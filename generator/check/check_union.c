/*
 * check_union.c — unions (`oneOf`): their variants, how a value is told to
 * be one of them (its JSON kind, or a discriminator key's value), and their
 * C names. specc never guesses by trying each variant: variants without a
 * discriminator must differ in JSON kind, and a discriminator maps each
 * value to exactly one variant.
 */
#include "check_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

/* The JSON kinds a value of a shape can be, as a bit set. */
enum {
    JK_STRING = 1,
    JK_INTEGER = 2, /* integer literals: an integer variant wins over a number one */
    JK_NUMBER = 4,
    JK_BOOLEAN = 8,
    JK_OBJECT = 16,
    JK_ARRAY = 32
};

static unsigned json_kinds(const shape *sh)
{
    switch (sh->kind) {
    case SHAPE_STRING: return JK_STRING;
    case SHAPE_INTEGER: return JK_INTEGER;
    case SHAPE_NUMBER: return JK_NUMBER;
    case SHAPE_BOOLEAN: return JK_BOOLEAN;
    case SHAPE_DECIMAL: return JK_STRING | JK_INTEGER | JK_NUMBER;
    case SHAPE_ARRAY: return JK_ARRAY;
    case SHAPE_MAP: return JK_OBJECT;
    case SHAPE_ANY: return ~0u;
    case SHAPE_REF:
        if (sh->ref->kind == TYPE_VALUE)
            return json_kinds(&sh->ref->value);
        return sh->ref->kind == TYPE_OBJECT ? JK_OBJECT : ~0u;
    }
    return ~0u;
}

/* "object (Source)", "string": a variant as messages name it. */
static char *variant_label(checker *ck, const shape *sh)
{
    if (sh->kind == SHAPE_REF)
        return arena_strdup(ck->a, sh->ref->name);
    return arena_strdup(ck->a, shape_kind_name(sh->kind));
}

/* One entry of `oneOf`: a type word or an inline type expression. */
static bool check_variant(checker *ck, const node *n, variant *v, const char *what)
{
    static const char *const own_keys[] = {"description", NULL};
    bool ok;
    v->where = n->where;
    if (n->kind == NODE_SCALAR)
        ok = ck_type_word(ck, n, &v->shape);
    else if (n->kind == NODE_MAP)
        ok = ck_shape(ck, n, &v->shape, ROLE_ELEMENT, own_keys, what);
    else {
        diag_error(n->where, "%s: a variant is a type name or a mapping, got %s", what, WHAT(n));
        return false;
    }
    if (!ok)
        return false;
    if (v->shape.enums) {
        diag_error(n->where, "%s: an enum as a variant is not supported yet; make it a field", what);
        return false;
    }
    if (v->shape.kind == SHAPE_ANY ||
        (v->shape.kind == SHAPE_REF && v->shape.ref->kind == TYPE_UNION)) {
        diag_error(n->where, "%s: a variant may not be %s; list its variants here instead", what,
                   v->shape.kind == SHAPE_ANY ? "'any'" : "another union");
        return false;
    }
    v->label = variant_label(ck, &v->shape);
    return true;
}

static bool is_object_variant(const variant *v)
{
    return v->shape.kind == SHAPE_REF && v->shape.ref->kind == TYPE_OBJECT;
}

/* No two variants may take the same JSON kind (with a discriminator, the
 * object types are told apart by it: only the others count). */
static bool kinds_distinct(const union_def *u, const node *list, bool tagged)
{
    size_t i, j;
    for (i = 0; i < u->variant_count; i++)
        for (j = 0; j < i; j++) {
            if (tagged && (is_object_variant(&u->variants[i]) || is_object_variant(&u->variants[j])))
                continue;
            unsigned both = json_kinds(&u->variants[i].shape) & json_kinds(&u->variants[j].shape);
            if (!both)
                continue;
            diag_error(list->items[i]->where,
                       "variants '%s' and '%s' can both be %s; %s must differ in JSON kind "
                       "(specc never guesses by trying each)",
                       u->variants[j].label, u->variants[i].label,
                       both & JK_OBJECT   ? "an object"
                       : both & JK_ARRAY  ? "an array"
                       : both & JK_STRING ? "a string"
                                          : "a number",
                       tagged ? "variants that are not objects" : "without a discriminator, variants");
            return false;
        }
    return true;
}

/* The variant whose type is named by n (a mapping or default entry). */
static size_t variant_named(const union_def *u, const node *n, const char *what)
{
    size_t i;
    for (i = 0; n->kind == NODE_SCALAR && i < u->variant_count; i++)
        if (u->variants[i].shape.kind == SHAPE_REF &&
            strcmp(u->variants[i].shape.ref->name, n->value) == 0)
            return i + 1;
    diag_error(n->where, "%s: '%s' is not one of the variants", what,
               n->kind == NODE_SCALAR ? n->value : WHAT(n));
    return 0;
}

/* A mapping key as the JSON text of the value it matches: true, false,
 * null and numbers as themselves, anything else as a string. */
static char *mapping_tag(checker *ck, const char *key)
{
    json_t *v = json_loads(key, JSON_DECODE_ANY, NULL);
    char *text, *out;
    if (!v || json_is_object(v) || json_is_array(v) || json_is_string(v)) {
        json_decref(v);
        v = json_string(key);
    }
    text = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    out = arena_strdup(ck->a, text ? text : "null");
    free(text);
    json_decref(v);
    return out;
}

static void add_tag(checker *ck, variant *v, const char *tag)
{
    char **tags = arena_alloc(ck->a, (v->tag_count + 1) * sizeof *tags);
    if (v->tag_count)
        memcpy(tags, v->tags, v->tag_count * sizeof *tags);
    tags[v->tag_count++] = arena_strdup(ck->a, tag);
    v->tags = tags;
}

/* discriminator: {propertyName, mapping, default}. */
static bool check_discriminator(checker *ck, union_def *u, const node *d, const node *list,
                                const char *what)
{
    static const char *const keys[] = {"propertyName", "mapping", "default", NULL};
    const node *v;
    size_t i, which;
    bool ok = true;
    if (!ck_expect(d, NODE_MAP, "discriminator"))
        return false;
    ck_known_keys(d, keys, "discriminator");
    if (!(v = node_get(d, "propertyName"))) {
        diag_error(d->where, "discriminator: missing required key 'propertyName'");
        return false;
    }
    if (!(u->discriminator = ck_string(ck, v, "propertyName")))
        return false;
    /* Objects are told apart by the key; the others (an id string beside
     * the objects it names) by their JSON kind, as without one. */
    for (i = 0; i < u->variant_count; i++)
        if (!is_object_variant(&u->variants[i]) && (json_kinds(&u->variants[i].shape) & JK_OBJECT)) {
            diag_error(u->variants[i].where,
                       "%s: with a discriminator a variant that is a JSON object must be an "
                       "object type, not %s",
                       what, u->variants[i].label);
            ok = false;
        }
    ok = ok && kinds_distinct(u, list, true);
    if ((v = node_get(d, "mapping")) && ck_expect(v, NODE_MAP, "mapping"))
        for (i = 0; i < v->count; i++)
            if ((which = variant_named(u, v->items[i], "mapping")) != 0)
                add_tag(ck, &u->variants[which - 1], mapping_tag(ck, v->keys[i]->value));
    if ((v = node_get(d, "default")))
        ok &= (u->default_variant = variant_named(u, v, "default")) != 0;
    return ok;
}

/* C names: the kind enum, a constant and a union member per variant. */
static void name_variants(checker *ck, union_def *u, const char *c_name)
{
    size_t i;
    char *snake;
    u->c_kind_enum = arena_printf(ck->a, "%s_kind", c_name);
    u->c_kind_upper = arena_own(ck->a, naming_upper(c_name));
    for (i = 0; i < u->variant_count; i++) {
        variant *v = &u->variants[i];
        if (v->shape.kind == SHAPE_REF) {
            snake = naming_snake(v->shape.ref->name, strlen(v->shape.ref->name));
            v->c_member = arena_own(ck->a, naming_safe(snake));
            free(snake);
        } else {
            v->c_member = arena_strdup(ck->a, shape_kind_name(v->shape.kind));
        }
        snake = naming_upper(v->c_member);
        v->c_kind = arena_printf(ck->a, "%s_%s", u->c_kind_upper, snake);
        free(snake);
    }
}

/* The union in mapping def: oneOf, discriminator, open. */
static union_def *check_one_of(checker *ck, const node *def, loc where, const char *what)
{
    const node *list = node_get(def, "oneOf"), *v;
    union_def *u = arena_alloc(ck->a, sizeof *u);
    const char *outer;
    size_t i;
    bool ok = true;
    u->where = where;
    if (!ck_expect(list, NODE_SEQ, "oneOf"))
        return NULL;
    if (list->count < 2) {
        diag_error(list->where, "%s: oneOf needs at least two variants", what);
        return NULL;
    }
    u->variants = arena_alloc(ck->a, list->count * sizeof *u->variants);
    u->variant_count = list->count;
    outer = ck->inline_name;
    ck->inline_name = NULL; /* a variant may not hold a union of its own */
    for (i = 0; i < list->count; i++)
        ok &= check_variant(ck, list->items[i], &u->variants[i], what);
    ck->inline_name = outer;
    if ((v = node_get(def, "open")))
        ok &= ck_bool(v, "open", &u->open);
    if (!ok)
        return NULL;
    if ((v = node_get(def, "discriminator")))
        ok = check_discriminator(ck, u, v, list, what);
    else
        ok = kinds_distinct(u, list, false);
    return ok ? u : NULL;
}

type_def *ck_inline_union(checker *ck, const node *def, loc where)
{
    type_def *t;
    union_def *u;
    char what[160];
    if (!ck->inline_name) {
        diag_error(where, "oneOf is not allowed here; name the union in 'types:'");
        return NULL;
    }
    snprintf(what, sizeof what, "the union '%s'", ck->inline_name);
    if (!(u = check_one_of(ck, def, where, what)) || !(t = ck_add_type(ck, ck->inline_name, where)))
        return NULL;
    t->kind = TYPE_UNION;
    t->u = u;
    t->def = def;
    return t;
}

void ck_union(checker *ck, type_def *t, const node *def)
{
    static const char *const keys[] = {"oneOf",      "discriminator", "open", "description",
                                       "deprecated", "examples",      NULL};
    char what[96];
    const node *v;
    snprintf(what, sizeof what, "type '%s'", t->name);
    ck_known_keys(def, keys, what);
    t->kind = TYPE_UNION;
    t->description = ck_optional_string(ck, def, "description", what);
    if ((v = node_get(def, "deprecated")))
        ck_bool(v, "deprecated", &t->deprecated);
    t->u = check_one_of(ck, def, t->where, what);
}

/* The discriminator value (JSON text) a variant's object fixes with `const`. */
static const char *const_tag(const variant *v, const char *property)
{
    const type_def *t = v->shape.ref;
    size_t i;
    for (i = 0; i < t->field_count; i++)
        if (strcmp(t->fields[i].json_name, property) == 0 && t->fields[i].shape.const_json)
            return t->fields[i].shape.const_json;
    return NULL;
}

/* Tags of every variant, from `mapping` or their `const`; each value once. */
static void union_tags(checker *ck, type_def *t)
{
    union_def *u = t->u;
    size_t i, j, k, l;
    for (i = 0; i < u->variant_count; i++) {
        variant *v = &u->variants[i];
        const char *tag;
        if (!is_object_variant(v))
            continue; /* chosen by its JSON kind */
        if (v->tag_count == 0 && (tag = const_tag(v, u->discriminator)))
            add_tag(ck, v, tag);
        if (v->tag_count > 1)
            diag_error(v->where,
                       "variant '%s' of '%s' has %zu discriminator values; one per variant is "
                       "supported (map the others to a variant of their own)",
                       v->label, t->name, v->tag_count);
        if (v->tag_count == 0 && u->default_variant != i + 1)
            diag_error(v->where,
                       "variant '%s' of '%s' has no discriminator value: map one in "
                       "'mapping', or give its field '%s' a const",
                       v->label, t->name, u->discriminator);
        for (j = 0; j < i; j++)
            for (k = 0; k < v->tag_count; k++)
                for (l = 0; l < u->variants[j].tag_count; l++)
                    if (strcmp(v->tags[k], u->variants[j].tags[l]) == 0)
                        diag_error(v->where, "discriminator value %s maps to both '%s' and '%s'",
                                   v->tags[k], u->variants[j].label, v->label);
    }
}

void ck_union_discriminators(checker *ck)
{
    size_t i;
    for (i = 0; i < ck->s->type_count; i++) {
        type_def *t = &ck->s->types[i];
        if (t->kind != TYPE_UNION || !t->u)
            continue;
        if (t->u->discriminator)
            union_tags(ck, t);
    }
}

/* Used by check_names once the type's C name is known. */
void ck_name_union(checker *ck, type_def *t)
{
    if (t->u)
        name_variants(ck, t->u, t->c_name);
}
