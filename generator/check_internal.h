/*
 * check_internal.h — shared by the check_*.c files, which together turn a
 * node tree into a model. Each reports problems through diag and carries on,
 * so one run shows every error in a spec.
 */
#ifndef SPECC_CHECK_INTERNAL_H
#define SPECC_CHECK_INTERNAL_H

#include "model.h"

typedef struct checker {
    spec *s;
    arena *a;
} checker;

/* "a mapping", "a sequence", "the string 'yes'", "the integer 12", "null"
 * — what a node is, for "expected X, got Y" messages. */
const char *ck_what(const node *n, char *buf, size_t size);

/* ck_what into a static buffer (one of a few, used in turn): for use inside
 * one message. The generator is single-threaded. */
const char *ck_what_tmp(const node *n);
#define WHAT(n) ck_what_tmp(n)

/* Lower-case letters, digits and '_', starting with a letter, not ending
 * with '_' (api and endpoint names). */
bool ck_is_snake_name(const char *s);

/* Is n of this kind? If not, report "WHAT: expected a mapping, got ...". */
bool ck_expect(const node *n, node_kind kind, const char *what);

/* Report every key of map not in the NULL-terminated `allowed` list, with a
 * "did you mean" hint. `what` names the mapping ("field 'id'"). */
void ck_known_keys(const node *map, const char *const *allowed, const char *what);

/* A string scalar copied into the arena, or NULL after an error (not a
 * scalar, or a null/boolean/number where text is wanted). */
char *ck_string(checker *ck, const node *n, const char *what);

/* true/false; reports and returns false otherwise. */
bool ck_bool(const node *n, const char *what, bool *out);

/* The string at map[key] (reported as "WHAT: KEY" when not a string), or
 * NULL when absent or wrong. */
char *ck_optional_string(checker *ck, const node *map, const char *key, const char *what);

/* An upper-case ASCII letter, then letters and digits: a type name. */
bool ck_is_type_name(const char *s);

type_def *ck_find_type(const spec *s, const char *name);

/* The C name of a field or parameter: its `c_name` (checked: an identifier,
 * not reserved) or its JSON name in snake case, made safe. NULL after an
 * error; `noun` names the key in it ("field name"). */
char *ck_c_name(checker *ck, const node *key, const node *def, const char *noun);

/* Where a shape is written: each allows its own keywords. */
typedef enum shape_role { ROLE_FIELD, ROLE_ELEMENT, ROLE_PARAM } shape_role;

/* The shape of one value from its mapping `def`: `type` and the keywords
 * the role allows (check_shape.c). `own_keys` (NULL-terminated) are the
 * other keys the caller reads itself (required, c_name, in, ...); any other
 * key is reported. `what` names the owner in messages. */
bool ck_shape(checker *ck, const node *def, shape *out, shape_role role,
              const char *const *own_keys, const char *what);

void check_endpoints(checker *ck, const node *endpoints);
void check_examples(checker *ck);
void check_names(checker *ck);

#endif
