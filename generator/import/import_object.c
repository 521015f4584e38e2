/*
 * import_object.c — objects and compositions: named types made from
 * component schemas or inline objects (memoised by schema node, so each
 * becomes one type and cycles become recursive types), their fields, maps
 * (additionalProperties with a schema), and allOf.
 */
#include "import_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

imp_shape imp_use(importer *im, imp_type *t)
{
    imp_shape sh = {NULL, false, NULL};
    if (!t)
        return sh;
    if (t->alias) {
        sh = imp_use(im, t->alias);
        sh.nullable |= t->nullable;
        return sh;
    }
    if (t->drafted && !t->is_object && !t->is_union) {
        sh.def = draft_copy(&im->d, t->def);
        sh.nullable = t->nullable;
        return sh;
    }
    sh.def = draft_map(&im->d);
    draft_set(&im->d, sh.def, "type", t->ref);
    sh.nullable = t->nullable;
    sh.named = t;
    return sh;
}

imp_type *imp_known(importer *im, const node *schema)
{
    char key[32];
    json_t *v;
    snprintf(key, sizeof key, "%p", (const void *)schema);
    v = json_object_get(im->by_node, key);
    return v ? im->types_list[json_integer_value(v)] : NULL;
}

imp_type *imp_named(importer *im, const node *schema, const char *ptr, const char *name)
{
    imp_type *t = imp_known(im, schema);
    const char *comp = imp_component_name(im, schema);
    char key[32];
    if (t)
        return t;
    if (im->type_count == im->type_cap) {
        size_t cap = im->type_cap ? im->type_cap * 2 : 64;
        imp_type **g = realloc(im->types_list, cap * sizeof *g);
        if (!g) {
            im->oom = true;
            return NULL;
        }
        im->types_list = g;
        im->type_cap = cap;
    }
    if (!(t = draft_alloc(&im->d, sizeof *t)))
        return NULL;
    t->schema = schema;
    t->pointer = (char *)ptr;
    t->wanted = draft_strdup(&im->d, comp ? comp : name);
    t->name = imp_take_type_name(im, t->wanted ? t->wanted : "Type");
    {
        const char *pascal = comp ? imp_pascal(im, comp) : NULL;
        if (t->name && pascal && strcmp(t->name, pascal) != 0)
            diag_note(schema->where, "schema '%s' is the type '%s': '%s' is taken by another",
                      comp, t->name, pascal);
    }
    t->ref = draft_str(&im->d, t->name);
    if (t->ref)
        t->ref->shared = true;
    t->def = draft_map(&im->d);
    if (!t->name || !t->ref || !draft_append(&im->d, im->types, t->name, strlen(t->name), t->def))
        return NULL;
    t->key = im->types->keys[im->types->count - 1];
    snprintf(key, sizeof key, "%p", (const void *)schema);
    json_object_set_new(im->by_node, key, json_integer((json_int_t)im->type_count));
    im->types_list[im->type_count++] = t;
    return t;
}


/* ---- fields --------------------------------------------------------- */

/* The keys `required` lists, as a set (lookups in constant time). */
static json_t *required_set(const node *required)
{
    json_t *set = json_object();
    size_t i;
    for (i = 0; set && required && required->kind == NODE_SEQ && i < required->count; i++)
        if (required->items[i]->kind == NODE_SCALAR &&
            strlen(required->items[i]->value) == required->items[i]->len)
            json_object_set_new(set, required->items[i]->value, json_false());
    return set;
}

static char *join_name(importer *im, const char *a, const char *b)
{
    char *p = imp_pascal(im, b);
    return draft_printf(&im->d, "%s%s", a, p ? p : "");
}

/* Would the checker surely refuse this value of the field (a null where
 * none is allowed, a value of another JSON kind)? Then it is left out
 * before the draft is checked, saving a round of checking. Enums,
 * formats and bounds are left to the checker. */
static bool surely_refused(const draft_node *def, const draft_node *v, bool nullable)
{
    const draft_node *t = draft_get(def, "type");
    const char *k = t ? t->text : "any";
    bool scalar = v->kind == DRAFT_SCALAR;
    bool null = scalar && !v->string && (strcmp(v->text, "null") == 0 || strcmp(v->text, "~") == 0);
    if (strcmp(k, "any") == 0)
        return false;
    if (null)
        return !nullable;
    if (strcmp(k, "string") == 0 || strcmp(k, "integer") == 0 || strcmp(k, "number") == 0 ||
        strcmp(k, "boolean") == 0)
        return !scalar || (strcmp(k, "string") == 0) != v->string;
    if (strcmp(k, "array") == 0 || strcmp(k, "map") == 0)
        return scalar || (v->kind == DRAFT_SEQ) != (strcmp(k, "array") == 0);
    return false; /* a named type: a union may take anything */
}

static void refuse_early(importer *im, draft_node *def, bool nullable)
{
    static const char *const keys[] = {"example", "default", "const", NULL};
    size_t i;
    for (i = 0; keys[i]; i++) {
        draft_node *v = draft_get(def, keys[i]);
        const drop_info *di = v ? v->owner : NULL;
        if (v && v->droppable && di && surely_refused(def, v, nullable)) {
            v->dropped = true;
            imp_not_expressed(im, def, di->src,
                              "a default, const or example that its own schema refuses", di->ptr);
        }
    }
}

