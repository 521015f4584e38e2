/* {{banner}} */
/*
 * specc_validate.c — check every constraint of a decoded or hand-built value.
 *
 * Unlike the decoder and encoder, validation does not stop at the first
 * problem: each violation is reported through the callback with its JSON
 * path, and the walk goes on (skipping only what cannot be looked at, such
 * as the elements of an array whose items pointer is NULL).
 *
 * Depth is counted as in the encoder: containers around a value, the root
 * object being the first; deeper than SPECC_MAX_DEPTH is SPECC_ERR_DEPTH
 * (which also ends a hand-built cycle).
 */
#include "specc_internal.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>

#define PATTERN_CACHE 8 /* compiled patterns kept during one specc_validate() */

typedef struct pattern_entry {
    const char *source; /* descriptor pointer: patterns are static strings */
    regex_t re;
    bool ok; /* regcomp succeeded */
} pattern_entry;

typedef struct validator {
    specc_error_fn *each;
    void *ctx;
    size_t count;
    pattern_entry patterns[PATTERN_CACHE];
    size_t pattern_count;
} validator;

static void report(validator *v, specc_code code, const speccp_path *path, const char *fmt, ...)
    SPECCP_PRINTF(4, 5);

static void report(validator *v, specc_code code, const speccp_path *path, const char *fmt, ...)
{
    specc_error e;
    va_list ap;
    v->count++;
    if (!v->each)
        return;
    va_start(ap, fmt);
    speccp_vfail(&e, code, path, fmt, ap);
    va_end(ap);
    v->each(&e, v->ctx);
}

static void too_deep(validator *v, const speccp_path *path)
{
    report(v, SPECC_ERR_DEPTH, path, "nesting deeper than %d", SPECC_MAX_DEPTH);
}

/* ---------------------------------------------------------------- strings */

/* The compiled form of a pattern, from the cache or compiled now (into
 * *scratch when the cache is full; the caller then frees it). */
static const pattern_entry *get_pattern(validator *v, const char *source, pattern_entry *scratch)
{
    size_t i;
    pattern_entry *p = scratch;
    for (i = 0; i < v->pattern_count; i++)
        if (v->patterns[i].source == source)
            return &v->patterns[i];
    if (v->pattern_count < PATTERN_CACHE)
        p = &v->patterns[v->pattern_count++];
    p->source = source;
    p->ok = regcomp(&p->re, source, REG_EXTENDED | REG_NOSUB) == 0;
    return p;
}

static void check_pattern(validator *v, const specc_shape *shape, const char *s, size_t len,
                          const speccp_path *path)
{
    pattern_entry scratch;
    const pattern_entry *p = get_pattern(v, shape->pattern, &scratch);
    char q[80];

    if (!p->ok) {
        report(v, SPECC_ERR_INVALID, path, "pattern does not compile: %.100s", shape->pattern);
    } else if (regexec(&p->re, s, 0, NULL, 0) != 0) {
        speccp_quote(s, len, 40, q, sizeof q);
        report(v, SPECC_ERR_PATTERN, path, "does not match pattern %.80s: %s", shape->pattern, q);
    }
    if (p == &scratch && scratch.ok)
        regfree(&scratch.re);
}

static void check_string(validator *v, const specc_shape *shape, const char *s,
                         const speccp_path *path)
{
    size_t len = strlen(s), n;
    char q[80];

    speccp_quote(s, len, 40, q, sizeof q);
    if (!speccp_utf8_valid(s, len)) {
        report(v, SPECC_ERR_FORMAT, path, "not valid UTF-8: %s", q);
        return; /* lengths and patterns mean nothing on broken text */
    }
    if (!specc_format_valid(shape->format, s, len))
        report(v, SPECC_ERR_FORMAT, path, "not a valid %s: %s", speccp_format_name(shape->format), q);
    n = speccp_utf8_length(s, len);
    if ((shape->flags & SPECC_S_MIN_LENGTH) && n < shape->min_length)
        report(v, SPECC_ERR_MIN_LENGTH, path, "length must be >= %zu, got %zu",
               shape->min_length, n);
    if ((shape->flags & SPECC_S_MAX_LENGTH) && n > shape->max_length)
        report(v, SPECC_ERR_MAX_LENGTH, path, "length must be <= %zu, got %zu",
               shape->max_length, n);
    if (shape->pattern)
        check_pattern(v, shape, s, len, path);
}

