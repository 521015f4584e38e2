/*
 * check_shape.c — the shape grammar: what one value may be (a kind or a
 * named type, its format, items or values, enum, bounds, lengths, counts,
 * pattern). Used by fields, by inline items and values, and by request
 * parameters, so each keyword is understood in one place.
 */
#define _POSIX_C_SOURCE 200809L

#include "check_internal.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naming.h"

/* Resolve a type word: scalar kinds, containers, or a named type. */
bool ck_type_word(checker *ck, const node *n, shape *out)
{
    const kind_info *k;
    const char *name;
    size_t i;
    if (!ck_expect(n, NODE_SCALAR, "type") || !node_is_string(n)) {
        if (n->kind == NODE_SCALAR)
            diag_error(n->where, "type: expected a type name, got %s", WHAT(n));
        return false;
    }
    name = n->value;
    out->where = n->where;
    if ((k = kind_find(name)) != NULL) {
        out->kind = k->kind;
        return true;
    }
    if (ck_is_type_name(name)) {
        type_def *t = ck_find_type(ck, name);
        if (t) {
            out->kind = SHAPE_REF;
            out->ref = t;
            out->ref_name = t->name;
            return true;
        }
    }
    {
        /* Suggest among the built-in names and this spec's types. */
        size_t n_names = ck->s->type_count + 16, used;
        const char **cands = arena_alloc(ck->a, n_names * sizeof *cands);
        const char *hint;
        used = kind_words(cands, 15);
        for (i = 0; i < ck->s->type_count; i++)
            cands[used++] = ck->s->types[i].name;
        cands[used] = NULL;
        hint = naming_suggest(name, cands);
        if (hint)
            diag_error(n->where, "unknown type '%s'; did you mean '%s'?", name, hint);
        else
            diag_error(n->where, "unknown type '%s' (not a built-in type nor one in 'types:')",
                       name);
    }
    return false;
}

/* "date, date-time, uuid" — the format names of one kind, for messages. */
static char *format_list(checker *ck, shape_kind kind)
{
    const char *names[32];
    size_t n = format_names(names, 32, kind), i;
    char *out = arena_strdup(ck->a, "");
    for (i = 0; i < n; i++)
        out = arena_printf(ck->a, "%s%s%s", out, i ? ", " : "", names[i]);
    return out;
}