static void add_field(importer *im, draft_node *fields, const node *key, const node *s,
                      const char *ptr, const char *owner, bool required)
{
    char *fptr = imp_ptr(im, ptr, key->value);
    imp_shape sh = imp_schema(im, s, fptr, join_name(im, owner, key->value));
    imp_fit(im, &sh, IR_FIELD, s, fptr);
    if (!sh.def)
        return;
    if (required)
        draft_set_lit(&im->d, sh.def, "required", "true");
    if (sh.nullable)
        draft_set_lit(&im->d, sh.def, "nullable", "true");
    refuse_early(im, sh.def, sh.nullable);
    if (sh.def->count > 5 || draft_get(sh.def, "description"))
        sh.def->flow = false;
    draft_append(&im->d, fields, key->value, key->len, sh.def);
}

/* properties (and required keys they do not declare) into a fields map. */
draft_node *imp_fields(importer *im, const node *schema, const char *ptr, const char *owner)
{
    const node *props = node_get(schema, "properties"), *req = node_get(schema, "required");
    draft_node *fields = draft_map(&im->d);
    char *pptr = imp_ptr(im, ptr, "properties");
    json_t *required = required_set(req);
    size_t i;
    if (!required) {
        im->oom = true;
        return fields;
    }
    for (i = 0; props && props->kind == NODE_MAP && i < props->count; i++) {
        const node *k = props->keys[i];
        json_t *r = json_object_get(required, k->value);
        if (strlen(k->value) != k->len) {
            imp_not_expressed(im, fields, k, "a property name holding U+0000", ptr);
            continue;
        }
        add_field(im, fields, k, props->items[i], pptr, owner, r != NULL);
        if (r)
            json_object_set_new(required, k->value, json_true()); /* declared */
    }
    for (i = 0; req && req->kind == NODE_SEQ && i < req->count; i++) {
        const node *k = req->items[i];
        json_t *r;
        draft_node *any;
        if (k->kind != NODE_SCALAR || strlen(k->value) != k->len ||
            !(r = json_object_get(required, k->value)) || json_is_true(r))
            continue;
        json_object_set_new(required, k->value, json_true());
        any = draft_map(&im->d);
        draft_set_str(&im->d, any, "type", "any");
        draft_set_lit(&im->d, any, "required", "true");
        any->flow = true;
        draft_append(&im->d, fields, k->value, k->len, any);
    }
    json_decref(required);
    return fields;
}

/* ---- objects and maps ----------------------------------------------- */

static imp_shape map_of(importer *im, const node *schema, const node *ap, const char *ptr,
                        const char *hint)
{
    imp_shape sh = {NULL, false, NULL}, el = {NULL, false, NULL};
    const node *v;
    bool b;
    sh.def = draft_map(&im->d);
    draft_set_str(&im->d, sh.def, "type", "map");
    if (ap && ap->kind == NODE_MAP)
        el = imp_schema(im, ap, imp_ptr(im, ptr, "additionalProperties"),
                        draft_printf(&im->d, "%sValue", hint));
    else
        el.def = imp_any(im, NULL, NULL, NULL);
    (void)b;
    imp_fit(im, &el, IR_ELEMENT, ap, ptr);
    draft_set(&im->d, sh.def, "values", el.def);
    if ((v = node_get(schema, "minProperties")) && v->kind == NODE_SCALAR)
        draft_set_lit(&im->d, sh.def, "minItems", v->value);
    if ((v = node_get(schema, "maxProperties")) && v->kind == NODE_SCALAR)
        draft_set_lit(&im->d, sh.def, "maxItems", v->value);
    return sh;
}

static void object_body(importer *im, imp_type *t, const node *schema)
{
    const node *ap = node_get(schema, "additionalProperties");
    const node *d = node_get(schema, "description");
    bool b;
    if (d && d->kind == NODE_SCALAR && d->len && strlen(d->value) == d->len)
        draft_set_str(&im->d, t->def, "description", d->value);
    if (node_get(schema, "deprecated") && node_as_bool(node_get(schema, "deprecated"), &b) && b)
        draft_set_lit(&im->d, t->def, "deprecated", "true");
    if (ap && ap->kind == NODE_SCALAR && node_as_bool(ap, &b) && !b)
        draft_set_str(&im->d, t->def, "unknown_fields", "reject");
    else if (ap && ap->kind == NODE_MAP)
        imp_not_expressed(im, t->def, ap, "additionalProperties with a schema beside properties",
                          t->pointer);
    if (node_get(schema, "minProperties") || node_get(schema, "maxProperties"))
        imp_not_expressed(im, t->def, schema, "minProperties or maxProperties on an object",
                          t->pointer);
    draft_set(&im->d, t->def, "fields", imp_fields(im, schema, t->pointer, t->name));
}

/* Objects are drafted from a queue, so that a long chain of them needs no
 * deep recursion; unions and compositions, which must know what their
 * parts are, draft them on demand. */
void imp_draft_pending(importer *im, imp_type *t)
{
    if (!t || !t->pending)
        return;
    t->pending = false;
    object_body(im, t, t->schema);
    t->drafted = true;
}

void imp_draft_types(importer *im)
{
    size_t i;
    for (i = 0; i < im->type_count && !im->oom && !im->d.oom; i++)
        imp_draft_pending(im, im->types_list[i]);
}

imp_shape imp_object(importer *im, const node *schema, const char *ptr, const char *hint)
{
    const node *props = node_get(schema, "properties");
    const node *ap = node_get(schema, "additionalProperties");
    bool b, closed = ap && ap->kind == NODE_SCALAR && node_as_bool(ap, &b) && !b;
    imp_type *t;
    if ((!props || props->kind != NODE_MAP || props->count == 0) && !closed &&
        !node_get(schema, "required"))
        return map_of(im, schema, ap, ptr, hint);
    if ((t = imp_known(im, schema)))
        return imp_use(im, t);
    if (!(t = imp_named(im, schema, ptr, hint)))
        return imp_use(im, NULL);
    t->is_object = true;
    t->pending = true;
    return imp_use(im, t);
}
