/*
 * try_layout.c — sizes and offsets for the descriptors try_shapes.c filled:
 * each struct laid out as a C compiler would (members in order, each at a
 * multiple of its alignment, the size a multiple of the largest), from the
 * descriptors themselves, so the layout is exactly what the runtime will
 * read. Members as in the generated structs: per field its state, value
 * and other; `_unknown` last; unions as {int kind; union as; char *other};
 * element structs as {state; value; other}.
 *
 * The order is free of cycles: a struct holds in place only scalars,
 * arrays and maps (a pointer and counts), unions (whose objects are
 * pointers) and, in an element struct, an object, which itself holds
 * elements only behind an array's pointer.
 */
#include <stdio.h>
#include <stdlib.h>

#include "try_internal.h"

/* Alignments, by the offset of a member after a char. */
#define ALIGN_STRUCT(name, type)                                                                   \
    struct name {                                                                                  \
        char c;                                                                                    \
        type x;                                                                                    \
    }
ALIGN_STRUCT(al_ptr, void *);
ALIGN_STRUCT(al_int64, int64_t);
ALIGN_STRUCT(al_int32, int32_t);
ALIGN_STRUCT(al_double, double);
ALIGN_STRUCT(al_bool, bool);
ALIGN_STRUCT(al_int, int);
ALIGN_STRUCT(al_decimal, specc_decimal);
ALIGN_STRUCT(al_array, specc_array);
ALIGN_STRUCT(al_map, specc_map);
ALIGN_STRUCT(al_state, specc_state);
ALIGN_STRUCT(al_unknown, specc_unknown);
#define BOX(name, type) ((try_box){sizeof(type), offsetof(struct name, x)})

/* Place a member of box b at the end of a struct being laid out. */
typedef struct builder {
    size_t end, align;
} builder;

static size_t round_up(size_t n, size_t align)
{
    return (n + align - 1) / align * align;
}

static size_t place(builder *b, try_box box)
{
    size_t at = round_up(b->end, box.align);
    b->end = at + box.size;
    if (box.align > b->align)
        b->align = box.align;
    return at;
}

/* The struct's box; C needs a member, so an empty one is a char. */
static try_box finish(builder *b)
{
    try_box box;
    box.size = round_up(b->end ? b->end : 1, b->align);
    box.align = b->align;
    return box;
}

static try_box type_box(try_types *tt, size_t i);
static try_box union_box(try_types *tt, size_t i);
static try_box elem_box(try_types *tt, specc_shape *sh, bool object_ptr);

/* A value of this shape alone: OBJECT as a T * or (in place) a T. */
static try_box bare_box(try_types *tt, const specc_shape *sh, bool object_ptr)
{
    switch (sh->kind) {
    case SPECC_KIND_STRING:
    case SPECC_KIND_ANY: return BOX(al_ptr, void *);
    case SPECC_KIND_INTEGER: return BOX(al_int64, int64_t);
    case SPECC_KIND_INT32: return BOX(al_int32, int32_t);
    case SPECC_KIND_NUMBER: return BOX(al_double, double);
    case SPECC_KIND_BOOLEAN: return BOX(al_bool, bool);
    case SPECC_KIND_ENUM: return BOX(al_int, int);
    case SPECC_KIND_DECIMAL: return BOX(al_decimal, specc_decimal);
    case SPECC_KIND_ARRAY: return BOX(al_array, specc_array);
    case SPECC_KIND_MAP: return BOX(al_map, specc_map);
    case SPECC_KIND_OBJECT:
        return object_ptr ? BOX(al_ptr, void *) : type_box(tt, (size_t)(sh->type - tt->types));
    case SPECC_KIND_UNION: return union_box(tt, (size_t)(sh->union_ - tt->unions));
    }
    return BOX(al_ptr, void *);
}

/* A value where elements are stored (variants, VALUE types): the element
 * struct when the shape has one. sh was allocated writable by this module. */
static try_box stored_box(try_types *tt, specc_shape *sh, bool object_ptr)
{
    return sh->elem_size ? elem_box(tt, sh, object_ptr) : bare_box(tt, sh, object_ptr);
}