static bool parse_format(checker *ck, const node *n, shape *out)
{
    const char *names[33];
    const format_info *f;
    const char *hint;
    if (n->kind != NODE_SCALAR || !node_is_string(n)) {
        diag_error(n->where, "format: expected a format name, got %s", WHAT(n));
        return false;
    }
    if ((f = format_find(n->value)) != NULL) {
        if (f->applies_to != out->kind) {
            diag_error(n->where, "format '%s' does not apply to type %s (it is for %s)", n->value,
                       shape_kind_name(out->kind), shape_kind_name(f->applies_to));
            return false;
        }
        out->format = f->format;
        return f->version <= ck->s->version || ck_needs_version(ck, n, f->version);
    }
    names[format_names(names, 32, SHAPE_ANY)] = NULL;
    hint = naming_suggest(n->value, names);
    if (hint)
        diag_error(n->where, "unknown format '%s'; did you mean '%s'?", n->value, hint);
    else
        diag_error(n->where, "unknown format '%s' (string: %s; integer: %s; number: %s)",
                   n->value, format_list(ck, SHAPE_STRING), format_list(ck, SHAPE_INTEGER),
                   format_list(ck, SHAPE_NUMBER));
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

/* One enum value: an integer, or a string with its C constant suffix. */
static bool enum_value_parse(checker *ck, const node *v, const shape *out, enum_value *e)
{
    char *snake;
    e->where = v->where;
    if (v->kind != NODE_SCALAR) {
        diag_error(v->where, "enum value: expected a scalar, got %s", WHAT(v));
        return false;
    }
    if (out->kind == SHAPE_INTEGER) { /* integer enums keep int64_t members: no constants */
        if (!v->quoted && node_as_int(v, &e->number))
            return true;
        diag_error(v->where, "enum value of an integer must be an integer, got %s", WHAT(v));
        return false;
    }
    if (!node_is_string(v)) {
        diag_error(v->where, "enum value of a string must be a string, got %s; quote it: \"%s\"",
                   WHAT(v), v->value);
        return false;
    }
    if (strlen(v->value) != v->len) {
        diag_error(v->where, "enum value may not contain NUL characters");
        return false;
    }
    e->text = arena_strndup(ck->a, v->value, v->len);
    e->text_len = v->len;
    if (!(snake = naming_snake(v->value, v->len))) {
        diag_error(v->where, "enum value '%s' has no letters or digits to make a C name from",
                   v->value);
        return false;
    }
    e->c_suffix = arena_own(ck->a, naming_upper(snake));
    free(snake);
    return true;
}

/* Value i against the earlier ones: listed twice, or the same C constant. */
static bool enum_value_unique(const shape *out, size_t i)
{
    const enum_value *e = &out->enums[i];
    size_t j;
    for (j = 0; j < i; j++) {
        const enum_value *p = &out->enums[j];
        if (out->kind == SHAPE_INTEGER) {
            if (p->number != e->number)
                continue;
            diag_error(e->where, "enum value %lld is listed twice", (long long)e->number);
            return false;
        }
        if (!p->c_suffix || !e->c_suffix)
            continue;
        if (strcmp(p->text, e->text) == 0) {
            diag_error(e->where, "enum value '%s' is listed twice", e->text);
            return false;
        }
        if (strcmp(p->c_suffix, e->c_suffix) == 0) {
            diag_error(e->where, "enum values '%s' and '%s' both become C name suffix %s",
                       p->text, e->text, e->c_suffix);
            diag_note(p->where, "'%s' is here", p->text);
            return false;
        }
    }
    return true;
}

static bool parse_enum(checker *ck, const node *n, shape *out)
{
    size_t i;
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
        if (!enum_value_parse(ck, n->items[i], out, &out->enums[i])) {
            ok = false;
            continue;
        }
        ok &= enum_value_unique(out, i);
    }
    return ok;
}

/* items: and values: take a type name or an inline shape mapping. */
static bool parse_element(checker *ck, const node *n, shape *parent, const char *key)
{
    static const char *const own_keys[] = {"description", NULL};
    shape *el = arena_alloc(ck->a, sizeof *el);
    const char *outer = ck->inline_name;
    bool ok;
    parent->items = el;
    if (n->kind == NODE_SCALAR) {
        if (!ck_type_word(ck, n, el))
            return false;
        if (el->kind != SHAPE_ARRAY && el->kind != SHAPE_MAP)
            return true;
        diag_error(n->where, "%s: '%s' needs its own element type; write {type: %s, %s: ...}",
                   key, n->value, n->value, el->kind == SHAPE_ARRAY ? "items" : "values");
        return false;
    }
    if (n->kind != NODE_MAP) {
        diag_error(n->where, "%s: expected a type name or a mapping, got %s", key, WHAT(n));
        return false;
    }
    if (outer)
        ck->inline_name = ck_camel_join(ck, outer, strcmp(key, "items") == 0 ? "Item" : "Value");
    ok = ck_shape(ck, n, el, ROLE_ELEMENT, own_keys, key);
    ck->inline_name = outer;
    return ok;
}

/* ------------------------------------------------------------- keywords */

/* One keyword of a shape: its value `v` under key `k` (k->value is its
 * name). Reports and returns false when it does not fit. */
typedef bool keyword_fn(checker *ck, const node *k, const node *v, shape *out);

static bool kw_format(checker *ck, const node *k, const node *v, shape *out)
{
    (void)k;
    return parse_format(ck, v, out);
}

static bool kw_container(checker *ck, const node *k, const node *v, shape *out)
{
    shape_kind want = strcmp(k->value, "items") == 0 ? SHAPE_ARRAY : SHAPE_MAP;
    if (out->kind != want) {
        diag_error(k->where, "%s applies only to type %s, not %s", k->value,
                   shape_kind_name(want), shape_kind_name(out->kind));
        return false;
    }
    return parse_element(ck, v, out, k->value);
}

