/*
 * import_compose.c — allOf. Parts that only annotate (description,
 * nullable, default, ...) are not parts; one part left is that part
 * itself; object parts (named object types, inline properties) compose an
 * object type written with `allOf:`. A key that two parts declare
 * differently (not the same way, nor narrowed as the checker allows) is
 * `any` in a flattened object, with a comment; parts that are not objects
 * make the type `any`, with a comment.
 */
#include "import_internal.h"

#include <string.h>

static bool annotation_only(const node *part)
{
    static const char *const keys[] = {"description", "title",      "nullable", "default",
                                       "example",     "examples",   "deprecated", "readOnly",
                                       "writeOnly",   NULL};
    size_t i, j;
    if (part->kind != NODE_MAP)
        return false;
    for (i = 0; i < part->count; i++) {
        bool ok = strncmp(part->keys[i]->value, "x-", 2) == 0;
        for (j = 0; keys[j] && !ok; j++)
            ok = strcmp(part->keys[i]->value, keys[j]) == 0;
        if (!ok)
            return false;
    }
    return true;
}

static bool inline_object(const node *part)
{
    return part->kind == NODE_MAP && !node_get(part, "$ref") && !node_get(part, "oneOf") &&
           !node_get(part, "anyOf") && !node_get(part, "allOf") &&
           (node_get(part, "properties") || node_get(part, "required"));
}

/* ---- narrowing (check_compose.c's rule, on drafts) ------------------- */

static bool narrows(const draft_node *earlier, const draft_node *later)
{
    size_t i;
    for (i = 0; i < earlier->count; i++) {
        const char *k = earlier->keys[i]->text;
        const draft_node *theirs = draft_get(later, k);
        if (strcmp(k, "description") == 0 || strcmp(k, "example") == 0 ||
            strcmp(k, "nullable") == 0)
            continue;
        if (!theirs || !draft_equal(earlier->items[i], theirs))
            return false;
    }
    return true;
}

/* Do two declarations take the same values? Annotations aside (description,
 * example, default, deprecated), required and nullable are merged below. */
static bool same_values(const draft_node *a, const draft_node *b)
{
    static const char *const loose[] = {"description", "example", "default", "deprecated",
                                        "required", "nullable", NULL};
    const draft_node *x[2] = {a, b};
    size_t i, j, k;
    for (k = 0; k < 2; k++)
        for (i = 0; i < x[k]->count; i++) {
            const char *key = x[k]->keys[i]->text;
            bool skip = false;
            for (j = 0; loose[j] && !skip; j++)
                skip = strcmp(key, loose[j]) == 0;
            if (!skip && !draft_equal(x[k]->items[i], draft_get(x[1 - k], key)))
                return false;
        }
    return true;
}

/* `{type: any}` with at most annotations and required: no constraint
 * (what a `required` key no property of its part declares becomes). */
static bool pure_any(const draft_node *d)
{
    static const char *const ok[] = {"type", "required", "description", "example", "default",
                                     "deprecated", NULL};
    size_t i, j;
    if (!imp_is_any(d))
        return false;
    for (i = 0; i < d->count; i++) {
        bool fine = false;
        for (j = 0; ok[j] && !fine; j++)
            fine = strcmp(d->keys[i]->text, ok[j]) == 0;
        if (!fine)
            return false;
    }
    return true;
}

/* The declaration both say: a's, required if either is, nullable if both are. */
static draft_node *merged(importer *im, const draft_node *a, const draft_node *b)
{
    draft_node *m = draft_copy(&im->d, a);
    if (draft_get(b, "required"))
        draft_set_lit(&im->d, m, "required", "true");
    if (!draft_get(b, "nullable"))
        draft_remove(m, "nullable");
    return m;
}

typedef struct decls {
    draft_node *fields; /* key → def, composed so far */
    bool conflict;
} decls;

