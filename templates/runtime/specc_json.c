/* {{banner}} */
/*
 * specc_json.c — specc_decode_json: a jansson value straight into generated
 * structs, walked by the descriptors as specc_decode.c walks text, with its
 * rules, codes, paths and messages (line and column 0). Nothing is
 * serialised on the way, except what the struct keeps as text: undeclared
 * keys of a type that preserves them, and the `other` text of open unions
 * (both written compactly, as specc_encode_text writes `any` values).
 *
 * What a jansson value cannot be is settled: no syntax errors, no
 * duplicate keys, no integer beyond int64, no real beyond double. What it
 * can be besides what text can: nested without limit, or cyclic. The text
 * decoder reports the first syntax, depth or duplicate-key error of the
 * text in preference to a shape error found before it; here the depth is
 * the only such error, so after any failure but running out of memory the
 * value is walked again for the first container (in document order) nested
 * deeper than SPECC_MAX_DEPTH, which takes over. A cycle is one of those.
 *
 * Numbers: an integer is its decimal digits (messages, decimals); a real is
 * the shortest text that reads back as it (speccp_format_double: "0.5",
 * "1.0", "1e+300"), always with a '.' or an exponent.
 *
 * Strings must be UTF-8 (jansson's own functions ensure it, its _nocheck
 * ones leave it to the caller): a string or key that is not, where it is
 * kept, is SPECC_ERR_FORMAT "string is not valid UTF-8", as the encoder
 * reports it.
 *
 * `any` values are deep copies: the struct owns its value, which shares
 * nothing with the caller's (a const json_t, which may change or be freed
 * after the decode).
 *
 * Ownership while decoding, as in specc_decode.c: everything allocated is
 * reachable from the output at once, so a failure only has to
 * specc_clear() it.
 */
#include "specc_internal.h"

#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define COLD __attribute__((noinline, cold))
#else
#define COLD
#endif

typedef struct jdec {
    specc_error *err; /* never NULL */
    speccp_buf text;  /* scratch: kept texts, discriminator values */
} jdec;

static specc_code jv_slot(jdec *d, const specc_shape *shape, char *p, bool ptr, const json_t *j,
                          const speccp_path *path, unsigned depth);
static specc_code jv_object(jdec *d, const specc_type *type, void *out, const json_t *j,
                            const speccp_path *path, unsigned depth);

/* jansson's iterators and getters take a json_t *; nothing is modified. */
#define MUTABLE(j) ((json_t *)(j))

static void key_path(speccp_path *child, const speccp_path *parent, const char *key, size_t len)
{
    child->parent = parent;
    child->key = key;
    child->key_len = len;
    child->index = 0;
}

/* ---------------------------------------------------------------- errors */

static COLD specc_code nomem(jdec *d, const speccp_path *path)
{
    return speccp_fail(d->err, SPECC_ERR_NOMEM, path, "out of memory");
}

static COLD specc_code depth_error(jdec *d, const speccp_path *path)
{
    return speccp_fail(d->err, SPECC_ERR_DEPTH, path, "nesting deeper than %d",
                       SPECC_MAX_DEPTH);
}

/* A number as the text decoder shows it: digits, or the real's shortest
 * text. buf >= 40 bytes. */
static size_t number_text(const json_t *j, char *buf)
{
    size_t n;
    if (json_is_real(j))
        return speccp_format_double(json_real_value(j), buf, 40);
    n = speccp_int_text((int64_t)json_integer_value(j), buf);
    buf[n] = '\0';
    return n;
}

