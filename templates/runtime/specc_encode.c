/* {{banner}} */
/*
 * specc_encode.c — a value (struct + descriptor) to compact JSON text.
 *
 * The encoder writes the text itself into one growable buffer: no DOM, no
 * per-byte callbacks. Every writer returns a specc_code; the first error
 * stops the walk, fills *err with the JSON path of the offending member and
 * the buffer is freed, so a failure (NOMEM included) leaves nothing behind.
 *
 * Nesting: `depth` is the number of containers (objects, arrays, maps, and
 * arrays/objects inside ANY values) around the value being written; a
 * container that would sit deeper than SPECC_MAX_DEPTH is SPECC_ERR_DEPTH,
 * which also stops a hand-built cycle (child pointing to its parent).
 *
 * specc_encode_json walks the same way, with the same checks and refusals:
 * only the few functions that write a token look at `tree`, and build a
 * jansson value instead (each new value is attached to its parent before
 * anything is put in it, so a failure frees everything with the root).
 */
#include "specc_internal.h"

#include <math.h>

#if defined(__GNUC__) || defined(__clang__)
#define COLD __attribute__((noinline, cold))
#else
#define COLD
#endif

/* ------------------------------------------------------------ the encoder */

typedef struct encoder {
    speccp_buf out;
    specc_error *err; /* the same as out.err */
    /* Writing a union directly inside a union that has an integer variant:
     * its numbers must not look like integers either. */
    bool int_outside;
    /* specc_encode_json: build a jansson value, not text. */
    bool tree;
    json_t *root;      /* the value built so far (owns everything) */
    json_t *parent;    /* the open object or array, or NULL at the root */
    const char *key;   /* the key of the next member of an open object */
    size_t key_len;
} encoder;

#define ENCODER_INIT(err, what, tree) {SPECCP_BUF_INIT(err, what), (err), false, (tree), NULL, NULL, NULL, 0}

/* ------------------------------------------------------- jansson values */

static specc_code nomem(encoder *e, const speccp_path *path)
{
    return speccp_fail(e->err, SPECC_ERR_NOMEM, path, "out of memory");
}

/* Tree: v (new, owned; NULL when its allocation failed) becomes the next
 * member of the open object or array, or the root. */
static specc_code attach(encoder *e, json_t *v, const speccp_path *path)
{
    if (!v)
        return nomem(e, path);
    if (!e->parent) {
        e->root = v;
        return SPECC_OK;
    }
    /* Both take v, even when they fail. */
    if (json_is_object(e->parent) ? json_object_setn_new_nocheck(e->parent, e->key, e->key_len, v)
                                  : json_array_append_new(e->parent, v))
        return nomem(e, path);
    return SPECC_OK;
}

/* '{' or '[': in a tree, a new object or array, attached, becomes the
 * parent (the one before goes to *saved until close). */
static specc_code open_container(encoder *e, bool object, json_t **saved,
                                 const speccp_path *path)
{
    json_t *c;
    if (!e->tree)
        return speccp_buf_put_char(&e->out, object ? '{' : '[');
    c = object ? json_object() : json_array();
    SPECCP_TRY(attach(e, c, path));
    *saved = e->parent;
    e->parent = c;
    return SPECC_OK;
}

static specc_code close_container(encoder *e, bool object, json_t *saved)
{
    if (!e->tree)
        return speccp_buf_put_char(&e->out, object ? '}' : ']');
    e->parent = saved;
    return SPECC_OK;
}

/* true, false or null. */
static specc_code put_literal(encoder *e, json_t *v, const char *text, const speccp_path *path)
{
    return e->tree ? attach(e, v, path) : speccp_buf_put(&e->out, text, strlen(text));
}

/* ---------------------------------------------------------------- scalars */

static specc_code put_int(encoder *e, int64_t v, const speccp_path *path)
{
    char buf[32];
    if (e->tree)
        return attach(e, json_integer((json_int_t)v), path);
    return speccp_buf_put(&e->out, buf, speccp_int_text(v, buf));
}

