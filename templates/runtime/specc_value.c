/* {{banner}} */
/*
 * specc_value.c — the life of a decoded value: init, clear (free everything
 * it owns) and deep equality, all by walking the descriptors.
 *
 * clear frees every owned pointer whatever the field's state says (a struct
 * built by hand may hold a pointer with state ABSENT), and copes with what a
 * failed decode leaves: NULL pointers, arrays whose `count` says how many
 * elements are initialised, NULL items with a count (taken as empty).
 * Recursion is bounded by the nesting of the value, which the decoder limits
 * to SPECC_MAX_DEPTH.
 */
#include "specc_internal.h"

static void clear_slot(const specc_shape *shape, char *p, bool ptr, unsigned hops);
static bool equal_type(const specc_type *type, const char *a, const char *b, unsigned depth);

void specc_init(const specc_type *type, void *value)
{
    memset(value, 0, type->size);
}

/* ------------------------------------------------------------------ clear */

static void free_ptr_at(void *slot)
{
    void *p = speccp_get_ptr(slot, 0);
    specc_free(p);
}

static void clear_array(const specc_shape *items, void *slot)
{
    size_t esz = speccp_elem_size(items), i;
    specc_array a;
    memcpy(&a, slot, sizeof a);
    if (a.items && esz)
        for (i = 0; i < a.count; i++)
            clear_slot(items, (char *)a.items + i * esz, false, 0);
    specc_free(a.items);
}

static void clear_map(const specc_shape *items, void *slot)
{
    size_t esz = speccp_elem_size(items), i;
    specc_map m;
    memcpy(&m, slot, sizeof m);
    for (i = 0; i < m.count; i++) {
        if (m.keys)
            specc_free(m.keys[i]);
        if (m.values && esz)
            clear_slot(items, (char *)m.values + i * esz, false, 0);
    }
    specc_free(m.keys);
    specc_free(m.values);
}

/* The active member and the kept text of a union. `hops` counts unions
 * directly inside unions (only a broken descriptor has many). */
static void clear_union(const specc_union *u, char *base, unsigned hops)
{
    int kind;
    if (!u)
        return;
    kind = speccp_union_kind(u, base);
    if (kind > 0 && (size_t)kind <= u->variant_count && hops < SPECC_MAX_DEPTH)
        clear_slot(&u->variants[kind - 1].shape, base + u->value_offset, true, hops + 1);
    if (u->open)
        free_ptr_at(base + u->other_offset);
}

/* Free what one bare value owns; OBJECT is a T in place (an element). */
static void clear_value(const specc_shape *shape, char *p, unsigned hops)
{
    specc_decimal dec;
    switch (shape->kind) {
    case SPECC_KIND_STRING: free_ptr_at(p); break;
    case SPECC_KIND_DECIMAL:
        memcpy(&dec, p, sizeof dec);
        specc_free(dec.text);
        break;
    case SPECC_KIND_ANY: json_decref((json_t *)speccp_get_ptr(p, 0)); break;
    case SPECC_KIND_OBJECT: specc_clear(shape->type, p); break;
    case SPECC_KIND_ARRAY: clear_array(shape->items, p); break;
    case SPECC_KIND_MAP: clear_map(shape->items, p); break;
    case SPECC_KIND_UNION: clear_union(shape->union_, p, hops); break;
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32:
    case SPECC_KIND_NUMBER:
    case SPECC_KIND_BOOLEAN:
    case SPECC_KIND_ENUM: break;
    }
}

/* A value stored as fields and variants store it: OBJECT as a T * (owned). */
static void clear_stored(const specc_shape *shape, char *p, bool ptr, unsigned hops)
{
    void *child;
    if (!ptr || shape->kind != SPECC_KIND_OBJECT) {
        clear_value(shape, p, hops);
        return;
    }
    child = speccp_get_ptr(p, 0);
    if (child) {
        specc_clear(shape->type, child);
        specc_free(child);
    }
}