/* "expected <kind>, got <the value>" (SPECC_ERR_TYPE). */
static COLD specc_code type_error(jdec *d, const specc_shape *shape, const json_t *j,
                                  const speccp_path *path)
{
    char shown[SPECCP_SHOW_MAX + 8], want[160];
    switch (json_typeof(j)) {
    case JSON_OBJECT: snprintf(shown, sizeof shown, "object"); break;
    case JSON_ARRAY: snprintf(shown, sizeof shown, "array"); break;
    case JSON_TRUE: snprintf(shown, sizeof shown, "boolean true"); break;
    case JSON_FALSE: snprintf(shown, sizeof shown, "boolean false"); break;
    case JSON_NULL: snprintf(shown, sizeof shown, "null"); break;
    case JSON_STRING:
        memcpy(shown, "string ", 7);
        speccp_quote(json_string_value(j), json_string_length(j), shown + 7,
                     sizeof shown - 7);
        break;
    case JSON_INTEGER:
    case JSON_REAL:
        memcpy(shown, "number ", 7);
        number_text(j, shown + 7);
        break;
    }
    speccp_expected(shape, want, sizeof want);
    return speccp_fail(d->err, SPECC_ERR_TYPE, path, "expected %s, got %s", want, shown);
}

static COLD specc_code null_error(jdec *d, const specc_shape *shape, const speccp_path *path)
{
    char want[160];
    speccp_expected(shape, want, sizeof want);
    return speccp_fail(d->err, SPECC_ERR_NULL, path, "expected %s, got null", want);
}

static COLD specc_code nul_error(jdec *d, const speccp_path *path, const char *what)
{
    return speccp_fail(d->err, SPECC_ERR_NUL, path,
                       "%s holds U+0000 (\\u0000), which a C string cannot hold", what);
}

/* ---------------------------------------------------------------- scalars */

/* A copy of a string that must be UTF-8 without U+0000 (`what` holds it). */
static specc_code c_string(jdec *d, const char *s, size_t len, char **out,
                           const speccp_path *path, const char *what)
{
    if (!speccp_utf8_valid(s, len))
        return speccp_utf8_fail(d->err, s, len, path);
    if (memchr(s, '\0', len))
        return nul_error(d, path, what);
    if (!(*out = speccp_strndup(s, len)))
        return nomem(d, path);
    return SPECC_OK;
}

static specc_code jv_string(jdec *d, void *slot, const json_t *j, const speccp_path *path)
{
    char *copy;
    SPECCP_TRY(c_string(d, json_string_value(j), json_string_length(j), &copy, path, "string"));
    speccp_set_ptr(slot, 0, copy);
    return SPECC_OK;
}

static COLD specc_code int_enum_error(jdec *d, const specc_shape *shape, const json_t *j,
                                      const speccp_path *path)
{
    char list[SPECCP_LIST_MAX], shown[40];
    speccp_int_enum_list(shape, list, sizeof list);
    number_text(j, shown);
    return speccp_fail(d->err, SPECC_ERR_ENUM, path, "expected one of %s, got %s", list, shown);
}

/* INTEGER (int64_t) or INT32 (int32_t): a jansson integer in range, in a
 * closed integer enum's list. */