/* The escape of a byte below 0x20, '"' or '\\'. */
static specc_code put_escape(encoder *e, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char esc[6] = {'\\', 0, '0', '0', 0, 0};
    size_t n = 2;
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\b': esc[1] = 'b'; break;
    case '\f': esc[1] = 'f'; break;
    case '\n': esc[1] = 'n'; break;
    case '\r': esc[1] = 'r'; break;
    case '\t': esc[1] = 't'; break;
    default:
        esc[1] = 'u';
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 15];
        n = 6;
    }
    return speccp_buf_put(&e->out, esc, n);
}

/* A JSON string in one pass: runs of plain bytes (and well-formed UTF-8,
 * written raw) are copied whole; '"', '\\' and control characters are
 * escaped. Text that is not UTF-8 fails (the caller drops the output). */
static specc_code put_string(encoder *e, const char *s, size_t len, const speccp_path *path)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;

    if (e->tree) {
        if (!speccp_utf8_valid(s, len))
            return speccp_utf8_fail(e->err, s, len, path);
        return attach(e, json_stringn_nocheck(s, len), path);
    }
    if (e->out.cap - e->out.len <= len + 2) /* the quotes and the bytes as they are */
        SPECCP_TRY(speccp_buf_grow(&e->out, len + 2));
    e->out.data[e->out.len++] = '"';
    for (;;) {
        p = speccp_plain_run(p, end);
        if (p == end)
            break;
        if (*p >= 0x80) {
            size_t n = speccp_utf8_seq(p, (size_t)(end - p));
            if (!n)
                return speccp_utf8_fail(e->err, s, len, path);
            p += n;
            continue;
        }
        SPECCP_TRY(speccp_buf_put(&e->out, (const char *)run, (size_t)(p - run)));
        SPECCP_TRY(put_escape(e, *p));
        run = ++p;
    }
    SPECCP_TRY(speccp_buf_put(&e->out, (const char *)run, (size_t)(end - run)));
    return speccp_buf_put_char(&e->out, '"');
}

/* `,"key":` (the comma unless first). */
static specc_code put_key(encoder *e, const char *key, size_t len, bool *first,
                          const speccp_path *path)
{
    if (e->tree) {
        if (!speccp_utf8_valid(key, len))
            return speccp_utf8_fail(e->err, key, len, path);
        e->key = key;
        e->key_len = len;
        return SPECC_OK;
    }
    if (!*first)
        SPECCP_TRY(speccp_buf_put_char(&e->out, ','));
    *first = false;
    SPECCP_TRY(put_string(e, key, len, path));
    return speccp_buf_put_char(&e->out, ':');
}

static specc_code too_deep(encoder *e, const speccp_path *path)
{
    return speccp_fail(e->err, SPECC_ERR_DEPTH, path, "nesting deeper than %d",
                       SPECC_MAX_DEPTH);
}

/* A decimal's text that is not a number (SPECC_ERR_FORMAT), or one beyond
 * double (SPECC_ERR_RANGE, for a jansson value). */
static COLD specc_code decimal_error(encoder *e, specc_code code, const char *text, size_t len,
                                     const speccp_path *path)
{
    char shown[SPECCP_SHOW_MAX];
    if (code == SPECC_ERR_RANGE) {
        speccp_show_json(text, len, shown, sizeof shown);
        return speccp_fail(e->err, code, path, "decimal %s is beyond double range", shown);
    }
    speccp_quote(text, len, shown, sizeof shown);
    return speccp_fail(e->err, code, path, "not a decimal number: %s", shown);
}

