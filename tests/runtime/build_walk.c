/*
 * build_walk.c — every sample payload built again from nothing with the
 * runtime's value-building helpers (specc_field_*, specc_array_append,
 * specc_map_put, specc_union_set, ...), walking the payload's JSON and the
 * descriptors together, then compared with what specc_decode_text makes of
 * the same text (specc_equal) and validated. It reaches every shape the
 * specs use: nested objects, arrays and maps of every element kind,
 * nullable and open-enum elements, unions chosen by JSON kind or by
 * discriminator, decimals, and undeclared keys (specc_unknown_set).
 *
 * usage: build_walk TARGET FILE...   (TARGET as tools/targets.h names it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_file.h"
#include "targets.h"

static const char *failure; /* what went wrong, for the report */

static bool fail(const char *what)
{
    if (!failure)
        failure = what;
    return false;
}

static bool ok(specc_code rc, const char *what)
{
    return rc == SPECC_OK || fail(what);
}

static bool build_object(const specc_type *type, void *value, const json_t *j);
static bool fill(const specc_shape *sh, char *p, const json_t *j);

/* The index of a closed or open enum's value, or enum_count (unlisted). */
static size_t enum_index(const specc_shape *sh, const char *text)
{
    size_t i;
    for (i = 0; i < sh->enum_count; i++)
        if (strcmp(sh->enum_names[i], text) == 0)
            break;
    return i;
}

/* Does the JSON value's kind fit a variant (the rule of specc.h)? */
static bool kind_fits(const specc_shape *sh, const json_t *j)
{
    switch (sh->kind) {
    case SPECC_KIND_STRING:
    case SPECC_KIND_ENUM: return json_is_string(j);
    case SPECC_KIND_DECIMAL: return json_is_string(j) || json_is_number(j);
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32: return json_is_integer(j);
    case SPECC_KIND_NUMBER: return json_is_number(j);
    case SPECC_KIND_BOOLEAN: return json_is_boolean(j);
    case SPECC_KIND_OBJECT:
    case SPECC_KIND_MAP: return json_is_object(j);
    case SPECC_KIND_ARRAY: return json_is_array(j);
    case SPECC_KIND_ANY: return !json_is_null(j);
    case SPECC_KIND_UNION: return true;
    }
    return false;
}

/* The variant a union takes for j: by discriminator tag, else by kind. */
static size_t pick_variant(const specc_union *u, const json_t *j)
{
    const json_t *tag = u->discriminator && json_is_object(j)
                            ? json_object_get(j, u->discriminator) : NULL;
    size_t i;
    if (tag) {
        char *text = json_dumps(tag, JSON_ENCODE_ANY | JSON_COMPACT);
        for (i = 0; text && i < u->variant_count; i++)
            if (u->variants[i].tag && strcmp(u->variants[i].tag, text) == 0)
                break;
        free(text);
        return i;
    }
    for (i = 0; i < u->variant_count; i++)
        if (json_is_integer(j) && (u->variants[i].shape.kind == SPECC_KIND_INTEGER ||
                                   u->variants[i].shape.kind == SPECC_KIND_INT32))
            return i;
    for (i = 0; i < u->variant_count; i++)
        if (kind_fits(&u->variants[i].shape, j))
            return i;
    return i;
}

static bool fill_union(const specc_union *u, char *slot, const json_t *j)
{
    size_t k = pick_variant(u, j);
    const specc_shape *vs;
    void *v;
    if (k == u->variant_count)
        return fail("no variant for a union value (open unions' other is not built here)");
    vs = &u->variants[k].shape;
    if (!(v = specc_union_set(u, slot, k)))
        return fail("specc_union_set");
    if (vs->kind == SPECC_KIND_OBJECT && !vs->elem_size)
        return build_object(vs->type, v, j);
    return fill(vs, v, j);
}

static bool fill_scalar(const specc_shape *sh, char *p, const json_t *j)
{
    int64_t i = json_integer_value(j);
    int32_t i32 = (int32_t)i;
    double d = json_number_value(j);
    bool b = json_is_true(j);
    switch (sh->kind) {
    case SPECC_KIND_INTEGER: memcpy(p, &i, sizeof i); return true;
    case SPECC_KIND_INT32: memcpy(p, &i32, sizeof i32); return true;
    case SPECC_KIND_NUMBER: memcpy(p, &d, sizeof d); return true;
    case SPECC_KIND_BOOLEAN: memcpy(p, &b, sizeof b); return true;
    default: return fail("not a scalar");
    }
}

static bool fill_decimal(specc_decimal *d, const json_t *j)
{
    char buf[32];
    if (json_is_string(j)) {
        d->is_string = true;
        return ok(specc_decimal_set_text(d, json_string_value(j)), "specc_decimal_set_text");
    }
    if (json_is_integer(j)) {
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
        return ok(specc_decimal_set_text(d, buf), "specc_decimal_set_text");
    }
    return ok(specc_decimal_set_double(d, json_real_value(j)), "specc_decimal_set_double");
}

