/*
 * try_shapes.c — the descriptors' contents from the model: types, fields,
 * unions, shapes. Every decision is the view's (view/descriptor.h), taken
 * in the same places: try_shape is the in-memory twin of view_c.c's
 * shape_init, fill_union of view_types.c's c_union_view. Sizes and offsets
 * are left to try_layout.c. Strings are copied into tt's arena.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descriptor.h"
#include "try_internal.h"

static void try_shape(try_types *tt, const shape *sh, specc_shape *out, bool object_ptr);

static char *copy(try_types *tt, const char *s)
{
    return arena_strdup(&tt->mem, s);
}

/* Remember a shape that has an element struct, for try_layout. */
static void pend(try_types *tt, specc_shape *sh, bool object_ptr)
{
    try_pending *p = arena_alloc(&tt->mem, sizeof *p);
    sh->elem_size = TRY_ELEM_PENDING;
    p->shape = sh;
    p->object_ptr = object_ptr;
    p->next = tt->pending;
    tt->pending = p;
}

/* values[i] built: a VALUE type's value shape, or a union type's UNION. */
static const specc_shape *built_value(try_types *tt, size_t i)
{
    const type_def *t = &tt->model[i];
    specc_shape *out = &tt->values[i];
    if (tt->value_state[i] == TRY_DONE)
        return out;
    if (tt->value_state[i] == TRY_BUSY) { /* the checker refuses a type that is only a type */
        fprintf(stderr, "specc: internal error: value type '%s' contains itself\n", t->name);
        abort();
    }
    tt->value_state[i] = TRY_BUSY;
    if (t->kind == TYPE_UNION) {
        out->kind = SPECC_KIND_UNION;
        out->union_ = &tt->unions[i];
    } else {
        try_shape(tt, &t->value, out, false);
    }
    tt->value_state[i] = TRY_DONE;
    return out;
}

/* An item's or map value's shape. A value type's is its value shape itself,
 * shared (the view shares its table too): a value type's items may be that
 * type again, so it is referred to, not built, here. */
static const specc_shape *element(try_types *tt, const shape *el)
{
    specc_shape *out;
    if (desc_shape(el) != el)
        return &tt->values[try_index(tt, el->ref)];
    out = arena_alloc(&tt->mem, sizeof *out);
    try_shape(tt, el, out, false);
    return out;
}

static void bounds(const shape *sh, specc_shape *out)
{
    bool integer = desc_bounds_int(sh);
    if (sh->minimum.set && integer)
        out->min_int = sh->minimum.integer;
    else if (sh->minimum.set)
        out->min_num = sh->minimum.number;
    if (sh->maximum.set && integer)
        out->max_int = sh->maximum.integer;
    else if (sh->maximum.set)
        out->max_num = sh->maximum.number;
    if (sh->multiple_of.set && integer)
        out->multiple_int = sh->multiple_of.integer;
    else if (sh->multiple_of.set)
        out->multiple_num = sh->multiple_of.number;
    out->min_length = sh->min_length.set ? (size_t)sh->min_length.value : 0;
    out->max_length = sh->max_length.set ? (size_t)sh->max_length.value : 0;
    out->min_items = sh->min_items.set ? (size_t)sh->min_items.value : 0;
    out->max_items = sh->max_items.set ? (size_t)sh->max_items.value : 0;
}

/* A string enum's JSON spellings (a C enum), or an integer enum's values. */
static void enums(try_types *tt, const shape *sh, bool is_enum, specc_shape *out)
{
    size_t i, n = sh->enum_count;
    if (!sh->enums)
        return;
    out->enum_count = n;
    if (is_enum) {
        const char **names = arena_alloc(&tt->mem, n * sizeof *names);
        for (i = 0; i < n; i++)
            names[i] = arena_strndup(&tt->mem, sh->enums[i].text, sh->enums[i].text_len);
        out->enum_names = names;
    } else {
        int64_t *ints = arena_alloc(&tt->mem, n * sizeof *ints);
        for (i = 0; i < n; i++)
            ints[i] = sh->enums[i].number;
        out->enum_ints = ints;
    }
}