static specc_code put_decimal(encoder *e, const specc_decimal *d, const speccp_path *path)
{
    size_t len;
    double x;
    specc_code code;

    if (!d->text)
        return speccp_fail(e->err, SPECC_ERR_MISSING, path, "decimal text is NULL");
    len = strlen(d->text);
    if (!speccp_is_json_number(d->text, len)) {
        return decimal_error(e, SPECC_ERR_FORMAT, d->text, len, path);
    }
    if (d->is_string && e->tree)
        return attach(e, json_stringn_nocheck(d->text, len), path);
    if (d->is_string) {
        SPECCP_TRY(speccp_buf_put_char(&e->out, '"'));
        SPECCP_TRY(speccp_buf_put(&e->out, d->text, len)); /* number grammar: nothing to escape */
        return speccp_buf_put_char(&e->out, '"');
    }
    if (!e->tree)
        return speccp_buf_put(&e->out, d->text, len);
    /* A jansson real ("5" is 5.0), and jansson cannot hold a number beyond
     * double: say where it is. */
    code = speccp_parse_double(d->text, len, &x);
    if (code == SPECC_ERR_RANGE)
        return decimal_error(e, code, d->text, len, path);
    if (code != SPECC_OK)
        return nomem(e, path);
    return attach(e, json_real(x), path);
}

/* ------------------------------------------------------------- ANY values */

static specc_code put_json(encoder *e, const json_t *j, const speccp_path *path, size_t depth);

static specc_code put_json_object(encoder *e, json_t *j, const speccp_path *path, size_t depth)
{
    json_t *saved = NULL;
    void *it;
    bool first = true;
    SPECCP_TRY(open_container(e, true, &saved, path));
    for (it = json_object_iter(j); it; it = json_object_iter_next(j, it)) {
        speccp_path here = {path, json_object_iter_key(it), json_object_iter_key_len(it), 0};
        SPECCP_TRY(put_key(e, here.key, here.key_len, &first, &here));
        SPECCP_TRY(put_json(e, json_object_iter_value(it), &here, depth + 1));
    }
    return close_container(e, true, saved);
}

static specc_code put_json_array(encoder *e, const json_t *j, const speccp_path *path,
                                 size_t depth)
{
    json_t *saved = NULL;
    size_t i, n = json_array_size(j);
    SPECCP_TRY(open_container(e, false, &saved, path));
    for (i = 0; i < n; i++) {
        speccp_path here = {path, NULL, 0, i};
        if (i && !e->tree)
            SPECCP_TRY(speccp_buf_put_char(&e->out, ','));
        SPECCP_TRY(put_json(e, json_array_get(j, i), &here, depth + 1));
    }
    return close_container(e, false, saved);
}

/* A real always with a '.' or an exponent (7.0, not 7), so that it reads
 * back as a real (a jansson real; a NUMBER where an integer literal would
 * choose another variant of a union). */
static specc_code put_real(encoder *e, double d, const speccp_path *path)
{
    char buf[40];
    if (!isfinite(d))
        return speccp_fail(e->err, SPECC_ERR_RANGE, path, "number is not finite");
    if (e->tree)
        return attach(e, json_real(d), path);
    return speccp_buf_put(&e->out, buf, speccp_format_double(d, buf, sizeof buf));
}

/* A NUMBER value: integral values below 2^53 as integers (speccp_number_text). */
static specc_code put_number(encoder *e, double d, const speccp_path *path)
{
    char buf[40];
    if (!isfinite(d))
        return speccp_fail(e->err, SPECC_ERR_RANGE, path, "number is not finite");
    if (e->tree && speccp_number_is_integer(d))
        return attach(e, json_integer((json_int_t)d), path);
    if (e->tree)
        return attach(e, json_real(d), path);
    return speccp_buf_put(&e->out, buf, speccp_number_text(d, buf, sizeof buf));
}

/* Any jansson value; reals keep a '.' or exponent so they read back as reals. */
static specc_code put_json(encoder *e, const json_t *j, const speccp_path *path, size_t depth)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT:
    case JSON_ARRAY:
        if (depth >= SPECC_MAX_DEPTH)
            return too_deep(e, path);
        /* jansson's iterators take a non-const json_t; nothing is modified. */
        return json_is_object(j) ? put_json_object(e, (json_t *)j, path, depth)
                                 : put_json_array(e, j, path, depth);
    case JSON_STRING:
        return put_string(e, json_string_value(j), json_string_length(j), path);
    case JSON_INTEGER:
        return put_int(e, (int64_t)json_integer_value(j), path);
    case JSON_REAL:
        return put_real(e, json_real_value(j), path);
    case JSON_TRUE: return put_literal(e, json_true(), "true", path);
    case JSON_FALSE: return put_literal(e, json_false(), "false", path);
    case JSON_NULL: return put_literal(e, json_null(), "null", path);
    }
    return speccp_fail(e->err, SPECC_ERR_INVALID, path, "unknown jansson type");
}