static bool kw_bound(checker *ck, const node *k, const node *v, shape *out)
{
    bool exclusive = strncmp(k->value, "exclusive", 9) == 0;
    bool is_min = strcmp(k->value, "minimum") == 0 || strcmp(k->value, "exclusiveMinimum") == 0;
    bound *b = is_min ? &out->minimum : &out->maximum;
    if (b->set) {
        diag_error(k->where, "%s: the %s bound is already given (use one of %s and %s)",
                   k->value, is_min ? "lower" : "upper", is_min ? "minimum" : "maximum",
                   is_min ? "exclusiveMinimum" : "exclusiveMaximum");
        return false;
    }
    if (!parse_bound(ck, v, k->value, out, b))
        return false;
    if (is_min)
        out->exclusive_minimum = exclusive;
    else
        out->exclusive_maximum = exclusive;
    return true;
}

static bool kw_multiple_of(checker *ck, const node *k, const node *v, shape *out)
{
    if (!parse_bound(ck, v, k->value, out, &out->multiple_of))
        return false;
    if (out->multiple_of.number > 0)
        return true;
    diag_error(v->where, "multipleOf must be greater than 0, got %s", v->value);
    return false;
}

static bool kw_count(checker *ck, const node *k, const node *v, shape *out)
{
    size_bound *b = strcmp(k->value, "minLength") == 0   ? &out->min_length
                    : strcmp(k->value, "maxLength") == 0 ? &out->max_length
                    : strcmp(k->value, "minItems") == 0  ? &out->min_items
                                                         : &out->max_items;
    (void)ck;
    return parse_count(v, k->value, out, b);
}

static bool kw_pattern(checker *ck, const node *k, const node *v, shape *out)
{
    (void)k;
    return parse_pattern(ck, v, out);
}

static bool kw_enum(checker *ck, const node *k, const node *v, shape *out)
{
    (void)k;
    return parse_enum(ck, v, out);
}

/* A boolean keyword into its member of the shape. */
static bool kw_flag(checker *ck, const node *k, const node *v, shape *out)
{
    bool *flag = strcmp(k->value, "open") == 0         ? &out->open
                 : strcmp(k->value, "nullable") == 0   ? &out->nullable
                 : strcmp(k->value, "uniqueItems") == 0 ? &out->unique_items
                 : strcmp(k->value, "deprecated") == 0 ? &out->deprecated
                 : strcmp(k->value, "readOnly") == 0   ? &out->read_only
                                                       : &out->write_only;
    (void)ck;
    if (!ck_bool(v, k->value, flag))
        return false;
    if (flag == &out->unique_items && out->kind != SHAPE_ARRAY) {
        diag_error(k->where, "uniqueItems applies only to type array, not %s",
                   shape_kind_name(out->kind));
        return false;
    }
    return true;
}

/* `const` and `default`: a value of the shape itself, kept as JSON text. */
static bool kw_value(checker *ck, const node *k, const node *v, shape *out)
{
    bool is_const = strcmp(k->value, "const") == 0;
    char *json = ck_node_json(ck, v);
    if (!json)
        return false;
    if (is_const && out->kind != SHAPE_STRING && out->kind != SHAPE_INTEGER &&
        out->kind != SHAPE_NUMBER && out->kind != SHAPE_BOOLEAN) {
        diag_error(k->where, "const applies to string, integer, number and boolean, not %s",
                   shape_kind_name(out->kind));
        return false;
    }
    if (is_const) {
        out->const_value = v;
        out->const_json = json;
    } else {
        out->default_value = v;
        out->default_json = json;
    }
    return true;
}

/* An inline `oneOf`: a union type of its own, named after where it is. */
static bool kw_one_of(checker *ck, const node *k, const node *v, shape *out)
{
    type_def *t;
    (void)v;
    if (!(t = ck_inline_union(ck, k, out->where)))
        return false;
    out->kind = SHAPE_REF;
    out->ref = t;
    out->ref_name = t->name;
    return true;
}

#define R_FIELD (1u << ROLE_FIELD)
#define R_ELEMENT (1u << ROLE_ELEMENT)
#define R_PARAM (1u << ROLE_PARAM)
#define R_VALUE (1u << ROLE_VALUE)
#define R_DATA (R_FIELD | R_ELEMENT | R_VALUE) /* every place a value of data sits */
#define R_ALL (R_DATA | R_PARAM)

