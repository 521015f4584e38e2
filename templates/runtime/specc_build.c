/* {{banner}} */
/*
 * specc_build.c — building and changing values in place (runtime version
 * 5): strings, scalars, decimals, states, nested objects, array items, map
 * entries and union variants, each through the descriptors, so that callers
 * (and the typed wrappers the generated headers declare) never handle sizes
 * or offsets. Every change first allocates all it needs; only then does it
 * free or overwrite anything, so a failure leaves the value as it was.
 */
#include "specc_internal.h"

/* Where one field's value lives in a value of its type. */
typedef struct target {
    const specc_shape *shape;
    char *slot;   /* the member (a VALUE type's value at offset 0) */
    char *state;  /* its specc_state member, or NULL */
    char *other;  /* an open enum's char * member, or NULL */
    bool ptr;     /* OBJECT is a T * here (fields), not a T in place */
    bool nullable;
} target;

/* The field `field` of `value`, or false for a bad call. A VALUE type (a
 * top-level array, map, union or scalar) has one "field", index 0. */
static bool resolve(const specc_type *type, void *value, size_t field, target *t)
{
    const specc_field *f;
    if (!type || !value)
        return false;
    memset(t, 0, sizeof *t);
    if (type->kind == SPECC_TYPE_VALUE) {
        if (field != 0 || !type->value || type->value->elem_size)
            return false;
        t->shape = type->value;
        t->slot = value;
        return true;
    }
    if (field >= type->field_count)
        return false;
    f = &type->fields[field];
    t->shape = &f->shape;
    t->slot = (char *)value + f->offset;
    t->state = (f->flags & SPECC_F_STATE) ? (char *)value + f->state_offset : NULL;
    t->other = speccp_is_open_enum(&f->shape) ? (char *)value + f->other_offset : NULL;
    t->ptr = true;
    t->nullable = (f->flags & SPECC_F_NULLABLE) != 0;
    return true;
}

static void set_state(const target *t, specc_state st)
{
    if (t->state)
        memcpy(t->state, &st, sizeof st);
}

size_t specc_field_index(const specc_type *type, const char *json_name)
{
    size_t i, n;
    if (!type || !json_name)
        return type ? type->field_count : 0;
    n = strlen(json_name);
    for (i = 0; i < type->field_count; i++)
        if (type->fields[i].name_len == n && memcmp(type->fields[i].name, json_name, n) == 0)
            return i;
    return type->field_count;
}

/* ---------------------------------------------------------------- scalars */

/* A copy of UTF-8 text from specc_alloc: SPECC_ERR_FORMAT for text that is
 * not UTF-8, SPECC_ERR_NOMEM. */
static specc_code copy_text(const char *text, char **out)
{
    size_t len;
    if (!text)
        return SPECC_ERR_INVALID;
    len = strlen(text);
    if (!speccp_utf8_valid(text, len))
        return SPECC_ERR_FORMAT;
    *out = speccp_strndup(text, len);
    return *out ? SPECC_OK : SPECC_ERR_NOMEM;
}

specc_code specc_string_set(char **slot, const char *text)
{
    char *copy;
    if (!slot)
        return SPECC_ERR_INVALID;
    SPECCP_TRY(copy_text(text, &copy));
    specc_free(*slot);
    *slot = copy;
    return SPECC_OK;
}

specc_code specc_field_set_string(const specc_type *type, void *value, size_t field,
                                  const char *text)
{
    target t;
    char *copy;
    if (!resolve(type, value, field, &t) || t.shape->kind != SPECC_KIND_STRING)
        return SPECC_ERR_INVALID;
    SPECCP_TRY(copy_text(text, &copy));
    specc_free(speccp_get_ptr(t.slot, 0));
    speccp_set_ptr(t.slot, 0, copy);
    set_state(&t, SPECC_PRESENT);
    return SPECC_OK;
}

/* Bytes of a scalar kind's C value, or 0 for the others. */
static size_t scalar_size(specc_kind kind)
{
    switch (kind) {
    case SPECC_KIND_INTEGER: return sizeof(int64_t);
    case SPECC_KIND_INT32: return sizeof(int32_t);
    case SPECC_KIND_NUMBER: return sizeof(double);
    case SPECC_KIND_BOOLEAN: return sizeof(bool);
    case SPECC_KIND_ENUM: return sizeof(int);
    default: return 0;
    }
}

