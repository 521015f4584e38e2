/*
 * model.h — a checked spec: every name resolved, every flag known, every C
 * name decided. check.c builds it from the node tree; view.c reads it. All
 * memory belongs to the spec's arena and goes with spec_free().
 */
#ifndef SPECC_MODEL_H
#define SPECC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "diag.h"
#include "parse.h"

/* ------------------------------------------------------------------ arena */

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
} arena;

void *arena_alloc(arena *a, size_t size); /* zeroed; aborts on out of memory */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...) DIAG_PRINTF(2, 3);
/* Take a malloc'd string into the arena (frees the original); NULL stays NULL. */
char *arena_own(arena *a, char *malloced);
void arena_free(arena *a);

/* ------------------------------------------------------------------ model */

typedef enum shape_kind {
    SHAPE_STRING,
    SHAPE_INTEGER,
    SHAPE_NUMBER,
    SHAPE_BOOLEAN,
    SHAPE_DECIMAL,
    SHAPE_ANY,
    SHAPE_ARRAY,
    SHAPE_MAP,
    SHAPE_REF /* a named type */
} shape_kind;

typedef enum format_kind {
    FORMAT_NONE,
    FORMAT_DATE,
    FORMAT_DATE_TIME,
    FORMAT_UUID,
    FORMAT_URI,
    FORMAT_EMAIL,
    FORMAT_UNIX_TIME,
    FORMAT_INT32, /* integer: an int32_t member (the runtime's SPECC_KIND_INT32) */
    FORMAT_HOSTNAME,
    FORMAT_IPV4,
    FORMAT_IPV6,
    FORMAT_BYTE
} format_kind;

typedef enum unknown_policy { UNKNOWN_PRESERVE, UNKNOWN_IGNORE, UNKNOWN_REJECT } unknown_policy;

typedef struct enum_value {
    char *text;      /* string enums: the JSON string */
    size_t text_len;
    int64_t number;  /* integer enums */
    char *c_suffix;  /* upper-case part of the C constant: "DB", "HARDCODED" */
    loc where;
} enum_value;

typedef struct type_def type_def;

/* A sample payload file listed under `examples:` (a type or a response):
 * decoded, validated and round-tripped by `specc lint` and `specc test`. */
typedef struct example_file {
    char *path; /* as written: relative to the spec's directory, inside it */
    loc where;
} example_file;

/* A number bound as written in the spec, kept as text for exact output. */
typedef struct bound {
    bool set;
    char *text;    /* "0", "1.5", "-9223372036854775808" */
    double number; /* its value as a double */
    int64_t integer; /* its value when the shape is an integer */
} bound;

typedef struct size_bound {
    bool set;
    uint64_t value;
} size_bound;

typedef struct shape {
    shape_kind kind;
    loc where;
    format_kind format;
    char *ref_name;       /* SHAPE_REF: as written */
    type_def *ref;        /* SHAPE_REF: resolved (an object, value or union type) */
    struct shape *items;  /* ARRAY items, MAP values */
    bound minimum, maximum;
    bool exclusive_minimum, exclusive_maximum; /* the bounds exclude their value */
    bound multiple_of;
    size_bound min_length, max_length, min_items, max_items;
    bool unique_items;
    char *pattern;
    enum_value *enums;    /* string or integer enum, or NULL */
    size_t enum_count;
    bool open;            /* unknown enum values are kept */
    bool nullable;        /* items/values: null is allowed for each element */
    const node *const_value;   /* `const`: the value it must equal, or NULL */
    char *const_json;          /* ... as JSON text */
    const node *default_value; /* `default` (documentation only), or NULL */
    char *default_json;        /* ... as JSON text */
    bool deprecated, read_only, write_only;
    /* C names decided by check_names: */
    char *c_enum;       /* a string enum: "api_model_tags_item" (type is + "_t") */
    char *c_enum_upper; /* its constants' prefix: "API_MODEL_TAGS_ITEM" */
    char *c_elem;       /* items/values stored in a struct (nullable or open enum):
                           "api_model_tags_item" (type is + "_t") */
} shape;

