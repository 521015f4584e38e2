/*
 * check.c — the spec's top level, its types and their fields. Grammar lives
 * in parse.c, the shape of one value in check_shape.c; what a spec means as
 * a whole is decided here, and spec_check() runs the later checks
 * (endpoints, C names, examples).
 */
#define _POSIX_C_SOURCE 200809L

#include "check_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

/* ---------------------------------------------------------- types, fields */

void ck_field(checker *ck, type_def *t, const node *key, const node *def, field *f)
{
    static const char *const own_keys[] = {"required", "nullable", "description",
                                           "example",  "c_name",   NULL};
    const char *outer = ck->inline_name;
    char what[160];
    const node *v;

    f->where = key->where;
    f->key_node = key;
    f->def_node = def;
    f->json_name = arena_strndup(ck->a, key->value, key->len);
    f->json_len = key->len;
    snprintf(what, sizeof what, "field '%.60s' of type '%s'", key->value, t->name);
    if (strlen(key->value) != key->len) {
        diag_error(key->where, "%s: JSON names with NUL characters are not supported", what);
        return;
    }
    if (!ck_expect(def, NODE_MAP, what))
        return;
    ck->inline_name = ck_camel_join(ck, t->name, key->value);
    ck_shape(ck, def, &f->shape, ROLE_FIELD, own_keys, what);
    ck->inline_name = outer;
    if ((v = node_get(def, "required")))
        ck_bool(v, "required", &f->required);
    if ((v = node_get(def, "nullable")))
        ck_bool(v, "nullable", &f->nullable);
    f->deprecated = f->shape.deprecated;
    f->description = ck_optional_string(ck, def, "description", what);
    f->example = node_get(def, "example");
    f->c_name = ck_c_name(ck, key, def, "field name");
}

static void check_policy(type_def *t, const node *def)
{
    static const char *const policies[] = {"preserve", "ignore", "reject", NULL};
    const node *v = node_get(def, "unknown_fields");
    size_t i;
    if (!v)
        return;
    for (i = 0; policies[i]; i++)
        if (v->kind == NODE_SCALAR && strcmp(v->value, policies[i]) == 0) {
            t->unknown = (unknown_policy)i;
            return;
        }
    diag_error(v->where, "unknown_fields: expected preserve, ignore or reject, got %s",
               v->kind == NODE_SCALAR ? v->value : WHAT(v));
}

/* An object type written with `fields:`. */
static void check_object(checker *ck, type_def *t, const node *def)
{
    const node *fields = node_get(def, "fields");
    size_t i;
    if (fields->kind == NODE_SCALAR && node_is_null(fields))
        return;
    if (!ck_expect(fields, NODE_MAP, "fields"))
        return;
    t->field_count = fields->count;
    t->fields = arena_alloc(ck->a, (fields->count ? fields->count : 1) * sizeof *t->fields);
    for (i = 0; i < fields->count; i++)
        ck_field(ck, t, fields->keys[i], fields->items[i], &t->fields[i]);
}

/* A value type: `type:` and its keywords, like an element. */
static void check_value_type(checker *ck, type_def *t, const node *def, const char *what)
{
    static const char *const own_keys[] = {"description", "deprecated", "examples", NULL};
    const char *outer = ck->inline_name;
    ck->inline_name = t->name;
    ck_shape(ck, def, &t->value, ROLE_VALUE, own_keys, what);
    ck->inline_name = outer;
    if (t->value.kind == SHAPE_REF)
        diag_error(t->value.where, "%s: a type that is only another type; use '%s' itself",
                   what, t->value.ref->name);
}

/* Which of fields, allOf, oneOf or type a type is written with (exactly one). */
static const char *type_form(const node *def, const char *what)
{
    static const char *const forms[] = {"fields", "allOf", "oneOf", "type", NULL};
    const char *found = NULL;
    size_t i;
    for (i = 0; forms[i]; i++) {
        const node *v = node_get(def, forms[i]);
        if (!v)
            continue;
        if (found) {
            diag_error(v->where, "%s: give one of fields, allOf, oneOf or type, not both '%s' "
                                 "and '%s'",
                       what, found, forms[i]);
            return NULL;
        }
        found = forms[i];
    }
    if (!found)
        diag_error(def->where,
                   "%s: missing required key 'fields' (use 'fields: {}' for none; specc: 2 "
                   "also has allOf, oneOf and type)",
                   what);
    return found;
}