specc_code specc_field_set(const specc_type *type, void *value, size_t field, const void *src)
{
    target t;
    size_t n;
    if (!src || !resolve(type, value, field, &t) || !(n = scalar_size(t.shape->kind)))
        return SPECC_ERR_INVALID;
    memcpy(t.slot, src, n);
    if (t.other) { /* a listed value: no kept text */
        specc_free(speccp_get_ptr(t.other, 0));
        speccp_set_ptr(t.other, 0, NULL);
    }
    set_state(&t, SPECC_PRESENT);
    return SPECC_OK;
}

/* --------------------------------------------------------------- decimals */

specc_code specc_decimal_set_text(specc_decimal *d, const char *text)
{
    char *copy;
    size_t len;
    if (!d || !text)
        return SPECC_ERR_INVALID;
    len = strlen(text);
    if (!speccp_is_json_number(text, len))
        return SPECC_ERR_FORMAT;
    if (!(copy = speccp_strndup(text, len)))
        return SPECC_ERR_NOMEM;
    specc_free(d->text);
    d->text = copy;
    return SPECC_OK;
}

specc_code specc_decimal_set_double(specc_decimal *d, double v)
{
    char buf[32];
    if (!d || !isfinite(v))
        return d ? SPECC_ERR_RANGE : SPECC_ERR_INVALID;
    speccp_format_double(v, buf, sizeof buf);
    return specc_decimal_set_text(d, buf);
}

static specc_code decimal_target(const specc_type *type, void *value, size_t field, target *t)
{
    if (!resolve(type, value, field, t) || t->shape->kind != SPECC_KIND_DECIMAL)
        return SPECC_ERR_INVALID;
    return SPECC_OK;
}

specc_code specc_field_set_decimal(const specc_type *type, void *value, size_t field,
                                   const char *text)
{
    target t;
    SPECCP_TRY(decimal_target(type, value, field, &t));
    SPECCP_TRY(specc_decimal_set_text((specc_decimal *)(void *)t.slot, text));
    set_state(&t, SPECC_PRESENT);
    return SPECC_OK;
}

specc_code specc_field_set_decimal_double(const specc_type *type, void *value, size_t field,
                                          double v)
{
    target t;
    SPECCP_TRY(decimal_target(type, value, field, &t));
    SPECCP_TRY(specc_decimal_set_double((specc_decimal *)(void *)t.slot, v));
    set_state(&t, SPECC_PRESENT);
    return SPECC_OK;
}

/* ----------------------------------------------------------------- states */

specc_code specc_field_set_state(const specc_type *type, void *value, size_t field,
                                 specc_state state)
{
    target t;
    if (!resolve(type, value, field, &t) || !t.state)
        return SPECC_ERR_INVALID;
    if (state == SPECC_PRESENT) {
        if (speccp_member_lacks_value(t.shape, t.slot))
            return SPECC_ERR_INVALID; /* set the value: that makes it present */
    } else if (state == SPECC_ABSENT || (state == SPECC_NULL && t.nullable)) {
        speccp_drop_slot(t.shape, t.slot, t.ptr);
        if (t.other) {
            specc_free(speccp_get_ptr(t.other, 0));
            speccp_set_ptr(t.other, 0, NULL);
        }
    } else {
        return SPECC_ERR_INVALID; /* not a state, or null where it is not allowed */
    }
    set_state(&t, state);
    return SPECC_OK;
}

/* ---------------------------------------------------- objects and unions */

/* A new T from specc_alloc, initialised; NULL when out of memory. */
static void *new_object(const specc_type *type)
{
    void *p = specc_alloc(type->size ? type->size : 1);
    if (p)
        specc_init(type, p);
    return p;
}

void *specc_field_new(const specc_type *type, void *value, size_t field)
{
    target t;
    void *obj, *old;
    if (!resolve(type, value, field, &t) || t.shape->kind != SPECC_KIND_OBJECT || !t.ptr ||
        !t.shape->type || !(obj = new_object(t.shape->type)))
        return NULL;
    if ((old = speccp_get_ptr(t.slot, 0)) != NULL) {
        specc_clear(t.shape->type, old);
        specc_free(old);
    }
    speccp_set_ptr(t.slot, 0, obj);
    set_state(&t, SPECC_PRESENT);
    return obj;
}

/* Zero an element (a bare value, or an element struct) and make it a
 * value: an object initialised, a nullable element's state PRESENT. */
static void init_element(const specc_shape *shape, char *p)
{
    specc_state present = SPECC_PRESENT;
    memset(p, 0, speccp_elem_size(shape));
    if (shape->elem_size && (shape->flags & SPECC_S_NULLABLE))
        memcpy(p + shape->state_offset, &present, sizeof present);
    else if (!shape->elem_size && shape->kind == SPECC_KIND_OBJECT)
        specc_init(shape->type, p);
}

