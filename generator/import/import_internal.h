/*
 * import_internal.h — shared by the import_*.c files: the importer's state,
 * the types it drafts, and the steps (refs → schemas → unions → operations
 * → names), each in its own file.
 */
#ifndef SPECC_IMPORT_INTERNAL_H
#define SPECC_IMPORT_INTERNAL_H

#include <jansson.h>

#include "draft.h"
#include "import.h"
#include "import_examples.h"
#include "parse.h"

typedef struct imp_type imp_type;

/* What a schema becomes at one place. */
typedef struct imp_shape {
    draft_node *def;  /* a mapping: type and keywords */
    bool nullable;
    imp_type *named;  /* type: <named type>, or NULL */
} imp_shape;

/* A named type of the draft: a component schema, or an inline object or
 * union that needs a name. */
struct imp_type {
    char *name;          /* its name in the draft (unique, a valid type name) */
    char *wanted;        /* the name it was given first (notes on renames) */
    const node *schema;  /* the schema it is drafted from */
    char *pointer;       /* JSON pointer of the schema */
    draft_node *def;     /* its definition (under types:) */
    bool is_union;
    bool is_object;      /* an object type (fields or allOf) */
    bool nullable;       /* the schema takes null too: every use is nullable */
    bool drafted;
    bool pending;        /* an object whose fields are drafted later (imp_draft_types) */
    bool dropped;        /* not a type after all (its uses hold a copy of def) */
    draft_node *ref;     /* the scalar every use of it shares (renames change it) */
    draft_node *key;     /* its key under types: */
    imp_type *alias;     /* not a type after all: the one type it stands for */
    imp_shape *variants; /* a union's variants (to flatten it into another) */
    size_t variant_count;
};

/* What a droppable value (a default, const or example) is about. */
typedef struct drop_info {
    const node *src;
    const char *ptr;
    draft_node *parent;
} drop_info;

/* Where a shape goes: each allows its own keywords (check_shape.c). */
typedef enum imp_role { IR_FIELD, IR_ELEMENT, IR_VARIANT, IR_PARAM, IR_VALUE } imp_role;

typedef struct importer {
    const char *file;
    node *root;
    const import_options *o;
    int minor; /* OpenAPI 3.<minor> */
    draft d;
    draft_node *spec, *types, *endpoints;
    imp_type **types_list; /* in the order they are made */
    size_t type_count, type_cap;
    json_t *by_node;      /* "%p" of a schema node → index into types_list */
    json_t *taken;        /* draft type names in use → 1 */
    json_t *reasons;      /* not-expressed reason → count */
    json_t *refs;         /* memo: $ref text → its node */
    json_t *components;   /* "%p" of a component schema → its index */
    imp_type **roots;     /* the types --schema names */
    size_t root_count;
    json_t *endpoint_of;  /* "%p" of an operation node → its endpoint name */
    import_examples examples; /* every example of the description */
    bool failed;          /* an error in the input was reported */
    bool oom;
    int depth;            /* nesting of schema translation */
} importer;

#define IMP_MAX_DEPTH 200

/* ---- import.c ---- */
bool imp_oom(importer *im); /* marks and returns true when out of memory */
/* A warning and a comment for what cannot be expressed: `reason` is one of
 * a fixed list (the README justifies each), ptr the JSON pointer. */
void imp_not_expressed(importer *im, draft_node *at, const node *where, const char *reason,
                       const char *ptr);
char *imp_ptr(importer *im, const char *base, const char *key); /* base + "/" + escaped key */
char *imp_ptr_index(importer *im, const char *base, size_t i);

/* ---- import_refs.c ---- */
/* The node a local $ref points to, or NULL after an error (broken) or,
 * for an external $ref, with *external set. *ptr gets the pointer text. */
const node *imp_resolve(importer *im, const node *ref, bool *external);
/* schema, with $ref followed (chains too); NULL on a broken ref (reported)
 * or an external one (*external). *ptr is updated to the target's pointer. */
const node *imp_follow(importer *im, const node *schema, char **ptr, bool *external);
/* The name of the component schema n is (#/components/schemas/NAME), or NULL. */
const char *imp_component_name(importer *im, const node *n);

/* ---- import_schema.c ---- */
/* The shape of schema at a place; name_hint names an inline object or
 * union made here. Never NULL unless out of memory. */
imp_shape imp_schema(importer *im, const node *schema, const char *ptr, const char *name_hint);
/* schema as if its type were `word` (one of a list of types). */
imp_shape imp_typed(importer *im, const node *schema, const char *word, const char *ptr,
                    const char *hint);
/* Fit a shape's keywords to its role: what the role cannot hold is left
 * out, with a comment. */
void imp_fit(importer *im, imp_shape *sh, imp_role role, const node *where, const char *ptr);
/* The named type of a schema node (made, and queued, on first use). */
imp_type *imp_named(importer *im, const node *schema, const char *ptr, const char *name);
/* The named type made from schema, or NULL. */
imp_type *imp_known(importer *im, const node *schema);
/* properties (and required keys they do not declare) as a fields map. */
draft_node *imp_fields(importer *im, const node *schema, const char *ptr, const char *owner);
/* Draft every queued type. */
void imp_draft_types(importer *im);
/* Draft t now if it is queued (its fields are needed). */
void imp_draft_pending(importer *im, imp_type *t);
/* A use of a named type: {type: Name} (or a copy of its definition when it
 * turned out not to be an object or a union). */
imp_shape imp_use(importer *im, imp_type *t);
imp_shape imp_object(importer *im, const node *schema, const char *ptr, const char *hint);
imp_shape imp_all_of(importer *im, const node *schema, const char *ptr, const char *hint);
void imp_droppable(importer *im, draft_node *value, draft_node *parent, const node *src,
                   const char *ptr);
/* `type: any` with a not-expressed comment. */
draft_node *imp_any(importer *im, const node *where, const char *reason, const char *ptr);
/* Is this shape `type: any`? */
bool imp_is_any(const draft_node *def);

/* The field `key` of a named object type (composed through allOf), or NULL. */
const draft_node *imp_field_of(importer *im, const imp_type *t, const char *key);

/* Every field of a named object type, composed (key → definition). */
draft_node *imp_composed_fields(importer *im, const imp_type *t);

/* ---- import_reach.c ---- */
/* Leave out the types that neither the endpoints nor roots reach. */
void imp_reach(importer *im, imp_type *const *roots, size_t root_count);

/* ---- import_union.c ---- */
/* oneOf / anyOf (list) of schema: a named union, a single shape, or any. */
imp_shape imp_union(importer *im, const node *schema, const node *list, const char *ptr,
                    const char *name_hint);

/* ---- import_ops.c ---- */
void imp_operations(importer *im);

/* ---- import_names.c ---- */
/* "retrieveModel" → "retrieve_model"; NULL if nothing is left. */
char *imp_snake(importer *im, const char *s);
/* "chat.completion-chunk" → "ChatCompletionChunk" (a valid type name). */
char *imp_pascal(importer *im, const char *s);
/* A free type name from wanted (Name, Name2, ...), taken. */
char *imp_take_type_name(importer *im, const char *wanted);
/* C names: every clash settled with a rename or a c_name (and a note). */
void imp_settle_names(importer *im);

/* ---- import_pattern.c ---- */
/* ECMA-262 pattern → POSIX ERE (malloc'd), or NULL when no exact one. */
char *imp_pattern(const char *ecma, size_t len);

#endif
