/*
 * check.c — the spec's top level, its types, their fields and the shapes of
 * values. Grammar only lives in parse.c; meaning is decided here.
 */
#define _POSIX_C_SOURCE 200809L

#include "check_internal.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "naming.h"

/* --------------------------------------------------------------- helpers */

const char *ck_what(const node *n, char *buf, size_t size)
{
    const char *kind = node_kind_name(n);
    if (n->kind == NODE_MAP)
        return "a mapping";
    if (n->kind == NODE_SEQ)
        return "a sequence";
    if (strcmp(kind, "null") == 0)
        return "null";
    if (n->quoted && !node_is_string(n))
        kind = "string";
    snprintf(buf, size, "%s %s%s%.40s%s%s", strcmp(kind, "integer") == 0 ? "an" : "a", kind,
             n->quoted || strcmp(kind, "string") == 0 ? " '" : " ", n->value,
             n->quoted || strcmp(kind, "string") == 0 ? "'" : "", n->len > 40 ? "..." : "");
    return buf;
}

const char *ck_what_tmp(const node *n)
{
    static char bufs[4][96];
    static unsigned next;
    char *b = bufs[next++ % 4];
    return ck_what(n, b, sizeof bufs[0]);
}
#define WHAT(n) ck_what_tmp(n)

bool ck_expect(const node *n, node_kind kind, const char *what)
{
    static const char *const names[] = {"a scalar", "a mapping", "a sequence"};
    if (n->kind == kind)
        return true;
    diag_error(n->where, "%s: expected %s, got %s", what, names[kind], WHAT(n));
    return false;
}

void ck_known_keys(const node *map, const char *const *allowed, const char *what)
{
    size_t i, j;
    for (i = 0; i < map->count; i++) {
        const node *k = map->keys[i];
        const char *hint;
        bool ok = false;
        for (j = 0; allowed[j]; j++)
            if (strlen(allowed[j]) == k->len && memcmp(allowed[j], k->value, k->len) == 0)
                ok = true;
        if (ok)
            continue;
        hint = naming_suggest(k->value, allowed);
        if (hint)
            diag_error(k->where, "unknown key '%s' in %s; did you mean '%s'?", k->value, what,
                       hint);
        else
            diag_error(k->where, "unknown key '%s' in %s", k->value, what);
    }
}

char *ck_string(checker *ck, const node *n, const char *what)
{
    if (!ck_expect(n, NODE_SCALAR, what))
        return NULL;
    if (!node_is_string(n)) {
        diag_error(n->where, "%s: expected a string, got %s (quote it if it is text)", what,
                   WHAT(n));
        return NULL;
    }
    if (strlen(n->value) != n->len) {
        diag_error(n->where, "%s: text may not contain NUL characters", what);
        return NULL;
    }
    return arena_strndup(ck->a, n->value, n->len);
}

bool ck_bool(const node *n, const char *what, bool *out)
{
    if (n->kind == NODE_SCALAR && node_as_bool(n, out))
        return true;
    diag_error(n->where, "%s: expected true or false, got %s", what, WHAT(n));
    return false;
}

type_def *ck_find_type(const spec *s, const char *name)
{
    size_t i;
    for (i = 0; i < s->type_count; i++)
        if (strcmp(s->types[i].name, name) == 0)
            return &s->types[i];
    return NULL;
}

static char *optional_string(checker *ck, const node *map, const char *key, const char *what)
{
    const node *v = node_get(map, key);
    char buf[256];
    if (!v)
        return NULL;
    snprintf(buf, sizeof buf, "%s: %s", what, key);
    return ck_string(ck, v, buf);
}

/* ---------------------------------------------------------------- shapes */

static const char *const scalar_types[] = {"string", "integer", "number", "boolean",
                                           "decimal", "any",     "array",  "map",
                                           NULL};