/* A bare value of shape sh at p, as arrays, maps and variants hold it. */
static bool fill_value(const specc_shape *sh, char *p, const json_t *j, char *other)
{
    size_t i, e;
    const char *key;
    json_t *item;
    switch (sh->kind) {
    case SPECC_KIND_STRING: return ok(specc_string_set((char **)(void *)p, json_string_value(j)), "specc_string_set");
    case SPECC_KIND_DECIMAL: return fill_decimal((specc_decimal *)(void *)p, j);
    case SPECC_KIND_ANY: memcpy(p, &(json_t *){json_incref((json_t *)j)}, sizeof(json_t *)); return true;
    case SPECC_KIND_ENUM:
        e = enum_index(sh, json_string_value(j));
        memcpy(p, &(int){(int)e}, sizeof(int));
        return e < sh->enum_count ||
               (other && ok(specc_string_set((char **)(void *)other, json_string_value(j)), "other"));
    case SPECC_KIND_OBJECT: return build_object(sh->type, p, j);
    case SPECC_KIND_UNION: return fill_union(sh->union_, p, j);
    case SPECC_KIND_ARRAY:
        json_array_foreach(j, i, item) {
            char *it = specc_array_append(sh, p);
            if (!it || !fill(sh->items, it, item))
                return fail("specc_array_append");
        }
        return true;
    case SPECC_KIND_MAP:
        json_object_foreach((json_t *)j, key, item) {
            char *v = specc_map_put(sh, p, key);
            if (!v || !fill(sh->items, v, item))
                return fail("specc_map_put");
        }
        return true;
    default: return fill_scalar(sh, p, j);
    }
}

/* An element: the element struct (null in its state) or the bare value. */
static bool fill(const specc_shape *sh, char *p, const json_t *j)
{
    specc_state null_state = SPECC_NULL;
    if (!sh->elem_size)
        return fill_value(sh, p, j, NULL);
    if (json_is_null(j)) {
        memcpy(p + sh->state_offset, &null_state, sizeof null_state);
        return true;
    }
    return fill_value(sh, p + sh->value_offset, j,
                      (sh->flags & SPECC_S_OPEN_ENUM) ? p + sh->other_offset : NULL);
}

/* A scalar field through specc_field_set (the C value in a union of all). */
static bool set_scalar_field(const specc_type *t, void *v, size_t i, const json_t *j)
{
    const specc_shape *sh = &t->fields[i].shape;
    union { int64_t i; int32_t i32; double d; bool b; int e; } x;
    char **other;
    memset(&x, 0, sizeof x);
    switch (sh->kind) {
    case SPECC_KIND_INTEGER: x.i = json_integer_value(j); break;
    case SPECC_KIND_INT32: x.i32 = (int32_t)json_integer_value(j); break;
    case SPECC_KIND_NUMBER: x.d = json_number_value(j); break;
    case SPECC_KIND_BOOLEAN: x.b = json_is_true(j); break;
    default: x.e = (int)enum_index(sh, json_string_value(j)); break;
    }
    if (!ok(specc_field_set(t, v, i, &x), "specc_field_set"))
        return false;
    if (sh->kind != SPECC_KIND_ENUM || (size_t)x.e < sh->enum_count)
        return true;
    if (!(sh->flags & SPECC_S_OPEN_ENUM))
        return fail("an unlisted value of a closed enum");
    other = (char **)(void *)((char *)v + t->fields[i].other_offset); /* no helper: kept text */
    return ok(specc_string_set(other, json_string_value(j)), "enum other");
}

static bool set_decimal_field(const specc_type *t, void *v, size_t i, const json_t *j)
{
    char buf[32];
    specc_decimal *d = (specc_decimal *)(void *)((char *)v + t->fields[i].offset);
    if (json_is_real(j))
        return ok(specc_field_set_decimal_double(t, v, i, json_real_value(j)), "set_decimal_double");
    if (json_is_integer(j))
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
    if (!ok(specc_field_set_decimal(t, v, i, json_is_string(j) ? json_string_value(j) : buf),
            "set_decimal"))
        return false;
    d->is_string = json_is_string(j); /* no helper: the API's choice of spelling */
    return true;
}

/* An empty array or map: a field with a state is made present. */
static bool mark_present(const specc_type *t, void *v, size_t i)
{
    if (!(t->fields[i].flags & SPECC_F_STATE))
        return true;
    return ok(specc_field_set_state(t, v, i, SPECC_PRESENT), "specc_field_set_state(PRESENT)");
}

