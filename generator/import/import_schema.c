/*
 * import_schema.c — one schema at one place: $ref, nullability (3.0
 * `nullable`, 3.1 `type: [T, "null"]`), the kind, its keywords (format,
 * enum, const, default, bounds, lengths, counts, pattern) and the
 * annotations (description, deprecated, readOnly, writeOnly, example).
 * Objects and compositions are import_object.c's, unions import_union.c's.
 */
#include "import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "naming.h"

/* Keywords that no shape of the spec language can hold: the schema is
 * `any`, with a comment naming the keyword. */
static const char *const unexpressible[] = {
    "not", "patternProperties", "if", "then", "else", "dependentSchemas", "dependentRequired",
    "prefixItems", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems",
    NULL};

draft_node *imp_any(importer *im, const node *where, const char *reason, const char *ptr)
{
    draft_node *def = draft_map(&im->d);
    draft_set_str(&im->d, def, "type", "any");
    if (reason)
        imp_not_expressed(im, def, where, reason, ptr);
    return def;
}

bool imp_is_any(const draft_node *def)
{
    const draft_node *t = draft_get(def, "type");
    return t && t->len == 3 && memcmp(t->text, "any", 3) == 0;
}

static bool is_word(const node *n, const char *w)
{
    return n && n->kind == NODE_SCALAR && strcmp(n->value, w) == 0;
}

static bool flag(const node *schema, const char *key)
{
    bool b = false;
    const node *v = node_get(schema, key);
    return v && v->kind == NODE_SCALAR && node_as_bool(v, &b) && b;
}

/* ---- the kind ------------------------------------------------------- */

/* The one JSON type named by `type` (a word, or a list with "null" taken
 * out: *nullable), NULL when absent, "" when several. */
static const char *type_word(const node *schema, bool *nullable)
{
    const node *t = node_get(schema, "type");
    const char *found = NULL;
    size_t i;
    if (!t)
        return NULL;
    if (t->kind == NODE_SCALAR) {
        if (strcmp(t->value, "null") == 0) {
            *nullable = true;
            return "null";
        }
        return t->value;
    }
    if (t->kind != NODE_SEQ)
        return "";
    for (i = 0; i < t->count; i++) {
        if (is_word(t->items[i], "null"))
            *nullable = true;
        else if (found || t->items[i]->kind != NODE_SCALAR)
            return "";
        else
            found = t->items[i]->value;
    }
    return found ? found : "null";
}

/* The kind a schema without `type` has, from its keywords. */
static const char *implied_type(const node *schema)
{
    const node *e = node_get(schema, "enum"), *c = node_get(schema, "const");
    if (node_get(schema, "properties") || node_get(schema, "additionalProperties") ||
        node_get(schema, "required"))
        return "object";
    if (node_get(schema, "items"))
        return "array";
    if (c && c->kind == NODE_SCALAR)
        e = NULL;
    if (c && c->kind == NODE_SCALAR)
        return node_is_string(c) ? "string" : strcmp(node_kind_name(c), "integer") == 0 ? "integer"
                                          : strcmp(node_kind_name(c), "number") == 0    ? "number"
                                          : strcmp(node_kind_name(c), "boolean") == 0   ? "boolean"
                                                                                        : NULL;
    if (e && e->kind == NODE_SEQ && e->count && e->items[0]->kind == NODE_SCALAR) {
        const char *k = node_kind_name(e->items[0]);
        if (strcmp(k, "null") != 0)
            return strcmp(k, "string") == 0 ? "string" : k;
        if (e->count > 1)
            return node_kind_name(e->items[1]);
    }
    return NULL;
}

/* ---- keywords ------------------------------------------------------- */

