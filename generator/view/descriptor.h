/*
 * descriptor.h — what a generated descriptor holds, as values: the kind,
 * format, flags and members of each specc_shape, specc_field and
 * specc_type. view_c.c prints these decisions as C initialisers; try/
 * builds the same descriptors in memory from them, so that `specc try`
 * answers as the compiled bindings would. One decision, two outputs.
 */
#ifndef SPECC_DESCRIPTOR_H
#define SPECC_DESCRIPTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "specc.h"

/* The shape a descriptor describes for sh: a reference to a value type is
 * described by that type's value (inside other shapes a VALUE type never
 * appears: the generator inlines it, dropping what the reference itself
 * said); any other shape is itself. */
const shape *desc_shape(const shape *sh);

/* The runtime kind of a described shape. is_enum: stored as a C enum (a
 * string enum with its C name; a parameter's string enum stays STRING). */
specc_kind desc_kind(const shape *sh, bool is_enum);

/* "SPECC_KIND_STRING" ... */
const char *desc_kind_name(specc_kind kind);

/* SPECC_S_* of a described shape. */
unsigned desc_shape_flags(const shape *sh);

/* SPECC_F_* of a field. */
unsigned desc_field_flags(const field *f);

/* The names of the SPECC_S_* (shape) or SPECC_F_* (field) flags set, in the
 * order initialisers list them, into out (room for 16); returns how many. */
size_t desc_flag_names(unsigned flags, bool field_flags, const char **out);

/* Are the bounds and multipleOf integers (min_int, multiple_int) rather than
 * doubles (min_num, multiple_num)? */
bool desc_bounds_int(const shape *sh);

/* An element struct (sh->c_elem set): does it have a specc_state member
 * (null allowed) and a char *other (an open string enum)? */
bool desc_elem_state(const shape *sh);
bool desc_elem_other(const shape *sh);

/* A type's descriptor: OBJECT (fields) or VALUE (value types and unions). */
specc_type_kind desc_type_kind(const type_def *t);

/* The unknown-field policy and whether the struct has the `_unknown` member
 * (objects only; a VALUE type's policy is left 0). */
specc_unknown_policy desc_unknown_policy(unknown_policy p);
bool desc_preserves(const type_def *t);

#endif