/* ---------------------------------------------------------- typed values */

static specc_code put_object(encoder *e, const specc_type *type, const char *base,
                             const speccp_path *path, size_t depth);
static specc_code put_value(encoder *e, const specc_shape *shape, const char *p, bool has_other,
                            const char *other, const speccp_path *path, size_t depth);
static specc_code put_slot(encoder *e, const specc_shape *shape, const char *p, bool ptr,
                           const speccp_path *path, size_t depth);

/* has_other: the value has a member for an open enum's unknown text (a
 * field, or an element struct), whose content is `other`. */
static specc_code put_enum(encoder *e, const specc_shape *shape, int v, bool has_other,
                           const char *other, const speccp_path *path)
{
    if (v >= 0 && (size_t)v < shape->enum_count) {
        const char *name = shape->enum_names[v];
        return put_string(e, name, strlen(name), path);
    }
    /* 'other' (== enum_count) of an open enum: its text lives in the other
     * member. Bare elements of arrays and maps have no such member, so
     * their unknown spelling cannot be written. */
    if ((shape->flags & SPECC_S_OPEN_ENUM) && v >= 0 && (size_t)v == shape->enum_count) {
        if (!has_other)
            return speccp_fail(e->err, SPECC_ERR_INVALID, path,
                               "open enum value 'other' has no text inside an array or map");
        if (!other)
            return speccp_fail(e->err, SPECC_ERR_INVALID, path,
                               "open enum value is 'other' but its text is NULL");
        return put_string(e, other, strlen(other), path);
    }
    return speccp_fail(e->err, SPECC_ERR_ENUM, path, "enum value %d out of range 0..%zu", v,
                       shape->enum_count ? shape->enum_count - 1 : 0);
}

static specc_code no_size(encoder *e, const speccp_path *path)
{
    return speccp_fail(e->err, SPECC_ERR_INVALID, path,
                       "the descriptor gives elements a size of 0");
}

static specc_code put_array(encoder *e, const specc_shape *shape, const char *p,
                            const speccp_path *path, size_t depth)
{
    specc_array a;
    size_t i, size = speccp_elem_size(shape->items);
    json_t *saved = NULL;

    memcpy(&a, p, sizeof a);
    if (a.count && !a.items)
        return speccp_fail(e->err, SPECC_ERR_INVALID, path, "array items NULL with count %zu",
                           a.count);
    if (depth >= SPECC_MAX_DEPTH)
        return too_deep(e, path);
    if (a.count && !size)
        return no_size(e, path);
    SPECCP_TRY(open_container(e, false, &saved, path));
    for (i = 0; i < a.count; i++) {
        speccp_path here = {path, NULL, 0, i};
        if (i && !e->tree)
            SPECCP_TRY(speccp_buf_put_char(&e->out, ','));
        SPECCP_TRY(put_slot(e, shape->items, (const char *)a.items + i * size, false, &here,
                            depth + 1));
    }
    return close_container(e, false, saved);
}

/* ---- duplicate map keys: small maps compare pairs, larger ones hash. */

/* *dup = index of the first key equal to an earlier one, or count. Small
 * maps compare pairs; larger ones use a hash set. */
static specc_code find_duplicate(char *const *keys, size_t count, size_t *dup)
{
    speccp_keyset set;
    size_t i, j;

    *dup = count;
    if (count <= 8) {
        for (i = 1; i < count; i++)
            for (j = 0; j < i; j++)
                if (strcmp(keys[i], keys[j]) == 0) {
                    *dup = i;
                    return SPECC_OK;
                }
        return SPECC_OK;
    }
    if (!speccp_keyset_init(&set, count))
        return SPECC_ERR_NOMEM;
    for (i = 0; i < count && *dup == count; i++)
        if (!speccp_keyset_add(&set, keys[i], strlen(keys[i])))
            *dup = i;
    speccp_keyset_free(&set);
    return SPECC_OK;
}