/* An element: the bare value, or the element struct (value and other). */
static void clear_slot(const specc_shape *shape, char *p, bool ptr, unsigned hops)
{
    if (!shape->elem_size) {
        clear_stored(shape, p, ptr, hops);
        return;
    }
    clear_stored(shape, p + shape->value_offset, ptr, hops);
    if (speccp_is_open_enum(shape))
        free_ptr_at(p + shape->other_offset);
}

void speccp_drop_slot(const specc_shape *shape, void *p, bool ptr)
{
    size_t n = ptr && shape->kind == SPECC_KIND_OBJECT && !shape->elem_size
                   ? sizeof(void *)
                   : speccp_elem_size(shape);
    clear_slot(shape, p, ptr, 0);
    memset(p, 0, n);
}

static void clear_fields(const specc_type *type, char *base)
{
    size_t i;
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        clear_stored(&f->shape, base + f->offset, true, 0);
        if (speccp_is_open_enum(&f->shape))
            free_ptr_at(base + f->other_offset);
    }
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        specc_unknown_clear((specc_unknown *)(void *)(base + type->unknown_offset));
}

void specc_clear(const specc_type *type, void *value)
{
    if (!type || !value)
        return;
    if (type->kind != SPECC_TYPE_VALUE)
        clear_fields(type, value);
    else if (type->value)
        clear_slot(type->value, value, false, 0);
    specc_init(type, value);
}

/* -------------------------------------------------------- member states */

bool speccp_member_lacks_value(const specc_shape *shape, const void *p)
{
    switch (shape->kind) {
    case SPECC_KIND_STRING:
    case SPECC_KIND_OBJECT:
    case SPECC_KIND_ANY: return speccp_get_ptr(p, 0) == NULL;
    case SPECC_KIND_DECIMAL: return ((const specc_decimal *)p)->text == NULL;
    case SPECC_KIND_UNION: return shape->union_ && speccp_union_kind(shape->union_, p) == 0;
    default: return false;
    }
}

bool speccp_member_has_content(const specc_shape *shape, const void *p)
{
    specc_array a;
    specc_map m;
    switch (shape->kind) {
    case SPECC_KIND_ARRAY:
        memcpy(&a, p, sizeof a);
        return a.count > 0 || a.items != NULL;
    case SPECC_KIND_MAP:
        memcpy(&m, p, sizeof m);
        return m.count > 0 || m.keys != NULL || m.values != NULL;
    case SPECC_KIND_STRING:
    case SPECC_KIND_OBJECT:
    case SPECC_KIND_ANY:
    case SPECC_KIND_DECIMAL:
    case SPECC_KIND_UNION: return !speccp_member_lacks_value(shape, p);
    default: return false;
    }
}

/* ------------------------------------------------------------------ equal */