static void add_fields(importer *im, decls *d, const draft_node *fields, const node *where,
                       const char *ptr)
{
    size_t i;
    for (i = 0; fields && i < fields->count; i++) {
        const char *k = fields->keys[i]->text;
        draft_node *earlier = draft_get(d->fields, k), *any;
        if (!earlier || narrows(earlier, fields->items[i])) {
            draft_set(&im->d, d->fields, k, fields->items[i]);
            continue;
        }
        d->conflict = true;
        if (same_values(earlier, fields->items[i]) || pure_any(fields->items[i])) {
            draft_set(&im->d, d->fields, k, merged(im, earlier, fields->items[i]));
            continue;
        }
        if (pure_any(earlier)) {
            draft_set(&im->d, d->fields, k, merged(im, fields->items[i], earlier));
            if (!draft_get(earlier, "nullable"))
                draft_remove(draft_get(d->fields, k), "nullable");
            continue;
        }
        if (!ptr) { /* quiet: only what is declared so far is wanted */
            draft_set(&im->d, d->fields, k, fields->items[i]);
            continue;
        }
        any = imp_any(im, where, "a property that two allOf parts declare differently",
                      imp_ptr(im, ptr, k));
        if (draft_get(earlier, "required") || draft_get(fields->items[i], "required"))
            draft_set_lit(&im->d, any, "required", "true");
        draft_set(&im->d, d->fields, k, any);
    }
}

/* The fields a named object type has, composed. */
static void type_fields(importer *im, decls *d, const imp_type *t, int depth)
{
    const draft_node *parts = draft_get(t->def, "allOf");
    size_t i, j;
    if (depth > 64)
        return;
    imp_draft_pending(im, (imp_type *)t);
    parts = draft_get(t->def, "allOf");
    if (!parts) {
        add_fields(im, d, draft_get(t->def, "fields"), t->schema, t->pointer);
        return;
    }
    for (i = 0; i < parts->count; i++) {
        const draft_node *p = parts->items[i];
        if (p->kind == DRAFT_MAP) {
            add_fields(im, d, draft_get(p, "fields"), t->schema, t->pointer);
            continue;
        }
        for (j = 0; j < im->type_count; j++)
            if (im->types_list[j]->ref == p)
                type_fields(im, d, im->types_list[j], depth + 1);
    }
}

/* ---- allOf ---------------------------------------------------------- */

/* One part into parts; false when it is not an object. */
static bool add_part(importer *im, imp_type *t, draft_node *parts, const node *part,
                     const char *pptr, const char *hint)
{
    draft_node *p;
    if (inline_object(part)) {
        p = draft_map(&im->d);
        draft_set(&im->d, p, "fields", imp_fields(im, part, pptr, t->name));
        return draft_push(&im->d, parts, p) != NULL || im->d.oom;
    }
    {
        imp_shape sh = imp_schema(im, part, pptr, hint);
        imp_draft_pending(im, sh.named);
        if (!sh.named || !sh.named->is_object || !sh.named->drafted || sh.named == t)
            return false;
        return draft_push(&im->d, parts, sh.named->ref) != NULL || im->d.oom;
    }
}

/* In an inline part, a key only made required (pure any) that an earlier
 * part declares is that declaration, required: the narrowing allOf allows. */
static void fill_required(importer *im, draft_node *parts)
{
    decls so_far = {NULL, false};
    size_t i, j, k;
    so_far.fields = draft_map(&im->d);
    for (i = 0; i < parts->count; i++) {
        draft_node *p = parts->items[i], *fields = draft_get(p, "fields");
        if (p->kind != DRAFT_MAP) {
            for (j = 0; j < im->type_count; j++)
                if (im->types_list[j]->ref == p)
                    add_fields(im, &so_far, imp_composed_fields(im, im->types_list[j]), NULL, NULL);
            continue;
        }
        for (k = 0; fields && k < fields->count; k++) {
            draft_node *earlier = draft_get(so_far.fields, fields->keys[k]->text);
            if (earlier && pure_any(fields->items[k]) && !pure_any(earlier))
                fields->items[k] = merged(im, earlier, fields->items[k]);
        }
        add_fields(im, &so_far, fields, NULL, NULL);
    }
}