void *specc_union_set(const specc_union *u, void *slot, size_t variant)
{
    const specc_shape *vs;
    char *base = slot;
    void *obj = NULL;
    int kind = (int)variant + 1;

    if (!u || !slot || variant >= u->variant_count)
        return NULL;
    vs = &u->variants[variant].shape;
    if (vs->kind == SPECC_KIND_OBJECT && !vs->elem_size &&
        (!vs->type || !(obj = new_object(vs->type))))
        return NULL;
    speccp_drop_slot(&(specc_shape){.kind = SPECC_KIND_UNION, .union_ = u}, base, false);
    memcpy(base + u->kind_offset, &kind, sizeof kind);
    if (obj) {
        speccp_set_ptr(base, u->value_offset, obj);
        return obj;
    }
    init_element(vs, base + u->value_offset);
    return base + u->value_offset;
}

void *specc_field_variant(const specc_type *type, void *value, size_t field, size_t variant)
{
    target t;
    void *v;
    if (!resolve(type, value, field, &t) || t.shape->kind != SPECC_KIND_UNION)
        return NULL;
    if ((v = specc_union_set(t.shape->union_, t.slot, variant)) != NULL)
        set_state(&t, SPECC_PRESENT);
    return v;
}

/* ------------------------------------------------------------------ arrays */

void *specc_array_append(const specc_shape *array, void *slot)
{
    size_t esz;
    specc_array a;
    char *items;

    if (!array || !slot || array->kind != SPECC_KIND_ARRAY || !array->items)
        return NULL;
    esz = speccp_elem_size(array->items);
    memcpy(&a, slot, sizeof a);
    if (!esz || a.count >= ((size_t)-1) / esz - 1 || !(items = specc_alloc((a.count + 1) * esz)))
        return NULL;
    if (a.count)
        memcpy(items, a.items, a.count * esz);
    init_element(array->items, items + a.count * esz);
    specc_free(a.items);
    a.items = items;
    a.count++;
    memcpy(slot, &a, sizeof a);
    return items + (a.count - 1) * esz;
}

void *specc_field_append(const specc_type *type, void *value, size_t field)
{
    target t;
    void *item;
    if (!resolve(type, value, field, &t) || t.shape->kind != SPECC_KIND_ARRAY)
        return NULL;
    if ((item = specc_array_append(t.shape, t.slot)) != NULL)
        set_state(&t, SPECC_PRESENT);
    return item;
}

/* Where an element's string is: the element, or its struct's value member. */
static char **element_string(const specc_shape *elem, void *p)
{
    if (elem->kind != SPECC_KIND_STRING)
        return NULL;
    return (char **)(void *)((char *)p + (elem->elem_size ? elem->value_offset : 0));
}

specc_code specc_field_append_string(const specc_type *type, void *value, size_t field,
                                     const char *text)
{
    target t;
    char *copy;
    void *item;
    if (!resolve(type, value, field, &t) || t.shape->kind != SPECC_KIND_ARRAY ||
        !t.shape->items || t.shape->items->kind != SPECC_KIND_STRING)
        return SPECC_ERR_INVALID;
    SPECCP_TRY(copy_text(text, &copy));
    if (!(item = specc_field_append(type, value, field))) {
        specc_free(copy);
        return SPECC_ERR_NOMEM;
    }
    *element_string(t.shape->items, item) = copy;
    return SPECC_OK;
}

/* -------------------------------------------------------------------- maps */

static size_t map_find(const specc_map *m, const char *key)
{
    size_t i;
    for (i = 0; i < m->count; i++)
        if (m->keys && m->keys[i] && strcmp(m->keys[i], key) == 0)
            return i;
    return m->count;
}

static bool is_map(const specc_shape *map)
{
    return map && map->kind == SPECC_KIND_MAP && map->items && speccp_elem_size(map->items);
}

/* Room for one more entry, keys and values copied over; false when out of
 * memory (nothing changed). */