static bool is_type_name(const char *s)
{
    size_t i;
    if (!(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

/* Resolve a type word: scalar kinds, containers, or a named type. */
static bool resolve_kind(checker *ck, const node *n, shape *out)
{
    static const shape_kind kinds[] = {SHAPE_STRING,  SHAPE_INTEGER, SHAPE_NUMBER,
                                       SHAPE_BOOLEAN, SHAPE_DECIMAL, SHAPE_ANY,
                                       SHAPE_ARRAY,   SHAPE_MAP};
    const char *name;
    size_t i;
    if (!ck_expect(n, NODE_SCALAR, "type") || !node_is_string(n)) {
        if (n->kind == NODE_SCALAR)
            diag_error(n->where, "type: expected a type name, got %s", WHAT(n));
        return false;
    }
    name = n->value;
    out->where = n->where;
    for (i = 0; scalar_types[i]; i++) {
        if (strcmp(name, scalar_types[i]) == 0) {
            out->kind = kinds[i];
            return true;
        }
    }
    if (is_type_name(name)) {
        type_def *t = ck_find_type(ck->s, name);
        if (t) {
            out->kind = SHAPE_REF;
            out->ref = t;
            out->ref_name = t->name;
            return true;
        }
    }
    {
        /* Suggest among the built-in names and this spec's types. */
        size_t n_names = ck->s->type_count + 9, k = 0;
        const char **cands = arena_alloc(ck->a, n_names * sizeof *cands);
        const char *hint;
        for (i = 0; scalar_types[i]; i++)
            cands[k++] = scalar_types[i];
        for (i = 0; i < ck->s->type_count; i++)
            cands[k++] = ck->s->types[i].name;
        cands[k] = NULL;
        hint = naming_suggest(name, cands);
        if (hint)
            diag_error(n->where, "unknown type '%s'; did you mean '%s'?", name, hint);
        else
            diag_error(n->where, "unknown type '%s' (not a built-in type nor one in 'types:')",
                       name);
    }
    return false;
}

static bool parse_format(const node *n, shape *out)
{
    static const struct {
        const char *name;
        format_kind format;
        shape_kind kind;
    } formats[] = {{"date", FORMAT_DATE, SHAPE_STRING},
                   {"date-time", FORMAT_DATE_TIME, SHAPE_STRING},
                   {"uuid", FORMAT_UUID, SHAPE_STRING},
                   {"uri", FORMAT_URI, SHAPE_STRING},
                   {"email", FORMAT_EMAIL, SHAPE_STRING},
                   {"unix-time", FORMAT_UNIX_TIME, SHAPE_INTEGER},
                   {"int64", FORMAT_NONE, SHAPE_INTEGER},
                   {"double", FORMAT_NONE, SHAPE_NUMBER}};
    static const char *const names[] = {"date", "date-time", "uuid",   "uri",
                                        "email", "unix-time", "int64", "double", NULL};
    size_t i;
    const char *hint;
    if (n->kind != NODE_SCALAR || !node_is_string(n)) {
        diag_error(n->where, "format: expected a format name, got %s", WHAT(n));
        return false;
    }
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(n->value, formats[i].name) != 0)
            continue;
        if (formats[i].kind != out->kind) {
            diag_error(n->where, "format '%s' does not apply to type %s (it is for %s)", n->value,
                       shape_kind_name(out->kind), shape_kind_name(formats[i].kind));
            return false;
        }
        out->format = formats[i].format;
        return true;
    }
    hint = naming_suggest(n->value, names);
    if (hint)
        diag_error(n->where, "unknown format '%s'; did you mean '%s'?", n->value, hint);
    else
        diag_error(n->where,
                   "unknown format '%s' (string: date, date-time, uuid, uri, email; "
                   "integer: unix-time)",
                   n->value);
    return false;
}

static bool parse_bound(checker *ck, const node *n, const char *key, shape *out, bound *b)
{
    if (out->kind != SHAPE_INTEGER && out->kind != SHAPE_NUMBER && out->kind != SHAPE_DECIMAL) {
        diag_error(n->where, "%s does not apply to type %s (only to integer, number, decimal)",
                   key, shape_kind_name(out->kind));
        return false;
    }
    if (n->kind != NODE_SCALAR || n->quoted || !node_as_number(n, &b->number)) {
        diag_error(n->where, "%s: expected a number, got %s", key, WHAT(n));
        return false;
    }
    if (out->kind == SHAPE_INTEGER && !node_as_int(n, &b->integer)) {
        diag_error(n->where, "%s of an integer must be an integer in int64 range, got %s", key,
                   n->value);
        return false;
    }
    b->set = true;
    b->text = arena_strndup(ck->a, n->value, n->len);
    return true;
}

static bool parse_count(const node *n, const char *key, shape *out, size_bound *b)
{
    int64_t v;
    bool is_len = strcmp(key, "minLength") == 0 || strcmp(key, "maxLength") == 0;
    if (is_len && out->kind != SHAPE_STRING) {
        diag_error(n->where, "%s does not apply to type %s (only to string)", key,
                   shape_kind_name(out->kind));
        return false;
    }
    if (!is_len && out->kind != SHAPE_ARRAY && out->kind != SHAPE_MAP) {
        diag_error(n->where, "%s does not apply to type %s (only to array and map)", key,
                   shape_kind_name(out->kind));
        return false;
    }
    if (n->kind != NODE_SCALAR || n->quoted || !node_as_int(n, &v) || v < 0) {
        diag_error(n->where, "%s: expected a non-negative integer, got %s", key,
                   n->kind == NODE_SCALAR ? n->value : WHAT(n));
        return false;
    }
    b->set = true;
    b->value = (uint64_t)v;
    return true;
}

static bool parse_pattern(checker *ck, const node *n, shape *out)
{
    regex_t re;
    int rc;
    if (out->kind != SHAPE_STRING) {
        diag_error(n->where, "pattern does not apply to type %s (only to string)",
                   shape_kind_name(out->kind));
        return false;
    }
    out->pattern = ck_string(ck, n, "pattern");
    if (!out->pattern)
        return false;
    rc = regcomp(&re, out->pattern, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char msg[200];
        regerror(rc, &re, msg, sizeof msg);
        diag_error(n->where, "pattern is not a valid POSIX extended regular expression: %s", msg);
        out->pattern = NULL;
        return false;
    }
    regfree(&re);
    return true;
}

static bool parse_enum(checker *ck, const node *n, shape *out)
{
    size_t i, j;
    bool ok = true;
    if (out->kind != SHAPE_STRING && out->kind != SHAPE_INTEGER) {
        diag_error(n->where, "enum does not apply to type %s (only to string and integer)",
                   shape_kind_name(out->kind));
        return false;
    }
    if (!ck_expect(n, NODE_SEQ, "enum"))
        return false;
    if (n->count == 0) {
        diag_error(n->where, "enum: needs at least one value");
        return false;
    }
    out->enums = arena_alloc(ck->a, n->count * sizeof *out->enums);
    out->enum_count = n->count;
    for (i = 0; i < n->count; i++) {
        const node *v = n->items[i];
        enum_value *e = &out->enums[i];
        e->where = v->where;
        if (v->kind != NODE_SCALAR) {
            diag_error(v->where, "enum value: expected a scalar, got %s", WHAT(v));
            ok = false;
            continue;
        }
        if (out->kind == SHAPE_INTEGER) {
            if (v->quoted || !node_as_int(v, &e->number)) {
                diag_error(v->where, "enum value of an integer must be an integer, got %s",
                           WHAT(v));
                ok = false;
                continue;
            }
            /* Integer enums keep int64_t members: no C constants. */
        } else {
            char *snake;
            if (!node_is_string(v)) {
                diag_error(v->where,
                           "enum value of a string must be a string, got %s; quote it: \"%s\"",
                           WHAT(v), v->value);
                ok = false;
                continue;
            }
            if (strlen(v->value) != v->len) {
                diag_error(v->where, "enum value may not contain NUL characters");
                ok = false;
                continue;
            }
            e->text = arena_strndup(ck->a, v->value, v->len);
            e->text_len = v->len;
            snake = naming_snake(v->value, v->len);
            if (!snake) {
                diag_error(v->where,
                           "enum value '%s' has no letters or digits to make a C name from",
                           v->value);
                ok = false;
                continue;
            }
            e->c_suffix = arena_own(ck->a, naming_upper(snake));
            free(snake);
        }
        for (j = 0; j < i; j++) {
            const enum_value *p = &out->enums[j];
            if (out->kind == SHAPE_STRING && (!p->c_suffix || !e->c_suffix))
                continue;
            if (out->kind == SHAPE_STRING && strcmp(p->text, e->text) == 0) {
                diag_error(v->where, "enum value '%s' is listed twice", e->text);
                ok = false;
            } else if (out->kind == SHAPE_INTEGER && p->number == e->number) {
                diag_error(v->where, "enum value %lld is listed twice", (long long)e->number);
                ok = false;
            } else if (out->kind == SHAPE_STRING && strcmp(p->c_suffix, e->c_suffix) == 0) {
                diag_error(v->where, "enum values '%s' and '%s' both become C name suffix %s",
                           p->text ? p->text : "?", e->text ? e->text : "?", e->c_suffix);
                diag_note(p->where, "'%s' is here", p->text ? p->text : "?");
                ok = false;
            }
            if (!ok)
                break;
        }
    }
    return ok;
}

/* items: and values: take a type name or an inline shape mapping. */
static bool parse_element(checker *ck, const node *n, shape *parent, const char *key)
{
    shape *el = arena_alloc(ck->a, sizeof *el);
    char what[64];
    parent->items = el;
    snprintf(what, sizeof what, "%s", key);
    if (n->kind == NODE_SCALAR)
        return resolve_kind(ck, n, el) &&
               (el->kind != SHAPE_ARRAY && el->kind != SHAPE_MAP
                    ? true
                    : (diag_error(n->where,
                                  "%s: '%s' needs its own element type; write {type: %s, %s: ...}",
                                  key, n->value, n->value,
                                  strcmp(n->value, "array") == 0 ? "items" : "values"),
                       false));
    if (n->kind != NODE_MAP) {
        diag_error(n->where, "%s: expected a type name or a mapping, got %s", key, WHAT(n));
        return false;
    }
    return ck_shape(ck, n, el, false, what);
}

bool ck_shape(checker *ck, const node *def, shape *out, bool is_field, const char *what)
{
    static const char *const field_keys[] = {
        "type",      "format",    "items",     "values",   "required",    "nullable", "enum",
        "open",      "minimum",   "maximum",   "minLength", "maxLength",  "minItems", "maxItems",
        "pattern",   "description", "example", "c_name",   NULL};
    static const char *const element_keys[] = {
        "type",      "format",    "items",    "values",   "minimum", "maximum", "minLength",
        "maxLength", "minItems",  "maxItems", "pattern",  "description", NULL};
    const node *t = node_get(def, "type");
    bool ok = true;
    size_t i;

    out->where = def->where;
    ck_known_keys(def, is_field ? field_keys : element_keys, what);
    if (!t) {
        diag_error(def->where, "%s: missing required key 'type'", what);
        return false;
    }
    if (!resolve_kind(ck, t, out))
        return false;

    for (i = 0; i < def->count; i++) {
        const char *k = def->keys[i]->value;
        const node *v = def->items[i];
        if (strcmp(k, "format") == 0)
            ok &= parse_format(v, out);
        else if (strcmp(k, "items") == 0 || strcmp(k, "values") == 0) {
            shape_kind want = strcmp(k, "items") == 0 ? SHAPE_ARRAY : SHAPE_MAP;
            if (out->kind != want) {
                diag_error(def->keys[i]->where, "%s applies only to type %s, not %s", k,
                           shape_kind_name(want), shape_kind_name(out->kind));
                ok = false;
            } else {
                ok &= parse_element(ck, v, out, k);
            }
        } else if (strcmp(k, "minimum") == 0)
            ok &= parse_bound(ck, v, k, out, &out->minimum);
        else if (strcmp(k, "maximum") == 0)
            ok &= parse_bound(ck, v, k, out, &out->maximum);
        else if (strcmp(k, "minLength") == 0)
            ok &= parse_count(v, k, out, &out->min_length);
        else if (strcmp(k, "maxLength") == 0)
            ok &= parse_count(v, k, out, &out->max_length);
        else if (strcmp(k, "minItems") == 0)
            ok &= parse_count(v, k, out, &out->min_items);
        else if (strcmp(k, "maxItems") == 0)
            ok &= parse_count(v, k, out, &out->max_items);
        else if (strcmp(k, "pattern") == 0)
            ok &= parse_pattern(ck, v, out);
        else if (strcmp(k, "enum") == 0)
            ok &= parse_enum(ck, v, out);
        else if (strcmp(k, "open") == 0)
            ok &= ck_bool(v, "open", &out->open);
    }
    if ((out->kind == SHAPE_ARRAY || out->kind == SHAPE_MAP) && !out->items && ok) {
        diag_error(t->where, "type %s needs '%s'", shape_kind_name(out->kind),
                   out->kind == SHAPE_ARRAY ? "items" : "values");
        ok = false;
    }
    if (out->open && !out->enums && node_get(def, "enum") == NULL) {
        diag_error(node_get(def, "open")->where, "open applies only to a field with an enum");
        ok = false;
    }
    if (out->minimum.set && out->maximum.set && out->minimum.number > out->maximum.number) {
        diag_error(node_get(def, "maximum")->where, "maximum %s is below minimum %s",
                   out->maximum.text, out->minimum.text);
        ok = false;
    }
    if (out->min_length.set && out->max_length.set && out->min_length.value > out->max_length.value) {
        diag_error(node_get(def, "maxLength")->where, "maxLength is below minLength");
        ok = false;
    }
    if (out->min_items.set && out->max_items.set && out->min_items.value > out->max_items.value) {
        diag_error(node_get(def, "maxItems")->where, "maxItems is below minItems");
        ok = false;
    }
    return ok;
}

/* ---------------------------------------------------------- types, fields */

static void check_field(checker *ck, type_def *t, const node *key, const node *def, field *f)
{
    char what[160];
    const node *v;

    f->where = key->where;
    f->json_name = arena_strndup(ck->a, key->value, key->len);
    f->json_len = key->len;
    snprintf(what, sizeof what, "field '%.60s' of type '%s'", key->value, t->name);
    if (strlen(key->value) != key->len) {
        diag_error(key->where, "%s: JSON names with NUL characters are not supported", what);
        return;
    }
    if (!ck_expect(def, NODE_MAP, what))
        return;
    ck_shape(ck, def, &f->shape, true, what);
    if ((v = node_get(def, "required")))
        ck_bool(v, "required", &f->required);
    if ((v = node_get(def, "nullable")))
        ck_bool(v, "nullable", &f->nullable);
    f->description = optional_string(ck, def, "description", what);
    f->example = node_get(def, "example");
    if ((v = node_get(def, "c_name"))) {
        char *c = ck_string(ck, v, "c_name");
        if (c && !naming_is_identifier(c))
            diag_error(v->where, "c_name '%s' is not a valid C identifier", c);
        else if (c && naming_is_reserved(c))
            diag_error(v->where, "c_name '%s' is reserved in C (a keyword or a standard macro)",
                       c);
        else
            f->c_name = c;
    } else {
        char *snake = naming_snake(key->value, key->len);
        if (!snake)
            diag_error(key->where,
                       "field name '%s' has no letters or digits to make a C name from; "
                       "give it a c_name",
                       key->value);
        else
            f->c_name = arena_own(ck->a, naming_safe(snake));
        free(snake);
    }
}

static void check_type_body(checker *ck, type_def *t, const node *def)
{
    static const char *const keys[] = {"description", "unknown_fields", "fields", "c_name", NULL};
    char what[96];
    const node *v, *fields;
    size_t i;

    snprintf(what, sizeof what, "type '%s'", t->name);
    if (!ck_expect(def, NODE_MAP, what))
        return;
    ck_known_keys(def, keys, what);
    t->description = optional_string(ck, def, "description", what);
    if ((v = node_get(def, "unknown_fields"))) {
        static const char *const policies[] = {"preserve", "ignore", "reject", NULL};
        bool found = false;
        for (i = 0; policies[i]; i++)
            if (v->kind == NODE_SCALAR && strcmp(v->value, policies[i]) == 0) {
                t->unknown = (unknown_policy)i;
                found = true;
            }
        if (!found)
            diag_error(v->where, "unknown_fields: expected preserve, ignore or reject, got %s",
                       v->kind == NODE_SCALAR ? v->value : WHAT(v));
    }
    fields = node_get(def, "fields");
    if (!fields) {
        diag_error(def->where, "%s: missing required key 'fields' (use 'fields: {}' for none)",
                   what);
        return;
    }
    if (fields->kind == NODE_SCALAR && node_is_null(fields))
        return;
    if (!ck_expect(fields, NODE_MAP, "fields"))
        return;
    t->field_count = fields->count;
    t->fields = arena_alloc(ck->a, (fields->count ? fields->count : 1) * sizeof *t->fields);
    for (i = 0; i < fields->count; i++)
        check_field(ck, t, fields->keys[i], fields->items[i], &t->fields[i]);
}

static void check_types(checker *ck, const node *types)
{
    size_t i;
    spec *s = ck->s;
    if (!ck_expect(types, NODE_MAP, "types"))
        return;
    /* Names first, so that fields may refer to types defined later. */
    s->types = arena_alloc(ck->a, (types->count ? types->count : 1) * sizeof *s->types);
    for (i = 0; i < types->count; i++) {
        const node *k = types->keys[i];
        if (!is_type_name(k->value) || strlen(k->value) != k->len) {
            diag_error(k->where,
                       "type name '%s' must start with an upper-case letter and hold only "
                       "ASCII letters and digits",
                       k->value);
            continue;
        }
        s->types[s->type_count].name = arena_strdup(ck->a, k->value);
        s->types[s->type_count].where = k->where;
        s->type_count++;
    }
    for (i = 0; i < types->count; i++) {
        type_def *t = ck_find_type(s, types->keys[i]->value);
        if (t && t->where.line == types->keys[i]->where.line &&
            t->where.col == types->keys[i]->where.col)
            check_type_body(ck, t, types->items[i]);
    }
}

/* ------------------------------------------------------------- top level */

bool ck_is_snake_name(const char *s)
{
    size_t i;
    if (!(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return s[i - 1] != '_';
}

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
    if (!v)
        diag_error(root->where, "missing required key 'specc' (the spec language version: 1)");
    else if (v->kind != NODE_SCALAR || v->quoted || !node_as_int(v, &version) || version != 1)
        diag_error(v->where, "specc: unsupported spec language version '%s' (this is version 1)",
                   v->kind == NODE_SCALAR ? v->value : WHAT(v));
    v = node_get(root, "api");
    if (!v) {
        diag_error(root->where, "missing required key 'api' (the C prefix, e.g. api: petstore)");
    } else if ((s->api = ck_string(ck, v, "api")) && !ck_is_snake_name(s->api)) {
        diag_error(v->where,
                   "api '%s' must be lower-case letters, digits and '_', starting with a "
                   "letter (it becomes the C prefix and file name)",
                   s->api);
        s->api = NULL;
    }
    if (s->api)
        s->api_upper = arena_own(ck->a, naming_upper(s->api));
    s->title = optional_string(ck, root, "title", "spec");
    s->docs = optional_string(ck, root, "docs", "spec");
    s->base_url = optional_string(ck, root, "base_url", "spec");
    s->description = optional_string(ck, root, "description", "spec");
    if ((v = node_get(root, "auth")))
        check_auth(ck, v);
    if ((v = node_get(root, "types")))
        check_types(ck, v);
    if ((v = node_get(root, "endpoints")))
        check_endpoints(ck, v);
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
    if (ck_expect(root, NODE_MAP, "spec file")) {
        check_top(&ck, root);
        if (diag_errors() == before) {
            check_names(&ck);
            check_examples(&ck);
        }
    }
    if (diag_errors() != before) {
        spec_free(s);
        return NULL;
    }
    return s;
}

spec *spec_load(const char *path)
{
    node *root = parse_file(path);
    if (!root)
        return NULL;
    return spec_check(path, root);
}

void spec_free(spec *s)
{
    if (!s)
        return;
    node_free(s->root);
    arena_free(&s->mem);
    free(s);
}

const char *shape_kind_name(shape_kind kind)
{
    static const char *const names[] = {"string", "integer", "number", "boolean", "decimal",
                                        "any",    "array",   "map",    "object"};
    return names[kind];
}

const char *format_name(format_kind format)
{
    static const char *const names[] = {"", "date", "date-time", "uuid", "uri", "email",
                                        "unix-time"};
    return names[format];
}