/* Every keyword of the shape grammar, where it may be written, and the spec
 * language version that has it. */
static const struct keyword {
    const char *name;
    unsigned roles;
    int version;
    keyword_fn *parse; /* NULL: resolved before the others ("type", "oneOf" keys) */
} keywords[] = {
    {"type", R_ALL, 1, NULL},
    {"oneOf", R_FIELD | R_ELEMENT | R_VALUE, 2, NULL},
    {"discriminator", R_FIELD | R_ELEMENT | R_VALUE, 2, NULL},
    {"format", R_ALL, 1, kw_format},
    {"items", R_FIELD | R_ELEMENT | R_VALUE, 1, kw_container},
    {"items", R_PARAM, 2, kw_container},
    {"values", R_FIELD | R_ELEMENT | R_VALUE, 1, kw_container},
    {"enum", R_FIELD, 1, kw_enum},
    {"enum", R_ELEMENT | R_VALUE | R_PARAM, 2, kw_enum},
    {"open", R_FIELD | R_ELEMENT, 1, kw_flag}, /* open on an element: version 2, below */
    {"nullable", R_ELEMENT, 2, kw_flag},
    {"minimum", R_DATA, 1, kw_bound},
    {"maximum", R_DATA, 1, kw_bound},
    {"minimum", R_PARAM, 2, kw_bound},
    {"maximum", R_PARAM, 2, kw_bound},
    {"exclusiveMinimum", R_ALL, 2, kw_bound},
    {"exclusiveMaximum", R_ALL, 2, kw_bound},
    {"multipleOf", R_DATA, 2, kw_multiple_of},
    {"minLength", R_DATA, 1, kw_count},
    {"maxLength", R_DATA, 1, kw_count},
    {"minLength", R_PARAM, 2, kw_count},
    {"maxLength", R_PARAM, 2, kw_count},
    {"minItems", R_DATA, 1, kw_count},
    {"maxItems", R_DATA, 1, kw_count},
    {"uniqueItems", R_DATA, 2, kw_flag},
    {"pattern", R_DATA, 1, kw_pattern},
    {"pattern", R_PARAM, 2, kw_pattern},
    {"const", R_DATA, 2, kw_value},
    {"default", R_ALL, 2, kw_value},
    {"deprecated", R_FIELD | R_PARAM, 2, kw_flag},
    {"readOnly", R_FIELD, 2, kw_flag},
    {"writeOnly", R_FIELD, 2, kw_flag},
};

#define KEYWORD_COUNT (sizeof keywords / sizeof keywords[0])

static const struct keyword *find_keyword(const char *name, shape_role role)
{
    size_t i;
    for (i = 0; i < KEYWORD_COUNT; i++)
        if ((keywords[i].roles & (1u << role)) && strcmp(keywords[i].name, name) == 0)
            return &keywords[i];
    return NULL;
}

/* Report keys that are neither the role's keywords nor the owner's keys,
 * and keywords of a newer spec language than the spec's. */
static bool known_keys(checker *ck, const node *def, shape_role role,
                       const char *const *own_keys, const char *what)
{
    size_t n = 0, i;
    bool ok = true;
    const char **allowed = arena_alloc(ck->a, (KEYWORD_COUNT + 32) * sizeof *allowed);
    for (i = 0; i < KEYWORD_COUNT; i++)
        if (keywords[i].roles & (1u << role))
            allowed[n++] = keywords[i].name;
    for (i = 0; own_keys && own_keys[i] && n < KEYWORD_COUNT + 31; i++)
        allowed[n++] = own_keys[i];
    allowed[n] = NULL;
    ck_known_keys(def, allowed, what);
    for (i = 0; i < def->count; i++) {
        const node *k = def->keys[i];
        const struct keyword *kw = find_keyword(k->value, role);
        int version = kw ? kw->version : 1;
        if (kw && role == ROLE_ELEMENT && strcmp(k->value, "open") == 0)
            version = 2;
        ok &= ck_needs_version(ck, k, version);
    }
    return ok;
}

/* The kind written under `type` (or an inline `oneOf`), with the rules of
 * the role. */