/* ---------------------------------------------------------------- numbers */

static void check_integer(validator *v, const specc_shape *shape, const char *p,
                          const speccp_path *path)
{
    int64_t x;
    size_t i;
    memcpy(&x, p, sizeof x);
    if ((shape->flags & SPECC_S_MINIMUM) && x < shape->min_int)
        report(v, SPECC_ERR_MINIMUM, path, "must be >= %lld, got %lld",
               (long long)shape->min_int, (long long)x);
    if ((shape->flags & SPECC_S_MAXIMUM) && x > shape->max_int)
        report(v, SPECC_ERR_MAXIMUM, path, "must be <= %lld, got %lld",
               (long long)shape->max_int, (long long)x);
    if (!(shape->flags & SPECC_S_INT_ENUM) || (shape->flags & SPECC_S_OPEN_ENUM))
        return;
    for (i = 0; i < shape->enum_count; i++)
        if (shape->enum_ints[i] == x)
            return;
    report(v, SPECC_ERR_ENUM, path, "%lld is not one of the allowed values", (long long)x);
}

/* Bounds of NUMBER and DECIMAL values. */
static void check_bounds(validator *v, const specc_shape *shape, double d,
                         const speccp_path *path)
{
    char want[40], got[40];
    speccp_number_text(d, got, sizeof got);
    if ((shape->flags & SPECC_S_MINIMUM) && d < shape->min_num) {
        speccp_number_text(shape->min_num, want, sizeof want);
        report(v, SPECC_ERR_MINIMUM, path, "must be >= %s, got %s", want, got);
    }
    if ((shape->flags & SPECC_S_MAXIMUM) && d > shape->max_num) {
        speccp_number_text(shape->max_num, want, sizeof want);
        report(v, SPECC_ERR_MAXIMUM, path, "must be <= %s, got %s", want, got);
    }
}

static void check_number(validator *v, const specc_shape *shape, const char *p,
                         const speccp_path *path)
{
    double d;
    memcpy(&d, p, sizeof d);
    if (!isfinite(d))
        report(v, SPECC_ERR_RANGE, path, "number is not finite");
    else
        check_bounds(v, shape, d, path);
}

static void check_decimal(validator *v, const specc_shape *shape, const char *p,
                          const speccp_path *path)
{
    specc_decimal dec;
    size_t len;
    double d;
    char q[80];
    specc_code code;

    memcpy(&dec, p, sizeof dec);
    if (!dec.text) {
        report(v, SPECC_ERR_MISSING, path, "decimal text is NULL");
        return;
    }
    len = strlen(dec.text);
    if (!speccp_is_json_number(dec.text, len)) {
        speccp_quote(dec.text, len, 40, q, sizeof q);
        report(v, SPECC_ERR_FORMAT, path, "not a decimal number: %s", q);
        return;
    }
    if (!(shape->flags & (SPECC_S_MINIMUM | SPECC_S_MAXIMUM)))
        return;
    code = speccp_parse_double(dec.text, len, &d);
    if (code == SPECC_ERR_RANGE) /* beyond double: compare as an infinity */
        d = dec.text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    else if (code != SPECC_OK) {
        report(v, code, path, "out of memory");
        return;
    }
    check_bounds(v, shape, d, path);
}

/* ------------------------------------------------------------------- enums */

