/*
 * import_union.c — oneOf and anyOf (and 3.1's `type: [a, b]`) as a union
 * told apart the way specc's runtime tells variants apart: by JSON kind,
 * and objects by a discriminator key — OpenAPI's `discriminator` (with its
 * `mapping`, or the component names it implies), or, without one, a key
 * that every object variant fixes to its own constant (`const` or a
 * one-value enum). A `null` variant makes the value nullable; nested
 * unions are flattened; a variant of a kind that another one takes
 * without constraints (`string` beside an enum of strings) takes its
 * place exactly. Anything else that overlaps is ambiguous: `any`, with a
 * comment.
 */
#include "import_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_VARIANTS 256

typedef struct vlist {
    imp_shape items[MAX_VARIANTS];
    size_t count;
    bool nullable;
    const char *why; /* why the union cannot be expressed, or NULL */
    imp_shape unexpressed; /* the first variant that is not expressed (any, commented) */
} vlist;

/* "string", "integer", "number", "boolean", "array", "object", "any". */
static const char *json_kind(const imp_shape *v)
{
    const draft_node *t = draft_get(v->def, "type");
    if (v->named)
        return v->named->is_union ? "union" : "object";
    if (!t)
        return "any";
    return strcmp(t->text, "map") == 0 ? "object" : t->text;
}

static bool is_null_schema(const node *s)
{
    const node *t = node_get(s, "type"), *e = node_get(s, "enum");
    if (s->kind != NODE_MAP)
        return false;
    if (t && t->kind == NODE_SCALAR && strcmp(t->value, "null") == 0)
        return true;
    if (t && t->kind == NODE_SEQ && t->count == 1 && strcmp(t->items[0]->value, "null") == 0)
        return true;
    return e && e->kind == NODE_SEQ && e->count == 1 && !e->items[0]->quoted &&
           node_is_null(e->items[0]) && !t;
}

static void add_variant(importer *im, vlist *l, imp_shape v, imp_type *self)
{
    size_t i;
    l->nullable |= v.nullable;
    v.nullable = false;
    if (v.named && v.named->is_union) {
        if (v.named == self || !v.named->drafted)
            l->why = "a union that holds itself";
        for (i = 0; !l->why && i < v.named->variant_count; i++)
            add_variant(im, l, v.named->variants[i], self);
        l->nullable |= v.named->nullable;
        return;
    }
    if (!v.def)
        return;
    if (imp_is_any(v.def) && !v.def->comment) {
        l->why = ""; /* any variant: the union is any, exactly */
        return;
    }
    if (imp_is_any(v.def)) {
        if (!l->unexpressed.def)
            l->unexpressed = v; /* alone (and null), it is the value: said once, there */
        return;
    }
    if (l->count == MAX_VARIANTS) {
        l->why = "a union of more than 256 variants";
        return;
    }
    l->items[l->count++] = v;
}

/* Only `type` (and annotations): takes every value of its kind. */
static bool unconstrained(const imp_shape *v)
{
    size_t i;
    if (v->named)
        return false;
    for (i = 0; i < v->def->count; i++) {
        const char *k = v->def->keys[i]->text;
        if (strcmp(k, "type") != 0 && strcmp(k, "description") != 0 &&
            strcmp(k, "example") != 0 && strcmp(k, "deprecated") != 0 &&
            strcmp(k, "default") != 0 &&
            strcmp(k, "format") != 0 && !(strcmp(k, "values") == 0 && imp_is_any(v->def->items[i])) &&
            !(strcmp(k, "items") == 0 && imp_is_any(v->def->items[i])))
            return false;
        if (strcmp(k, "format") == 0)
            return false;
    }
    return true;
}

/* Variants of one kind where one takes them all: that one stays. */
static bool taken_by_other(const vlist *l, size_t j)
{
    size_t i;
    for (i = 0; i < l->count; i++)
        if (i != j && unconstrained(&l->items[i]) &&
            strcmp(json_kind(&l->items[i]), json_kind(&l->items[j])) == 0 &&
            (i < j || !unconstrained(&l->items[j])))
            return true;
    return false;
}