/* Strings by bytes; NULL equals only NULL. */
static bool str_equal(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* jansson values, like json_equal (object key order does not matter), but
 * NULL equals only NULL, and keys holding U+0000 compare whole: jansson
 * 2.14's json_equal looks keys up as C strings. */
static bool json_same(const json_t *a, const json_t *b, unsigned depth)
{
    size_t i, n;
    void *it;
    if (!a || !b)
        return a == b;
    if (json_typeof(a) != json_typeof(b) || depth > SPECC_MAX_DEPTH)
        return false;
    if (json_is_array(a)) {
        n = json_array_size(a);
        if (n != json_array_size(b))
            return false;
        for (i = 0; i < n; i++)
            if (!json_same(json_array_get(a, i), json_array_get(b, i), depth + 1))
                return false;
        return true;
    }
    if (!json_is_object(a))
        return json_equal(a, b) != 0; /* scalars: strings by length and bytes */
    if (json_object_size(a) != json_object_size(b))
        return false;
    for (it = json_object_iter((json_t *)a); it; it = json_object_iter_next((json_t *)a, it)) {
        const json_t *other = json_object_getn(b, json_object_iter_key(it),
                                               json_object_iter_key_len(it));
        if (!other || !json_same(json_object_iter_value(it), other, depth + 1))
            return false;
    }
    return true;
}

static bool equal_array(const specc_shape *items, const void *sa, const void *sb, unsigned depth)
{
    size_t esz = speccp_elem_size(items), i, na, nb;
    specc_array a, b;
    memcpy(&a, sa, sizeof a);
    memcpy(&b, sb, sizeof b);
    na = a.items ? a.count : 0; /* NULL items count as empty */
    nb = b.items ? b.count : 0;
    if (na != nb || (na && !esz))
        return false;
    for (i = 0; i < na; i++)
        if (!speccp_equal_slot(items, (char *)a.items + i * esz, (char *)b.items + i * esz,
                               false, depth))
            return false;
    return true;
}

static bool equal_map(const specc_shape *items, const void *sa, const void *sb, unsigned depth)
{
    size_t esz = speccp_elem_size(items), i, na, nb;
    specc_map a, b;
    memcpy(&a, sa, sizeof a);
    memcpy(&b, sb, sizeof b);
    na = a.keys && a.values ? a.count : 0; /* half-missing arrays count as empty */
    nb = b.keys && b.values ? b.count : 0;
    if (na != nb || (na && !esz))
        return false;
    for (i = 0; i < na; i++) {
        if (!str_equal(a.keys[i], b.keys[i]))
            return false;
        if (!speccp_equal_slot(items, (char *)a.values + i * esz, (char *)b.values + i * esz,
                               false, depth))
            return false;
    }
    return true;
}

/* Kept texts of open unions: by JSON value, as unknown fields. */
static bool other_equal(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return speccp_text_equal(a, strlen(a), b, strlen(b));
}

static bool equal_union(const specc_union *u, const char *a, const char *b, unsigned depth)
{
    int ka, kb;
    const specc_shape *vs;
    if (!u)
        return true;
    ka = speccp_union_kind(u, a);
    kb = speccp_union_kind(u, b);
    if (ka != kb)
        return false;
    if (ka <= 0 || (size_t)ka > u->variant_count)
        return !u->open || other_equal(speccp_get_ptr(a, u->other_offset),
                                       speccp_get_ptr(b, u->other_offset));
    vs = &u->variants[ka - 1].shape;
    return speccp_equal_slot(vs, a + u->value_offset, b + u->value_offset, true,
                             depth + (vs->kind == SPECC_KIND_UNION));
}

/* Two bare values; OBJECT is a T in place (an element). */
static bool equal_value(const specc_shape *shape, const char *a, const char *b, unsigned depth)
{
    union {
        int64_t i;
        int32_t i32;
        double d;
        bool b;
        int e;
        specc_decimal dec;
    } x, y;

    switch (shape->kind) {
    case SPECC_KIND_STRING: return str_equal(speccp_get_ptr(a, 0), speccp_get_ptr(b, 0));
    case SPECC_KIND_INTEGER:
        memcpy(&x.i, a, sizeof x.i);
        memcpy(&y.i, b, sizeof y.i);
        return x.i == y.i;
    case SPECC_KIND_INT32:
        memcpy(&x.i32, a, sizeof x.i32);
        memcpy(&y.i32, b, sizeof y.i32);
        return x.i32 == y.i32;
    case SPECC_KIND_NUMBER:
        memcpy(&x.d, a, sizeof x.d);
        memcpy(&y.d, b, sizeof y.d);
        return x.d == y.d;
    case SPECC_KIND_BOOLEAN:
        memcpy(&x.b, a, sizeof x.b);
        memcpy(&y.b, b, sizeof y.b);
        return x.b == y.b;
    case SPECC_KIND_DECIMAL:
        memcpy(&x.dec, a, sizeof x.dec);
        memcpy(&y.dec, b, sizeof y.dec);
        return x.dec.is_string == y.dec.is_string && str_equal(x.dec.text, y.dec.text);
    case SPECC_KIND_ANY: return json_same(speccp_get_ptr(a, 0), speccp_get_ptr(b, 0), depth);
    case SPECC_KIND_ENUM:
        memcpy(&x.e, a, sizeof x.e);
        memcpy(&y.e, b, sizeof y.e);
        return x.e == y.e;
    case SPECC_KIND_OBJECT: return equal_type(shape->type, a, b, depth + 1);
    case SPECC_KIND_ARRAY: return equal_array(shape->items, a, b, depth + 1);
    case SPECC_KIND_MAP: return equal_map(shape->items, a, b, depth + 1);
    case SPECC_KIND_UNION: return equal_union(shape->union_, a, b, depth);
    }
    return false;
}

/* As stored by fields and variants: OBJECT as a T *. */
static bool equal_stored(const specc_shape *shape, const char *a, const char *b, bool ptr,
                         unsigned depth)
{
    if (!ptr || shape->kind != SPECC_KIND_OBJECT)
        return equal_value(shape, a, b, depth);
    a = speccp_get_ptr(a, 0);
    b = speccp_get_ptr(b, 0);
    if (!a || !b)
        return a == b;
    return equal_type(shape->type, a, b, depth + 1);
}

/* An open enum's unknown text counts only when the value is 'other'. */
static bool other_text_equal(const specc_shape *shape, const char *va, const char *oa,
                             const char *ob)
{
    int e;
    memcpy(&e, va, sizeof e);
    if (e != (int)shape->enum_count)
        return true;
    return str_equal(speccp_get_ptr(oa, 0), speccp_get_ptr(ob, 0));
}

bool speccp_equal_slot(const specc_shape *shape, const void *pa, const void *pb, bool ptr,
                       unsigned depth)
{
    const char *a = pa, *b = pb;
    specc_state sa, sb;
    if (depth > SPECC_MAX_DEPTH)
        return false;
    if (!shape->elem_size)
        return equal_stored(shape, a, b, ptr, depth);
    if (shape->flags & SPECC_S_NULLABLE) {
        memcpy(&sa, a + shape->state_offset, sizeof sa);
        memcpy(&sb, b + shape->state_offset, sizeof sb);
        if (sa != sb)
            return false;
        if (sa != SPECC_PRESENT)
            return true;
    }
    if (!equal_stored(shape, a + shape->value_offset, b + shape->value_offset, ptr, depth))
        return false;
    return !speccp_is_open_enum(shape) ||
           other_text_equal(shape, a + shape->value_offset, a + shape->other_offset,
                            b + shape->other_offset);
}

/* A field whose state (if any) is PRESENT in both: compare the values. */
static bool equal_field(const specc_field *f, const char *a, const char *b, unsigned depth)
{
    if (!equal_stored(&f->shape, a + f->offset, b + f->offset, true, depth))
        return false;
    return !speccp_is_open_enum(&f->shape) ||
           other_text_equal(&f->shape, a + f->offset, a + f->other_offset, b + f->other_offset);
}

static bool equal_fields(const specc_type *type, const char *ca, const char *cb, unsigned depth)
{
    size_t i;
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        if (f->flags & SPECC_F_STATE) {
            specc_state sa, sb;
            memcpy(&sa, ca + f->state_offset, sizeof sa);
            memcpy(&sb, cb + f->state_offset, sizeof sb);
            if (sa != sb)
                return false;
            if (sa != SPECC_PRESENT)
                continue;
        }
        if (!equal_field(f, ca, cb, depth))
            return false;
    }
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        return speccp_unknown_equal((const specc_unknown *)(const void *)(ca + type->unknown_offset),
                                    (const specc_unknown *)(const void *)(cb + type->unknown_offset));
    return true;
}