static void check_enum(validator *v, const specc_shape *shape, const char *p, bool in_field,
                       const char *other, const speccp_path *path)
{
    size_t i, len;
    char q[80];
    int x;

    memcpy(&x, p, sizeof x);
    if (x >= 0 && (size_t)x < shape->enum_count)
        return;
    if (!(shape->flags & SPECC_S_OPEN_ENUM) || x < 0 || (size_t)x != shape->enum_count) {
        report(v, SPECC_ERR_ENUM, path, "enum value %d out of range", x);
        return;
    }
    if (!in_field) { /* arrays and maps have no member for the text */
        report(v, SPECC_ERR_INVALID, path,
               "open enum value 'other' has no text inside an array or map");
        return;
    }
    if (!other) {
        report(v, SPECC_ERR_INVALID, path, "open enum value is 'other' but its text is NULL");
        return;
    }
    len = strlen(other);
    speccp_quote(other, len, 40, q, sizeof q);
    if (!speccp_utf8_valid(other, len)) {
        report(v, SPECC_ERR_FORMAT, path, "not valid UTF-8: %s", q);
        return;
    }
    /* A known spelling kept as 'other' would decode back differently. */
    for (i = 0; i < shape->enum_count; i++)
        if (strcmp(shape->enum_names[i], other) == 0)
            report(v, SPECC_ERR_INVALID, path, "'other' text %s is a declared enum value", q);
}

/* --------------------------------------------------------------- any JSON */

/* Only nesting can be wrong in a jansson value built by jansson. */
static void check_json(validator *v, const json_t *j, const speccp_path *path, size_t depth)
{
    size_t i;
    void *it;

    if (!json_is_object(j) && !json_is_array(j))
        return;
    if (depth >= SPECC_MAX_DEPTH) {
        too_deep(v, path);
        return;
    }
    if (json_is_array(j)) {
        for (i = 0; i < json_array_size(j); i++) {
            speccp_path here = {path, NULL, 0, i};
            check_json(v, json_array_get(j, i), &here, depth + 1);
        }
        return;
    }
    for (it = json_object_iter((json_t *)j); it; it = json_object_iter_next((json_t *)j, it)) {
        speccp_path here = {path, json_object_iter_key(it), json_object_iter_key_len(it), 0};
        check_json(v, json_object_iter_value(it), &here, depth + 1);
    }
}

/* The STRING or ANY member at p: a pointer that must not be NULL. */
static void check_pointee(validator *v, const specc_shape *shape, const char *p,
                          const speccp_path *path, size_t depth)
{
    const void *ptr = speccp_get_ptr(p, 0);
    if (!ptr)
        report(v, SPECC_ERR_MISSING, path, "%s is NULL",
               shape->kind == SPECC_KIND_STRING ? "string" : "json value");
    else if (shape->kind == SPECC_KIND_STRING)
        check_string(v, shape, ptr, path);
    else
        check_json(v, ptr, path, depth);
}

/* ------------------------------------------------------------- containers */

static void check_value(validator *v, const specc_shape *shape, const char *p, bool in_field,
                        const char *other, const speccp_path *path, size_t depth);
static void check_object(validator *v, const specc_type *type, const char *base,
                         const speccp_path *path, size_t depth);

static void check_count(validator *v, const specc_shape *shape, size_t n,
                        const speccp_path *path)
{
    if ((shape->flags & SPECC_S_MIN_ITEMS) && n < shape->min_items)
        report(v, SPECC_ERR_MIN_ITEMS, path, "must have >= %zu items, got %zu", shape->min_items,
               n);
    if ((shape->flags & SPECC_S_MAX_ITEMS) && n > shape->max_items)
        report(v, SPECC_ERR_MAX_ITEMS, path, "must have <= %zu items, got %zu", shape->max_items,
               n);
}

