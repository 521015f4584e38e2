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
    /* The name an inline type made here would get ("CustomerDefaultSource"):
     * set by whoever checks a field, an element or a response. */
    const char *inline_name;
    /* Type name → index into s->types, for ck_find_type (a spec may have
     * thousands of types, each named by many fields). */
    json_t *type_index;
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

/* The type of that name, or NULL. */
type_def *ck_find_type(const checker *ck, const char *name);

/* Make t (in s->types, named) findable by ck_find_type; the first type of a
 * name stays the one found. */
void ck_index_type(checker *ck, const type_def *t);

/* The C name of a field or parameter: its `c_name` (checked: an identifier,
 * not reserved) or its JSON name in snake case, made safe. NULL after an
 * error; `noun` names the key in it ("field name"). */
char *ck_c_name(checker *ck, const node *key, const node *def, const char *noun);

/* Where a shape is written: each allows its own keywords. */
typedef enum shape_role {
    ROLE_FIELD,   /* a field of an object type */
    ROLE_ELEMENT, /* items, values, a union's inline variant */
    ROLE_PARAM,   /* a request parameter */
    ROLE_VALUE    /* a named value type, an inline response */
} shape_role;

/* Is `version` of the spec language enough for what `key` names? If not,
 * report "'KEY' needs specc: 2". */
bool ck_needs_version(checker *ck, const node *key, int version);

/* The key node of map[key] (for its position), or NULL. */
const node *ck_key(const node *map, const char *key);

/* JSON text of a YAML value (node_json), in the arena. */
char *ck_node_json(checker *ck, const node *n);

/* A new type appended to the spec (room is reserved by check_types), named
 * `name`; NULL (reported) when the name is taken. */
type_def *ck_add_type(checker *ck, const char *name, loc where);

/* "Customer" + "default_source" -> "CustomerDefaultSource": names of inline
 * types. */
char *ck_camel_join(checker *ck, const char *prefix, const char *name);

/* An inline `oneOf` in the mapping def (with its `discriminator` and `open`)
 * as a new union type named ck->inline_name (check_union.c). */
type_def *ck_inline_union(checker *ck, const node *def, loc where);

/* A named union type's body (check_union.c). */
void ck_union(checker *ck, type_def *t, const node *def);

/* After every type is checked: the discriminators of the unions (which need
 * their variants' fields), and the composed types (check_compose.c). */
void ck_union_discriminators(checker *ck);
/* C names of a union's kinds and members, once the type's C name is known. */
void ck_name_union(checker *ck, type_def *t);
/* A composed type's fields, once (its parts first); false after an error. */
bool ck_compose(checker *ck, type_def *t);

/* The shape of one value from its mapping `def`: `type` and the keywords
 * the role allows (check_shape.c). `own_keys` (NULL-terminated) are the
 * other keys the caller reads itself (required, c_name, in, ...); any other
 * key is reported. `what` names the owner in messages. */
/* A type word (string, array, ... or a type's name) into out->kind/ref. */
bool ck_type_word(checker *ck, const node *n, shape *out);

bool ck_shape(checker *ck, const node *def, shape *out, shape_role role,
              const char *const *own_keys, const char *what);

/* A field of an object type from its key and definition (check.c). */
void ck_field(checker *ck, type_def *t, const node *key, const node *def, field *f);

void check_endpoints(checker *ck, const node *endpoints);
void check_examples(checker *ck);

/* `examples: [file, ...]` of a type or a response (check_example_files.c):
 * relative paths that stay inside the spec's directory (no absolute path,
 * no '..'); whether the files hold what they should is for lint and test. */
void ck_example_files(checker *ck, const node *def, example_file **out, size_t *count,
                      const char *what);
void check_names(checker *ck);

#endif