/* Two values of a type, `depth` containers deep. */
static bool equal_type(const specc_type *type, const char *a, const char *b, unsigned depth)
{
    if (!a || !b)
        return a == b;
    if (depth > SPECC_MAX_DEPTH)
        return false;
    if (type->kind != SPECC_TYPE_VALUE)
        return equal_fields(type, a, b, depth);
    return type->value && speccp_equal_slot(type->value, a, b, false, depth);
}

bool specc_equal(const specc_type *type, const void *a, const void *b)
{
    if (!type)
        return a == b;
    return equal_type(type, a, b, 0);
}

/* ------------------------------------------------------------------- hash */

/* A hash for uniqueItems: values equal by speccp_equal_slot hash alike, so
 * that only real hash collisions cost a comparison. */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdu;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return mix(h, n);
}

static uint64_t hash_str(const char *s)
{
    return s ? hash_bytes(s, strlen(s)) : 1;
}

static uint64_t hash_double(double d)
{
    uint64_t bits;
    d += 0.0; /* -0.0 equals 0.0 */
    memcpy(&bits, &d, sizeof bits);
    return mix(3, bits);
}

static uint64_t hash_json(const json_t *j, unsigned depth)
{
    uint64_t h = j ? (uint64_t)json_typeof(j) + 11 : 0;
    size_t i;
    void *it;
    if (!j || depth > SPECC_MAX_DEPTH)
        return h;
    switch (json_typeof(j)) {
    case JSON_STRING: return mix(h, hash_bytes(json_string_value(j), json_string_length(j)));
    case JSON_INTEGER: return mix(h, (uint64_t)json_integer_value(j));
    case JSON_REAL: return mix(h, hash_double(json_real_value(j)));
    case JSON_ARRAY:
        for (i = 0; i < json_array_size(j); i++)
            h = mix(h, hash_json(json_array_get(j, i), depth + 1));
        return h;
    case JSON_OBJECT: /* members in any order: a sum */
        for (it = json_object_iter((json_t *)j); it; it = json_object_iter_next((json_t *)j, it))
            h += mix(hash_bytes(json_object_iter_key(it), json_object_iter_key_len(it)),
                     hash_json(json_object_iter_value(it), depth + 1));
        return h;
    default: return h;
    }
}

