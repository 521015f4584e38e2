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
 * object being the first (a union directly inside a union counts as one);
 * deeper than SPECC_MAX_DEPTH is SPECC_ERR_DEPTH (which also ends a
 * hand-built cycle).
 *
 * Checks that need memory (uniqueItems of large arrays, const, a union's
 * discriminator) report SPECC_ERR_NOMEM as one more violation when they
 * cannot have it.
 */
#include "specc_internal.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define COLD __attribute__((noinline, cold))
#else
#define COLD
#endif

#define PATTERN_CACHE 8 /* compiled patterns kept during one specc_validate() */

typedef struct pattern_entry {
    const char *source; /* descriptor pointer: patterns are static strings */
    regex_t re;
    bool ok; /* regcomp succeeded */
} pattern_entry;

typedef struct validator {
    specc_error_fn *each;
    void *ctx;
    specc_as as; /* readOnly / writeOnly checked for this direction */
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

/* report() with `fmt` holding one %s: s[0..len), quoted. */
static COLD void report_quoted(validator *v, specc_code code, const speccp_path *path,
                               const char *fmt, const char *s, size_t len)
{
    char q[SPECCP_SHOW_MAX];
    speccp_quote(s, len, q, sizeof q);
    report(v, code, path, fmt, q);
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

static COLD void pattern_error(validator *v, const char *pattern, bool compiles, const char *s,
                               size_t len, const speccp_path *path)
{
    char shown[SPECCP_SHOW_MAX], q[SPECCP_SHOW_MAX];
    speccp_show_plain(pattern, strlen(pattern), shown, sizeof shown);
    speccp_quote(s, len, q, sizeof q);
    if (!compiles)
        report(v, SPECC_ERR_INVALID, path, "pattern does not compile: %s", shown);
    else
        report(v, SPECC_ERR_PATTERN, path, "does not match pattern %s: %s", shown, q);
}

static void check_pattern(validator *v, const specc_shape *shape, const char *s, size_t len,
                          const speccp_path *path)
{
    pattern_entry scratch;
    const pattern_entry *p = get_pattern(v, shape->pattern, &scratch);

    if (!p->ok || regexec(&p->re, s, 0, NULL, 0) != 0)
        pattern_error(v, shape->pattern, p->ok, s, len, path);
    if (p == &scratch && scratch.ok)
        regfree(&scratch.re);
}

/* A STRING shape listing enum_names (request parameters): one of them. */
static void check_string_enum(validator *v, const specc_shape *shape, const char *s,
                              size_t len, const speccp_path *path)
{
    size_t i;
    for (i = 0; i < shape->enum_count; i++)
        if (strcmp(shape->enum_names[i], s) == 0)
            return;
    report_quoted(v, SPECC_ERR_ENUM, path, "%s is not one of the allowed values", s, len);
}

static COLD void format_error(validator *v, const specc_shape *shape, const char *s, size_t len,
                              const speccp_path *path)
{
    char q[SPECCP_SHOW_MAX];
    speccp_quote(s, len, q, sizeof q);
    report(v, SPECC_ERR_FORMAT, path, "not a valid %s: %s", speccp_format_name(shape->format), q);
}

static void check_string(validator *v, const specc_shape *shape, const char *s,
                         const speccp_path *path)
{
    size_t len = strlen(s), n;

    if (!speccp_utf8_valid(s, len)) {
        report_quoted(v, SPECC_ERR_FORMAT, path, "not valid UTF-8: %s", s, len);
        return; /* lengths and patterns mean nothing on broken text */
    }
    if (!specc_format_valid(shape->format, s, len))
        format_error(v, shape, s, len, path);
    n = speccp_utf8_length(s, len);
    if ((shape->flags & SPECC_S_MIN_LENGTH) && n < shape->min_length)
        report(v, SPECC_ERR_MIN_LENGTH, path, "length must be >= %zu, got %zu",
               shape->min_length, n);
    if ((shape->flags & SPECC_S_MAX_LENGTH) && n > shape->max_length)
        report(v, SPECC_ERR_MAX_LENGTH, path, "length must be <= %zu, got %zu",
               shape->max_length, n);
    if (shape->pattern)
        check_pattern(v, shape, s, len, path);
    if (shape->enum_names && shape->enum_count && !(shape->flags & SPECC_S_OPEN_ENUM))
        check_string_enum(v, shape, s, len, path);
}

/* ---------------------------------------------------------------- numbers */

static bool has_min(const specc_shape *shape)
{
    return (shape->flags & (SPECC_S_MINIMUM | SPECC_S_EXCLUSIVE_MINIMUM)) != 0;
}

static bool has_max(const specc_shape *shape)
{
    return (shape->flags & (SPECC_S_MAXIMUM | SPECC_S_EXCLUSIVE_MAXIMUM)) != 0;
}

static void check_int_bounds(validator *v, const specc_shape *shape, int64_t x,
                             const speccp_path *path)
{
    bool exmin = (shape->flags & SPECC_S_EXCLUSIVE_MINIMUM) != 0;
    bool exmax = (shape->flags & SPECC_S_EXCLUSIVE_MAXIMUM) != 0;
    if (has_min(shape) && (exmin ? x <= shape->min_int : x < shape->min_int))
        report(v, SPECC_ERR_MINIMUM, path, "must be %s %lld, got %lld", exmin ? ">" : ">=",
               (long long)shape->min_int, (long long)x);
    if (has_max(shape) && (exmax ? x >= shape->max_int : x > shape->max_int))
        report(v, SPECC_ERR_MAXIMUM, path, "must be %s %lld, got %lld", exmax ? "<" : "<=",
               (long long)shape->max_int, (long long)x);
}

static void check_int_multiple(validator *v, const specc_shape *shape, int64_t x,
                               const speccp_path *path)
{
    int64_t m = shape->multiple_int;
    if (!(shape->flags & SPECC_S_MULTIPLE_OF))
        return;
    if (m <= 0)
        report(v, SPECC_ERR_INVALID, path, "multipleOf %lld is not positive", (long long)m);
    else if (x % m != 0)
        report(v, SPECC_ERR_MULTIPLE_OF, path, "must be a multiple of %lld, got %lld",
               (long long)m, (long long)x);
}

/* INTEGER (int64_t) and INT32 (int32_t) values. */
static void check_integer(validator *v, const specc_shape *shape, const char *p,
                          const speccp_path *path)
{
    int64_t x;
    int32_t x32;
    size_t i;
    if (shape->kind == SPECC_KIND_INT32) {
        memcpy(&x32, p, sizeof x32);
        x = x32;
    } else {
        memcpy(&x, p, sizeof x);
    }
    check_int_bounds(v, shape, x, path);
    check_int_multiple(v, shape, x, path);
    if (!(shape->flags & SPECC_S_INT_ENUM) || (shape->flags & SPECC_S_OPEN_ENUM))
        return;
    for (i = 0; i < shape->enum_count; i++)
        if (shape->enum_ints[i] == x)
            return;
    report(v, SPECC_ERR_ENUM, path, "%lld is not one of the allowed values", (long long)x);
}

/* multipleOf on a double, as ajv checks it: value / multiple is an integer. */
static void check_num_multiple(validator *v, const specc_shape *shape, double d,
                               const speccp_path *path)
{
    double m = shape->multiple_num, q;
    char want[40], got[40];
    if (!(shape->flags & SPECC_S_MULTIPLE_OF))
        return;
    if (!(m > 0) || !isfinite(m)) {
        report(v, SPECC_ERR_INVALID, path, "multipleOf is not a positive number");
        return;
    }
    q = d / m;
    if (isfinite(q) && q == floor(q))
        return;
    speccp_number_text(m, want, sizeof want);
    if (isfinite(d))
        speccp_number_text(d, got, sizeof got);
    else
        snprintf(got, sizeof got, "a number beyond double range");
    report(v, SPECC_ERR_MULTIPLE_OF, path, "must be a multiple of %s, got %s", want, got);
}

/* Bounds of NUMBER and DECIMAL values. */
static void check_bounds(validator *v, const specc_shape *shape, double d,
                         const speccp_path *path)
{
    bool exmin = (shape->flags & SPECC_S_EXCLUSIVE_MINIMUM) != 0;
    bool exmax = (shape->flags & SPECC_S_EXCLUSIVE_MAXIMUM) != 0;
    char want[40], got[40];
    if (isfinite(d))
        speccp_number_text(d, got, sizeof got);
    else
        snprintf(got, sizeof got, "%s", d < 0 ? "-1e999999" : "1e999999");
    if (has_min(shape) && (exmin ? d <= shape->min_num : d < shape->min_num)) {
        speccp_number_text(shape->min_num, want, sizeof want);
        report(v, SPECC_ERR_MINIMUM, path, "must be %s %s, got %s", exmin ? ">" : ">=", want,
               got);
    }
    if (has_max(shape) && (exmax ? d >= shape->max_num : d > shape->max_num)) {
        speccp_number_text(shape->max_num, want, sizeof want);
        report(v, SPECC_ERR_MAXIMUM, path, "must be %s %s, got %s", exmax ? "<" : "<=", want,
               got);
    }
}

static void check_number(validator *v, const specc_shape *shape, const char *p,
                         const speccp_path *path)
{
    double d;
    memcpy(&d, p, sizeof d);
    if (!isfinite(d)) {
        report(v, SPECC_ERR_RANGE, path, "number is not finite");
        return;
    }
    check_bounds(v, shape, d, path);
    check_num_multiple(v, shape, d, path);
}

static void check_decimal(validator *v, const specc_shape *shape, const char *p,
                          const speccp_path *path)
{
    specc_decimal dec;
    size_t len;
    double d;
    specc_code code;

    memcpy(&dec, p, sizeof dec);
    if (!dec.text) {
        report(v, SPECC_ERR_MISSING, path, "decimal text is NULL");
        return;
    }
    len = strlen(dec.text);
    if (!speccp_is_json_number(dec.text, len)) {
        report_quoted(v, SPECC_ERR_FORMAT, path, "not a decimal number: %s", dec.text, len);
        return;
    }
    if (!has_min(shape) && !has_max(shape) && !(shape->flags & SPECC_S_MULTIPLE_OF))
        return;
    code = speccp_parse_double(dec.text, len, &d);
    if (code == SPECC_ERR_RANGE) /* beyond double: compare as an infinity */
        d = dec.text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    else if (code != SPECC_OK) {
        report(v, code, path, "out of memory");
        return;
    }
    check_bounds(v, shape, d, path);
    check_num_multiple(v, shape, d, path);
}

/* ------------------------------------------------------------------- enums */

/* has_other: the value has a member for an unknown value's text (a field,
 * an element struct), holding `other`. */
static void check_enum(validator *v, const specc_shape *shape, const char *p, bool has_other,
                       const char *other, const speccp_path *path)
{
    size_t i, len;
    int x;

    memcpy(&x, p, sizeof x);
    if (x >= 0 && (size_t)x < shape->enum_count)
        return;
    if (!(shape->flags & SPECC_S_OPEN_ENUM) || x < 0 || (size_t)x != shape->enum_count) {
        report(v, SPECC_ERR_ENUM, path, "enum value %d out of range", x);
        return;
    }
    if (!has_other) { /* bare elements have no member for the text */
        report(v, SPECC_ERR_INVALID, path,
               "open enum value 'other' has no text inside an array or map");
        return;
    }
    if (!other) {
        report(v, SPECC_ERR_INVALID, path, "open enum value is 'other' but its text is NULL");
        return;
    }
    len = strlen(other);
    if (!speccp_utf8_valid(other, len)) {
        report_quoted(v, SPECC_ERR_FORMAT, path, "not valid UTF-8: %s", other, len);
        return;
    }
    /* A known spelling kept as 'other' would decode back differently. */
    for (i = 0; i < shape->enum_count; i++)
        if (strcmp(shape->enum_names[i], other) == 0)
            report_quoted(v, SPECC_ERR_INVALID, path, "'other' text %s is a declared enum value",
                          other, len);
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

static void check_value(validator *v, const specc_shape *shape, const char *p, bool has_other,
                        const char *other, const speccp_path *path, size_t depth);
static void check_slot(validator *v, const specc_shape *shape, const char *p, bool ptr,
                       const speccp_path *path, size_t depth);
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

/* Items and their element size, for uniqueItems. */
typedef struct items_view {
    const specc_shape *shape;
    const char *items;
    size_t count, size;
    size_t depth; /* of the items */
} items_view;

static bool item_equal(const items_view *a, size_t i, size_t j)
{
    return speccp_equal_slot(a->shape, a->items + i * a->size, a->items + j * a->size, false,
                             (unsigned)a->depth);
}

static void duplicate(validator *v, const speccp_path *path, size_t i, size_t j)
{
    speccp_path here = {path, NULL, 0, i};
    report(v, SPECC_ERR_UNIQUE, &here, "item %zu equals item %zu (items must be unique)", i, j);
}

/* Large arrays: a hash table of item indexes (+ 1; 0 = empty), so that
 * only items whose hashes are equal are compared. */
static void unique_hashed(validator *v, const items_view *a, const speccp_path *path)
{
    size_t cap = 64, i, s;
    size_t *table;
    uint64_t *hashes;
    while (cap < a->count * 2 && cap < SIZE_MAX / 4 / sizeof *table)
        cap *= 2;
    table = cap >= a->count * 2 ? specc_alloc(cap * sizeof *table) : NULL;
    hashes = table ? specc_alloc(a->count * sizeof *hashes) : NULL;
    if (!hashes) {
        report(v, SPECC_ERR_NOMEM, path, "out of memory checking that items are unique");
        specc_free(table);
        return;
    }
    memset(table, 0, cap * sizeof *table);
    for (i = 0; i < a->count; i++) {
        hashes[i] = speccp_hash_slot(a->shape, a->items + i * a->size, false, (unsigned)a->depth);
        for (s = (size_t)hashes[i] & (cap - 1); table[s]; s = (s + 1) & (cap - 1))
            if (hashes[table[s] - 1] == hashes[i] && item_equal(a, table[s] - 1, i))
                break;
        if (table[s])
            duplicate(v, path, i, table[s] - 1);
        else
            table[s] = i + 1;
    }
    specc_free(hashes);
    specc_free(table);
}

static void check_unique(validator *v, const items_view *a, const speccp_path *path)
{
    size_t i, j;
    if (a->count < 2)
        return;
    if (a->count > 16) {
        unique_hashed(v, a, path);
        return;
    }
    for (i = 1; i < a->count; i++)
        for (j = 0; j < i; j++)
            if (item_equal(a, j, i)) {
                duplicate(v, path, i, j);
                break;
            }
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
    if (a.count && !size) {
        report(v, SPECC_ERR_INVALID, path, "the descriptor gives items a size of 0");
        return;
    }
    if (depth >= SPECC_MAX_DEPTH) {
        too_deep(v, path);
        return;
    }
    for (i = 0; i < a.count; i++) {
        speccp_path here = {path, NULL, 0, i};
        check_slot(v, shape->items, (const char *)a.items + i * size, false, &here, depth + 1);
    }
    if (shape->flags & SPECC_S_UNIQUE_ITEMS) {
        items_view view;
        view.shape = shape->items;
        view.items = a.items;
        view.count = a.count;
        view.size = size;
        view.depth = depth + 1;
        check_unique(v, &view, path);
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
        if (!k) {
            here.key = NULL;
            report(v, SPECC_ERR_INVALID, &here, "map key %zu is NULL", i);
            continue;
        }
        if (!speccp_utf8_valid(k, here.key_len))
            report_quoted(v, SPECC_ERR_FORMAT, &here, "map key is not valid UTF-8: %s", k,
                          here.key_len);
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
    if (m.count && !size) {
        report(v, SPECC_ERR_INVALID, path, "the descriptor gives values a size of 0");
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
        check_slot(v, shape->items, (const char *)m.values + i * size, false, &here, depth + 1);
    }
}

/* ------------------------------------------------------------------ unions */

/* A variant's name for messages: "Customer", "string". */
static const char *variant_label(const specc_variant *var)
{
    if (var->shape.kind == SPECC_KIND_OBJECT && var->shape.type)
        return var->shape.type->name;
    return var->name ? var->name : speccp_kind_name(&var->shape);
}

/* report() with `fmt` holding one %s: JSON text[0..len) as messages show it,
 * then `a` and `b` (for two more %s, or unused). */
static COLD void report_json(validator *v, specc_code code, const speccp_path *path,
                             const char *fmt, const char *text, size_t len, const char *a,
                             const char *b)
{
    char shown[SPECCP_SHOW_MAX];
    speccp_show_json(text, len, shown, sizeof shown);
    report(v, code, path, fmt, shown, a, b);
}

/* An open union's kept text: one JSON value, which decoding would keep
 * again (no variant takes it). */
static COLD void check_other(validator *v, const specc_union *u, const char *base,
                             const speccp_path *path, size_t depth)
{
    const char *text = speccp_get_ptr(base, u->other_offset);
    specc_error e;
    size_t len;
    int kind;

    if (!text) {
        report(v, SPECC_ERR_INVALID, path, "union value is 'other' but its text is NULL");
        return;
    }
    len = strlen(text);
    if (speccp_json_check(text, len, path, (unsigned)depth, &e) != SPECC_OK) {
        v->count++;
        if (v->each)
            v->each(&e, v->ctx);
        return;
    }
    if (speccp_union_pick(u, text, len, &kind) != SPECC_OK) {
        report(v, SPECC_ERR_NOMEM, path, "out of memory checking the union's text");
        return;
    }
    if (kind > 0 && (size_t)kind <= u->variant_count)
        report_json(v, SPECC_ERR_INVALID, path, "'other' text %s would decode as %s", text, len,
                    variant_label(&u->variants[kind - 1]), NULL);
    else if (kind == 0)
        report_json(v, SPECC_ERR_INVALID, path, "'other' text %s would not decode", text, len,
                    NULL, NULL);
}

/* A declared field's value as JSON text, when it is the discriminator. */
static SPECCP_NOINLINE specc_code field_tag(const specc_field *f, const char *obj,
                                            const char **text, size_t *len, char **owned)
{
    specc_state st = SPECC_PRESENT;
    specc_error e;
    if (f->flags & SPECC_F_STATE)
        memcpy(&st, obj + f->state_offset, sizeof st);
    if (st == SPECC_NULL) {
        *text = "null";
        *len = 4;
    }
    if (st != SPECC_PRESENT || (f->shape.kind == SPECC_KIND_ANY && !speccp_get_ptr(obj, f->offset)))
        return SPECC_OK;
    if (f->shape.kind == SPECC_KIND_OBJECT) /* never a tag: the variant's own problem */
        return SPECC_ERR_INVALID;
    *text = *owned = speccp_value_text(
        &f->shape, obj + f->offset,
        speccp_is_open_enum(&f->shape) ? speccp_get_ptr(obj, f->other_offset) : NULL, len, &e);
    return *text ? SPECC_OK : e.code; /* e.g. a NULL string: reported already */
}

/* The discriminator's value in a variant object, as JSON text (*owned to
 * free); *text NULL when the key is absent. SPECC_ERR_NOMEM, or another
 * code when it cannot be told (the variant's own checks report why). */
static specc_code tag_text(const specc_union *u, const specc_type *type, const char *obj,
                           const char **text, size_t *len, char **owned)
{
    const specc_unknown *kept;
    size_t i;
    *text = *owned = NULL;
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        if (f->name_len == u->discriminator_len && !memcmp(f->name, u->discriminator, f->name_len))
            return field_tag(f, obj, text, len, owned);
    }
    if (type->unknown != SPECC_UNKNOWN_PRESERVE)
        return SPECC_OK;
    kept = (const specc_unknown *)(const void *)(obj + type->unknown_offset);
    for (i = 0; kept->members && i < kept->count; i++)
        if (kept->members[i].key && kept->members[i].json &&
            kept->members[i].key_len == u->discriminator_len &&
            !memcmp(kept->members[i].key, u->discriminator, u->discriminator_len)) {
            *text = kept->members[i].json;
            *len = kept->members[i].json_len;
        }
    return SPECC_OK;
}

/* The variant object's discriminator, when present, must select that
 * variant again. */
static void check_tag(validator *v, const specc_union *u, size_t i, const char *at,
                      const speccp_path *path)
{
    const specc_shape *vs = &u->variants[i].shape;
    speccp_path key = {path, u->discriminator, u->discriminator_len, 0};
    const char *obj, *text;
    char *owned;
    size_t len = 0, j;
    specc_code code;

    if (vs->kind != SPECC_KIND_OBJECT || !vs->type || vs->type->kind == SPECC_TYPE_VALUE)
        return;
    obj = speccp_get_ptr(at + (vs->elem_size ? vs->value_offset : 0), 0);
    if (!obj)
        return; /* reported as a NULL object */
    code = tag_text(u, vs->type, obj, &text, &len, &owned);
    if (code == SPECC_ERR_NOMEM)
        report(v, SPECC_ERR_NOMEM, &key, "out of memory checking the discriminator");
    if (code != SPECC_OK)
        return;
    if (!text) /* absent: a required field says so; otherwise the default */
        return;
    j = speccp_pick_by_tag(u, text, len);
    if (j == u->variant_count)
        report_json(v, SPECC_ERR_INVALID, &key, "discriminator %s selects no variant", text, len,
                    NULL, NULL);
    else if (j != i)
        report_json(v, SPECC_ERR_INVALID, &key, "discriminator %s selects %s, not %s", text, len,
                    variant_label(&u->variants[j]), variant_label(&u->variants[i]));
    specc_free(owned);
}

static void check_union(validator *v, const specc_shape *shape, const char *base,
                        const speccp_path *path, size_t depth)
{
    const specc_union *u = shape->union_;
    const specc_shape *vs;
    int kind;

    if (!u) {
        report(v, SPECC_ERR_INVALID, path, "union shape without a union");
        return;
    }
    kind = speccp_union_kind(u, base);
    if (kind == 0) {
        report(v, SPECC_ERR_INVALID, path, "union has no value");
    } else if (u->open && kind > 0 && (size_t)kind == u->variant_count + 1) {
        check_other(v, u, base, path, depth);
    } else if (kind < 0 || (size_t)kind > u->variant_count) {
        report(v, SPECC_ERR_INVALID, path, "union kind %d out of range", kind);
    } else if ((vs = &u->variants[kind - 1].shape)->kind == SPECC_KIND_UNION &&
               depth >= SPECC_MAX_DEPTH) {
        too_deep(v, path);
    } else {
        check_slot(v, vs, base + u->value_offset, true, path,
                   depth + (vs->kind == SPECC_KIND_UNION));
        if (u->discriminator)
            check_tag(v, u, (size_t)kind - 1, base + u->value_offset, path);
    }
}

/* ------------------------------------------------------------------- values */

static COLD void const_error(validator *v, const char *want, const char *text, size_t len,
                             const speccp_path *path)
{
    char want_shown[SPECCP_SHOW_MAX], got[SPECCP_SHOW_MAX];
    speccp_show_json(want, strlen(want), want_shown, sizeof want_shown);
    speccp_show_json(text, len, got, sizeof got);
    report(v, SPECC_ERR_CONST, path, "must be %s, got %s", want_shown, got);
}

/* The value's JSON text must equal const_json (by JSON value). */
static SPECCP_NOINLINE void check_const(validator *v, const specc_shape *shape, const char *p,
                                        const char *other, const speccp_path *path)
{
    char *text;
    specc_error e;
    size_t len;

    if (!(shape->flags & SPECC_S_CONST) || !shape->const_json)
        return;
    if (!(text = speccp_value_text(shape, p, other, &len, &e))) {
        if (e.code == SPECC_ERR_NOMEM) /* otherwise reported by the value's own checks */
            report(v, SPECC_ERR_NOMEM, path, "out of memory checking const");
        return;
    }
    if (!speccp_text_equal(text, len, shape->const_json, strlen(shape->const_json)))
        const_error(v, shape->const_json, text, len, path);
    specc_free(text);
}

/* The value stored at p (an OBJECT here is the struct itself). */
static void check_value(validator *v, const specc_shape *shape, const char *p, bool has_other,
                        const char *other, const speccp_path *path, size_t depth)
{
    unsigned char b;

    switch (shape->kind) {
    case SPECC_KIND_STRING:
    case SPECC_KIND_ANY: check_pointee(v, shape, p, path, depth); break;
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32: check_integer(v, shape, p, path); break;
    case SPECC_KIND_NUMBER: check_number(v, shape, p, path); break;
    case SPECC_KIND_DECIMAL: check_decimal(v, shape, p, path); break;
    case SPECC_KIND_ENUM: check_enum(v, shape, p, has_other, other, path); break;
    case SPECC_KIND_BOOLEAN:
        memcpy(&b, p, 1); /* a byte: reading a bool holding 2 would be UB */
        if (b > 1)
            report(v, SPECC_ERR_INVALID, path, "bool holds %u", (unsigned)b);
        break;
    case SPECC_KIND_OBJECT: check_object(v, shape->type, p, path, depth); break;
    case SPECC_KIND_ARRAY: check_array(v, shape, p, path, depth); break;
    case SPECC_KIND_MAP: check_map(v, shape, p, path, depth); break;
    case SPECC_KIND_UNION: check_union(v, shape, p, path, depth); break;
    default: report(v, SPECC_ERR_INVALID, path, "unknown kind %d", (int)shape->kind); return;
    }
    check_const(v, shape, p, other, path);
}

/* As stored by fields and variants: OBJECT as a T * (NULL: missing). */
static void check_stored(validator *v, const specc_shape *shape, const char *p, bool ptr,
                         bool has_other, const char *other, const speccp_path *path,
                         size_t depth)
{
    if (ptr && shape->kind == SPECC_KIND_OBJECT) {
        p = speccp_get_ptr(p, 0);
        if (!p) {
            report(v, SPECC_ERR_MISSING, path, "object is NULL");
            return;
        }
    }
    check_value(v, shape, p, has_other, other, path, depth);
}

/* An element: the bare value, or the element struct (state, other). */
static void check_slot(validator *v, const specc_shape *shape, const char *p, bool ptr,
                       const speccp_path *path, size_t depth)
{
    const char *other = NULL;
    specc_state st;

    if (!shape->elem_size) {
        check_stored(v, shape, p, ptr, false, NULL, path, depth);
        return;
    }
    if (shape->flags & SPECC_S_NULLABLE) {
        memcpy(&st, p + shape->state_offset, sizeof st);
        if (st == SPECC_NULL)
            return;
        if (st != SPECC_PRESENT) {
            report(v, SPECC_ERR_INVALID, path, "invalid element state %d", (int)st);
            return;
        }
    }
    if (speccp_is_open_enum(shape))
        other = speccp_get_ptr(p, shape->other_offset);
    check_stored(v, shape, p + shape->value_offset, ptr, speccp_is_open_enum(shape), other, path,
                 depth);
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

/* The state against the member: SPECC_PRESENT needs a value, and
 * SPECC_ABSENT or SPECC_NULL must not hold one (encoding would drop it).
 * False when nothing more should be checked. */
static bool check_state_value(validator *v, const specc_field *f, const char *base,
                              const speccp_path *path)
{
    const char *p = base + f->offset;
    specc_state st;
    if (check_state(v, f, base, path)) {
        if (!speccp_member_lacks_value(&f->shape, p))
            return true;
        report(v, SPECC_ERR_INVALID, path,
               "state is SPECC_PRESENT but there is no value (set one, or set the state)");
        return false;
    }
    memcpy(&st, base + f->state_offset, sizeof st);
    if ((st == SPECC_ABSENT || st == SPECC_NULL) && speccp_member_has_content(&f->shape, p))
        report(v, SPECC_ERR_INVALID, path,
               "state is %s but the field holds a value, which encoding would drop",
               st == SPECC_ABSENT ? "SPECC_ABSENT" : "SPECC_NULL");
    return false;
}

/* Is the field in the JSON the value encodes to? */
static bool field_present(const specc_field *f, const char *base)
{
    specc_state st;
    if (f->flags & SPECC_F_STATE) {
        memcpy(&st, base + f->state_offset, sizeof st);
        return st != SPECC_ABSENT;
    }
    if (f->shape.kind == SPECC_KIND_ANY || f->shape.kind == SPECC_KIND_STRING ||
        f->shape.kind == SPECC_KIND_OBJECT)
        return speccp_get_ptr(base, f->offset) != NULL;
    return true;
}

/* readOnly / writeOnly. Present: an error in the direction that bans it.
 * Absent: fine without a direction (a required readOnly field is absent
 * from requests, a required writeOnly one from responses) and in the
 * banning direction; otherwise the usual checks (required) apply. False
 * when that settles the field. */
static bool check_direction(validator *v, const specc_field *f, const char *base,
                            const speccp_path *path)
{
    unsigned flags = f->shape.flags & (SPECC_S_READ_ONLY | SPECC_S_WRITE_ONLY);
    unsigned banned = v->as == SPECC_AS_REQUEST    ? SPECC_S_READ_ONLY
                      : v->as == SPECC_AS_RESPONSE ? SPECC_S_WRITE_ONLY
                                                   : 0;
    if (!flags)
        return true;
    if (!field_present(f, base))
        return v->as != SPECC_AS_ANY && !(flags & banned);
    if (!(flags & banned))
        return true;
    report(v, banned == SPECC_S_READ_ONLY ? SPECC_ERR_READ_ONLY : SPECC_ERR_WRITE_ONLY, path,
           banned == SPECC_S_READ_ONLY ? "read-only field must be absent in a request"
                                       : "write-only field must be absent in a response");
    return false;
}

static void check_field(validator *v, const specc_field *f, const char *base,
                        const speccp_path *path, size_t depth)
{
    speccp_path here = {path, f->name, f->name_len, 0};
    const char *p = base + f->offset, *other = NULL;

    if (!check_direction(v, f, base, &here))
        return;
    if (f->shape.kind == SPECC_KIND_ANY) { /* NULL = absent; json null is a value */
        const json_t *j = speccp_get_ptr(p, 0);
        if (!j && (f->flags & SPECC_F_REQUIRED))
            report(v, SPECC_ERR_MISSING, &here, "required field is absent");
        else if (j)
            check_value(v, &f->shape, p, false, NULL, &here, depth);
        return;
    }
    if ((f->flags & SPECC_F_STATE) && !check_state_value(v, f, base, &here))
        return;
    if (speccp_is_open_enum(&f->shape))
        other = speccp_get_ptr(base, f->other_offset);
    check_stored(v, &f->shape, p, true, true, other, &here, depth);
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

/* ------------------------------------------------------------------ public */

static void validator_begin(validator *v, specc_as as, specc_error_fn *each, void *ctx)
{
    memset(v, 0, sizeof *v);
    v->each = each;
    v->ctx = ctx;
    v->as = as;
}

static size_t validator_end(validator *v)
{
    size_t i;
    for (i = 0; i < v->pattern_count; i++)
        if (v->patterns[i].ok)
            regfree(&v->patterns[i].re);
    return v->count;
}

size_t specc_validate_as(const specc_type *type, const void *value, specc_as as,
                         specc_error_fn *each, void *ctx)
{
    validator v;

    validator_begin(&v, as, each, ctx);
    if (!type || !value || (type->kind == SPECC_TYPE_VALUE && !type->value))
        report(&v, SPECC_ERR_INVALID, NULL, "NULL type or value");
    else if (type->kind == SPECC_TYPE_VALUE)
        check_slot(&v, type->value, value, false, NULL, 0);
    else
        check_object(&v, type, value, NULL, 0);
    return validator_end(&v);
}

size_t specc_validate(const specc_type *type, const void *value, specc_error_fn *each, void *ctx)
{
    return specc_validate_as(type, value, SPECC_AS_ANY, each, ctx);
}

size_t speccp_validate_shape(const specc_shape *shape, const void *p, const speccp_path *path,
                             specc_error_fn *each, void *ctx)
{
    validator v;
    validator_begin(&v, SPECC_AS_ANY, each, ctx);
    check_value(&v, shape, p, false, NULL, path, 0);
    return validator_end(&v);
}