static void copy_format(importer *im, draft_node *def, const node *schema, shape_kind kind)
{
    const node *f = node_get(schema, "format");
    const format_info *fi;
    if (!f || f->kind != NODE_SCALAR || !(fi = format_find(f->value)) || fi->applies_to != kind)
        return; /* formats are annotations in JSON Schema: an unknown one asserts nothing */
    if (fi->format == FORMAT_NONE && strcmp(f->value, "") != 0)
        return; /* int64, double: what the kind is already */
    draft_set_str(&im->d, def, "format", f->value);
}

/* minimum, maximum and their exclusive forms (3.0 booleans or 3.1 numbers). */
static void copy_bounds(importer *im, draft_node *def, const node *schema, bool integer,
                        const char *ptr)
{
    static const char *const keys[] = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                       "multipleOf", NULL};
    size_t i;
    bool b;
    for (i = 0; keys[i]; i++) {
        const node *v = node_get(schema, keys[i]);
        const char *key = keys[i];
        double num;
        int64_t n;
        if (!v || (i >= 2 && i < 4 && v->kind == NODE_SCALAR && node_as_bool(v, &b)))
            continue; /* 3.0's boolean form is read with the bound */
        if (v->kind != NODE_SCALAR || v->quoted || !node_as_number(v, &num))
            continue;
        if (i < 2 && flag(schema, i == 0 ? "exclusiveMinimum" : "exclusiveMaximum"))
            key = i == 0 ? "exclusiveMinimum" : "exclusiveMaximum";
        if (integer && i < 4 && !node_as_int(v, &n)) {
            imp_not_expressed(im, def, v, "a bound of an integer that is not an integer", ptr);
            continue;
        }
        if (i == 4 && num <= 0)
            continue;
        if (draft_get(def, i % 2 == 0 && i < 4 ? "minimum" : "maximum") ||
            draft_get(def, i % 2 == 0 && i < 4 ? "exclusiveMinimum" : "exclusiveMaximum")) {
            if (i < 4)
                continue; /* both forms given: the first is kept, the other is tighter or equal */
        }
        draft_set_lit(&im->d, def, key, v->value);
    }
}

static void copy_count(importer *im, draft_node *def, const node *schema, const char *from,
                       const char *to)
{
    const node *v = node_get(schema, from);
    int64_t n;
    if (v && v->kind == NODE_SCALAR && !v->quoted && node_as_int(v, &n) && n >= 0)
        draft_set_lit(&im->d, def, to, v->value);
}

static void copy_pattern(importer *im, draft_node *def, const node *schema, const char *ptr)
{
    const node *v = node_get(schema, "pattern");
    char *posix;
    if (!v || v->kind != NODE_SCALAR)
        return;
    if (!(posix = imp_pattern(v->value, v->len))) {
        imp_not_expressed(im, def, v, "a pattern with no exact POSIX equivalent", ptr);
        return;
    }
    draft_set_str(&im->d, def, "pattern", posix);
    free(posix);
}

/* Can v be a value of an enum of this kind, with a C constant no other
 * value (in seen) has? 1 yes, 0 no, -1 it is listed already (dropped:
 * the same set of values). */
static int enum_value_fits(const node *v, shape_kind kind, json_t *seen)
{
    char *snake = NULL, *upper = NULL, key[32];
    json_t *was;
    int64_t n;
    int fits = v->kind == NODE_SCALAR && strlen(v->value) == v->len;
    if (kind == SHAPE_INTEGER) {
        if (!fits || v->quoted || !node_as_int(v, &n))
            return 0;
        snprintf(key, sizeof key, "%lld", (long long)n);
        if (json_object_get(seen, key))
            return -1;
        json_object_set_new(seen, key, json_true());
        return 1;
    }
    if (kind != SHAPE_STRING || !fits || !node_is_string(v) ||
        !(snake = naming_snake(v->value, v->len)) || !(upper = naming_upper(snake)))
        fits = 0;
    else if ((was = json_object_get(seen, upper)))
        fits = strcmp(json_string_value(was), v->value) == 0 ? -1 : 0;
    else
        json_object_set_new(seen, upper, json_string(v->value));
    free(upper);
    free(snake);
    return fits;
}