static specc_code check_map_keys(encoder *e, const specc_map *m, const speccp_path *path)
{
    size_t i, dup;
    for (i = 0; i < m->count; i++)
        if (!m->keys[i]) {
            speccp_path here = {path, NULL, 0, i};
            return speccp_fail(e->err, SPECC_ERR_INVALID, &here, "map key %zu is NULL", i);
        }
    if (find_duplicate(m->keys, m->count, &dup) != SPECC_OK)
        return nomem(e, path);
    if (dup < m->count) {
        speccp_path here = {path, m->keys[dup], strlen(m->keys[dup]), 0};
        return speccp_fail(e->err, SPECC_ERR_DUPLICATE_KEY, &here, "map repeats a key");
    }
    return SPECC_OK;
}

static specc_code put_map(encoder *e, const specc_shape *shape, const char *p,
                          const speccp_path *path, size_t depth)
{
    specc_map m;
    size_t i, size = speccp_elem_size(shape->items);
    bool first = true;
    json_t *saved = NULL;

    memcpy(&m, p, sizeof m);
    if (m.count && (!m.keys || !m.values))
        return speccp_fail(e->err, SPECC_ERR_INVALID, path, "map keys/values NULL with count %zu",
                           m.count);
    if (depth >= SPECC_MAX_DEPTH)
        return too_deep(e, path);
    if (m.count && !size)
        return no_size(e, path);
    SPECCP_TRY(check_map_keys(e, &m, path));
    SPECCP_TRY(open_container(e, true, &saved, path));
    for (i = 0; i < m.count; i++) {
        speccp_path here = {path, m.keys[i], strlen(m.keys[i]), 0};
        SPECCP_TRY(put_key(e, here.key, here.key_len, &first, &here));
        SPECCP_TRY(put_slot(e, shape->items, (const char *)m.values + i * size, false, &here,
                            depth + 1));
    }
    return close_container(e, true, saved);
}

/* A kept text (checked to be exactly one JSON value): written as it is,
 * or in a tree read by specc_decode_any_text's rules. */
static specc_code put_kept(encoder *e, const char *text, size_t len, const speccp_path *path,
                           size_t depth)
{
    json_t *v;
    if (!e->tree)
        return speccp_buf_put(&e->out, text, len);
    SPECCP_TRY(speccp_any_text(text, len, path, (unsigned)depth, &v, e->err));
    return attach(e, v, path);
}

/* An open union's kept text: exactly one JSON value, written as it is. */
static specc_code put_other(encoder *e, const specc_union *u, const char *base,
                            const speccp_path *path, size_t depth)
{
    const char *text = speccp_get_ptr(base, u->other_offset);
    size_t len;
    if (!text)
        return speccp_fail(e->err, SPECC_ERR_INVALID, path,
                           "union value is 'other' but its text is NULL");
    len = strlen(text);
    SPECCP_TRY(speccp_json_check(text, len, path, (unsigned)depth, e->err));
    return put_kept(e, text, len, path, depth);
}

/* Does an integer literal go to another variant of this union? */
static bool has_integer_variant(const specc_union *u)
{
    size_t i;
    for (i = 0; i < u->variant_count; i++)
        if (u->variants[i].shape.kind == SPECC_KIND_INTEGER ||
            u->variants[i].shape.kind == SPECC_KIND_INT32)
            return true;
    return false;
}