static bool map_grow(specc_map *m, size_t esz, const char *key)
{
    char **keys = NULL, *values = NULL, *k = NULL;
    if (m->count >= ((size_t)-1) / esz - 1 || m->count >= ((size_t)-1) / sizeof *keys - 1 ||
        !(k = speccp_strndup(key, strlen(key))) ||
        !(keys = specc_alloc((m->count + 1) * sizeof *keys)) ||
        !(values = specc_alloc((m->count + 1) * esz))) {
        specc_free(k);
        specc_free(keys);
        return false;
    }
    if (m->count) {
        memcpy(keys, m->keys, m->count * sizeof *keys);
        memcpy(values, m->values, m->count * esz);
    }
    keys[m->count] = k;
    specc_free(m->keys);
    specc_free(m->values);
    m->keys = keys;
    m->values = values;
    m->count++;
    return true;
}

void *specc_map_put(const specc_shape *map, void *slot, const char *key)
{
    size_t esz, i;
    specc_map m;
    char *p;

    if (!is_map(map) || !slot || !key || !speccp_utf8_valid(key, strlen(key)))
        return NULL;
    esz = speccp_elem_size(map->items);
    memcpy(&m, slot, sizeof m);
    i = map_find(&m, key);
    if (i == m.count) {
        if (!map_grow(&m, esz, key))
            return NULL;
        memcpy(slot, &m, sizeof m);
    } else { /* replace: the old value goes */
        speccp_drop_slot(map->items, (char *)m.values + i * esz, false);
    }
    p = (char *)m.values + i * esz;
    init_element(map->items, p);
    return p;
}

void *specc_map_get(const specc_shape *map, const void *slot, const char *key)
{
    specc_map m;
    size_t i;
    if (!is_map(map) || !slot || !key)
        return NULL;
    memcpy(&m, slot, sizeof m);
    i = map_find(&m, key);
    return i == m.count ? NULL : (char *)m.values + i * speccp_elem_size(map->items);
}

bool specc_map_remove(const specc_shape *map, void *slot, const char *key)
{
    size_t esz, i;
    specc_map m;
    char *values;

    if (!is_map(map) || !slot || !key)
        return false;
    esz = speccp_elem_size(map->items);
    memcpy(&m, slot, sizeof m);
    if ((i = map_find(&m, key)) == m.count)
        return false;
    values = m.values;
    speccp_drop_slot(map->items, values + i * esz, false);
    specc_free(m.keys[i]);
    memmove(m.keys + i, m.keys + i + 1, (m.count - i - 1) * sizeof *m.keys);
    memmove(values + i * esz, values + (i + 1) * esz, (m.count - i - 1) * esz);
    if (--m.count == 0) {
        specc_free(m.keys);
        specc_free(m.values);
        m.keys = NULL;
        m.values = NULL;
    }
    memcpy(slot, &m, sizeof m);
    return true;
}

static bool map_target(const specc_type *type, const void *value, size_t field, target *t)
{
    return resolve(type, (void *)(uintptr_t)value, field, t) && t->shape->kind == SPECC_KIND_MAP;
}

void *specc_field_put(const specc_type *type, void *value, size_t field, const char *key)
{
    target t;
    void *v;
    if (!map_target(type, value, field, &t))
        return NULL;
    if ((v = specc_map_put(t.shape, t.slot, key)) != NULL)
        set_state(&t, SPECC_PRESENT);
    return v;
}

specc_code specc_field_put_string(const specc_type *type, void *value, size_t field,
                                  const char *key, const char *text)
{
    target t;
    char *copy;
    void *v;
    if (!map_target(type, value, field, &t) || !t.shape->items ||
        t.shape->items->kind != SPECC_KIND_STRING || !key)
        return SPECC_ERR_INVALID;
    if (!speccp_utf8_valid(key, strlen(key)))
        return SPECC_ERR_FORMAT;
    SPECCP_TRY(copy_text(text, &copy));
    if (!(v = specc_field_put(type, value, field, key))) {
        specc_free(copy);
        return SPECC_ERR_NOMEM;
    }
    *element_string(t.shape->items, v) = copy;
    return SPECC_OK;
}

void *specc_field_get(const specc_type *type, const void *value, size_t field, const char *key)
{
    target t;
    return map_target(type, value, field, &t) ? specc_map_get(t.shape, t.slot, key) : NULL;
}

const char *specc_field_get_string(const specc_type *type, const void *value, size_t field,
                                   const char *key)
{
    target t;
    void *v;
    if (!map_target(type, value, field, &t) || !t.shape->items ||
        !(v = specc_map_get(t.shape, t.slot, key)))
        return NULL;
    return element_string(t.shape->items, v) ? *element_string(t.shape->items, v) : NULL;
}

bool specc_field_remove(const specc_type *type, void *value, size_t field, const char *key)
{
    target t;
    return map_target(type, value, field, &t) && specc_map_remove(t.shape, t.slot, key);
}