static uint64_t hash_type(const specc_type *type, const char *base, unsigned depth);

static uint64_t hash_elements(const specc_shape *items, const char *p, bool is_map,
                              unsigned depth)
{
    size_t esz = speccp_elem_size(items), i, n;
    const char *values;
    char *const *keys = NULL;
    uint64_t h;
    specc_array a;
    specc_map m;
    if (is_map) {
        memcpy(&m, p, sizeof m);
        n = m.keys && m.values ? m.count : 0;
        values = m.values;
        keys = m.keys;
    } else {
        memcpy(&a, p, sizeof a);
        n = a.items ? a.count : 0;
        values = a.items;
    }
    h = mix(is_map ? 7 : 5, n);
    for (i = 0; i < n && esz; i++) {
        if (keys)
            h = mix(h, hash_str(keys[i]));
        h = mix(h, speccp_hash_slot(items, values + i * esz, false, depth));
    }
    return h;
}

static uint64_t hash_union(const specc_union *u, const char *base, unsigned depth)
{
    int kind;
    const specc_shape *vs;
    const char *other;
    if (!u)
        return 0;
    kind = speccp_union_kind(u, base);
    if (kind <= 0 || (size_t)kind > u->variant_count) {
        other = u->open ? speccp_get_ptr(base, u->other_offset) : NULL;
        return mix((uint64_t)kind, other ? speccp_text_hash(other, strlen(other)) : 0);
    }
    vs = &u->variants[kind - 1].shape;
    return mix((uint64_t)kind, speccp_hash_slot(vs, base + u->value_offset, true,
                                                depth + (vs->kind == SPECC_KIND_UNION)));
}