/* The active variant of the union at base (see specc.h). */
static specc_code put_union(encoder *e, const specc_shape *shape, const char *base,
                            const speccp_path *path, size_t depth)
{
    const specc_union *u = shape->union_;
    const specc_shape *vs;
    bool outside = e->int_outside;
    specc_code code;
    int kind;

    e->int_outside = false;
    if (!u)
        return speccp_fail(e->err, SPECC_ERR_INVALID, path, "union shape without a union");
    kind = speccp_union_kind(u, base);
    if (kind == 0)
        return speccp_fail(e->err, SPECC_ERR_INVALID, path, "union has no value");
    if (u->open && kind > 0 && (size_t)kind == u->variant_count + 1)
        return put_other(e, u, base, path, depth);
    if (kind < 0 || (size_t)kind > u->variant_count)
        return speccp_fail(e->err, SPECC_ERR_INVALID, path, "union kind %d out of range", kind);
    vs = &u->variants[kind - 1].shape;
    if (vs->kind == SPECC_KIND_UNION && depth++ >= SPECC_MAX_DEPTH)
        return too_deep(e, path);
    if (vs->kind == SPECC_KIND_NUMBER && !vs->elem_size && (outside || has_integer_variant(u))) {
        double d;
        memcpy(&d, base + u->value_offset, sizeof d);
        return put_real(e, d, path);
    }
    e->int_outside = vs->kind == SPECC_KIND_UNION && (outside || has_integer_variant(u));
    code = put_slot(e, vs, base + u->value_offset, true, path, depth);
    e->int_outside = false;
    return code;
}

/* The value stored at p (by value: an OBJECT here is the struct itself). */
static specc_code put_value(encoder *e, const specc_shape *shape, const char *p, bool has_other,
                            const char *other, const speccp_path *path, size_t depth)
{
    const char *s;
    const json_t *j;
    int64_t i64;
    int32_t i32;
    double d;
    unsigned char b;
    specc_decimal dec;
    int v;

    switch (shape->kind) {
    case SPECC_KIND_STRING:
        s = speccp_get_ptr(p, 0);
        if (!s)
            return speccp_fail(e->err, SPECC_ERR_MISSING, path, "string is NULL");
        return put_string(e, s, strlen(s), path);
    case SPECC_KIND_INTEGER:
        memcpy(&i64, p, sizeof i64);
        return put_int(e, i64, path);
    case SPECC_KIND_INT32:
        memcpy(&i32, p, sizeof i32);
        return put_int(e, i32, path);
    case SPECC_KIND_NUMBER:
        memcpy(&d, p, sizeof d);
        return put_number(e, d, path);
    case SPECC_KIND_BOOLEAN:
        memcpy(&b, p, 1); /* a byte: reading a bool holding 2 would be UB */
        return b ? put_literal(e, json_true(), "true", path)
                 : put_literal(e, json_false(), "false", path);
    case SPECC_KIND_DECIMAL:
        memcpy(&dec, p, sizeof dec);
        return put_decimal(e, &dec, path);
    case SPECC_KIND_ANY:
        j = speccp_get_ptr(p, 0);
        if (!j)
            return speccp_fail(e->err, SPECC_ERR_MISSING, path, "json value is NULL");
        return put_json(e, j, path, depth);
    case SPECC_KIND_ENUM:
        memcpy(&v, p, sizeof v);
        return put_enum(e, shape, v, has_other, other, path);
    case SPECC_KIND_OBJECT:
        return put_object(e, shape->type, p, path, depth);
    case SPECC_KIND_ARRAY:
        return put_array(e, shape, p, path, depth);
    case SPECC_KIND_MAP:
        return put_map(e, shape, p, path, depth);
    case SPECC_KIND_UNION:
        return put_union(e, shape, p, path, depth);
    }
    return speccp_fail(e->err, SPECC_ERR_INVALID, path, "unknown kind %d", (int)shape->kind);
}

/* A value stored as fields and variants store it: OBJECT as a T *. */
static specc_code put_stored(encoder *e, const specc_shape *shape, const char *p, bool ptr,
                             bool has_other, const char *other, const speccp_path *path,
                             size_t depth)
{
    if (ptr && shape->kind == SPECC_KIND_OBJECT) {
        p = speccp_get_ptr(p, 0);
        if (!p)
            return speccp_fail(e->err, SPECC_ERR_MISSING, path, "object is NULL");
    }
    return put_value(e, shape, p, has_other, other, path, depth);
}