/* {specc_state state; value; char *other}: sets the shape's offsets. */
static try_box elem_box(try_types *tt, specc_shape *sh, bool object_ptr)
{
    builder b = {0, 1};
    try_box box;
    if (sh->flags & SPECC_S_NULLABLE)
        sh->state_offset = place(&b, BOX(al_state, specc_state));
    sh->value_offset = place(&b, bare_box(tt, sh, object_ptr));
    if (sh->kind == SPECC_KIND_ENUM && (sh->flags & SPECC_S_OPEN_ENUM))
        sh->other_offset = place(&b, BOX(al_ptr, char *));
    box = finish(&b);
    sh->elem_size = box.size;
    return box;
}

/* Visit once: layouts are asked for by whoever holds the thing in place. */
static bool start(unsigned char *state, const char *what, const char *name)
{
    if (*state == TRY_DONE)
        return false;
    if (*state == TRY_BUSY) { /* see the top of this file */
        fprintf(stderr, "specc: internal error: %s '%s' contains itself\n", what, name);
        abort();
    }
    *state = TRY_BUSY;
    return true;
}

static void object_layout(try_types *tt, specc_type *t, builder *b)
{
    /* The fields were allocated writable by try_shapes.c. */
    specc_field *fields = (specc_field *)t->fields;
    size_t i;
    for (i = 0; i < t->field_count; i++) {
        specc_field *f = &fields[i];
        if (f->flags & SPECC_F_STATE)
            f->state_offset = place(b, BOX(al_state, specc_state));
        f->offset = place(b, bare_box(tt, &f->shape, true));
        if (f->shape.kind == SPECC_KIND_ENUM && (f->shape.flags & SPECC_S_OPEN_ENUM))
            f->other_offset = place(b, BOX(al_ptr, char *));
    }
    if (t->unknown == SPECC_UNKNOWN_PRESERVE)
        t->unknown_offset = place(b, BOX(al_unknown, specc_unknown));
}

static try_box type_box(try_types *tt, size_t i)
{
    specc_type *t = &tt->types[i];
    builder b = {0, 1};
    if (!start(&tt->type_state[i], "type", t->name))
        return tt->type_box[i];
    if (t->kind == SPECC_TYPE_OBJECT)
        object_layout(tt, t, &b);
    else /* the value in place at offset 0; values[i] is writable */
        place(&b, stored_box(tt, &tt->values[i], false));
    tt->type_box[i] = finish(&b);
    t->size = tt->type_box[i].size;
    tt->type_state[i] = TRY_DONE;
    return tt->type_box[i];
}

/* {int kind; union {every variant} as; char *other}. */
static try_box union_box(try_types *tt, size_t i)
{
    specc_union *u = &tt->unions[i];
    specc_variant *variants = (specc_variant *)u->variants; /* allocated writable */
    builder b = {0, 1}, as = {0, 1};
    try_box box;
    size_t j;
    if (!start(&tt->union_state[i], "union", u->name))
        return tt->union_box[i];
    u->kind_offset = place(&b, BOX(al_int, int));
    for (j = 0; j < u->variant_count; j++) { /* every member at offset 0 */
        box = stored_box(tt, &variants[j].shape, true);
        as.end = box.size > as.end ? box.size : as.end;
        as.align = box.align > as.align ? box.align : as.align;
    }
    u->value_offset = place(&b, finish(&as));
    if (u->open)
        u->other_offset = place(&b, BOX(al_ptr, char *));
    tt->union_box[i] = finish(&b);
    u->size = tt->union_box[i].size;
    tt->union_state[i] = TRY_DONE;
    return tt->union_box[i];
}

void try_layout(try_types *tt)
{
    size_t i;
    try_pending *p;
    tt->type_box = arena_alloc(&tt->mem, tt->count * sizeof *tt->type_box);
    tt->union_box = arena_alloc(&tt->mem, tt->count * sizeof *tt->union_box);
    tt->type_state = arena_alloc(&tt->mem, tt->count);
    tt->union_state = arena_alloc(&tt->mem, tt->count);
    for (i = 0; i < tt->count; i++) {
        type_box(tt, i);
        if (tt->model[i].kind == TYPE_UNION)
            union_box(tt, i);
    }
    for (p = tt->pending; p; p = p->next)
        elem_box(tt, p->shape, p->object_ptr);
}