/* An enum's values, if they fit the kind and each makes its own C
 * constant; one value is a const. null among them makes the value
 * nullable. */
static void copy_enum(importer *im, draft_node *def, const node *schema, shape_kind kind,
                      bool *nullable, const char *ptr)
{
    const node *e = node_get(schema, "enum");
    draft_node *list;
    json_t *seen;
    size_t i;
    if (!e || e->kind != NODE_SEQ)
        return;
    if (e->count > IMPORT_MAX_ENUM) {
        imp_not_expressed(im, def, e, "an enum of more than 1000 values", ptr);
        return;
    }
    if (!(list = draft_seq(&im->d)) || !(seen = json_object())) {
        im->oom = true;
        return;
    }
    for (i = 0; i < e->count; i++) {
        const node *v = e->items[i];
        int fits;
        if (v->kind == NODE_SCALAR && !v->quoted && node_is_null(v)) {
            *nullable = true;
            continue;
        }
        fits = enum_value_fits(v, kind, seen);
        if (fits < 0)
            continue;
        if (!fits) {
            json_decref(seen);
            imp_not_expressed(im, def, v,
                              kind != SHAPE_STRING && kind != SHAPE_INTEGER
                                  ? "an enum of values that are not strings or integers"
                              : v->kind != NODE_SCALAR || (kind == SHAPE_STRING) != node_is_string(v)
                                  ? "an enum with values of another type than its own"
                                  : "enum values that make no C constant, or the same one",
                              ptr);
            return;
        }
        draft_push(&im->d, list, draft_copy_node(&im->d, v));
    }
    json_decref(seen);
    if (list->count == 1)
        draft_set(&im->d, def, "const", list->items[0]);
    else if (list->count > 1) {
        list->flow = true;
        draft_set(&im->d, def, "enum", list);
    }
}

static void copy_value(importer *im, draft_node *def, const node *schema, const char *key,
                       const char *ptr)
{
    const node *v = node_get(schema, key);
    draft_node *c;
    if (!v)
        return;
    if (strcmp(key, "const") == 0 && v->kind != NODE_SCALAR) {
        imp_not_expressed(im, def, v, "a const that is an object or an array", ptr);
        return;
    }
    if (strcmp(key, "const") == 0 && !v->quoted && node_is_null(v))
        return; /* const: null is the value's nullability */
    if (!(c = draft_copy_node(&im->d, v)))
        return;
    c->flow = true;
    if (strcmp(key, "const") != 0 || true)
        imp_droppable(im, c, def, v, imp_ptr(im, ptr, key));
    draft_set(&im->d, def, key, c);
}

static void copy_annotations(importer *im, draft_node *def, const node *schema, const char *ptr)
{
    static const char *const flags[] = {"deprecated", "readOnly", "writeOnly", NULL};
    const node *d = node_get(schema, "description"), *ex = node_get(schema, "example");
    const node *exs = node_get(schema, "examples");
    size_t i;
    for (i = 0; flags[i]; i++)
        if (flag(schema, flags[i]))
            draft_set_lit(&im->d, def, flags[i], "true");
    if (!ex && exs && exs->kind == NODE_SEQ && exs->count)
        ex = exs->items[0];
    if (ex) {
        draft_node *c = draft_copy_node(&im->d, ex);
        if (c) {
            c->flow = true;
            imp_droppable(im, c, def, ex, imp_ptr(im, ptr, "example"));
            draft_set(&im->d, def, "example", c);
        }
    }
    if (d && d->kind == NODE_SCALAR && strlen(d->value) == d->len && d->len)
        draft_set_str(&im->d, def, "description", d->value);
}

/* ---- scalars and arrays --------------------------------------------- */