static bool shape_type(checker *ck, const node *def, shape *out, shape_role role,
                       const char *what)
{
    const node *t = node_get(def, "type"), *one_of = node_get(def, "oneOf");
    const kind_info *k;
    if (one_of && t) {
        diag_error(t->where, "%s: give either 'type' or 'oneOf', not both", what);
        return false;
    }
    if (one_of)
        return kw_one_of(ck, def, one_of, out);
    if (!t) {
        diag_error(def->where, "%s: missing required key 'type'", what);
        return false;
    }
    if (role == ROLE_PARAM) {
        k = t->kind == NODE_SCALAR ? kind_find(t->value) : NULL;
        if (!k || !(k->param || (k->kind == SHAPE_ARRAY && ck->s->version >= 2))) {
            diag_error(t->where, "%s: type must be string, integer, number or boolean%s", what,
                       ck->s->version >= 2 ? " (or an array of those in a query)" : "");
            return false;
        }
    }
    return ck_type_word(ck, t, out);
}

/* Rules between keywords, once each is known to fit its kind. */
static bool shape_consistent(const node *def, shape *out, shape_role role)
{
    bool ok = true;
    const node *t = node_get(def, "type");
    /* Enums have C names (check_names) where a field or a string item has
     * them; elsewhere there is no C enum to hold them yet. */
    if (out->enums && (role == ROLE_VALUE || (role == ROLE_ELEMENT && out->kind != SHAPE_STRING))) {
        diag_error(node_get(def, "enum")->where,
                   "enum %s is not supported yet; put it on the fields that hold the value",
                   role == ROLE_VALUE ? "on a type of its own" : "on integer items or values");
        ok = false;
    }
    if (out->kind == SHAPE_REF && out->ref->kind == TYPE_VALUE &&
        (out->nullable || out->read_only || out->write_only)) {
        /* The descriptor of a use of a value type is the type's own value
         * shape; what the use adds would be lost (and a nullable element
         * needs a struct of its own). */
        const char *word = out->nullable ? "nullable" : out->read_only ? "readOnly" : "writeOnly";
        diag_error(node_get(def, word)->where,
                   "%s on a use of the value type '%s' is not supported yet; write its shape "
                   "here instead of its name",
                   word, out->ref->name);
        ok = false;
    }
    if ((out->kind == SHAPE_ARRAY || out->kind == SHAPE_MAP) && !out->items) {
        diag_error(t->where, "type %s needs '%s'", shape_kind_name(out->kind),
                   out->kind == SHAPE_ARRAY ? "items" : "values");
        ok = false;
    }
    if (out->open && !out->enums && node_get(def, "enum") == NULL &&
        !(out->kind == SHAPE_REF && out->ref->kind == TYPE_UNION && node_get(def, "oneOf"))) {
        diag_error(node_get(def, "open")->where, "open applies only to a field with an enum");
        ok = false;
    }
    if (out->minimum.set && out->maximum.set && out->minimum.number > out->maximum.number) {
        const node *m = node_get(def, "maximum");
        diag_error((m ? m : node_get(def, "exclusiveMaximum"))->where,
                   "maximum %s is below minimum %s", out->maximum.text, out->minimum.text);
        ok = false;
    }
    if (out->min_length.set && out->max_length.set &&
        out->min_length.value > out->max_length.value) {
        diag_error(node_get(def, "maxLength")->where, "maxLength is below minLength");
        ok = false;
    }
    if (out->min_items.set && out->max_items.set && out->min_items.value > out->max_items.value) {
        diag_error(node_get(def, "maxItems")->where, "maxItems is below minItems");
        ok = false;
    }
    return ok;
}

bool ck_shape(checker *ck, const node *def, shape *out, shape_role role,
              const char *const *own_keys, const char *what)
{
    bool ok;
    size_t i;

    out->where = def->where;
    ok = known_keys(ck, def, role, own_keys, what);
    if (!shape_type(ck, def, out, role, what))
        return false;
    for (i = 0; i < def->count; i++) {
        const struct keyword *kw = find_keyword(def->keys[i]->value, role);
        if (kw && kw->parse)
            ok &= kw->parse(ck, def->keys[i], def->items[i], out);
    }
    return ok && shape_consistent(def, out, role);
}