static void merge_kinds(vlist *l)
{
    bool drop[MAX_VARIANTS];
    size_t j, k;
    for (j = 0; j < l->count; j++)
        drop[j] = taken_by_other(l, j);
    for (j = 0, k = 0; j < l->count; j++)
        if (!drop[j])
            l->items[k++] = l->items[j];
    l->count = k;
}

/* ---- discriminators ------------------------------------------------- */

static const char *const_text(const draft_node *field)
{
    const draft_node *c = field ? draft_get(field, "const") : NULL;
    return c && c->kind == DRAFT_SCALAR && c->string ? c->text : NULL;
}

/* A key every object variant fixes to a distinct string constant. */
static const char *const_key(importer *im, vlist *l)
{
    const draft_node *fields;
    const imp_type *first = NULL;
    size_t i, j, k;
    for (i = 0; i < l->count && !first; i++)
        if (l->items[i].named)
            first = l->items[i].named;
    fields = first ? imp_composed_fields(im, first) : NULL;
    for (k = 0; first && k < (fields ? fields->count : 0); k++) {
        const char *key = fields->keys[k]->text;
        bool ok = true;
        for (i = 0; ok && i < l->count; i++) {
            const char *a;
            if (!l->items[i].named)
                continue;
            a = const_text(imp_field_of(im, l->items[i].named, key));
            ok = a != NULL;
            for (j = 0; ok && j < i; j++)
                if (l->items[j].named &&
                    strcmp(a, const_text(imp_field_of(im, l->items[j].named, key))) == 0)
                    ok = false;
        }
        if (ok)
            return key;
    }
    return NULL;
}

/* Does a mapping key read as another JSON value than its string? */
static bool literal_key(const char *k)
{
    node probe;
    memset(&probe, 0, sizeof probe);
    probe.kind = NODE_SCALAR;
    probe.value = (char *)k;
    probe.len = strlen(k);
    return !node_is_string(&probe);
}

static size_t variant_of(const vlist *l, const imp_type *t)
{
    size_t i;
    for (i = 0; i < l->count; i++)
        if (l->items[i].named == t)
            return i + 1;
    return 0;
}

/* Does every object variant get its own value (from mapping, else const)? */
static bool tags_unique(importer *im, const vlist *l, const draft_node *mapping, const char *prop)
{
    json_t *seen = json_object();
    size_t i, j;
    bool ok = seen != NULL;
    for (i = 0; ok && i < l->count; i++) {
        const char *tag = NULL;
        if (!l->items[i].named)
            continue;
        for (j = 0; mapping && j < mapping->count; j++)
            if (mapping->items[j] == l->items[i].named->ref) {
                if (!tag)
                    tag = mapping->keys[j]->text;
                if (json_object_get(seen, mapping->keys[j]->text))
                    ok = false;
                json_object_set_new(seen, mapping->keys[j]->text, json_true());
            }
        if (!tag && (tag = const_text(imp_field_of(im, l->items[i].named, prop)))) {
            if (json_object_get(seen, tag))
                ok = false;
            json_object_set_new(seen, tag, json_true());
        }
    }
    json_decref(seen);
    return ok;
}

/* OpenAPI's discriminator as the spec's: mapping values named, variants
 * without a mapping or a const get their component name. */