static specc_code jv_integer(jdec *d, const specc_shape *shape, void *slot, const json_t *j,
                             const speccp_path *path)
{
    int64_t v = (int64_t)json_integer_value(j);
    int32_t v32;
    char shown[40];
    size_t i;

    if (shape->kind == SPECC_KIND_INT32 && (v < INT32_MIN || v > INT32_MAX)) {
        number_text(j, shown);
        return speccp_fail(d->err, SPECC_ERR_RANGE, path, "integer %s is out of range (int32)",
                           shown);
    }
    if ((shape->flags & SPECC_S_INT_ENUM) && !(shape->flags & SPECC_S_OPEN_ENUM)) {
        for (i = 0; i < shape->enum_count && shape->enum_ints[i] != v; i++)
            ;
        if (i == shape->enum_count)
            return int_enum_error(d, shape, j, path);
    }
    v32 = (int32_t)v;
    if (shape->kind == SPECC_KIND_INT32)
        memcpy(slot, &v32, sizeof v32);
    else
        memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

static void jv_number(void *slot, const json_t *j)
{
    double v = json_number_value(j); /* an int64 rounds as strtod rounds its digits */
    memcpy(slot, &v, sizeof v);
}

static COLD specc_code decimal_error(jdec *d, const char *s, size_t len,
                                     const speccp_path *path)
{
    char shown[SPECCP_SHOW_MAX];
    speccp_quote(s, len, shown, sizeof shown);
    return speccp_fail(d->err, SPECC_ERR_FORMAT, path, "expected a decimal number, got string %s",
                       shown);
}

/* A decimal: a number as its digits or shortest text, or a string holding one. */
static specc_code jv_decimal(jdec *d, void *slot, const json_t *j, const speccp_path *path)
{
    char buf[40];
    const char *s = buf;
    specc_decimal v;
    size_t len;

    v.is_string = json_is_string(j);
    if (v.is_string) {
        s = json_string_value(j);
        len = json_string_length(j);
        if (memchr(s, '\0', len) || !speccp_is_json_number(s, len))
            return decimal_error(d, s, len, path);
    } else {
        len = number_text(j, buf);
    }
    if (!(v.text = speccp_strndup(s, len)))
        return nomem(d, path);
    memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

static COLD specc_code enum_error(jdec *d, const specc_shape *shape, const char *text,
                                  size_t len, const speccp_path *path)
{
    char list[SPECCP_LIST_MAX], got[SPECCP_SHOW_MAX];
    speccp_enum_list(shape, list, sizeof list);
    speccp_quote(text, len, got, sizeof got);
    return speccp_fail(d->err, SPECC_ERR_ENUM, path, "expected one of %s, got %s", list, got);
}

/* A string enum into the int at slot; `other` (may be NULL) keeps an open
 * enum's unknown value. */
static specc_code jv_enum(jdec *d, const specc_shape *shape, void *slot, void *other,
                          const json_t *j, const speccp_path *path)
{
    const char *text = json_string_value(j);
    size_t len = json_string_length(j), i;
    char *copy;
    int v;

    for (i = 0; i < shape->enum_count; i++) {
        const char *name = shape->enum_names[i];
        if (strlen(name) == len && (len == 0 || !memcmp(name, text, len)))
            break;
    }
    if (i == shape->enum_count && !(shape->flags & SPECC_S_OPEN_ENUM))
        return enum_error(d, shape, text, len, path);
    if (i == shape->enum_count && other) {
        SPECCP_TRY(c_string(d, text, len, &copy, path, "string"));
        speccp_set_ptr(other, 0, copy);
    }
    v = (int)i;
    memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

/* ------------------------------------------------------------- containers */

static COLD specc_code no_size_error(jdec *d, const speccp_path *path)
{
    return speccp_fail(d->err, SPECC_ERR_INVALID, path,
                       "the descriptor gives elements a size of 0");
}

/* Zeroed room for n elements of esz bytes; NULL for none or no memory. */
static void *zeroed(size_t n, size_t esz)
{
    void *p;
    if (n == 0 || n > SIZE_MAX / esz)
        return NULL;
    if ((p = specc_alloc(n * esz)) != NULL)
        memset(p, 0, n * esz);
    return p;
}

/* An array into the specc_array at slot: every element zeroed (its initial
 * state) and counted before any is decoded. */
static specc_code jv_array(jdec *d, const specc_shape *items, void *slot, const json_t *j,
                           const speccp_path *path, unsigned depth)
{
    size_t esz = speccp_elem_size(items), i;
    specc_array a = {NULL, 0};
    speccp_path child = {path, NULL, 0, 0};

    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (!esz)
        return no_size_error(d, path);
    a.count = json_array_size(j);
    if (a.count && !(a.items = zeroed(a.count, esz)))
        return nomem(d, path);
    memcpy(slot, &a, sizeof a);
    for (i = 0; i < a.count; i++) {
        child.index = i;
        SPECCP_TRY(jv_slot(d, items, (char *)a.items + i * esz, false, json_array_get(j, i),
                           &child, depth));
    }
    return SPECC_OK;
}

/* A map into the specc_map at slot; keys keep the object's order, and
 * `count` says how many keys and values are set. */
static specc_code jv_map(jdec *d, const specc_shape *items, void *slot, const json_t *j,
                         const speccp_path *path, unsigned depth)
{
    size_t esz = speccp_elem_size(items), n = json_object_size(j);
    specc_map m = {NULL, NULL, 0};
    void *it;

    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (!esz)
        return no_size_error(d, path);
    if (n == 0)
        return SPECC_OK;
    m.keys = zeroed(n, sizeof *m.keys);
    m.values = m.keys ? zeroed(n, esz) : NULL;
    if (!m.values) {
        specc_free(m.keys);
        return nomem(d, path);
    }
    memcpy(slot, &m, sizeof m);
    for (it = json_object_iter(MUTABLE(j)); it && m.count < n;
         it = json_object_iter_next(MUTABLE(j), it)) {
        speccp_path child;
        key_path(&child, path, json_object_iter_key(it), json_object_iter_key_len(it));
        SPECCP_TRY(c_string(d, child.key, child.key_len, &m.keys[m.count], &child, "map key"));
        m.count++;
        memcpy(slot, &m, sizeof m);
        SPECCP_TRY(jv_slot(d, items, (char *)m.values + (m.count - 1) * esz, false,
                           json_object_iter_value(it), &child, depth));
    }
    return SPECC_OK;
}

/* ----------------------------------------------------------------- unions */

static speccp_jkind kind_of(const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_STRING: return SPECCP_JK_STRING;
    case JSON_INTEGER: return SPECCP_JK_INTEGER;
    case JSON_REAL: return SPECCP_JK_NUMBER;
    case JSON_TRUE:
    case JSON_FALSE: return SPECCP_JK_BOOLEAN;
    case JSON_OBJECT: return SPECCP_JK_OBJECT;
    case JSON_ARRAY: return SPECCP_JK_ARRAY;
    case JSON_NULL: break;
    }
    return SPECCP_JK_OTHER;
}

static void set_union_kind(const specc_union *u, char *base, size_t kind)
{
    int k = (int)kind;
    memcpy(base + u->kind_offset, &k, sizeof k);
}

/* Variant i: its kind first, so that specc_clear frees a half-built member. */
static specc_code jv_variant(jdec *d, const specc_union *u, size_t i, char *base,
                             const json_t *j, const speccp_path *path, unsigned depth)
{
    const specc_shape *shape = &u->variants[i].shape;
    set_union_kind(u, base, i + 1);
    return jv_slot(d, shape, base + u->value_offset, true, j, path,
                   depth + (shape->kind == SPECC_KIND_UNION));
}

/* The compact text of j in d->text (from its start). */
static specc_code text_of(jdec *d, const json_t *j, const speccp_path *path, unsigned depth)
{
    d->text.len = 0;
    return speccp_json_text(j, &d->text, path, depth);
}

/* An open union's value that no variant takes: kept as text. */
static specc_code keep_other(jdec *d, const specc_union *u, char *base, const json_t *j,
                             const speccp_path *path, unsigned depth)
{
    char *copy;
    SPECCP_TRY(text_of(d, j, path, depth));
    if (!(copy = speccp_strndup(d->text.data, d->text.len)))
        return nomem(d, path);
    speccp_set_ptr(base, u->other_offset, copy);
    set_union_kind(u, base, u->variant_count + 1);
    return SPECC_OK;
}

static COLD specc_code tag_missing(jdec *d, const specc_union *u, const speccp_path *key)
{
    char name[SPECCP_SHOW_MAX];
    speccp_show_plain(u->discriminator, u->discriminator_len, name, sizeof name);
    return speccp_fail(d->err, SPECC_ERR_MISSING, key, "discriminator '%s' is missing", name);
}

static COLD specc_code tag_error(jdec *d, const specc_union *u, const speccp_path *key)
{
    char list[SPECCP_LIST_MAX], got[SPECCP_SHOW_MAX];
    speccp_tag_list(u, list, sizeof list);
    speccp_show_json(d->text.data, d->text.len, got, sizeof got);
    return speccp_fail(d->err, SPECC_ERR_ENUM, key, "expected one of %s, got %s", list, got);
}

/* A union with a discriminator: choose by the key's value, then decode the
 * object as that variant. */
static specc_code jv_tagged(jdec *d, const specc_shape *shape, char *base, const json_t *j,
                            const speccp_path *path, unsigned depth)
{
    const specc_union *u = shape->union_;
    const json_t *tag;
    speccp_path key;
    size_t i;

    if (!json_is_object(j)) { /* a value that is not an object: by its kind */
        i = speccp_pick_by_kind(u, kind_of(j));
        if (i < u->variant_count)
            return jv_variant(d, u, i, base, j, path, depth);
        return type_error(d, shape, j, path);
    }
    if (depth + 1 > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    key_path(&key, path, u->discriminator, u->discriminator_len);
    tag = json_object_getn(j, u->discriminator, u->discriminator_len);
    if (!tag && u->default_variant && u->default_variant <= u->variant_count)
        return jv_variant(d, u, u->default_variant - 1, base, j, path, depth);
    if (!tag)
        return tag_missing(d, u, &key);
    SPECCP_TRY(text_of(d, tag, &key, depth + 1));
    i = speccp_pick_by_tag(u, d->text.data, d->text.len);
    if (i < u->variant_count)
        return jv_variant(d, u, i, base, j, path, depth);
    if (u->open)
        return keep_other(d, u, base, j, path, depth);
    return tag_error(d, u, &key);
}

/* A union in place at base (see specc.h). */
static specc_code jv_union(jdec *d, const specc_shape *shape, char *base, const json_t *j,
                           const speccp_path *path, unsigned depth)
{
    const specc_union *u = shape->union_;
    size_t i;

    if (!u)
        return speccp_fail(d->err, SPECC_ERR_INVALID, path, "union shape without a union");
    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (u->discriminator)
        return jv_tagged(d, shape, base, j, path, depth);
    i = speccp_pick_by_kind(u, kind_of(j));
    if (i < u->variant_count)
        return jv_variant(d, u, i, base, j, path, depth);
    if (u->open && !json_is_null(j))
        return keep_other(d, u, base, j, path, depth);
    return type_error(d, shape, j, path);
}

/* ----------------------------------------------------------------- values */

/* One value in place: slot is the member (a field) or the element. */
static specc_code jv_value(jdec *d, const specc_shape *shape, void *slot, void *other,
                           const json_t *j, const speccp_path *path, unsigned depth)
{
    json_t *copy;
    bool b;
    if (json_is_null(j) && shape->kind != SPECC_KIND_ANY)
        return null_error(d, shape, path);
    switch (shape->kind) {
    case SPECC_KIND_STRING:
        return json_is_string(j) ? jv_string(d, slot, j, path) : type_error(d, shape, j, path);
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32:
        return json_is_integer(j) ? jv_integer(d, shape, slot, j, path)
                                  : type_error(d, shape, j, path);
    case SPECC_KIND_NUMBER:
        if (!json_is_number(j))
            return type_error(d, shape, j, path);
        jv_number(slot, j);
        return SPECC_OK;
    case SPECC_KIND_BOOLEAN:
        if (!json_is_boolean(j))
            return type_error(d, shape, j, path);
        b = json_is_true(j);
        memcpy(slot, &b, sizeof b);
        return SPECC_OK;
    case SPECC_KIND_DECIMAL:
        return json_is_string(j) || json_is_number(j) ? jv_decimal(d, slot, j, path)
                                                      : type_error(d, shape, j, path);
    case SPECC_KIND_ANY:
        SPECCP_TRY(speccp_json_copy(j, &copy, path, depth, d->err));
        speccp_set_ptr(slot, 0, copy);
        return SPECC_OK;
    case SPECC_KIND_ENUM:
        return json_is_string(j) ? jv_enum(d, shape, slot, other, j, path)
                                 : type_error(d, shape, j, path);
    case SPECC_KIND_OBJECT:
        return json_is_object(j) ? jv_object(d, shape->type, slot, j, path, depth + 1)
                                 : type_error(d, shape, j, path);
    case SPECC_KIND_ARRAY:
        return json_is_array(j) ? jv_array(d, shape->items, slot, j, path, depth + 1)
                                : type_error(d, shape, j, path);
    case SPECC_KIND_MAP:
        return json_is_object(j) ? jv_map(d, shape->items, slot, j, path, depth + 1)
                                 : type_error(d, shape, j, path);
    case SPECC_KIND_UNION:
        return jv_union(d, shape, slot, j, path, depth);
    }
    return type_error(d, shape, j, path);
}

/* A value stored as fields and variants store it: OBJECT as a T * (owned;
 * allocated, linked, then filled), anything else in place. */
static specc_code jv_stored(jdec *d, const specc_shape *shape, char *p, void *other, bool ptr,
                            const json_t *j, const speccp_path *path, unsigned depth)
{
    void *child;
    if (!ptr || shape->kind != SPECC_KIND_OBJECT || json_is_null(j))
        return jv_value(d, shape, p, other, j, path, depth);
    if (!json_is_object(j))
        return type_error(d, shape, j, path);
    if (!(child = specc_alloc(shape->type->size)))
        return nomem(d, path);
    specc_init(shape->type, child);
    speccp_set_ptr(p, 0, child);
    return jv_object(d, shape->type, child, j, path, depth + 1);
}

static void put_state(void *at, specc_state state)
{
    memcpy(at, &state, sizeof state);
}

/* An element (item, map value, variant, VALUE type's value): the bare
 * value, or the element struct with its state and other members. */
static specc_code jv_slot(jdec *d, const specc_shape *shape, char *p, bool ptr, const json_t *j,
                          const speccp_path *path, unsigned depth)
{
    bool nullable = (shape->flags & SPECC_S_NULLABLE) != 0;
    void *other = NULL;

    if (!shape->elem_size)
        return jv_stored(d, shape, p, NULL, ptr, j, path, depth);
    if (nullable && shape->kind != SPECC_KIND_ANY && json_is_null(j)) {
        put_state(p + shape->state_offset, SPECC_NULL);
        return SPECC_OK;
    }
    if (speccp_is_open_enum(shape))
        other = p + shape->other_offset;
    SPECCP_TRY(jv_stored(d, shape, p + shape->value_offset, other, ptr, j, path, depth));
    if (nullable)
        put_state(p + shape->state_offset, SPECC_PRESENT);
    return SPECC_OK;
}

static void set_state(void *base, const specc_field *f, specc_state state)
{
    if (f->flags & SPECC_F_STATE)
        memcpy((char *)base + f->state_offset, &state, sizeof state);
}

/* The value of a known field, with its null rule and state. */
static specc_code jv_field(jdec *d, const specc_field *f, char *base, const json_t *j,
                           const speccp_path *path, unsigned depth)
{
    void *other = NULL;
    if (json_is_null(j)) {
        if (f->shape.kind == SPECC_KIND_ANY) { /* null is one more JSON value */
            speccp_set_ptr(base, f->offset, json_null());
            return SPECC_OK;
        }
        if (!(f->flags & SPECC_F_NULLABLE))
            return null_error(d, &f->shape, path);
        set_state(base, f, SPECC_NULL);
        return SPECC_OK;
    }
    if (speccp_is_open_enum(&f->shape))
        other = base + f->other_offset;
    SPECCP_TRY(jv_stored(d, &f->shape, base + f->offset, other, true, j, path, depth));
    set_state(base, f, SPECC_PRESENT);
    return SPECC_OK;
}

/* ---------------------------------------------------------------- objects */

/* The first container in j (j included, `depth` containers around it)
 * nested deeper than SPECC_MAX_DEPTH, in document order, reported as the
 * text decoder reports it; SPECC_OK when there is none. */
static specc_code too_deep(jdec *d, const json_t *j, const speccp_path *path, unsigned depth)
{
    speccp_path child = {path, NULL, 0, 0};
    size_t i, n;
    void *it;

    if (json_is_object(j)) {
        if (depth + 1 > SPECC_MAX_DEPTH)
            return depth_error(d, path);
        for (it = json_object_iter(MUTABLE(j)); it; it = json_object_iter_next(MUTABLE(j), it)) {
            key_path(&child, path, json_object_iter_key(it), json_object_iter_key_len(it));
            SPECCP_TRY(too_deep(d, json_object_iter_value(it), &child, depth + 1));
        }
    } else if (json_is_array(j)) {
        if (depth + 1 > SPECC_MAX_DEPTH)
            return depth_error(d, path);
        for (i = 0, n = json_array_size(j); i < n; i++) {
            child.index = i;
            SPECCP_TRY(too_deep(d, json_array_get(j, i), &child, depth + 1));
        }
    }
    return SPECC_OK;
}

/* The field named key[0..len), looked for from *hint on (keys usually come
 * in field order); NULL when the type has none. */
static const specc_field *find_field(const specc_type *type, const char *key, size_t len,
                                     size_t *hint, size_t *index)
{
    size_t n = type->field_count, i, k;
    for (k = 0; k < n; k++) {
        const specc_field *f;
        i = *hint + k < n ? *hint + k : *hint + k - n;
        f = &type->fields[i];
        if (f->name_len == len && (len == 0 || !memcmp(f->name, key, len))) {
            *hint = i + 1 < n ? i + 1 : 0;
            *index = i;
            return f;
        }
    }
    return NULL;
}

static COLD specc_code unknown_key_error(jdec *d, const specc_type *type,
                                         const speccp_path *child)
{
    char q[SPECCP_SHOW_MAX];
    speccp_quote(child->key, child->key_len, q, sizeof q);
    return speccp_fail(d->err, SPECC_ERR_UNKNOWN_FIELD, child,
                       "unknown key %s (%s allows no unknown keys)", q, type->name);
}

/* A key that is not a field, by the type's unknown-field policy; a kept
 * value becomes its compact text. */
static specc_code jv_unknown(jdec *d, const specc_type *type, char *base, const json_t *v,
                             const speccp_path *child, unsigned depth)
{
    specc_unknown *unknown;

    if (type->unknown == SPECC_UNKNOWN_REJECT)
        return unknown_key_error(d, type, child);
    if (type->unknown != SPECC_UNKNOWN_PRESERVE)
        return too_deep(d, v, child, depth); /* ignored, but still JSON the text decoder takes */
    if (!speccp_utf8_valid(child->key, child->key_len))
        return speccp_utf8_fail(d->err, child->key, child->key_len, child);
    SPECCP_TRY(text_of(d, v, child, depth));
    unknown = (specc_unknown *)(void *)(base + type->unknown_offset);
    if (!speccp_unknown_append(NULL, unknown, child->key, child->key_len, d->text.data,
                               d->text.len))
        return nomem(d, child);
    return SPECC_OK;
}

static specc_code check_required(jdec *d, const specc_type *type, const uint64_t *seen,
                                 const speccp_path *path)
{
    size_t i;
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        speccp_path child;
        /* readOnly / writeOnly: required in one direction only (validate_as). */
        if (f->shape.flags & (SPECC_S_READ_ONLY | SPECC_S_WRITE_ONLY))
            continue;
        if ((f->flags & SPECC_F_REQUIRED) && !(seen[i / 64] & ((uint64_t)1 << (i % 64)))) {
            key_path(&child, path, f->name, f->name_len);
            return speccp_fail(d->err, SPECC_ERR_MISSING, &child, "required key is missing");
        }
    }
    return SPECC_OK;
}

/* The members of j, in order, into *out (initialised). */
static specc_code jv_members(jdec *d, const specc_type *type, char *out, const json_t *j,
                             uint64_t *seen, const speccp_path *path, unsigned depth)
{
    size_t hint = 0, index = 0;
    void *it;
    for (it = json_object_iter(MUTABLE(j)); it; it = json_object_iter_next(MUTABLE(j), it)) {
        const json_t *v = json_object_iter_value(it);
        const specc_field *f;
        speccp_path child;
        key_path(&child, path, json_object_iter_key(it), json_object_iter_key_len(it));
        f = memchr(child.key, '\0', child.key_len)
                ? NULL
                : find_field(type, child.key, child.key_len, &hint, &index);
        if (!f) {
            SPECCP_TRY(jv_unknown(d, type, out, v, &child, depth));
            continue;
        }
        seen[index / 64] |= (uint64_t)1 << (index % 64);
        SPECCP_TRY(jv_field(d, f, out, v, &child, depth));
    }
    return check_required(d, type, seen, path);
}

/* An object of `type` into *out (initialised). */
static specc_code jv_object(jdec *d, const specc_type *type, void *out, const json_t *j,
                            const speccp_path *path, unsigned depth)
{
    uint64_t seen_small[4] = {0, 0, 0, 0}, *seen = seen_small;
    size_t words = (type->field_count + 63) / 64;
    specc_code rc;

    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (words > 4 && !(seen = zeroed(words, sizeof *seen)))
        return nomem(d, path);
    rc = jv_members(d, type, out, j, seen, path, depth);
    if (seen != seen_small)
        specc_free(seen);
    return rc;
}

/* ---------------------------------------------------------------- entry */

static const specc_shape object_shape = {.kind = SPECC_KIND_OBJECT};

/* The document: an object of the type's fields, or a VALUE type's value
 * (never null). */
static specc_code jv_root(jdec *d, const specc_type *type, void *out, const json_t *j)
{
    const specc_shape *shape = type->kind == SPECC_TYPE_VALUE ? type->value : &object_shape;
    if (json_is_null(j))
        return null_error(d, shape, NULL);
    if (type->kind == SPECC_TYPE_VALUE)
        return jv_slot(d, shape, out, false, j, NULL, 0);
    if (!json_is_object(j))
        return type_error(d, shape, j, NULL);
    return jv_object(d, type, out, j, NULL, 1);
}

specc_code specc_decode_json(const specc_type *type, const json_t *json, void *out,
                             specc_error *err)
{
    specc_error local;
    specc_code rc;
    jdec d;

    if (!type || !out || !json || (type->kind == SPECC_TYPE_VALUE && !type->value)) {
        if (type && out)
            specc_init(type, out);
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no type, JSON value or output given");
    }
    specc_init(type, out);
    d.err = err ? err : &local;
    d.text = (speccp_buf)SPECCP_BUF_INIT(d.err, "the kept text");
    rc = jv_root(&d, type, out, json);
    if (rc) {
        specc_clear(type, out);
        if (rc != SPECC_ERR_NOMEM && too_deep(&d, json, NULL, 0) != SPECC_OK)
            rc = SPECC_ERR_DEPTH; /* as the text decoder's syntax re-scan finds it */
    } else if (err) {
        err->code = SPECC_OK;
        err->line = err->column = 0;
        err->path[0] = err->message[0] = '\0';
    }
    specc_free(d.text.data);
    return rc;
}