static imp_shape scalar(importer *im, const node *schema, const char *word, const char *ptr)
{
    imp_shape sh = {NULL, false, NULL};
    shape_kind kind = strcmp(word, "string") == 0    ? SHAPE_STRING
                      : strcmp(word, "integer") == 0 ? SHAPE_INTEGER
                      : strcmp(word, "number") == 0  ? SHAPE_NUMBER
                                                     : SHAPE_BOOLEAN;
    sh.def = draft_map(&im->d);
    draft_set_str(&im->d, sh.def, "type", word);
    copy_format(im, sh.def, schema, kind);
    if (kind == SHAPE_STRING) {
        copy_count(im, sh.def, schema, "minLength", "minLength");
        copy_count(im, sh.def, schema, "maxLength", "maxLength");
        copy_pattern(im, sh.def, schema, ptr);
    } else if (kind != SHAPE_BOOLEAN) {
        copy_bounds(im, sh.def, schema, kind == SHAPE_INTEGER, ptr);
    }
    if (kind == SHAPE_BOOLEAN && node_get(schema, "enum")) {
        const node *e = node_get(schema, "enum");
        size_t i;
        for (i = 0; e->kind == NODE_SEQ && i < e->count; i++)
            if (!e->items[i]->quoted && node_is_null(e->items[i]))
                sh.nullable = true;
        if (e->kind == NODE_SEQ && e->count - sh.nullable == 1)
            draft_set(&im->d, sh.def, "const", draft_copy_node(&im->d, e->items[0]));
    } else if (kind != SHAPE_NUMBER || node_get(schema, "enum")) {
        copy_enum(im, sh.def, schema, kind, &sh.nullable, ptr);
    }
    copy_value(im, sh.def, schema, "const", ptr);
    return sh;
}

static imp_shape array(importer *im, const node *schema, const char *ptr, const char *hint)
{
    imp_shape sh = {NULL, false, NULL}, el;
    const node *items = node_get(schema, "items");
    sh.def = draft_map(&im->d);
    draft_set_str(&im->d, sh.def, "type", "array");
    if (items && items->kind == NODE_SEQ) {
        sh.def = imp_any(im, items, "a tuple (items as a list)", ptr);
        return sh;
    }
    if (items)
        el = imp_schema(im, items, imp_ptr(im, ptr, "items"), draft_printf(&im->d, "%sItem", hint));
    else
        el.def = imp_any(im, NULL, NULL, NULL), el.nullable = false, el.named = NULL;
    imp_fit(im, &el, IR_ELEMENT, items, ptr);
    draft_set(&im->d, sh.def, "items", el.def);
    copy_count(im, sh.def, schema, "minItems", "minItems");
    copy_count(im, sh.def, schema, "maxItems", "maxItems");
    if (flag(schema, "uniqueItems"))
        draft_set_lit(&im->d, sh.def, "uniqueItems", "true");
    return sh;
}


/* ---- dispatch ------------------------------------------------------- */

static imp_shape by_kind(importer *im, const node *schema, const char *ptr, const char *hint,
                         bool *nullable)
{
    imp_shape sh = {NULL, false, NULL};
    const char *word = type_word(schema, nullable);
    const node *list = node_get(schema, "oneOf") ? node_get(schema, "oneOf") : node_get(schema, "anyOf");
    size_t i;
    for (i = 0; unexpressible[i]; i++)
        if (node_get(schema, unexpressible[i])) {
            sh.def = imp_any(im, node_get(schema, unexpressible[i]),
                             draft_printf(&im->d, "the keyword '%s'", unexpressible[i]), ptr);
            return sh;
        }
    if (list || (word && !*word))
        return imp_union(im, schema, list, ptr, hint);
    if (node_get(schema, "allOf"))
        return imp_all_of(im, schema, ptr, hint);
    if (!word)
        word = implied_type(schema);
    return imp_typed(im, schema, word, ptr, hint);
}