static void check_array(validator *v, const specc_shape *shape, const char *p,
                        const speccp_path *path, size_t depth)
{
    specc_array a;
    size_t i, size = speccp_elem_size(shape->items);

    memcpy(&a, p, sizeof a);
    check_count(v, shape, a.count, path);
    if (a.count && !a.items) {
        report(v, SPECC_ERR_INVALID, path, "items is NULL with count %zu", a.count);
        return;
    }
    if (depth >= SPECC_MAX_DEPTH) {
        too_deep(v, path);
        return;
    }
    for (i = 0; i < a.count; i++) {
        speccp_path here = {path, NULL, 0, i};
        check_value(v, shape->items, (const char *)a.items + i * size, false, NULL, &here,
                    depth + 1);
    }
}

/* Keys: not NULL, valid UTF-8, each once. */
static void check_keys(validator *v, const specc_map *m, const speccp_path *path)
{
    speccp_keyset set = {NULL, 0, 0};
    size_t i;
    bool want_set = m->count > 1, have_set = want_set && speccp_keyset_init(&set, m->count);

    if (want_set && !have_set)
        report(v, SPECC_ERR_NOMEM, path, "out of memory checking map keys");
    for (i = 0; i < m->count; i++) {
        const char *k = m->keys[i];
        speccp_path here = {path, k, k ? strlen(k) : 0, i};
        char q[80];
        if (!k) {
            here.key = NULL;
            report(v, SPECC_ERR_INVALID, &here, "map key %zu is NULL", i);
            continue;
        }
        if (!speccp_utf8_valid(k, here.key_len)) {
            speccp_quote(k, here.key_len, 40, q, sizeof q);
            report(v, SPECC_ERR_FORMAT, &here, "map key is not valid UTF-8: %s", q);
        }
        if (have_set && !speccp_keyset_add(&set, k, here.key_len))
            report(v, SPECC_ERR_DUPLICATE_KEY, &here, "map repeats a key");
    }
    speccp_keyset_free(&set);
}

static void check_map(validator *v, const specc_shape *shape, const char *p,
                      const speccp_path *path, size_t depth)
{
    specc_map m;
    size_t i, size = speccp_elem_size(shape->items);

    memcpy(&m, p, sizeof m);
    check_count(v, shape, m.count, path);
    if (m.count && (!m.keys || !m.values)) {
        report(v, SPECC_ERR_INVALID, path, "keys or values NULL with count %zu", m.count);
        return;
    }
    if (depth >= SPECC_MAX_DEPTH) {
        too_deep(v, path);
        return;
    }
    check_keys(v, &m, path);
    for (i = 0; i < m.count; i++) {
        const char *k = m.keys[i];
        speccp_path here = {path, k, k ? strlen(k) : 0, i};
        check_value(v, shape->items, (const char *)m.values + i * size, false, NULL, &here,
                    depth + 1);
    }
}

/* The value stored at p (an OBJECT here is the struct itself). `other` is
 * the text member of an open enum field. */
static void check_value(validator *v, const specc_shape *shape, const char *p, bool in_field,
                        const char *other, const speccp_path *path, size_t depth)
{
    unsigned char b;

    switch (shape->kind) {
    case SPECC_KIND_STRING:
    case SPECC_KIND_ANY: check_pointee(v, shape, p, path, depth); return;
    case SPECC_KIND_INTEGER: check_integer(v, shape, p, path); return;
    case SPECC_KIND_NUMBER: check_number(v, shape, p, path); return;
    case SPECC_KIND_DECIMAL: check_decimal(v, shape, p, path); return;
    case SPECC_KIND_ENUM: check_enum(v, shape, p, in_field, other, path); return;
    case SPECC_KIND_BOOLEAN:
        memcpy(&b, p, 1); /* a byte: reading a bool holding 2 would be UB */
        if (b > 1)
            report(v, SPECC_ERR_INVALID, path, "bool holds %u", (unsigned)b);
        return;
    case SPECC_KIND_OBJECT: check_object(v, shape->type, p, path, depth); return;
    case SPECC_KIND_ARRAY: check_array(v, shape, p, path, depth); return;
    case SPECC_KIND_MAP: check_map(v, shape, p, path, depth); return;
    }
    report(v, SPECC_ERR_INVALID, path, "unknown kind %d", (int)shape->kind);
}