static uint64_t hash_value(const specc_shape *shape, const char *p, unsigned depth)
{
    union {
        int64_t i;
        int32_t i32;
        double d;
        unsigned char b;
        int e;
        specc_decimal dec;
    } x;
    switch (shape->kind) {
    case SPECC_KIND_STRING: return hash_str(speccp_get_ptr(p, 0));
    case SPECC_KIND_INTEGER: memcpy(&x.i, p, sizeof x.i); return mix(1, (uint64_t)x.i);
    case SPECC_KIND_INT32: memcpy(&x.i32, p, sizeof x.i32); return mix(1, (uint64_t)x.i32);
    case SPECC_KIND_NUMBER: memcpy(&x.d, p, sizeof x.d); return hash_double(x.d);
    case SPECC_KIND_BOOLEAN: memcpy(&x.b, p, 1); return mix(2, x.b);
    case SPECC_KIND_DECIMAL:
        memcpy(&x.dec, p, sizeof x.dec);
        return mix(x.dec.is_string, hash_str(x.dec.text));
    case SPECC_KIND_ANY: return hash_json(speccp_get_ptr(p, 0), depth);
    case SPECC_KIND_ENUM: memcpy(&x.e, p, sizeof x.e); return mix(4, (uint64_t)x.e);
    case SPECC_KIND_OBJECT: return hash_type(shape->type, p, depth + 1);
    case SPECC_KIND_ARRAY: return hash_elements(shape->items, p, false, depth + 1);
    case SPECC_KIND_MAP: return hash_elements(shape->items, p, true, depth + 1);
    case SPECC_KIND_UNION: return hash_union(shape->union_, p, depth);
    }
    return 0;
}

static uint64_t hash_stored(const specc_shape *shape, const char *p, bool ptr, unsigned depth)
{
    if (!ptr || shape->kind != SPECC_KIND_OBJECT)
        return hash_value(shape, p, depth);
    p = speccp_get_ptr(p, 0);
    return p ? hash_type(shape->type, p, depth + 1) : 0;
}

/* The unknown text of an open enum's 'other' value (0 for known values). */
static uint64_t hash_other(const specc_shape *shape, const char *value, const char *other)
{
    int e;
    memcpy(&e, value, sizeof e);
    return e == (int)shape->enum_count ? hash_str(speccp_get_ptr(other, 0)) : 0;
}

uint64_t speccp_hash_slot(const specc_shape *shape, const void *pv, bool ptr, unsigned depth)
{
    const char *p = pv;
    specc_state st = SPECC_PRESENT;
    uint64_t h;
    if (depth > SPECC_MAX_DEPTH)
        return 0;
    if (!shape->elem_size)
        return hash_stored(shape, p, ptr, depth);
    if (shape->flags & SPECC_S_NULLABLE)
        memcpy(&st, p + shape->state_offset, sizeof st);
    if (st != SPECC_PRESENT)
        return mix(9, (uint64_t)st);
    h = hash_stored(shape, p + shape->value_offset, ptr, depth);
    if (speccp_is_open_enum(shape))
        h = mix(h, hash_other(shape, p + shape->value_offset, p + shape->other_offset));
    return h;
}

static uint64_t hash_unknown(const specc_unknown *u)
{
    uint64_t h = mix(6, u->count);
    size_t i;
    for (i = 0; u->members && i < u->count; i++) {
        const specc_unknown_member *m = &u->members[i];
        if (m->key && m->json) /* any order: a sum */
            h += mix(hash_bytes(m->key, m->key_len), speccp_text_hash(m->json, m->json_len));
    }
    return h;
}

static uint64_t hash_field(const specc_field *f, const char *base, unsigned depth)
{
    specc_state st = SPECC_PRESENT;
    uint64_t h;
    if (f->flags & SPECC_F_STATE)
        memcpy(&st, base + f->state_offset, sizeof st);
    if (st != SPECC_PRESENT)
        return mix(8, (uint64_t)st);
    h = hash_stored(&f->shape, base + f->offset, true, depth);
    if (speccp_is_open_enum(&f->shape))
        h = mix(h, hash_other(&f->shape, base + f->offset, base + f->other_offset));
    return h;
}

static uint64_t hash_type(const specc_type *type, const char *base, unsigned depth)
{
    uint64_t h = 10;
    size_t i;
    if (depth > SPECC_MAX_DEPTH)
        return 0;
    if (type->kind == SPECC_TYPE_VALUE)
        return type->value ? speccp_hash_slot(type->value, base, false, depth) : 0;
    for (i = 0; i < type->field_count; i++)
        h = mix(h, hash_field(&type->fields[i], base, depth));
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        h = mix(h, hash_unknown((const specc_unknown *)(const void *)(base + type->unknown_offset)));
    return h;
}