/* The descriptor of a value of shape sh. object_ptr: where an element
 * struct's OBJECT value is a T * (variants) rather than a T (items). */
static void try_shape(try_types *tt, const shape *sh, specc_shape *out, bool object_ptr)
{
    bool is_enum = sh->c_enum != NULL; /* a field's c_enum is its shape's */
    memset(out, 0, sizeof *out);
    if (desc_shape(sh) != sh) {
        *out = *built_value(tt, try_index(tt, sh->ref));
        if (out->elem_size) /* none has one today; the layout would need it */
            pend(tt, out, object_ptr);
        return;
    }
    out->kind = desc_kind(sh, is_enum);
    out->format = (specc_format)format_get(sh->format)->runtime;
    out->flags = desc_shape_flags(sh);
    bounds(sh, out);
    out->pattern = copy(tt, sh->pattern);
    enums(tt, sh, is_enum, out);
    if (sh->kind == SHAPE_REF && sh->ref->kind == TYPE_OBJECT)
        out->type = &tt->types[try_index(tt, sh->ref)];
    if (sh->kind == SHAPE_REF && sh->ref->kind == TYPE_UNION)
        out->union_ = &tt->unions[try_index(tt, sh->ref)];
    if (sh->items)
        out->items = element(tt, sh->items);
    out->const_json = copy(tt, sh->const_json);
    if (sh->c_elem)
        pend(tt, out, object_ptr);
}

static void fill_fields(try_types *tt, const type_def *t, specc_type *out)
{
    specc_field *fields;
    size_t i;
    if (!t->field_count)
        return;
    fields = arena_alloc(&tt->mem, t->field_count * sizeof *fields);
    for (i = 0; i < t->field_count; i++) {
        const field *f = &t->fields[i];
        fields[i].name = arena_strndup(&tt->mem, f->json_name, f->json_len);
        fields[i].name_len = f->json_len;
        fields[i].flags = desc_field_flags(f);
        try_shape(tt, &f->shape, &fields[i].shape, true);
    }
    out->fields = fields;
    out->field_count = t->field_count;
}

/* A union's variants (each chosen by its first tag), discriminator, default. */
static void fill_union(try_types *tt, const type_def *t, specc_union *out)
{
    const union_def *u = t->u;
    specc_variant *variants;
    size_t i;
    out->name = copy(tt, t->name);
    if (!u)
        return;
    variants = arena_alloc(&tt->mem, (u->variant_count ? u->variant_count : 1) * sizeof *variants);
    for (i = 0; i < u->variant_count; i++) {
        const variant *v = &u->variants[i];
        variants[i].name = copy(tt, v->label);
        try_shape(tt, &v->shape, &variants[i].shape, true);
        if (v->tag_count) {
            variants[i].tag = copy(tt, v->tags[0]);
            variants[i].tag_len = strlen(v->tags[0]);
        }
    }
    out->variants = variants;
    out->variant_count = u->variant_count;
    out->discriminator = copy(tt, u->discriminator);
    out->discriminator_len = u->discriminator ? strlen(u->discriminator) : 0;
    out->default_variant = u->default_variant;
    out->open = u->open;
}

void try_fill_type(try_types *tt, size_t i)
{
    const type_def *t = &tt->model[i];
    specc_type *out = &tt->types[i];
    out->name = copy(tt, t->name);
    out->kind = desc_type_kind(t);
    if (out->kind == SPECC_TYPE_OBJECT) {
        fill_fields(tt, t, out);
        out->unknown = desc_unknown_policy(t->unknown);
        return;
    }
    if (t->kind == TYPE_UNION)
        fill_union(tt, t, &tt->unions[i]);
    out->value = built_value(tt, i);
}