typedef struct field {
    char *json_name; /* may hold any bytes but NUL */
    size_t json_len;
    char *c_name;    /* struct member */
    loc where;       /* of the key */
    bool required;
    bool nullable;
    char *description; /* raw spec text or NULL */
    const node *example; /* borrowed from the spec's node tree, or NULL */
    shape shape;
    bool has_state;    /* a specc_state member: not (required and not nullable), not any */
    char *c_state;     /* "<c_name>_state" member, when has_state */
    char *c_other;     /* "<c_name>_other" member of an open string enum */
    char *c_enum;      /* string enum: "api_model_source" (type is c_enum + "_t") */
    char *c_enum_upper; /* string enum: "API_MODEL_SOURCE" (constants prefix) */
    bool deprecated;
    const node *key_node, *def_node; /* where it was declared (allOf compares them) */
    char *c_default;   /* scalar with a default: its macro, "API_MODEL_LIMIT_DEFAULT" */
} field;

/* What a named type is. */
typedef enum type_kind {
    TYPE_OBJECT, /* fields (written as `fields:`, or composed with `allOf:`) */
    TYPE_VALUE,  /* one value of any other shape: `type: array, items: ...` */
    TYPE_UNION   /* one of several variants: `oneOf:` */
} type_kind;

/* One variant of a union. */
typedef struct variant {
    shape shape;       /* a kind or a named type (never a union) */
    char *label;       /* for messages: "string", "Customer", "array" */
    char **tags;       /* discriminator values that choose it, as JSON text
                          ("\"push\"", "true"): mapping keys and const */
    size_t tag_count;
    char *c_member;    /* member of the C union: "string", "customer" */
    char *c_kind;      /* its kind constant: "API_CUSTOMER_REF_CUSTOMER" */
    loc where;
} variant;

typedef struct union_def {
    variant *variants;
    size_t variant_count;
    char *discriminator;     /* property name, or NULL: told apart by JSON kind */
    size_t default_variant;  /* index + 1 of the variant for an absent key; 0: none */
    bool open;               /* an unmapped value is kept as sent */
    char *c_kind_enum;       /* "api_customer_ref_kind" (type is + "_t") */
    char *c_kind_upper;      /* "API_CUSTOMER_REF" (constants prefix) */
    loc where;
} union_def;

struct type_def {
    char *name;   /* "Model" */
    char *c_name; /* "api_model": struct tag, function prefix; type is c_name + "_t" */
    loc where;
    char *description;
    type_kind kind;
    unknown_policy unknown;
    field *fields;       /* TYPE_OBJECT */
    size_t field_count;
    shape value;         /* TYPE_VALUE */
    union_def *u;        /* TYPE_UNION */
    bool is_inline;      /* made for an inline expression (a response, a field's oneOf) */
    bool deprecated;
    const node *def;     /* its definition, for the passes after naming */
    example_file *examples; /* sample payloads of this type */
    size_t example_count;
    int compose_state;   /* allOf: 0 not yet, 1 being composed, 2 done */
};

typedef enum param_in { PARAM_PATH, PARAM_QUERY, PARAM_HEADER } param_in;

typedef struct param {
    char *name;
    char *c_name; /* member of the params struct */
    char *c_has;  /* "has_<c_name>" member for optional non-string kinds, else NULL */
    loc where;
    param_in in;
    bool required;
    bool keep_slashes;
    bool explode;  /* query arrays: k=a&k=b (default), else k=a,b */
    char *description;
    shape shape; /* STRING, INTEGER, NUMBER or BOOLEAN; ARRAY of those in a query */
} param;

typedef enum status_kind { STATUS_EXACT, STATUS_RANGE, STATUS_DEFAULT } status_kind;

typedef struct response {
    int status;         /* STATUS_EXACT: 200; STATUS_RANGE: 200 for 2XX; DEFAULT: 0 */
    status_kind status_kind;
    char *status_text;  /* "200", "2XX", "default" */
    type_def *type; /* NULL: the response has no body */
    char *description;
    loc where;
    example_file *examples; /* sample bodies of this response */
    size_t example_count;
} response;

typedef struct request_body {
    type_def *type;
    bool required;
    char *description;
    loc where;
} request_body;

typedef struct endpoint {
    char *name;   /* get_model */
    char *c_name; /* api_get_model: prefix of its C names */
    loc where;
    char *method; /* GET */
    char *path;   /* /v1/models/{model_id} */
    char *description;
    param *params;
    size_t param_count;
    request_body *body; /* NULL: no request body */
    response *responses;
    size_t response_count;
} endpoint;