static void fall_back(importer *im, imp_type *t, const node *schema, const char *ptr)
{
    t->is_object = false;
    t->def->count = 0;
    draft_set_str(&im->d, t->def, "type", "any");
    imp_not_expressed(im, t->def, schema, "allOf with a part that is not an object", ptr);
    t->def->dropped = true;
}

static void compose(importer *im, imp_type *t, const node *schema, const node *list,
                    const char *ptr, const char *hint)
{
    draft_node *parts = draft_seq(&im->d);
    char *lptr = imp_ptr(im, ptr, "allOf");
    decls d = {NULL, false};
    size_t i;
    for (i = 0; i < list->count; i++)
        if (!annotation_only(list->items[i]) &&
            !add_part(im, t, parts, list->items[i], imp_ptr_index(im, lptr, i), hint)) {
            fall_back(im, t, schema, ptr);
            return;
        }
    if (inline_object(schema) && !add_part(im, t, parts, schema, ptr, hint)) {
        fall_back(im, t, schema, ptr);
        return;
    }
    draft_set(&im->d, t->def, "allOf", parts);
    fill_required(im, parts);
    d.fields = draft_map(&im->d);
    type_fields(im, &d, t, 0);
    if (d.conflict) {
        draft_remove(t->def, "allOf");
        draft_set(&im->d, t->def, "fields", d.fields);
    }
}

static size_t real_parts(const node *list, size_t *which)
{
    size_t i, n = 0;
    for (i = 0; i < list->count; i++)
        if (!annotation_only(list->items[i])) {
            *which = i;
            n++;
        }
    return n;
}

imp_shape imp_all_of(importer *im, const node *schema, const char *ptr, const char *hint)
{
    const node *list = node_get(schema, "allOf"), *d;
    size_t which = 0, n, i;
    imp_shape sh = {NULL, false, NULL};
    imp_type *t;
    bool b;
    if (list->kind != NODE_SEQ || list->count == 0) {
        sh.def = imp_any(im, list, "allOf that is not a list of schemas", ptr);
        return sh;
    }
    n = real_parts(list, &which);
    if (n <= 1 && !inline_object(schema)) {
        if (n == 1)
            sh = imp_schema(im, list->items[which],
                            imp_ptr_index(im, imp_ptr(im, ptr, "allOf"), which), hint);
        else
            sh.def = imp_any(im, NULL, NULL, NULL);
        for (i = 0; i < list->count; i++)
            if (node_get(list->items[i], "nullable") &&
                node_as_bool(node_get(list->items[i], "nullable"), &b) && b)
                sh.nullable = true;
        return sh;
    }
    if ((t = imp_known(im, schema)))
        return imp_use(im, t);
    if (!(t = imp_named(im, schema, ptr, hint)))
        return imp_use(im, NULL);
    t->is_object = true;
    if ((d = node_get(schema, "description")) && d->kind == NODE_SCALAR && d->len &&
        strlen(d->value) == d->len)
        draft_set_str(&im->d, t->def, "description", d->value);
    compose(im, t, schema, list, ptr, hint);
    t->drafted = true;
    return imp_use(im, t);
}

const draft_node *imp_field_of(importer *im, const imp_type *t, const char *key)
{
    decls d = {NULL, false};
    imp_draft_pending(im, (imp_type *)t);
    d.fields = draft_map(&im->d);
    if (draft_get(t->def, "fields"))
        return draft_get(draft_get(t->def, "fields"), key);
    type_fields(im, &d, t, 0);
    return draft_get(d.fields, key);
}

draft_node *imp_composed_fields(importer *im, const imp_type *t)
{
    decls d = {NULL, false};
    imp_draft_pending(im, (imp_type *)t);
    if (draft_get(t->def, "fields"))
        return draft_get(t->def, "fields");
    d.fields = draft_map(&im->d);
    type_fields(im, &d, t, 0);
    return d.fields;
}