/* ---------------------------------------------------------------- objects */

/* The state of a field, or false when nothing more should be checked. */
static bool check_state(validator *v, const specc_field *f, const char *base,
                        const speccp_path *path)
{
    specc_state st;
    memcpy(&st, base + f->state_offset, sizeof st);
    if (st != SPECC_ABSENT && st != SPECC_NULL && st != SPECC_PRESENT) {
        report(v, SPECC_ERR_INVALID, path, "invalid state %d", (int)st);
        return false;
    }
    if (st == SPECC_ABSENT && (f->flags & SPECC_F_REQUIRED))
        report(v, SPECC_ERR_MISSING, path, "required field is absent");
    if (st == SPECC_NULL && !(f->flags & SPECC_F_NULLABLE))
        report(v, SPECC_ERR_NULL, path, "null is not allowed");
    return st == SPECC_PRESENT;
}

static void check_field(validator *v, const specc_field *f, const char *base,
                        const speccp_path *path, size_t depth)
{
    speccp_path here = {path, f->name, f->name_len, 0};
    const char *p = base + f->offset, *other = NULL;

    if (f->shape.kind == SPECC_KIND_ANY) { /* NULL = absent; json null is a value */
        const json_t *j = speccp_get_ptr(p, 0);
        if (!j && (f->flags & SPECC_F_REQUIRED))
            report(v, SPECC_ERR_MISSING, &here, "required field is absent");
        else if (j)
            check_json(v, j, &here, depth);
        return;
    }
    if ((f->flags & SPECC_F_STATE) && !check_state(v, f, base, &here))
        return;
    if (f->shape.kind == SPECC_KIND_OBJECT) { /* a field holds a pointer */
        p = speccp_get_ptr(p, 0);
        if (!p) {
            report(v, SPECC_ERR_MISSING, &here, "object is NULL");
            return;
        }
    }
    if (f->shape.kind == SPECC_KIND_ENUM && (f->shape.flags & SPECC_S_OPEN_ENUM))
        other = speccp_get_ptr(base, f->other_offset);
    check_value(v, &f->shape, p, true, other, &here, depth);
}

/* Kept unknown members: keys, no repeats, well-formed text (see
 * speccp_unknown_check); their values have no constraints. */
static void check_unknown(validator *v, const specc_type *type, const char *base,
                          const speccp_path *path, size_t depth)
{
    const specc_unknown *u = (const specc_unknown *)(const void *)(base + type->unknown_offset);
    if (u->count)
        v->count += speccp_unknown_check(type, u, path, (unsigned)depth, true, v->each, v->ctx);
}

static void check_object(validator *v, const specc_type *type, const char *base,
                         const speccp_path *path, size_t depth)
{
    size_t i;
    if (depth >= SPECC_MAX_DEPTH) {
        too_deep(v, path);
        return;
    }
    for (i = 0; i < type->field_count; i++)
        check_field(v, &type->fields[i], base, path, depth + 1);
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        check_unknown(v, type, base, path, depth + 1);
}

size_t specc_validate(const specc_type *type, const void *value, specc_error_fn *each, void *ctx)
{
    validator v;
    size_t i;

    memset(&v, 0, sizeof v);
    v.each = each;
    v.ctx = ctx;
    if (!type || !value) {
        report(&v, SPECC_ERR_INVALID, NULL, "NULL type or value");
        return v.count;
    }
    check_object(&v, type, value, NULL, 0);
    for (i = 0; i < v.pattern_count; i++)
        if (v.patterns[i].ok)
            regfree(&v.patterns[i].re);
    return v.count;
}