typedef struct spec {
    arena mem;
    const char *file;
    int version; /* the spec language: 1 or 2 */
    node *root; /* kept: examples point into it */
    char *api;  /* C prefix and file stem */
    char *api_upper;
    char *title;
    char *docs;
    char *base_url;
    char *description;
    char **auth;
    size_t auth_count;
    endpoint *endpoints;
    size_t endpoint_count;
    type_def *types; /* named types in spec order, then inline ones as met */
    size_t type_count;
    size_t type_cap; /* room reserved for inline types (pointers into types stay valid) */
} spec;

/* Parse and check one spec file. Returns NULL after reporting every problem
 * found through diag. */
spec *spec_load(const char *path);

/* Check an already-parsed tree (takes ownership of root). */
spec *spec_check(const char *path, node *root);

void spec_free(spec *s);

/* A YAML node as a new JSON value, by the plain-scalar rules of parse.h
 * (node_json.c): for examples, `const` and `default`. */
json_t *node_json(const node *n);

/* ------------------------------------------- the tables (model_tables.c) */

/* One row per value kind. */
typedef struct kind_info {
    shape_kind kind;
    const char *name;       /* the spec's word: "string"; "object" for SHAPE_REF */
    int runtime;            /* the runtime's SPECC_KIND_* (a specc_kind) */
    const char *c_type;     /* C type of a value stored by value; NULL: built per shape */
    bool param;             /* allowed as a request parameter */
} kind_info;

/* One row per format name (several names may share FORMAT_NONE). */
typedef struct format_info {
    format_kind format;
    const char *name;       /* the spec's and JSON Schema's spelling: "date-time" */
    int runtime;            /* the runtime's SPECC_FORMAT_* (a specc_format) ... */
    const char *c_constant; /* ... and its name */
    shape_kind applies_to;  /* the kind it belongs to */
    bool in_schema;         /* written as JSON Schema's "format" */
    int version;            /* the spec language version that has it */
} format_info;

const kind_info *kind_get(shape_kind kind);
const kind_info *kind_find(const char *word); /* a spec word, or NULL */
/* The spec words of the kinds, into out (at most max); returns the count. */
size_t kind_words(const char **out, size_t max);

const format_info *format_get(format_kind format);
const format_info *format_find(const char *name); /* or NULL */
/* Format names (of one kind, or all with SHAPE_ANY), into out; returns the count. */
size_t format_names(const char **out, size_t max, shape_kind only);

const char *shape_kind_name(shape_kind kind); /* "string", ... "object" */
const char *format_name(format_kind format);  /* "date-time", "" for none */

/* The typed wrappers of the runtime's value-building helpers that a field
 * or value type gets (build_ops.c). The set operations come first. */
typedef enum build_op {
    BUILD_SET_STRING,         /* T_set_F(v, "text") */
    BUILD_SET_SCALAR,         /* T_set_F(v, x): integer, number, boolean, enum */
    BUILD_SET_DECIMAL,        /* T_set_F(v, "0.10") */
    BUILD_SET_DECIMAL_DOUBLE, /* T_set_F_double(v, 0.1) */
    BUILD_VARIANT,            /* T_set_F(v, KIND): a union's variant; T_set_variant */
    BUILD_STATE,              /* T_set_F_state(v, SPECC_NULL): a field with a state */
    BUILD_NEW,                /* T_F_new(v): a new object in the field */
    BUILD_APPEND,             /* T_F_append(v): a new item */
    BUILD_APPEND_STRING,      /* T_F_append(v, "text") */
    BUILD_PUT,                /* T_F_put(v, key): the entry's value */
    BUILD_PUT_STRING,         /* T_F_put(v, key, "text") */
    BUILD_GET,                /* T_F_get(v, key) */
    BUILD_GET_STRING,         /* T_F_get(v, key): const char * */
    BUILD_REMOVE              /* T_F_remove(v, key) */
} build_op;
#define BUILD_OPS_MAX 4

/* The shape the wrappers work on: a named value type's own shape. */
const shape *build_shape(const shape *sh);
/* The operations for a field (its shape, and whether it has a state
 * member) or, with f NULL, for a value type of shape sh, into ops
 * (BUILD_OPS_MAX); returns how many. */
size_t build_ops(const shape *sh, const field *f, build_op *ops);
/* "T_set_F", "T_F_append" for the field member; with member NULL (a value type) "T_set", "T_append". */
char *build_name(const char *type, const char *member, build_op op); /* malloc */

#endif