static draft_node *openapi_discriminator(importer *im, vlist *l, const node *disc,
                                         const char *prop)
{
    draft_node *d = draft_map(&im->d), *mapping = draft_map(&im->d);
    const node *m = node_get(disc, "mapping");
    size_t i, *tags = calloc(l->count + 1, sizeof *tags);
    if (!tags) {
        im->oom = true;
        return NULL;
    }
    draft_set_str(&im->d, d, "propertyName", prop);
    for (i = 0; m && m->kind == NODE_MAP && i < m->count && !l->why; i++) {
        const node *target = m->items[i];
        bool external = false;
        const node *n = NULL;
        imp_type *t;
        size_t which;
        if (target->kind == NODE_SCALAR && target->value[0] == '#')
            n = imp_resolve(im, target, &external);
        else if (target->kind == NODE_SCALAR)
            n = node_get(node_get(node_get(im->root, "components"), "schemas"), target->value);
        t = n ? imp_known(im, n) : NULL;
        if (!t || !(which = variant_of(l, t)))
            continue; /* a value for no variant of this union: not one it takes */
        if (literal_key(m->keys[i]->value) || ++tags[which - 1] > 1)
            l->why = "a discriminator mapping several values to one variant, or a non-string one";
        draft_append(&im->d, mapping, m->keys[i]->value, m->keys[i]->len, t->ref);
    }
    for (i = 0; i < l->count && !l->why; i++) {
        imp_type *t = l->items[i].named;
        if (!t || tags[i] || const_text(imp_field_of(im, t, prop)))
            continue;
        if (literal_key(t->wanted) || !imp_component_name(im, t->schema))
            l->why = "a discriminated variant with no value of its own";
        else
            draft_append(&im->d, mapping, t->wanted, strlen(t->wanted), t->ref);
    }
    free(tags);
    if (!l->why && !tags_unique(im, l, mapping, prop))
        l->why = "a discriminator value that chooses two variants";
    if (mapping && mapping->count)
        draft_set(&im->d, d, "mapping", mapping);
    return d;
}

/* How the object variants are told apart; NULL (l->why set) if not. */
static draft_node *discriminate(importer *im, vlist *l, const node *schema)
{
    const node *disc = node_get(schema, "discriminator");
    const node *prop = node_get(disc, "propertyName");
    size_t i, objects = 0;
    const char *key;
    for (i = 0; i < l->count; i++)
        if (strcmp(json_kind(&l->items[i]), "object") == 0) {
            objects++;
            if (!l->items[i].named)
                l->why = "objects in a union beside a map";
        }
    if (objects < 2 && !(disc && prop))
        return NULL;
    if (l->why)
        return NULL;
    if (prop && prop->kind == NODE_SCALAR && strlen(prop->value) == prop->len)
        return openapi_discriminator(im, l, disc, prop->value);
    if ((key = const_key(im, l))) {
        draft_node *d = draft_map(&im->d);
        draft_set_str(&im->d, d, "propertyName", key);
        return d;
    }
    l->why = "a union of objects told apart by no discriminator nor constant key";
    return NULL;
}

/* No two variants of one JSON kind (objects aside, with a discriminator). */
static void kinds_distinct(vlist *l, bool tagged)
{
    size_t i, j;
    for (i = 0; i < l->count && !l->why; i++)
        for (j = 0; j < i; j++) {
            const char *a = json_kind(&l->items[i]);
            if (strcmp(a, json_kind(&l->items[j])) == 0 && !(tagged && strcmp(a, "object") == 0))
                l->why = "a union whose variants are not told apart by JSON kind";
        }
}

/* ---- the union ------------------------------------------------------ */

static char *variant_hint(importer *im, const node *item, const char *hint, size_t i)
{
    const node *title = node_get(item, "title");
    char *p = title && title->kind == NODE_SCALAR ? imp_pascal(im, title->value) : NULL;
    return p ? p : draft_printf(&im->d, "%sVariant%zu", hint, i + 1);
}

static void collect(importer *im, vlist *l, const node *schema, const node *list,
                    const char *ptr, const char *hint, imp_type *self)
{
    const node *types = node_get(schema, "type");
    const char *which = node_get(schema, "oneOf") ? "oneOf" : "anyOf";
    char *lptr = imp_ptr(im, ptr, which);
    size_t i;
    if (!list) {
        for (i = 0; types && types->kind == NODE_SEQ && i < types->count && !l->why; i++)
            if (types->items[i]->kind == NODE_SCALAR && strcmp(types->items[i]->value, "null") != 0)
                add_variant(im, l,
                            imp_typed(im, schema, types->items[i]->value, ptr,
                                      draft_printf(&im->d, "%s%s", hint,
                                                   imp_pascal(im, types->items[i]->value))),
                            self);
            else
                l->nullable = true;
        return;
    }
    for (i = 0; i < list->count && !l->why; i++) {
        const node *item = list->items[i];
        if (is_null_schema(item)) {
            l->nullable = true;
            continue;
        }
        add_variant(im, l,
                    imp_schema(im, item, imp_ptr_index(im, lptr, i),
                               variant_hint(im, item, hint, i)),
                    self);
    }
}