/* An element (item, map value, variant, VALUE type's value): the bare value,
 * or the element struct with its state and other members. */
static specc_code put_slot(encoder *e, const specc_shape *shape, const char *p, bool ptr,
                           const speccp_path *path, size_t depth)
{
    const char *other = NULL;
    specc_state st;

    if (!shape->elem_size)
        return put_stored(e, shape, p, ptr, false, NULL, path, depth);
    if (shape->flags & SPECC_S_NULLABLE) {
        memcpy(&st, p + shape->state_offset, sizeof st);
        if (st == SPECC_NULL)
            return put_literal(e, json_null(), "null", path);
        if (st != SPECC_PRESENT)
            return speccp_fail(e->err, SPECC_ERR_INVALID, path, "invalid element state %d",
                               (int)st);
    }
    if (speccp_is_open_enum(shape))
        other = speccp_get_ptr(p, shape->other_offset);
    return put_stored(e, shape, p + shape->value_offset, ptr, speccp_is_open_enum(shape), other,
                      path, depth);
}

/* ----------------------------------------------------------------- objects */

/* A readOnly / writeOnly field without a state member holding NULL: absent
 * (such a field may be absent although required; see specc.h). */
static bool absent_directional(const specc_field *f, const char *p)
{
    return (f->shape.flags & (SPECC_S_READ_ONLY | SPECC_S_WRITE_ONLY)) &&
           (f->shape.kind == SPECC_KIND_STRING || f->shape.kind == SPECC_KIND_OBJECT) &&
           speccp_get_ptr(p, 0) == NULL;
}

/* One declared field: its state decides whether and how it is written. */
static specc_code put_field(encoder *e, const specc_field *f, const char *base, bool *first,
                            const speccp_path *path, size_t depth)
{
    speccp_path here = {path, f->name, f->name_len, 0};
    const char *p = base + f->offset, *other = NULL;

    if (f->shape.kind == SPECC_KIND_ANY) { /* NULL = absent, json null = null */
        const json_t *j = speccp_get_ptr(p, 0);
        if (!j)
            return SPECC_OK;
        SPECCP_TRY(put_key(e, f->name, f->name_len, first, &here));
        return put_json(e, j, &here, depth);
    }
    if (!(f->flags & SPECC_F_STATE) && absent_directional(f, p))
        return SPECC_OK;
    if (f->flags & SPECC_F_STATE) {
        specc_state st;
        memcpy(&st, base + f->state_offset, sizeof st);
        if (st == SPECC_ABSENT)
            return SPECC_OK;
        if (st != SPECC_NULL && st != SPECC_PRESENT)
            return speccp_fail(e->err, SPECC_ERR_INVALID, &here, "invalid state %d", (int)st);
        SPECCP_TRY(put_key(e, f->name, f->name_len, first, &here));
        if (st == SPECC_NULL)
            return put_literal(e, json_null(), "null", &here);
    } else {
        SPECCP_TRY(put_key(e, f->name, f->name_len, first, &here));
    }
    if (speccp_is_open_enum(&f->shape))
        other = speccp_get_ptr(base, f->other_offset);
    return put_stored(e, &f->shape, p, true, true, other, &here, depth);
}

/* Keeps the first problem speccp_unknown_check reports. */
static void first_problem(const specc_error *error, void *ctx)
{
    *(specc_error *)ctx = *error;
}

/* Kept unknown members, in their order, each value's text as it is: checked
 * first (a hand-built list could hold text that is not JSON, or repeat a
 * key), so that nothing in it can change the shape of the output. */
