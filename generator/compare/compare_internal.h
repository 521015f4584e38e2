/*
 * compare_internal.h — shared by the compare_*.c files, which together list
 * the changes between two checked specs: compare.c (the list, the walk,
 * the spec's settings), compare_usage.c (which way each type travels),
 * compare_types.c (types and unions), compare_fields.c (an object's
 * fields), compare_shape.c (one value's type), compare_limits.c (its
 * constraints) and compare_endpoints.c.
 */
#ifndef SPECC_COMPARE_INTERNAL_H
#define SPECC_COMPARE_INTERNAL_H

#include "compare.h"

/* Which way a value travels: decoded from responses, or built by the user
 * for requests. A type may travel both ways. */
typedef enum direction { DIR_RESPONSE = 1, DIR_REQUEST = 2, DIR_BOTH = 3 } direction;

typedef struct differ {
    const spec *o, *n; /* old and new */
    change_list *out;
    arena *a;          /* out->mem: every string made while comparing */
    unsigned char *use_o, *use_n; /* per type of o / n: its directions */
} differ;

/* Where a change is: the location the user reads, the positions in each
 * spec (file NULL: not there) and the way the value there travels. */
typedef struct site {
    const char *path;
    loc old_where, new_where;
    direction dir;
} site;

/* What C a shape makes, for the effect of a change on code. */
typedef enum shape_use {
    USE_FIELD,   /* a field's member (its default, deprecated, readOnly and
                    writeOnly are the field's business: compare_fields.c) */
    USE_VALUE,   /* a value type's value */
    USE_ELEMENT, /* items, map values, union variants */
    USE_PARAM    /* a member of the params struct, or its items */
} shape_use;

/* ------------------------------------------------------------ compare.c */

/* Append a change at s. */
void cmp_report(differ *d, const site *s, bool breaking, const char *fmt, ...) DIAG_PRINTF(4, 5);

/* One half of a change's effect: on responses or on requests. text NULL:
 * nothing to say that way. */
typedef struct effect {
    bool breaking;
    const char *text;
} effect;

/* A change whose effect depends on direction: "WHAT — TEXT", where TEXT
 * is what the directions of s make of it (breaking halves win). */
void cmp_directed(differ *d, const site *s, const char *what, effect resp, effect req);

/* "payloads", "requests" or "payloads and requests": who sends values in
 * direction dir. */
const char *cmp_who(direction dir);

/* A string in the list's arena. */
char *cmp_printf(differ *d, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* A spec name as locations show it: control characters escaped. */
const char *cmp_name(differ *d, const char *bytes, size_t len);

/* A site below s (the same direction): path s->path + suffix, at the
 * given positions. */
site cmp_below(differ *d, const site *s, const char *suffix, loc old_where, loc new_where);

/* Two lists walked in the new one's order: each new item matched with an
 * old one (same), else added; an old item without a match is removed right
 * after the old item before it that has one (first, when none has). */
typedef struct list_ops {
    size_t old_count, new_count;
    bool (*same)(void *ctx, size_t old_i, size_t new_i);
    void (*matched)(void *ctx, size_t old_i, size_t new_i);
    void (*added)(void *ctx, size_t new_i);
    void (*removed)(void *ctx, size_t old_i);
} list_ops;

void cmp_walk(const list_ops *ops, void *ctx);

extern const loc cmp_nowhere; /* {NULL, 0, 0} */

/* ------------------------------------------------------ compare_usage.c */

/* Mark which way every type of both specs travels (d->use_o, d->use_n). */
void cmp_usage(differ *d);

/* The directions of a type in either spec (a type no endpoint reaches
 * travels both ways: its decode and encode functions are public). */
direction cmp_type_dir(const differ *d, const type_def *o, const type_def *n);

/* ------------------------------------------------------ compare_types.c */

void cmp_types(differ *d);

/* Two inline types (a response's, a body's, a field's oneOf) at s. */
void cmp_inline(differ *d, const site *s, const type_def *o, const type_def *n);

/* ----------------------------------------------------- compare_fields.c */

/* The fields of two object types of the same name. */
void cmp_fields(differ *d, const type_def *o, const type_def *n, direction dir);

/* ------------------------------------------------------ compare_shape.c */

/* Do the two shapes make the same type (kind, int32, named or inline
 * type)? If not, nothing else about them is compared. */
bool cmp_same_type(const shape *o, const shape *n);

/* "string", "integer (int32)", "array of Pet", "oneOf [string, Customer]". */
const char *cmp_describe(differ *d, const shape *sh);

/* Everything about two shapes at s: type, format, enum, constraints,
 * elements. A changed type is one breaking change; `use` says what C the
 * shape makes, `c_member` names it in messages ("pushed_at", or NULL). */
void cmp_shape(differ *d, const site *s, const shape *o, const shape *n, shape_use use,
               const char *c_member);

/* ----------------------------------------------------- compare_limits.c */

/* Bounds, multipleOf, lengths, counts, uniqueItems, pattern and const. */
void cmp_limits(differ *d, const site *s, const shape *o, const shape *n);

/* -------------------------------------------------- compare_endpoints.c */

void cmp_endpoints(differ *d);

#endif
