/*
 * view_internal.h — shared by the view*.c files, which together turn a
 * model into the tree templates render. One file per audience:
 *   view.c     the tree itself: its shape, the model facts, the entry points
 *   view_c.c   C text: declarations, initialisers, safe comments
 *   view_md.c  Markdown text for `specc doc`
 * Every text maker returns a malloc'd string (NULL when out of memory, which
 * the view then holds as null) or a new jansson value.
 */
#ifndef SPECC_VIEW_INTERNAL_H
#define SPECC_VIEW_INTERNAL_H

#include <jansson.h>
#include <stdlib.h>

#include "model.h"
#include "strbuf.h"

/* What view_spec gathers while it walks the types: the tables the C
 * templates emit before the types' field tables. */
typedef struct view_ctx {
    json_t *enums;     /* string enums: [{c_enum, values, ...}] */
    json_t *int_enums; /* allowed values of integer enums: [{name, values}] */
    json_t *shapes;    /* element shapes: [{name, init}], innermost first */
    json_t *seen;      /* names of the tables above already made: {name: true} */
    json_t *kind_enums; /* unions' kind enums: [{c_enum, values: [{constant, value, comment}]}] */
    json_t *unions;    /* union descriptors: [{c_name, variants, ...}] */
    json_t *elems;     /* element structs: [{c_elem, members: [{line}]}] */
    json_t *name_tables; /* parameters' allowed texts: [{name, values: [{literal}]}] */
    bool md;           /* the Markdown text too (VIEW_ALL) */
} view_ctx;

/* Has a table of this name been made? Marks it made. */
static inline bool view_seen(view_ctx *ctx, const char *name)
{
    if (json_object_get(ctx->seen, name))
        return true;
    json_object_set_new(ctx->seen, name, json_true());
    return false;
}

/* ------------------------------------------------- building the tree */

/* Set o[key] to v, taking the reference; NULL (out of memory) becomes null.
 * Keys are the view's own names, string literals in ASCII: not checked for
 * UTF-8 (a tenth of building a large view). */
static inline void put(json_t *o, const char *key, json_t *v)
{
    json_object_set_new_nocheck(o, key, v ? v : json_null());
}

static inline void put_s(json_t *o, const char *key, const char *s)
{
    put(o, key, s ? json_string(s) : json_null());
}

/* A malloc'd string into the view, freed. */
static inline void put_own(json_t *o, const char *key, char *s)
{
    put_s(o, key, s);
    free(s);
}

static inline void put_b(json_t *o, const char *key, bool b)
{
    put(o, key, json_boolean(b));
}

/* "path" or "query". */
const char *view_param_in(param_in in);

/* ------------------------------------------------------ C (view_c.c) */

/* "int64_t name"; "char *name" for a type ending in '*'. */
char *c_declare(const char *type, const char *name);

/* A pointer to elem: "int64_t *name", "char **name". */
char *c_pointer_to(const char *elem, const char *name);

/* Append {line: text} to lines, taking text (malloc'd). */
void c_add_line(json_t *lines, char *text);

/* "text" as a C string literal, quotes included. */
char *c_literal(const char *s, size_t len);

/* A description as comment lines, [{line}]: one line "slash-star text
 * star-slash", or a block with " * " lines wrapped at 76 columns. */
json_t *c_comment(const char *text);

const char *c_kind_constant(const shape *sh, bool is_enum); /* SPECC_KIND_* */
const char *c_format_constant(format_kind f);               /* SPECC_FORMAT_* */
const char *c_unknown_policy(unknown_policy p);             /* PRESERVE, ... */

/* A field's C text: its member declaration and note, flags, the tables of
 * its enum (into ctx) and its shape initialiser. */
void c_field(view_ctx *ctx, json_t *o, const type_def *t, const field *f);

/* C type of a value stored by value: in an array or map, a union, a value
 * type ("int64_t", "api_repo_t", "struct { char **items; size_t count; }"). */
char *c_value_type(const shape *sh);

/* The typed wrappers that build values of t (view_build.c): their C text,
 * one line each, or NULL when t has none. */
char *c_builders(const type_def *t);

/* The specc_shape initialiser of a value; its tables are named NAME_... */
char *c_shape_init(view_ctx *ctx, const shape *sh, const char *name);

/* A string enum's C enum for the enums list (see view_c.c). */
json_t *c_string_enum(const shape *sh, const char *c_other, const char *comment);

/* A value type's or union's C text (view_types.c): its struct members, its
 * descriptor tables (into ctx), the value shape's initialiser. */
void c_value_type_view(view_ctx *ctx, json_t *o, const type_def *t);
void c_union_view(view_ctx *ctx, json_t *o, const type_def *t);

/* Element structs of a shape's items and values, into ctx->elems. */
void c_elements(view_ctx *ctx, const shape *sh);

/* A parameter's constraints as a specc_shape initialiser (version 2). */
char *c_param_shape_init(view_ctx *ctx, const param *p, const char *name);

/* A parameter's member declaration, note, and SPECC_P_* flags. */
char *c_param_decl(const param *p);
char *c_param_note(const param *p);
char *c_param_flags(const param *p);

/* ---------------------------------------------- Markdown (view_md.c) */

/* Text for one table cell or line: newlines become spaces; '|', '\\' and
 * emphasis characters are escaped, '<' too. NULL text gives "". */
char *md_text(const char *text);

const char *md_unknown_policy(unknown_policy p); /* "kept and written back", ... */

/* A value type's or union's one-line description, or NULL for objects. */
char *md_type_form(const type_def *t);

/* A field's Markdown cells (md_name, md_type, ...). */
void md_field(json_t *o, const field *f);

#endif