imp_shape imp_typed(importer *im, const node *schema, const char *word, const char *ptr,
                    const char *hint)
{
    imp_shape sh = {NULL, false, NULL};
    if (!word) {
        sh.def = imp_any(im, NULL, NULL, NULL);
        return sh;
    }
    if (strcmp(word, "null") == 0) {
        sh.def = imp_any(im, schema, "a value that is always null", ptr);
        return sh;
    }
    if (strcmp(word, "object") == 0)
        return imp_object(im, schema, ptr, hint);
    if (strcmp(word, "array") == 0)
        return array(im, schema, ptr, hint);
    if (strcmp(word, "string") == 0 || strcmp(word, "integer") == 0 ||
        strcmp(word, "number") == 0 || strcmp(word, "boolean") == 0)
        return scalar(im, schema, word, ptr);
    sh.def = imp_any(im, node_get(schema, "type"), "an unknown type", ptr);
    return sh;
}

/* A name for what a $ref points to that is no component schema, from its
 * pointer: #/components/schemas/Pet/properties/owner -> PetOwner. */
static const char *pointer_name(importer *im, const char *ptr, const char *hint)
{
    static const char *const skip[] = {"#", "components", "schemas", "properties", "items",
                                       "allOf", "oneOf", "anyOf", "additionalProperties", NULL};
    const char *p = ptr, *name = "";
    size_t i;
    if (strncmp(ptr, "#/components/schemas/", 21) != 0)
        return hint;
    while (p && *p) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *seg = draft_strndup(&im->d, p, len);
        bool keep = seg && !(seg[0] >= '0' && seg[0] <= '9');
        for (i = 0; keep && skip[i]; i++)
            keep = strcmp(seg, skip[i]) != 0;
        if (keep)
            name = draft_printf(&im->d, "%s%s", name, imp_pascal(im, seg));
        p = end ? end + 1 : NULL;
    }
    return name && *name ? name : hint;
}

/* The $ref of schema, followed: a named type's use, or the target inline. */
static imp_shape by_ref(importer *im, const node *schema, const char *ptr, const char *hint)
{
    imp_shape sh = {NULL, false, NULL};
    bool external;
    char *to = (char *)ptr;
    const node *target = imp_follow(im, schema, &to, &external);
    const char *comp;
    if (!target) {
        sh.def = imp_any(im, node_get(schema, "$ref"), external ? "an external $ref" : NULL, ptr);
        return sh;
    }
    comp = imp_component_name(im, target);
    sh = imp_schema(im, target, to, comp ? comp : pointer_name(im, to, hint));
    if (sh.def && !sh.named && node_get(schema, "description") && !draft_get(sh.def, "description"))
        copy_annotations(im, sh.def, schema, ptr);
    return sh;
}

imp_shape imp_schema(importer *im, const node *schema, const char *ptr, const char *hint)
{
    imp_shape sh = {NULL, false, NULL};
    bool nullable = false, b;
    if (imp_oom(im) || !ptr)
        return sh; /* out of memory: nothing more is drafted */
    if (!hint)
        hint = "Value";
    if (schema->kind == NODE_SCALAR && node_as_bool(schema, &b)) {
        sh.def = imp_any(im, schema, b ? NULL : "the schema false (no value is valid)", ptr);
        return sh;
    }
    if (schema->kind != NODE_MAP) {
        sh.def = imp_any(im, schema, "a schema that is not a mapping", ptr);
        return sh;
    }
    if (node_get(schema, "$ref"))
        return by_ref(im, schema, ptr, hint);
    if (im->depth >= IMP_MAX_DEPTH) {
        sh.def = imp_any(im, schema, "schemas nested too deep", ptr);
        return sh;
    }
    im->depth++;
    sh = by_kind(im, schema, ptr, hint, &nullable);
    im->depth--;
    sh.nullable |= nullable || flag(schema, "nullable");
    if (sh.def && !sh.named)
        copy_annotations(im, sh.def, schema, ptr);
    if (sh.def && !sh.named && node_get(schema, "default"))
        copy_value(im, sh.def, schema, "default", ptr);
    return sh;
}