static SPECCP_NOINLINE specc_code put_unknown(encoder *e, const specc_type *type,
                                              const char *base, bool *first,
                                              const speccp_path *path, size_t depth)
{
    const specc_unknown *u = (const specc_unknown *)(const void *)(base + type->unknown_offset);
    specc_error problem;
    size_t i;

    if (!u->count)
        return SPECC_OK;
    if (speccp_unknown_check(type, u, path, (unsigned)depth, false, first_problem, &problem)) {
        if (e->err)
            *e->err = problem;
        return problem.code;
    }
    for (i = 0; i < u->count; i++) {
        const specc_unknown_member *m = &u->members[i];
        speccp_path here = {path, m->key, m->key_len, 0};
        SPECCP_TRY(put_key(e, m->key, m->key_len, first, &here));
        SPECCP_TRY(put_kept(e, m->json, m->json_len, &here, depth));
    }
    return SPECC_OK;
}

static specc_code put_object(encoder *e, const specc_type *type, const char *base,
                             const speccp_path *path, size_t depth)
{
    size_t i;
    bool first = true;
    json_t *saved = NULL;

    if (depth >= SPECC_MAX_DEPTH)
        return too_deep(e, path);
    SPECCP_TRY(open_container(e, true, &saved, path));
    for (i = 0; i < type->field_count; i++)
        SPECCP_TRY(put_field(e, &type->fields[i], base, &first, path, depth + 1));
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        SPECCP_TRY(put_unknown(e, type, base, &first, path, depth + 1));
    return close_container(e, true, saved);
}

/* ------------------------------------------------------------------ public */

/* The document: the type's object, or a VALUE type's value. */
static specc_code put_root(encoder *e, const specc_type *type, const char *base)
{
    if (type->kind != SPECC_TYPE_VALUE)
        return put_object(e, type, base, NULL, 0);
    if (!type->value)
        return speccp_fail(e->err, SPECC_ERR_INVALID, NULL, "VALUE type without a value shape");
    return put_slot(e, type->value, base, false, NULL, 0);
}

static char *encode(encoder *e, const specc_type *type, const void *value, size_t *len)
{
    specc_code code;

    if (len)
        *len = 0;
    if (!type || !value) {
        speccp_fail(e->err, SPECC_ERR_INVALID, NULL, "NULL type or value");
        return NULL;
    }
    code = put_root(e, type, value);
    if (code != SPECC_OK) {
        specc_free(e->out.data);
        return NULL;
    }
    if (len)
        *len = e->out.len;
    return speccp_buf_take(&e->out); /* never NULL: something was written */
}

char *speccp_value_text(const specc_shape *shape, const void *p, const char *other, size_t *len,
                        specc_error *err)
{
    encoder e = ENCODER_INIT(err, "the value's text", false);
    if (put_value(&e, shape, p, other != NULL, other, NULL, 0) != SPECC_OK) {
        specc_free(e.out.data);
        return NULL;
    }
    *len = e.out.len;
    return speccp_buf_take(&e.out);
}

specc_code speccp_json_text(const json_t *j, speccp_buf *b, const speccp_path *path,
                            unsigned depth)
{
    encoder e = ENCODER_INIT(b->err, b->what, false);
    specc_code code;
    e.out = *b;
    code = put_json(&e, j, path, depth);
    *b = e.out;
    return code;
}

specc_code speccp_json_copy(const json_t *j, json_t **out, const speccp_path *path,
                            unsigned depth, specc_error *err)
{
    encoder e = ENCODER_INIT(err, "the value", true);
    specc_code code = put_json(&e, j, path, depth);
    if (code != SPECC_OK) {
        json_decref(e.root);
        e.root = NULL;
    }
    *out = e.root;
    return code;
}

char *specc_encode_text(const specc_type *type, const void *value, size_t *len,
                        specc_error *err)
{
    encoder e = ENCODER_INIT(err, "the encoded text", false);
    return encode(&e, type, value, len);
}

json_t *specc_encode_json(const specc_type *type, const void *value, specc_error *err)
{
    encoder e = ENCODER_INIT(err, "the encoded value", true);
    if (!type || !value) {
        speccp_fail(err, SPECC_ERR_INVALID, NULL, "NULL type or value");
        return NULL;
    }
    if (put_root(&e, type, value) != SPECC_OK) {
        json_decref(e.root);
        return NULL;
    }
    return e.root;
}