/* Not a union after all: t stands for the one variant left, or any. */
static imp_shape collapse(importer *im, imp_type *t, vlist *l, const node *schema,
                          const char *ptr)
{
    imp_shape sh = {NULL, false, NULL};
    t->is_union = false;
    t->drafted = true;
    t->def->dropped = true;
    if (l->why || l->count == 0)
        sh.def = imp_any(im, schema,
                         l->why && *l->why ? l->why
                         : l->why          ? NULL
                                           : "a value that is always null",
                         ptr);
    else
        sh = l->items[0];
    sh.nullable |= l->nullable;
    if (sh.named)
        t->alias = sh.named;
    t->def = sh.def;
    t->nullable = sh.nullable;
    sh.def = draft_copy(&im->d, sh.def); /* what the caller adds is not the type's */
    return sh;
}

static void union_def(importer *im, imp_type *t, vlist *l, const node *schema, draft_node *disc,
                      const char *ptr)
{
    draft_node *list = draft_seq(&im->d);
    const node *d = node_get(schema, "description");
    size_t i;
    if (d && d->kind == NODE_SCALAR && d->len && strlen(d->value) == d->len)
        draft_set_str(&im->d, t->def, "description", d->value);
    t->variants = draft_alloc(&im->d, l->count * sizeof *t->variants);
    t->variant_count = t->variants ? l->count : 0;
    for (i = 0; i < l->count; i++) {
        imp_shape *v = &l->items[i];
        if (t->variants)
            t->variants[i] = *v;
        if (v->named) {
            draft_push(&im->d, list, v->named->ref);
            continue;
        }
        imp_fit(im, v, IR_VARIANT, schema, ptr);
        draft_remove(v->def, "description");
        if (v->def->count == 1)
            draft_push(&im->d, list, draft_get(v->def, "type"));
        else
            draft_push(&im->d, list, v->def);
    }
    draft_set(&im->d, t->def, "oneOf", list);
    if (disc)
        draft_set(&im->d, t->def, "discriminator", disc);
    t->nullable = l->nullable;
    t->drafted = true;
}

imp_shape imp_union(importer *im, const node *schema, const node *list, const char *ptr,
                    const char *hint)
{
    imp_shape sh = {NULL, false, NULL};
    draft_node *disc = NULL;
    imp_type *t;
    vlist *l;
    if (list && list->kind != NODE_SEQ) {
        sh.def = imp_any(im, list, "oneOf or anyOf that is not a list", ptr);
        return sh;
    }
    if (list && (node_get(schema, "properties") || node_get(schema, "allOf"))) {
        sh.def = imp_any(im, list, "oneOf or anyOf beside properties or allOf", ptr);
        return sh;
    }
    if ((t = imp_known(im, schema)))
        return imp_use(im, t);
    if (!(l = calloc(1, sizeof *l)) || !(t = imp_named(im, schema, ptr, hint))) {
        free(l);
        im->oom = true;
        return sh;
    }
    t->is_union = true;
    collect(im, l, schema, list, ptr, hint, t);
    if (!l->why && l->unexpressed.def && l->count == 0)
        l->items[l->count++] = l->unexpressed;
    else if (!l->why && l->unexpressed.def)
        l->why = "a union with a variant that is not expressed";
    if (!l->why)
        merge_kinds(l);
    if (!l->why && l->count >= 2 && (disc = discriminate(im, l, schema), !l->why))
        kinds_distinct(l, disc != NULL);
    if (l->why || l->count < 2)
        sh = collapse(im, t, l, schema, ptr);
    else {
        union_def(im, t, l, schema, disc, ptr);
        sh = imp_use(im, t);
    }
    free(l);
    return sh;
}
