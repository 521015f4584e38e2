/*
 * try_internal.h — shared by the try_*.c files: try_shapes.c fills the
 * descriptors from the model, try_layout.c gives them sizes and offsets,
 * try_types.c builds, looks up and frees.
 */
#ifndef SPECC_TRY_INTERNAL_H
#define SPECC_TRY_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "try_types.h"

/* An element struct not laid out yet: its shape's elem_size until
 * try_layout sets it (not 0, so it already reads as "has one"). */
#define TRY_ELEM_PENDING SIZE_MAX

/* The bytes and alignment of something stored in a struct. */
typedef struct try_box {
    size_t size, align;
} try_box;

/* A shape with an element struct, for try_layout. */
typedef struct try_pending {
    specc_shape *shape;
    bool object_ptr; /* its OBJECT value is a T * (union variants), not a T */
    struct try_pending *next;
} try_pending;

/* Progress of work done once, on demand: a value shape, a layout. */
enum { TRY_TODO = 0, TRY_BUSY, TRY_DONE };

struct try_types {
    arena mem;             /* owns everything below, and tt itself */
    const type_def *model; /* the spec's types: descriptor i is model[i]'s */
    size_t count;
    specc_type *types;          /* [count] */
    specc_union *unions;        /* [count]: used where model[i] is a union */
    specc_shape *values;        /* [count]: a VALUE type's value, a union type's */
    unsigned char *value_state; /* [count]: progress of values[i] */
    try_pending *pending;       /* every element struct */
    /* try_layout's: */
    try_box *type_box, *union_box;           /* [count] */
    unsigned char *type_state, *union_state; /* [count] */
};

/* Index of a model type of the spec. */
size_t try_index(const try_types *tt, const type_def *t);

/* try_shapes.c: fill types[i] (unions[i] and values[i] with it). */
void try_fill_type(try_types *tt, size_t i);

/* try_layout.c: sizes and offsets of every type, union and element. */
void try_layout(try_types *tt);

#endif