static void check_type_body(checker *ck, type_def *t, const node *def)
{
    static const char *const object_keys[] = {"description", "unknown_fields", "fields",
                                              "allOf",       "deprecated",     "c_name",
                                              "examples",    NULL};
    char what[96];
    const char *form;
    const node *v;

    snprintf(what, sizeof what, "type '%s'", t->name);
    if (!ck_expect(def, NODE_MAP, what))
        return;
    t->def = def;
    if (!(form = type_form(def, what)))
        return;
    ck_example_files(ck, def, &t->examples, &t->example_count, what);
    if (strcmp(form, "fields") != 0 && !ck_needs_version(ck, ck_key(def, form), 2))
        return;
    if (strcmp(form, "oneOf") == 0) {
        ck_union(ck, t, def);
        return;
    }
    if (strcmp(form, "type") == 0) {
        t->kind = TYPE_VALUE;
        t->description = ck_optional_string(ck, def, "description", what);
        if ((v = node_get(def, "deprecated")))
            ck_bool(v, "deprecated", &t->deprecated);
        check_value_type(ck, t, def, what);
        return;
    }
    ck_known_keys(def, object_keys, what);
    t->kind = TYPE_OBJECT;
    t->description = ck_optional_string(ck, def, "description", what);
    if ((v = node_get(def, "deprecated")) && ck_needs_version(ck, ck_key(def, "deprecated"), 2))
        ck_bool(v, "deprecated", &t->deprecated);
    check_policy(t, def);
    if (strcmp(form, "fields") == 0)
        check_object(ck, t, def);
}

/* Room for the inline types a spec can make: one per `oneOf` anywhere and
 * one per response. */
static size_t inline_room(const node *n)
{
    size_t i, room = 0;
    if (n->kind == NODE_SCALAR)
        return 0;
    for (i = 0; i < n->count; i++) {
        if (n->kind == NODE_MAP &&
            (strcmp(n->keys[i]->value, "oneOf") == 0 || strcmp(n->keys[i]->value, "responses") == 0))
            room += 1 + (n->items[i]->kind == NODE_MAP ? n->items[i]->count : 0);
        room += inline_room(n->items[i]);
    }
    return room;
}

/* What a type's definition will make it, before it is checked. */
static type_kind declared_kind(const node *def)
{
    const node *t;
    if (def->kind != NODE_MAP)
        return TYPE_OBJECT;
    if (node_get(def, "oneOf"))
        return TYPE_UNION;
    if ((t = node_get(def, "type")) && !node_get(def, "fields") && !node_get(def, "allOf"))
        return TYPE_VALUE;
    return TYPE_OBJECT;
}

static void check_types(checker *ck, const node *types)
{
    size_t i;
    int pass;
    spec *s = ck->s;
    if (types && !ck_expect(types, NODE_MAP, "types"))
        types = NULL;
    s->type_cap = (types ? types->count : 0) + inline_room(s->root) + 1;
    s->types = arena_alloc(ck->a, s->type_cap * sizeof *s->types);
    if (!types)
        return;
    /* Names first, so that fields may refer to types defined later. */
    for (i = 0; i < types->count; i++) {
        const node *k = types->keys[i];
        if (!ck_is_type_name(k->value) || strlen(k->value) != k->len) {
            diag_error(k->where,
                       "type name '%s' must start with an upper-case letter and hold only "
                       "ASCII letters and digits",
                       k->value);
            continue;
        }
        s->types[s->type_count].name = arena_strdup(ck->a, k->value);
        s->types[s->type_count].where = k->where;
        s->types[s->type_count].kind = declared_kind(types->items[i]);
        ck_index_type(ck, &s->types[s->type_count++]);
    }
    /* Value types, then unions, then objects: a union looks at its variants'
     * values, and everyone at the kind of the types it names. */
    for (pass = 0; pass < 3; pass++)
        for (i = 0; i < types->count; i++) {
            type_def *t = ck_find_type(ck, types->keys[i]->value);
            if (t && !t->is_inline && t->where.line == types->keys[i]->where.line &&
                t->where.col == types->keys[i]->where.col &&
                (int)t->kind == (pass == 0 ? TYPE_VALUE : pass == 1 ? TYPE_UNION : TYPE_OBJECT))
                check_type_body(ck, t, types->items[i]);
        }
    /* Then what needs other types' fields: compositions, discriminators. */
    for (i = 0; i < s->type_count; i++)
        if (s->types[i].def && node_get(s->types[i].def, "allOf"))
            ck_compose(ck, &s->types[i]);
}

