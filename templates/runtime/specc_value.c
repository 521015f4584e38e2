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

static void clear_slot(const specc_shape *shape, void *slot);
static bool equal_slot(const specc_shape *shape, const void *a, const void *b);

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
    if (a.items)
        for (i = 0; i < a.count; i++)
            clear_slot(items, (char *)a.items + i * esz);
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
        if (m.values)
            clear_slot(items, (char *)m.values + i * esz);
    }
    specc_free(m.keys);
    specc_free(m.values);
}

/* Free what one stored value owns; OBJECT is a T in place (an element). */
static void clear_slot(const specc_shape *shape, void *slot)
{
    specc_decimal dec;
    switch (shape->kind) {
    case SPECC_KIND_STRING: free_ptr_at(slot); break;
    case SPECC_KIND_DECIMAL:
        memcpy(&dec, slot, sizeof dec);
        specc_free(dec.text);
        break;
    case SPECC_KIND_ANY: json_decref((json_t *)speccp_get_ptr(slot, 0)); break;
    case SPECC_KIND_OBJECT: specc_clear(shape->type, slot); break;
    case SPECC_KIND_ARRAY: clear_array(shape->items, slot); break;
    case SPECC_KIND_MAP: clear_map(shape->items, slot); break;
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_NUMBER:
    case SPECC_KIND_BOOLEAN:
    case SPECC_KIND_ENUM: break;
    }
}

void specc_clear(const specc_type *type, void *value)
{
    char *base = value;
    size_t i;
    if (!type || !value)
        return;
    for (i = 0; i < type->field_count; i++) {
        const specc_field *f = &type->fields[i];
        if (f->shape.kind == SPECC_KIND_OBJECT) {
            /* A field holds a T * (owned); elements hold T in place. */
            void *child = speccp_get_ptr(base, f->offset);
            if (child) {
                specc_clear(f->shape.type, child);
                specc_free(child);
            }
        } else {
            clear_slot(&f->shape, base + f->offset);
        }
        if (f->shape.kind == SPECC_KIND_ENUM && (f->shape.flags & SPECC_S_OPEN_ENUM))
            free_ptr_at(base + f->other_offset);
    }
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        specc_unknown_clear((specc_unknown *)(void *)(base + type->unknown_offset));
    specc_init(type, value);
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
static bool json_same(const json_t *a, const json_t *b)
{
    size_t i, n;
    void *it;
    if (!a || !b)
        return a == b;
    if (json_typeof(a) != json_typeof(b))
        return false;
    if (json_is_array(a)) {
        n = json_array_size(a);
        if (n != json_array_size(b))
            return false;
        for (i = 0; i < n; i++)
            if (!json_same(json_array_get(a, i), json_array_get(b, i)))
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
        if (!other || !json_same(json_object_iter_value(it), other))
            return false;
    }
    return true;
}

static bool equal_array(const specc_shape *items, const void *sa, const void *sb)
{
    size_t esz = speccp_elem_size(items), i, na, nb;
    specc_array a, b;
    memcpy(&a, sa, sizeof a);
    memcpy(&b, sb, sizeof b);
    na = a.items ? a.count : 0; /* NULL items count as empty */
    nb = b.items ? b.count : 0;
    if (na != nb)
        return false;
    for (i = 0; i < na; i++)
        if (!equal_slot(items, (char *)a.items + i * esz, (char *)b.items + i * esz))
            return false;
    return true;
}

static bool equal_map(const specc_shape *items, const void *sa, const void *sb)
{
    size_t esz = speccp_elem_size(items), i, na, nb;
    specc_map a, b;
    memcpy(&a, sa, sizeof a);
    memcpy(&b, sb, sizeof b);
    na = a.keys && a.values ? a.count : 0; /* half-missing arrays count as empty */
    nb = b.keys && b.values ? b.count : 0;
    if (na != nb)
        return false;
    for (i = 0; i < na; i++) {
        if (!str_equal(a.keys[i], b.keys[i]))
            return false;
        if (!equal_slot(items, (char *)a.values + i * esz, (char *)b.values + i * esz))
            return false;
    }
    return true;
}

/* One stored value each; OBJECT is a T in place (an element). */
static bool equal_slot(const specc_shape *shape, const void *a, const void *b)
{
    union {
        int64_t i;
        double d;
        bool b;
        int e;
        specc_decimal dec;
    } x, y;

    switch (shape->kind) {
    case SPECC_KIND_STRING:
        return str_equal(speccp_get_ptr(a, 0), speccp_get_ptr(b, 0));
    case SPECC_KIND_INTEGER:
        memcpy(&x.i, a, sizeof x.i);
        memcpy(&y.i, b, sizeof y.i);
        return x.i == y.i;
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
    case SPECC_KIND_ANY:
        return json_same(speccp_get_ptr(a, 0), speccp_get_ptr(b, 0));
    case SPECC_KIND_ENUM:
        memcpy(&x.e, a, sizeof x.e);
        memcpy(&y.e, b, sizeof y.e);
        return x.e == y.e;
    case SPECC_KIND_OBJECT: return specc_equal(shape->type, a, b);
    case SPECC_KIND_ARRAY: return equal_array(shape->items, a, b);
    case SPECC_KIND_MAP: return equal_map(shape->items, a, b);
    }
    return false;
}

/* A field whose state (if any) is PRESENT in both: compare the values. */
static bool equal_field(const specc_field *f, const char *a, const char *b)
{
    const void *pa, *pb;
    int ea;
    if (f->shape.kind == SPECC_KIND_OBJECT) {
        pa = speccp_get_ptr(a, f->offset);
        pb = speccp_get_ptr(b, f->offset);
        if (!pa || !pb)
            return pa == pb;
        return specc_equal(f->shape.type, pa, pb);
    }
    if (!equal_slot(&f->shape, a + f->offset, b + f->offset))
        return false;
    if (f->shape.kind == SPECC_KIND_ENUM && (f->shape.flags & SPECC_S_OPEN_ENUM)) {
        /* The 'other' text counts only when the value is 'other'. */
        memcpy(&ea, a + f->offset, sizeof ea);
        if (ea == (int)f->shape.enum_count)
            return str_equal(speccp_get_ptr(a, f->other_offset),
                             speccp_get_ptr(b, f->other_offset));
    }
    return true;
}

bool specc_equal(const specc_type *type, const void *a, const void *b)
{
    const char *ca = a, *cb = b;
    size_t i;
    if (!a || !b)
        return a == b;
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
        if (!equal_field(f, ca, cb))
            return false;
    }
    if (type->unknown == SPECC_UNKNOWN_PRESERVE)
        return speccp_unknown_equal((const specc_unknown *)(const void *)(ca + type->unknown_offset),
                                    (const specc_unknown *)(const void *)(cb + type->unknown_offset));
    return true;
}