/* One field through the specc_field_* helpers. */
static bool build_field(const specc_type *t, void *v, size_t i, const json_t *j)
{
    const specc_field *f = &t->fields[i];
    char *p = (char *)v + f->offset;
    const char *key;
    size_t n;
    json_t *item;
    void *e;

    if (f->shape.kind == SPECC_KIND_ANY) /* a json_t * member, no state */
        return fill_value(&f->shape, p, j, NULL);
    if (json_is_null(j))
        return ok(specc_field_set_state(t, v, i, SPECC_NULL), "specc_field_set_state");
    switch (f->shape.kind) {
    case SPECC_KIND_STRING: return ok(specc_field_set_string(t, v, i, json_string_value(j)), "specc_field_set_string");
    case SPECC_KIND_DECIMAL:
        return set_decimal_field(t, v, i, j);
    case SPECC_KIND_OBJECT:
        return (e = specc_field_new(t, v, i)) ? build_object(f->shape.type, e, j) : fail("specc_field_new");
    case SPECC_KIND_UNION:
        n = pick_variant(f->shape.union_, j);
        if (!(e = specc_field_variant(t, v, i, n)))
            return fail("specc_field_variant");
        if (f->shape.union_->variants[n].shape.kind == SPECC_KIND_OBJECT &&
            !f->shape.union_->variants[n].shape.elem_size)
            return build_object(f->shape.union_->variants[n].shape.type, e, j);
        return fill(&f->shape.union_->variants[n].shape, e, j);
    case SPECC_KIND_ARRAY:
        if (!json_array_size(j)) /* present and empty: the state alone */
            return mark_present(t, v, i);
        json_array_foreach(j, n, item) {
            if (!(e = specc_field_append(t, v, i)) || !fill(f->shape.items, e, item))
                return fail("specc_field_append");
        }
        return true;
    case SPECC_KIND_MAP:
        if (!json_object_size(j))
            return mark_present(t, v, i);
        json_object_foreach((json_t *)j, key, item) {
            if (!(e = specc_field_put(t, v, i, key)) || !fill(f->shape.items, e, item))
                return fail("specc_field_put");
        }
        return true;
    default: return set_scalar_field(t, v, i, j);
    }
}

static bool build_object(const specc_type *type, void *value, const json_t *j)
{
    const char *key;
    json_t *item;
    specc_unknown *u = (specc_unknown *)(void *)((char *)value + type->unknown_offset);
    if (type->kind == SPECC_TYPE_VALUE)
        return fill(type->value, value, j);
    json_object_foreach((json_t *)j, key, item) {
        size_t i = specc_field_index(type, key);
        char *text;
        bool done;
        if (i < type->field_count) {
            if (!build_field(type, value, i, item))
                return false;
            continue;
        }
        if (type->unknown != SPECC_UNKNOWN_PRESERVE)
            continue;
        text = json_dumps(item, JSON_ENCODE_ANY | JSON_COMPACT);
        done = text && specc_unknown_set(u, key, text, NULL) == SPECC_OK;
        free(text);
        if (!done)
            return fail("specc_unknown_set");
    }
    return true;
}

static void report(const specc_error *e, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "  %s: %s\n", e->path, e->message);
}

/* Build FILE's payload as TYPE with the helpers; decode it; compare. */
static bool check_file(const specc_type *type, const char *file)
{
    size_t len;
    char *text = read_file(file, &len);
    json_t *j = NULL;
    void *built = calloc(1, type->size), *dec = calloc(1, type->size);
    specc_error err;
    bool good = false;

    failure = NULL;
    if (!text || !built || !dec || specc_decode_any_text(text, len, &j, &err) != SPECC_OK) {
        fprintf(stderr, "FAIL %s: cannot read it as JSON\n", file);
    } else if (specc_decode_text(type, text, len, dec, &err) != SPECC_OK) {
        fprintf(stderr, "FAIL %s: does not decode: %s: %s\n", file, err.path, err.message);
    } else if (specc_init(type, built), !build_object(type, built, j)) {
        fprintf(stderr, "FAIL %s: building it: %s\n", file, failure ? failure : "?");
    } else if (!specc_equal(type, built, dec)) {
        fprintf(stderr, "FAIL %s: the value built differs from the decoded one\n", file);
    } else if (specc_validate(type, built, report, NULL) != 0) {
        fprintf(stderr, "FAIL %s: the value built does not validate\n", file);
    } else {
        printf("ok %s\n", file);
        good = true;
    }
    specc_clear(type, built);
    specc_clear(type, dec);
    free(built);
    free(dec);
    json_decref(j);
    free(text);
    return good;
}

int main(int argc, char **argv)
{
    const specc_type *type;
    int i, failed = 0;
    if (argc < 3 || !(type = targets_find(argv[1]))) {
        fprintf(stderr, "usage: build_walk TARGET FILE...\n");
        return 2;
    }
    for (i = 2; i < argc; i++)
        failed += !check_file(type, argv[i]);
    return failed ? 1 : 0;
}