/* ------------------------------------------------------------- top level */

static void check_auth(checker *ck, const node *n)
{
    static const char *const schemes[] = {"bearer", "api-key", "none", NULL};
    const node *const *items = n->kind == NODE_SEQ ? (const node *const *)n->items : &n;
    size_t count = n->kind == NODE_SEQ ? n->count : 1, i, j;
    spec *s = ck->s;
    if (n->kind == NODE_MAP) {
        diag_error(n->where, "auth: expected a scheme or a list of schemes, got a mapping");
        return;
    }
    s->auth = arena_alloc(ck->a, (count ? count : 1) * sizeof *s->auth);
    for (i = 0; i < count; i++) {
        const node *v = items[i];
        bool found = false;
        for (j = 0; schemes[j]; j++)
            if (v->kind == NODE_SCALAR && strcmp(v->value, schemes[j]) == 0)
                found = true;
        if (!found) {
            const char *hint = v->kind == NODE_SCALAR ? naming_suggest(v->value, schemes) : NULL;
            diag_error(v->where, "auth: unknown scheme '%s' (bearer, api-key or none)%s%s%s",
                       v->kind == NODE_SCALAR ? v->value : WHAT(v),
                       hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
            continue;
        }
        s->auth[s->auth_count++] = arena_strdup(ck->a, v->value);
    }
}

static void check_top(checker *ck, const node *root)
{
    static const char *const keys[] = {"specc", "api",  "title",     "docs",  "base_url",
                                       "auth",  "description", "endpoints", "types", NULL};
    spec *s = ck->s;
    const node *v;
    int64_t version;

    ck_known_keys(root, keys, "the spec");
    v = node_get(root, "specc");
    s->version = 2; /* without a valid version, check everything */
    if (!v)
        diag_error(root->where, "missing required key 'specc' (the spec language version: 1 or 2)");
    else if (v->kind != NODE_SCALAR || v->quoted || !node_as_int(v, &version) || version < 1 ||
             version > 2)
        diag_error(v->where, "specc: unsupported spec language version '%s' (versions 1 and 2 are known)",
                   v->kind == NODE_SCALAR ? v->value : WHAT(v));
    else
        s->version = (int)version;
    v = node_get(root, "api");
    if (!v) {
        diag_error(root->where, "missing required key 'api' (the C prefix, e.g. api: petstore)");
    } else if ((s->api = ck_string(ck, v, "api")) && !ck_is_snake_name(s->api)) {
        diag_error(v->where,
                   "api '%s' must be lower-case letters, digits and '_', starting with a "
                   "letter (it becomes the C prefix and file name)",
                   s->api);
        s->api = NULL;
    } else if (s->api && (strcmp(s->api, "specc") == 0 || strcmp(s->api, "speccp") == 0)) {
        diag_error(v->where, "api '%s' is the runtime's own prefix; choose another", s->api);
        s->api = NULL;
    }
    if (s->api)
        s->api_upper = arena_own(ck->a, naming_upper(s->api));
    s->title = ck_optional_string(ck, root, "title", "spec");
    s->docs = ck_optional_string(ck, root, "docs", "spec");
    s->base_url = ck_optional_string(ck, root, "base_url", "spec");
    s->description = ck_optional_string(ck, root, "description", "spec");
    if ((v = node_get(root, "auth")))
        check_auth(ck, v);
    check_types(ck, node_get(root, "types"));
    if ((v = node_get(root, "endpoints")))
        check_endpoints(ck, v);
    ck_union_discriminators(ck);
}

spec *spec_check(const char *path, node *root)
{
    int before = diag_errors();
    checker ck;
    spec *s = calloc(1, sizeof *s);
    if (!s) {
        node_free(root);
        return NULL;
    }
    s->file = path;
    s->root = root;
    ck.s = s;
    ck.a = &s->mem;
    ck.inline_name = NULL;
    ck.type_index = json_object();
    if (!ck.type_index) {
        spec_free(s);
        return NULL;
    }
    if (ck_expect(root, NODE_MAP, "spec file")) {
        check_top(&ck, root);
        if (diag_errors() == before) {
            check_names(&ck);
            check_examples(&ck);
        }
    }
    json_decref(ck.type_index);
    if (diag_errors() != before) {
        spec_free(s);
        return NULL;
    }
    return s;
}

