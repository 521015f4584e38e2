/*
 * test_union.c — runtime version 3 unions (SPECC_KIND_UNION): variants
 * chosen by JSON kind and by discriminator (with a default variant, open
 * and closed), unions in fields, arrays, maps, value types and unions;
 * encode, validate, equal, clear; errors with their path and message;
 * allocation failures; hostile input (deep nesting through unions, a
 * repeated or odd discriminator, a union descriptor that contains itself).
 */
#include "v3_check.h"

/* ---------------------------------------------------------------- Source */

typedef struct t_source {
    char *id;
    specc_state exp_month_state;
    int64_t exp_month;
    specc_unknown _unknown;
} t_source_t;

static const specc_field source_fields[] = {
    {.name = "id", .name_len = 2, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_source_t, id),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "exp_month", .name_len = 9, .flags = SPECC_F_STATE,
     .offset = offsetof(t_source_t, exp_month),
     .state_offset = offsetof(t_source_t, exp_month_state),
     .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_MINIMUM | SPECC_S_MAXIMUM,
               .min_int = 1, .max_int = 12}},
};
static const specc_type source_desc = {.name = "Source", .size = sizeof(t_source_t),
                                       .fields = source_fields, .field_count = 2,
                                       .unknown = SPECC_UNKNOWN_PRESERVE,
                                       .unknown_offset = offsetof(t_source_t, _unknown)};

/* ------------------------------------------------- Ref: oneOf [string, Source] */

typedef enum t_ref_kind { T_REF_NONE = 0, T_REF_STRING = 1, T_REF_SOURCE = 2 } t_ref_kind_t;
typedef struct t_ref {
    t_ref_kind_t kind;
    union {
        char *string;
        t_source_t *source;
    } as;
} t_ref_t;

static const specc_variant ref_variants[] = {
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_MIN_LENGTH,
                                 .min_length = 1}},
    {.name = "Source", .shape = {.kind = SPECC_KIND_OBJECT, .type = &source_desc}},
};
static const specc_union ref_union = {
    .name = "Ref", .kind_offset = offsetof(t_ref_t, kind), .value_offset = offsetof(t_ref_t, as),
    .variants = ref_variants, .variant_count = 2, .size = sizeof(t_ref_t)};
static const specc_shape ref_shape = {.kind = SPECC_KIND_UNION, .union_ = &ref_union};
static const specc_type ref_desc = {.name = "Ref", .size = sizeof(t_ref_t),
                                    .kind = SPECC_TYPE_VALUE, .value = &ref_shape};

/* Model: a union in a field (optional, nullable), in an array, in a map. */
typedef struct t_model {
    specc_state default_source_state;
    t_ref_t default_source;
    specc_state refs_state;
    struct {
        t_ref_t *items;
        size_t count;
    } refs;
    specc_state by_id_state;
    struct {
        char **keys;
        t_ref_t *values;
        size_t count;
    } by_id;
    t_ref_t must; /* required, not nullable: no state */
} t_model_t;

#define MODEL_STATE(m) .flags = SPECC_F_STATE, .state_offset = offsetof(t_model_t, m##_state), \
                       .offset = offsetof(t_model_t, m)
static const specc_field model_fields[] = {
    {.name = "default_source", .name_len = 14, .flags = SPECC_F_STATE | SPECC_F_NULLABLE,
     .state_offset = offsetof(t_model_t, default_source_state),
     .offset = offsetof(t_model_t, default_source),
     .shape = {.kind = SPECC_KIND_UNION, .union_ = &ref_union}},
    {.name = "refs", .name_len = 4, MODEL_STATE(refs),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &ref_shape}},
    {.name = "by_id", .name_len = 5, MODEL_STATE(by_id),
     .shape = {.kind = SPECC_KIND_MAP, .items = &ref_shape}},
    {.name = "must", .name_len = 4, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_model_t, must),
     .shape = {.kind = SPECC_KIND_UNION, .union_ = &ref_union}},
};
static const specc_type model_desc = {.name = "Model", .size = sizeof(t_model_t),
                                      .fields = model_fields, .field_count = 4,
                                      .unknown = SPECC_UNKNOWN_REJECT};

/* ------------------------------------- Val: open [integer, number, string] */

typedef struct t_val {
    int kind;
    union {
        int64_t integer;
        double number;
        char *string;
    } as;
    char *other;
} t_val_t;

static const specc_variant val_variants[] = {
    {.name = "integer", .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "number", .shape = {.kind = SPECC_KIND_NUMBER}},
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_union val_union = {
    .name = "Val", .kind_offset = offsetof(t_val_t, kind), .value_offset = offsetof(t_val_t, as),
    .other_offset = offsetof(t_val_t, other), .variants = val_variants, .variant_count = 3,
    .open = true, .size = sizeof(t_val_t)};
static const specc_shape val_shape = {.kind = SPECC_KIND_UNION, .union_ = &val_union};
static const specc_type val_desc = {.name = "Val", .size = sizeof(t_val_t),
                                    .kind = SPECC_TYPE_VALUE, .value = &val_shape};

/* ------------------- Mixed: [number, boolean, string[], {int}, int32] */

typedef struct t_mixed {
    int kind;
    union {
        double number;
        bool boolean;
        struct {
            char **items;
            size_t count;
        } array;
        struct {
            char **keys;
            int64_t *values;
            size_t count;
        } map;
        int32_t int32;
    } as;
} t_mixed_t;

static const specc_shape int64_shape = {.kind = SPECC_KIND_INTEGER};
static const specc_variant mixed_variants[] = {
    {.name = "number", .shape = {.kind = SPECC_KIND_NUMBER}},
    {.name = "boolean", .shape = {.kind = SPECC_KIND_BOOLEAN}},
    {.name = "array", .shape = {.kind = SPECC_KIND_ARRAY, .items = &demo_string_shape}},
    {.name = "Counts", .shape = {.kind = SPECC_KIND_MAP, .items = &int64_shape}},
    {.name = "integer", .shape = {.kind = SPECC_KIND_INT32}},
};
static const specc_union mixed_union = {
    .name = "Mixed", .kind_offset = offsetof(t_mixed_t, kind),
    .value_offset = offsetof(t_mixed_t, as), .variants = mixed_variants, .variant_count = 5,
    .size = sizeof(t_mixed_t)};
static const specc_shape mixed_shape = {.kind = SPECC_KIND_UNION, .union_ = &mixed_union};
static const specc_type mixed_desc = {.name = "Mixed", .size = sizeof(t_mixed_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &mixed_shape};

/* Dec: [decimal, boolean]: a decimal takes numbers and strings. */
typedef struct t_dec {
    int kind;
    union {
        specc_decimal decimal;
        bool boolean;
    } as;
} t_dec_t;
static const specc_variant dec_variants[] = {
    {.name = "decimal", .shape = {.kind = SPECC_KIND_DECIMAL}},
    {.name = "boolean", .shape = {.kind = SPECC_KIND_BOOLEAN}},
};
static const specc_union dec_union = {
    .name = "Dec", .kind_offset = offsetof(t_dec_t, kind), .value_offset = offsetof(t_dec_t, as),
    .variants = dec_variants, .variant_count = 2, .size = sizeof(t_dec_t)};
static const specc_shape dec_shape = {.kind = SPECC_KIND_UNION, .union_ = &dec_union};
static const specc_type dec_desc = {.name = "Dec", .size = sizeof(t_dec_t),
                                    .kind = SPECC_TYPE_VALUE, .value = &dec_shape};

/* ----------------------------------------------- Event: by discriminator */

typedef struct t_push {
    char *type;
    int64_t commits;
} t_push_t;
typedef struct t_star {
    char *type;
    specc_state stars_state;
    int64_t stars;
    specc_unknown _unknown;
} t_star_t;

static const specc_field push_fields[] = {
    {.name = "type", .name_len = 4, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_push_t, type),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "commits", .name_len = 7, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(t_push_t, commits), .shape = {.kind = SPECC_KIND_INTEGER,
                                                      .flags = SPECC_S_MINIMUM, .min_int = 0}},
};
static const specc_type push_desc = {.name = "PushEvent", .size = sizeof(t_push_t),
                                     .fields = push_fields, .field_count = 2,
                                     .unknown = SPECC_UNKNOWN_IGNORE};
static const specc_field star_fields[] = {
    {.name = "type", .name_len = 4, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_star_t, type),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "stars", .name_len = 5, .flags = SPECC_F_STATE, .offset = offsetof(t_star_t, stars),
     .state_offset = offsetof(t_star_t, stars_state), .shape = {.kind = SPECC_KIND_INTEGER}},
};
static const specc_type star_desc = {.name = "StarEvent", .size = sizeof(t_star_t),
                                     .fields = star_fields, .field_count = 2,
                                     .unknown = SPECC_UNKNOWN_PRESERVE,
                                     .unknown_offset = offsetof(t_star_t, _unknown)};

typedef struct t_event {
    int kind;
    union {
        t_push_t *push;
        t_star_t *star;
    } as;
    char *other;
} t_event_t;

static const specc_variant event_variants[] = {
    {.name = "PushEvent", .shape = {.kind = SPECC_KIND_OBJECT, .type = &push_desc},
     .tag = "\"push\"", .tag_len = 6},
    {.name = "StarEvent", .shape = {.kind = SPECC_KIND_OBJECT, .type = &star_desc},
     .tag = "\"star\"", .tag_len = 6},
};
#define EVENT_UNION(open_)                                                                          \
    {.name = "Event", .kind_offset = offsetof(t_event_t, kind),                                    \
     .value_offset = offsetof(t_event_t, as), .other_offset = offsetof(t_event_t, other),          \
     .variants = event_variants, .variant_count = 2, .discriminator = "type",                      \
     .discriminator_len = 4, .open = (open_), .size = sizeof(t_event_t)}
static const specc_union event_union = EVENT_UNION(false);
static const specc_union open_event_union = EVENT_UNION(true);
static const specc_shape event_shape = {.kind = SPECC_KIND_UNION, .union_ = &event_union};
static const specc_shape open_event_shape = {.kind = SPECC_KIND_UNION,
                                             .union_ = &open_event_union};
static const specc_type event_desc = {.name = "Event", .size = sizeof(t_event_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &event_shape};
static const specc_type open_event_desc = {.name = "OpenEvent", .size = sizeof(t_event_t),
                                           .kind = SPECC_TYPE_VALUE, .value = &open_event_shape};

/* ------------------ AnyCustomer: "deleted": true selects Deleted; default */

typedef struct t_customer {
    char *id;
    specc_unknown _unknown;
} t_customer_t;
typedef struct t_deleted {
    char *id;
    bool deleted;
} t_deleted_t;

static const specc_field customer_fields[] = {
    {.name = "id", .name_len = 2, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(t_customer_t, id), .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_type customer_desc = {.name = "Customer", .size = sizeof(t_customer_t),
                                         .fields = customer_fields, .field_count = 1,
                                         .unknown = SPECC_UNKNOWN_PRESERVE,
                                         .unknown_offset = offsetof(t_customer_t, _unknown)};
static const specc_field deleted_fields[] = {
    {.name = "id", .name_len = 2, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_deleted_t, id),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "deleted", .name_len = 7, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(t_deleted_t, deleted), .shape = {.kind = SPECC_KIND_BOOLEAN}},
};
static const specc_type deleted_desc = {.name = "DeletedCustomer", .size = sizeof(t_deleted_t),
                                        .fields = deleted_fields, .field_count = 2,
                                        .unknown = SPECC_UNKNOWN_REJECT};

typedef struct t_anycus {
    int kind;
    union {
        t_customer_t *customer;
        t_deleted_t *deleted;
    } as;
} t_anycus_t;

static const specc_variant anycus_variants[] = {
    {.name = "Customer", .shape = {.kind = SPECC_KIND_OBJECT, .type = &customer_desc}},
    {.name = "DeletedCustomer", .shape = {.kind = SPECC_KIND_OBJECT, .type = &deleted_desc},
     .tag = "true", .tag_len = 4},
};
static const specc_union anycus_union = {
    .name = "AnyCustomer", .kind_offset = offsetof(t_anycus_t, kind),
    .value_offset = offsetof(t_anycus_t, as), .variants = anycus_variants, .variant_count = 2,
    .discriminator = "deleted", .discriminator_len = 7, .default_variant = 1,
    .size = sizeof(t_anycus_t)};
static const specc_shape anycus_shape = {.kind = SPECC_KIND_UNION, .union_ = &anycus_union};
static const specc_type anycus_desc = {.name = "AnyCustomer", .size = sizeof(t_anycus_t),
                                       .kind = SPECC_TYPE_VALUE, .value = &anycus_shape};

/* ------------------------- Outer: [boolean, Inner: [integer, string]] */

typedef struct t_inner {
    int kind;
    union {
        int64_t integer;
        char *string;
    } as;
} t_inner_t;
typedef struct t_outer {
    int kind;
    union {
        bool boolean;
        t_inner_t inner;
    } as;
} t_outer_t;

static const specc_variant inner_variants[] = {
    {.name = "integer", .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_union inner_union = {
    .name = "Inner", .kind_offset = offsetof(t_inner_t, kind),
    .value_offset = offsetof(t_inner_t, as), .variants = inner_variants, .variant_count = 2,
    .size = sizeof(t_inner_t)};
static const specc_variant outer_variants[] = {
    {.name = "boolean", .shape = {.kind = SPECC_KIND_BOOLEAN}},
    {.name = "Inner", .shape = {.kind = SPECC_KIND_UNION, .union_ = &inner_union}},
};
static const specc_union outer_union = {
    .name = "Outer", .kind_offset = offsetof(t_outer_t, kind),
    .value_offset = offsetof(t_outer_t, as), .variants = outer_variants, .variant_count = 2,
    .size = sizeof(t_outer_t)};
static const specc_shape outer_shape = {.kind = SPECC_KIND_UNION, .union_ = &outer_union};
static const specc_type outer_desc = {.name = "Outer", .size = sizeof(t_outer_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &outer_shape};

/* Outer2: [integer, NumStr: [number, string]]: a number inside must not be
 * written as an integer literal (the outer union would take it). */
typedef struct t_numstr {
    int kind;
    union {
        double number;
        char *string;
    } as;
} t_numstr_t;
typedef struct t_outer2 {
    int kind;
    union {
        int64_t integer;
        t_numstr_t numstr;
    } as;
} t_outer2_t;
static const specc_variant numstr_variants[] = {
    {.name = "number", .shape = {.kind = SPECC_KIND_NUMBER}},
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_union numstr_union = {
    .name = "NumStr", .kind_offset = offsetof(t_numstr_t, kind),
    .value_offset = offsetof(t_numstr_t, as), .variants = numstr_variants, .variant_count = 2,
    .size = sizeof(t_numstr_t)};
static const specc_variant outer2_variants[] = {
    {.name = "integer", .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "NumStr", .shape = {.kind = SPECC_KIND_UNION, .union_ = &numstr_union}},
};
static const specc_union outer2_union = {
    .name = "Outer2", .kind_offset = offsetof(t_outer2_t, kind),
    .value_offset = offsetof(t_outer2_t, as), .variants = outer2_variants, .variant_count = 2,
    .size = sizeof(t_outer2_t)};
static const specc_shape outer2_shape = {.kind = SPECC_KIND_UNION, .union_ = &outer2_union};
static const specc_type outer2_desc = {.name = "Outer2", .size = sizeof(t_outer2_t),
                                       .kind = SPECC_TYPE_VALUE, .value = &outer2_shape};
static const specc_type numstr_desc = {.name = "NumStr", .size = sizeof(t_numstr_t),
                                       .kind = SPECC_TYPE_VALUE, .value = &(const specc_shape){
                                           .kind = SPECC_KIND_UNION, .union_ = &numstr_union}};

/* ------------------ Tree: [integer, Tree[]], Node: [string, {next: Node}] */

typedef struct t_tree t_tree_t;
struct t_tree {
    int kind;
    union {
        int64_t leaf;
        struct {
            t_tree_t *items;
            size_t count;
        } branch;
    } as;
};
extern const specc_union tree_union;
static const specc_shape tree_shape = {.kind = SPECC_KIND_UNION, .union_ = &tree_union};
static const specc_variant tree_variants[] = {
    {.name = "integer", .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "array", .shape = {.kind = SPECC_KIND_ARRAY, .items = &tree_shape}},
};
const specc_union tree_union = {
    .name = "Tree", .kind_offset = offsetof(t_tree_t, kind), .value_offset = offsetof(t_tree_t, as),
    .variants = tree_variants, .variant_count = 2, .size = sizeof(t_tree_t)};
static const specc_type tree_desc = {.name = "Tree", .size = sizeof(t_tree_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &tree_shape};

typedef struct t_nodeobj t_nodeobj_t;
typedef struct t_node {
    int kind;
    union {
        char *string;
        t_nodeobj_t *obj;
    } as;
} t_node_t;
struct t_nodeobj {
    specc_state next_state;
    t_node_t next;
};
extern const specc_type nodeobj_desc;
static const specc_variant node_variants[] = {
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "NodeObj", .shape = {.kind = SPECC_KIND_OBJECT, .type = &nodeobj_desc}},
};
static const specc_union node_union = {
    .name = "Node", .kind_offset = offsetof(t_node_t, kind), .value_offset = offsetof(t_node_t, as),
    .variants = node_variants, .variant_count = 2, .size = sizeof(t_node_t)};
static const specc_shape node_shape = {.kind = SPECC_KIND_UNION, .union_ = &node_union};
static const specc_field nodeobj_fields[] = {
    {.name = "next", .name_len = 4, .flags = SPECC_F_STATE | SPECC_F_NULLABLE,
     .offset = offsetof(t_nodeobj_t, next), .state_offset = offsetof(t_nodeobj_t, next_state),
     .shape = {.kind = SPECC_KIND_UNION, .union_ = &node_union}},
};
const specc_type nodeobj_desc = {.name = "NodeObj", .size = sizeof(t_nodeobj_t),
                                 .fields = nodeobj_fields, .field_count = 1,
                                 .unknown = SPECC_UNKNOWN_IGNORE};
static const specc_type node_desc = {.name = "Node", .size = sizeof(t_node_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &node_shape};

/* Chain: {"next": Chain, "t": "link"} or an End (the default, no tag):
 * nested discriminated unions, for the scan-ahead and its notes. */
typedef struct t_link t_link_t;
typedef struct t_end {
    specc_state t_state;
    char *t;
} t_end_t;
typedef struct t_chain {
    int kind;
    union {
        t_link_t *link;
        t_end_t *end;
    } as;
} t_chain_t;
struct t_link {
    specc_state next_state;
    t_chain_t next;
    char *t;
};
extern const specc_union chain_union;
static const specc_field link_fields[] = {
    {.name = "next", .name_len = 4, .flags = SPECC_F_STATE, .offset = offsetof(t_link_t, next),
     .state_offset = offsetof(t_link_t, next_state),
     .shape = {.kind = SPECC_KIND_UNION, .union_ = &chain_union}},
    {.name = "t", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_link_t, t),
     .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_type link_desc = {.name = "Link", .size = sizeof(t_link_t),
                                     .fields = link_fields, .field_count = 2,
                                     .unknown = SPECC_UNKNOWN_IGNORE};
static const specc_field end_fields[] = {
    {.name = "t", .name_len = 1, .flags = SPECC_F_STATE, .offset = offsetof(t_end_t, t),
     .state_offset = offsetof(t_end_t, t_state), .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_type end_desc = {.name = "End", .size = sizeof(t_end_t),
                                    .fields = end_fields, .field_count = 1,
                                    .unknown = SPECC_UNKNOWN_IGNORE};
static const specc_variant chain_variants[] = {
    {.name = "Link", .shape = {.kind = SPECC_KIND_OBJECT, .type = &link_desc},
     .tag = "\"link\"", .tag_len = 6},
    {.name = "End", .shape = {.kind = SPECC_KIND_OBJECT, .type = &end_desc},
     .tag = "\"end\"", .tag_len = 5},
};
const specc_union chain_union = {
    .name = "Chain", .kind_offset = offsetof(t_chain_t, kind),
    .value_offset = offsetof(t_chain_t, as), .variants = chain_variants, .variant_count = 2,
    .discriminator = "t", .discriminator_len = 1, .default_variant = 2,
    .size = sizeof(t_chain_t)};
static const specc_shape chain_shape = {.kind = SPECC_KIND_UNION, .union_ = &chain_union};
static const specc_type chain_desc = {.name = "Chain", .size = sizeof(t_chain_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &chain_shape};

/* Loop: a broken descriptor, a union whose first variant is itself (every
 * member at offset 0, so nothing is written out of bounds). */
typedef struct t_loop {
    int kind;
    char pad[sizeof(char *)];
} t_loop_t;
extern const specc_union loop_union;
static const specc_variant loop_variants[] = {
    {.name = "Loop", .shape = {.kind = SPECC_KIND_UNION, .union_ = &loop_union}},
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING}},
};
const specc_union loop_union = {.name = "Loop", .variants = loop_variants, .variant_count = 2,
                                .size = sizeof(t_loop_t)};
static const specc_shape loop_shape = {.kind = SPECC_KIND_UNION, .union_ = &loop_union};
static const specc_type loop_desc = {.name = "Loop", .size = sizeof(t_loop_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &loop_shape};

/* ----------------------------------------------------- choosing by kind */

static void test_by_kind(void)
{
    t_model_t m;
    t_ref_t r;
    t_mixed_t x;
    t_dec_t dd;

    if (DEC_OK(&model_desc, "{\"default_source\":\"src_1\",\"must\":{\"id\":\"s\",\"z\":[1]}}", &m)) {
        CHECK(m.default_source_state == SPECC_PRESENT && m.default_source.kind == T_REF_STRING);
        CHECK_STR(m.default_source.as.string, "src_1");
        CHECK(m.must.kind == T_REF_SOURCE && m.must.as.source != NULL);
        CHECK_STR(m.must.as.source->id, "s");
        CHECK(m.must.as.source->_unknown.count == 1);
        specc_clear(&model_desc, &m);
        CHECK(all_zero(&m, sizeof m));
    }
    ROUNDTRIP(&model_desc, "{\"default_source\":{\"id\":\"x\",\"exp_month\":4},\"must\":\"y\"}", NULL);
    ROUNDTRIP(&model_desc, "{\"default_source\":null,\"refs\":[\"a\",{\"id\":\"b\"}],"
                           "\"by_id\":{\"k\":{\"id\":\"c\"},\"l\":\"d\"},\"must\":\"e\"}", NULL);
    DEC_ERR(&model_desc, "{\"default_source\":7,\"must\":\"y\"}", SPECC_ERR_TYPE,
            "$.default_source", "expected string or object (Source), got number 7");
    DEC_ERR(&model_desc, "{\"must\":[]}", SPECC_ERR_TYPE, "$.must",
            "expected string or object (Source), got array");
    DEC_ERR(&model_desc, "{\"must\":null}", SPECC_ERR_NULL, "$.must",
            "expected string or object (Source), got null");
    DEC_ERR(&model_desc, "{\"must\":{\"id\":\"s\",\"exp_month\":\"x\"}}", SPECC_ERR_TYPE,
            "$.must.exp_month", "expected integer, got string \"x\"");
    DEC_ERR(&model_desc, "{\"must\":{}}", SPECC_ERR_MISSING, "$.must.id", "required key is missing");
    DEC_ERR(&model_desc, "{\"must\":\"y\",\"refs\":[\"a\",true]}", SPECC_ERR_TYPE, "$.refs[1]",
            "expected string or object (Source), got boolean true");
    DEC_ERR(&model_desc, "{\"must\":\"y\",\"by_id\":{\"k\":null}}", SPECC_ERR_NULL, "$.by_id.k",
            "expected string or object (Source), got null");
    /* A union as the document. */
    if (DEC_OK(&ref_desc, "{\"id\":\"q\"}", &r)) {
        CHECK(r.kind == T_REF_SOURCE);
        specc_clear(&ref_desc, &r);
    }
    DEC_ERR(&ref_desc, "null", SPECC_ERR_NULL, "$", "expected string or object (Source), got null");
    DEC_ERR(&ref_desc, "1.5", SPECC_ERR_TYPE, "$", "expected string or object (Source), got number 1.5");

    /* Integer literals prefer an integer variant, wherever it is listed. */
    if (DEC_OK(&mixed_desc, "7", &x))
        CHECK(x.kind == 5 && x.as.int32 == 7);
    if (DEC_OK(&mixed_desc, "-0", &x))
        CHECK(x.kind == 5 && x.as.int32 == 0);
    if (DEC_OK(&mixed_desc, "7.5", &x))
        CHECK(x.kind == 1 && x.as.number == 7.5);
    if (DEC_OK(&mixed_desc, "1e2", &x))
        CHECK(x.kind == 1 && x.as.number == 100);
    /* ... and get its range check: no falling back to number. */
    DEC_ERR(&mixed_desc, "3000000000", SPECC_ERR_RANGE, "$",
            "integer 3000000000 is out of range (int32)");
    ROUNDTRIP(&mixed_desc, "true", NULL);
    ROUNDTRIP(&mixed_desc, "[\"a\",\"b\"]", NULL);
    ROUNDTRIP(&mixed_desc, "{\"a\":1,\"b\":-2}", NULL);
    ROUNDTRIP(&mixed_desc, "0.5", NULL);
    ROUNDTRIP(&mixed_desc, "12", NULL);
    DEC_ERR(&mixed_desc, "\"s\"", SPECC_ERR_TYPE, "$",
            "expected number, boolean, array, object (Counts) or integer, got string \"s\"");
    DEC_ERR(&mixed_desc, "[1]", SPECC_ERR_TYPE, "$[0]", "expected string, got number 1");
    DEC_ERR(&mixed_desc, "{\"a\":1.5}", SPECC_ERR_TYPE, "$.a", "expected integer, got number 1.5");
    DEC_ERR(&mixed_desc, "nul", SPECC_ERR_SYNTAX, "$", NULL);
    DEC_ERR(&mixed_desc, "-", SPECC_ERR_SYNTAX, "$", NULL);
    DEC_ERR(&mixed_desc, "", SPECC_ERR_SYNTAX, "$", "unexpected end of input");

    if (DEC_OK(&dec_desc, "\"0.10\"", &dd)) {
        CHECK(dd.kind == 1 && dd.as.decimal.is_string);
        CHECK_STR(dd.as.decimal.text, "0.10");
        specc_clear(&dec_desc, &dd);
    }
    ROUNDTRIP(&dec_desc, "\"1.50\"", NULL);
    ROUNDTRIP(&dec_desc, "false", NULL);
    DEC_ERR(&dec_desc, "\"abc\"", SPECC_ERR_FORMAT, "$", "expected a decimal number, got string \"abc\"");
    DEC_ERR(&dec_desc, "{}", SPECC_ERR_TYPE, "$",
            "expected decimal or boolean, got object");
    CHECK_NO_LEAK();
}

static void test_open(void)
{
    t_val_t v;
    if (DEC_OK(&val_desc, "5", &v))
        CHECK(v.kind == 1 && v.as.integer == 5);
    if (DEC_OK(&val_desc, "2.5", &v))
        CHECK(v.kind == 2 && v.as.number == 2.5);
    if (DEC_OK(&val_desc, " { \"a\" : [1, 1.0E+2] } ", &v)) {
        CHECK(v.kind == 4);
        CHECK_STR(v.other, "{ \"a\" : [1, 1.0E+2] }");
        ENC_IS(&val_desc, &v, "{ \"a\" : [1, 1.0E+2] }");
        VAL_NONE(&val_desc, &v);
        specc_clear(&val_desc, &v);
        CHECK(all_zero(&v, sizeof v));
    }
    /* A number that is integral stays a number: written 7.0, not 7. */
    ROUNDTRIP(&val_desc, "7.0", NULL);
    ROUNDTRIP(&val_desc, "1e2", "100.0");
    ROUNDTRIP(&val_desc, "-0.0", NULL);
    ROUNDTRIP(&mixed_desc, "3.0", NULL);
    ROUNDTRIP(&val_desc, "\"s\"", NULL);
    ROUNDTRIP(&val_desc, "[1,2]", NULL);
    ROUNDTRIP(&val_desc, "true", NULL);
    ROUNDTRIP(&val_desc, "{\"a\":{\"b\":[]}}", NULL);
    /* Kept text is checked like any text: syntax, duplicates, depth. */
    DEC_ERR(&val_desc, "{\"a\":1,\"a\":2}", SPECC_ERR_DUPLICATE_KEY, "$.a", NULL);
    DEC_ERR(&val_desc, "[1,", SPECC_ERR_SYNTAX, NULL, NULL);
    DEC_ERR(&val_desc, "null", SPECC_ERR_NULL, "$", "expected integer, number or string, got null");
    /* Numbers beyond int64 or double in an integer or number variant are
     * range errors (the JSON kind chose the variant). */
    DEC_ERR(&val_desc, "18446744073709551616", SPECC_ERR_RANGE, "$", NULL);
    CHECK_NO_LEAK();
}

/* --------------------------------------------------- discriminators */

static void test_discriminator(void)
{
    t_event_t e;
    t_anycus_t c;
    char *deep;

    if (DEC_OK(&event_desc, "{\"type\":\"push\",\"commits\":3}", &e)) {
        CHECK(e.kind == 1 && e.as.push->commits == 3);
        CHECK_STR(e.as.push->type, "push");
        specc_clear(&event_desc, &e);
    }
    if (DEC_OK(&event_desc, "{\"stars\":1,\"x\":{\"type\":\"push\"},\"type\":\"star\"}", &e)) {
        CHECK(e.kind == 2 && e.as.star->stars == 1 && e.as.star->_unknown.count == 1);
        specc_clear(&event_desc, &e);
    }
    /* Tags compare by JSON value: escapes decoded. */
    if (DEC_OK(&event_desc, "{\"type\":\"\\u0070ush\",\"commits\":0}", &e)) {
        CHECK(e.kind == 1);
        specc_clear(&event_desc, &e);
    }
    if (DEC_OK(&event_desc, "{\"\\u0074ype\":\"star\"}", &e)) { /* the key too */
        CHECK(e.kind == 2);
        specc_clear(&event_desc, &e);
    }
    ROUNDTRIP(&event_desc, "{\"type\":\"push\",\"commits\":3}", NULL);
    ROUNDTRIP(&event_desc, "{\"type\":\"star\",\"stars\":9,\"extra\":[true]}", NULL);
    DEC_ERR(&event_desc, "{\"commits\":3}", SPECC_ERR_MISSING, "$.type",
            "discriminator 'type' is missing");
    DEC_ERR(&event_desc, "{\"type\":\"fork\"}", SPECC_ERR_ENUM, "$.type",
            "expected one of \"push\", \"star\", got \"fork\"");
    DEC_ERR(&event_desc, "{\"type\":5}", SPECC_ERR_ENUM, "$.type",
            "expected one of \"push\", \"star\", got 5");
    DEC_ERR(&event_desc, "{\"type\":{\"a\":\n1}}", SPECC_ERR_ENUM, "$.type",
            "expected one of \"push\", \"star\", got {\"a\": 1}");
    DEC_ERR(&event_desc, "{\"type\":null}", SPECC_ERR_ENUM, "$.type", NULL);
    DEC_ERR(&event_desc, "{\"type\":\"push\",\"type\":\"push\",\"commits\":1}",
            SPECC_ERR_DUPLICATE_KEY, "$.type", "duplicate key \"type\"");
    DEC_ERR(&event_desc, "{\"type\":\"star\",\"type\":\"push\"}", SPECC_ERR_DUPLICATE_KEY,
            "$.type", NULL);
    DEC_ERR(&event_desc, "[{\"type\":\"push\"}]", SPECC_ERR_TYPE, "$",
            "expected object (Event), got array");
    DEC_ERR(&event_desc, "\"push\"", SPECC_ERR_TYPE, "$", "expected object (Event), got string \"push\"");
    DEC_ERR(&event_desc, "null", SPECC_ERR_NULL, "$", "expected object (Event), got null");
    DEC_ERR(&event_desc, "{\"type\":\"push\",\"commits\":\"x\"}", SPECC_ERR_TYPE, "$.commits",
            "expected integer, got string \"x\"");
    DEC_ERR(&event_desc, "{\"type\":\"push\"}", SPECC_ERR_MISSING, "$.commits", NULL);
    /* Syntax anywhere, before or after the key, is a syntax error. */
    DEC_ERR(&event_desc, "{\"type\":\"push\",\"commits\":3,}", SPECC_ERR_SYNTAX, NULL, NULL);
    DEC_ERR(&event_desc, "{\"a\":[1,},\"type\":\"push\"}", SPECC_ERR_SYNTAX, NULL, NULL);
    DEC_ERR(&event_desc, "{\"type\" \"push\"}", SPECC_ERR_SYNTAX, NULL, NULL);
    DEC_ERR(&event_desc, "{\"type\":\"push\"", SPECC_ERR_SYNTAX, NULL, NULL);
    DEC_ERR(&event_desc, "{\"a\":1,\"a\":2,\"type\":\"star\"}", SPECC_ERR_DUPLICATE_KEY, "$.a", NULL);
    DEC_ERR(&event_desc, "{\"type\":\"fork\",\"x\":[1,]}", SPECC_ERR_SYNTAX, NULL, NULL);
    /* Depth while scanning for the key. */
    deep = nested("{\"a\":", "1", "}", 600);
    DEC_ERR(&event_desc, deep, SPECC_ERR_DEPTH, NULL, NULL);
    free(deep);

    /* Open: an unmapped value keeps the whole object as sent. */
    if (DEC_OK(&open_event_desc, "{ \"type\" : \"fork\", \"n\": 1.0E+2 }", &e)) {
        CHECK(e.kind == 3);
        CHECK_STR(e.other, "{ \"type\" : \"fork\", \"n\": 1.0E+2 }");
        ENC_IS(&open_event_desc, &e, "{ \"type\" : \"fork\", \"n\": 1.0E+2 }");
        VAL_NONE(&open_event_desc, &e);
        specc_clear(&open_event_desc, &e);
    }
    ROUNDTRIP(&open_event_desc, "{\"type\":\"fork\"}", NULL);
    ROUNDTRIP(&open_event_desc, "{\"type\":\"push\",\"commits\":1}", NULL);
    DEC_ERR(&open_event_desc, "{}", SPECC_ERR_MISSING, "$.type", NULL);
    DEC_ERR(&open_event_desc, "7", SPECC_ERR_TYPE, "$", "expected object (Event), got number 7");
    DEC_ERR(&open_event_desc, "{\"type\":\"fork\",\"type\":1}", SPECC_ERR_DUPLICATE_KEY, "$.type",
            NULL);

    /* A default variant, and a tag that is not a string. */
    if (DEC_OK(&anycus_desc, "{\"id\":\"cus_1\",\"name\":\"A\"}", &c)) {
        CHECK(c.kind == 1);
        CHECK_STR(c.as.customer->id, "cus_1");
        specc_clear(&anycus_desc, &c);
    }
    if (DEC_OK(&anycus_desc, "{\"id\":\"cus_2\",\"deleted\":true}", &c)) {
        CHECK(c.kind == 2 && c.as.deleted->deleted);
        specc_clear(&anycus_desc, &c);
    }
    ROUNDTRIP(&anycus_desc, "{\"id\":\"cus_1\",\"name\":\"A\"}", NULL);
    ROUNDTRIP(&anycus_desc, "{\"id\":\"cus_2\",\"deleted\":true}", NULL);
    DEC_ERR(&anycus_desc, "{\"id\":\"c\",\"deleted\":false}", SPECC_ERR_ENUM, "$.deleted",
            "expected one of true, got false");
    DEC_ERR(&anycus_desc, "{\"id\":\"c\",\"deleted\":\"true\"}", SPECC_ERR_ENUM, "$.deleted",
            "expected one of true, got \"true\"");
    DEC_ERR(&anycus_desc, "{\"deleted\":true,\"id\":\"c\",\"x\":1}", SPECC_ERR_UNKNOWN_FIELD, "$.x",
            NULL);
    CHECK_NO_LEAK();
}

/* ------------------------------- nested discriminators (scan notes) */

/* Links down a chain; -1 when it is not Link ... Link End. */
static int chain_length(const t_chain_t *c)
{
    int n = 0;
    while (c->kind == 1) {
        n++;
        if (c->as.link->next_state != SPECC_PRESENT)
            return -1;
        c = &c->as.link->next;
    }
    return c->kind == 2 ? n : -1;
}

static void test_nested_tags(void)
{
    t_chain_t c;
    char *deep;
    size_t i, n = 0, depth = 400, pad = 1 << 20;

    /* The key after the nested object at every level; absent at the end. */
    if (DEC_OK(&chain_desc, "{\"next\":{\"next\":{\"x\":1},\"t\":\"link\"},\"t\":\"link\"}", &c)) {
        CHECK(chain_length(&c) == 2);
        specc_clear(&chain_desc, &c);
    }
    if (DEC_OK(&chain_desc, "{\"next\":{\"\\u0074\":\"end\"},\"t\":\"link\"}", &c)) {
        CHECK(chain_length(&c) == 1);
        CHECK(c.as.link->next.as.end->t_state == SPECC_PRESENT);
        specc_clear(&chain_desc, &c);
    }
    ROUNDTRIP(&chain_desc, "{\"next\":{\"next\":{\"t\":\"end\"},\"t\":\"link\"},\"t\":\"link\"}", NULL);
    /* A repeated key inside a noted object is still a duplicate. */
    DEC_ERR(&chain_desc, "{\"next\":{\"t\":\"end\",\"t\":\"link\"},\"t\":\"link\"}",
            SPECC_ERR_DUPLICATE_KEY, "$.next.t", NULL);
    DEC_ERR(&chain_desc, "{\"next\":{\"t\":\"fork\"},\"t\":\"link\"}", SPECC_ERR_ENUM,
            "$.next.t", "expected one of \"link\", \"end\", got \"fork\"");
    DEC_ERR(&chain_desc, "{\"next\":{\"next\":{},\"t\":\"link\"},\"t\":\"link\",\"next\":1}",
            SPECC_ERR_DUPLICATE_KEY, "$.next", NULL);
    /* 400 levels above a 1 MB string, each key last: one pass, not 400. */
    deep = malloc(depth * 24 + pad + 64);
    for (i = 0; i < depth; i++)
        n += (size_t)sprintf(deep + n, "{\"next\":");
    n += (size_t)sprintf(deep + n, "{\"pad\":\"");
    memset(deep + n, 'x', pad);
    n += pad;
    n += (size_t)sprintf(deep + n, "\"}");
    for (i = 0; i < depth; i++)
        n += (size_t)sprintf(deep + n, ",\"t\":\"link\"}");
    if (DEC_OK(&chain_desc, deep, &c)) {
        CHECK(chain_length(&c) == (int)depth);
        specc_clear(&chain_desc, &c);
    }
    free(deep);
    CHECK_NO_LEAK();
}

/* -------------------------------------------- unions inside unions */

static void test_nested(void)
{
    t_outer_t o;
    if (DEC_OK(&outer_desc, "\"s\"", &o)) {
        CHECK(o.kind == 2 && o.as.inner.kind == 2);
        CHECK_STR(o.as.inner.as.string, "s");
        specc_clear(&outer_desc, &o);
    }
    if (DEC_OK(&outer_desc, "4", &o))
        CHECK(o.kind == 2 && o.as.inner.kind == 1 && o.as.inner.as.integer == 4);
    ROUNDTRIP(&outer_desc, "false", NULL);
    ROUNDTRIP(&outer_desc, "\"x\"", NULL);
    ROUNDTRIP(&outer_desc, "-9", NULL);
    ROUNDTRIP(&outer2_desc, "7.0", NULL);
    ROUNDTRIP(&outer2_desc, "7", NULL);
    ROUNDTRIP(&outer2_desc, "\"s\"", NULL);
    ROUNDTRIP(&numstr_desc, "7", NULL); /* alone, NumStr writes numbers as usual */
    DEC_ERR(&outer_desc, "[]", SPECC_ERR_TYPE, "$", "expected boolean or union (Inner), got array");
    DEC_ERR(&outer_desc, "1.5", SPECC_ERR_TYPE, "$", NULL);
    o.kind = 2;
    o.as.inner.kind = 0;
    ENC_ERR(&outer_desc, &o, SPECC_ERR_INVALID, "$", "union has no value");
    VAL_ONE(&outer_desc, &o, SPECC_ERR_INVALID, "$", "union has no value");
    CHECK_NO_LEAK();
}

/* ------------------------------------------------------ encode errors */

static void test_encode(void)
{
    t_model_t m;
    t_val_t v;
    t_event_t e;
    t_source_t src;

    memset(&m, 0, sizeof m);
    ENC_ERR(&model_desc, &m, SPECC_ERR_INVALID, "$.must", "union has no value");
    m.must.kind = T_REF_STRING;
    m.must.as.string = "a";
    ENC_IS(&model_desc, &m, "{\"must\":\"a\"}");
    m.must.kind = (t_ref_kind_t)3;
    ENC_ERR(&model_desc, &m, SPECC_ERR_INVALID, "$.must", "union kind 3 out of range");
    m.must.kind = (t_ref_kind_t)-1;
    ENC_ERR(&model_desc, &m, SPECC_ERR_INVALID, "$.must", "union kind -1 out of range");
    m.must.kind = T_REF_SOURCE;
    m.must.as.source = NULL;
    ENC_ERR(&model_desc, &m, SPECC_ERR_MISSING, "$.must", "object is NULL");
    memset(&src, 0, sizeof src);
    src.id = "s";
    m.must.as.source = &src;
    m.default_source_state = SPECC_NULL;
    ENC_IS(&model_desc, &m, "{\"default_source\":null,\"must\":{\"id\":\"s\"}}");

    memset(&v, 0, sizeof v);
    v.kind = 4;
    ENC_ERR(&val_desc, &v, SPECC_ERR_INVALID, "$", "union value is 'other' but its text is NULL");
    v.other = "{\"a\":";
    ENC_ERR(&val_desc, &v, SPECC_ERR_SYNTAX, "$.a", "unexpected end of input");
    v.other = "[1] 2";
    ENC_ERR(&val_desc, &v, SPECC_ERR_SYNTAX, "$", "unexpected text after the JSON value");
    v.other = "{\"a\":1,\"a\":2}";
    ENC_ERR(&val_desc, &v, SPECC_ERR_DUPLICATE_KEY, "$.a", NULL);
    v.other = "[true]";
    ENC_IS(&val_desc, &v, "[true]");
    v.kind = 5;
    ENC_ERR(&val_desc, &v, SPECC_ERR_INVALID, "$", "union kind 5 out of range");
    /* A closed union has no 'other' kind. */
    memset(&e, 0, sizeof e);
    e.kind = 3;
    e.other = "{}";
    ENC_ERR(&event_desc, &e, SPECC_ERR_INVALID, "$", "union kind 3 out of range");
    ENC_IS(&open_event_desc, &e, "{}");
    CHECK_NO_LEAK();
}

/* ----------------------------------------------------------- validate */

static void test_validate(void)
{
    t_model_t m;
    t_val_t v;
    t_event_t e;
    t_anycus_t c;
    t_source_t src;
    t_push_t push = {"star", 1};
    t_star_t star;
    t_customer_t cus;
    t_deleted_t del = {"d", false};

    memset(&m, 0, sizeof m);
    VAL_ONE(&model_desc, &m, SPECC_ERR_INVALID, "$.must", "union has no value");
    m.must.kind = T_REF_STRING;
    m.must.as.string = "";
    VAL_ONE(&model_desc, &m, SPECC_ERR_MIN_LENGTH, "$.must", "length must be >= 1, got 0");
    m.must.as.string = "ok";
    memset(&src, 0, sizeof src);
    src.id = "s";
    src.exp_month_state = SPECC_PRESENT;
    src.exp_month = 13;
    m.default_source_state = SPECC_PRESENT;
    m.default_source.kind = T_REF_SOURCE;
    m.default_source.as.source = &src;
    VAL_ONE(&model_desc, &m, SPECC_ERR_MAXIMUM, "$.default_source.exp_month",
            "must be <= 12, got 13");
    src.exp_month = 12;
    VAL_NONE(&model_desc, &m);
    m.default_source.kind = (t_ref_kind_t)7;
    VAL_ONE(&model_desc, &m, SPECC_ERR_INVALID, "$.default_source", "union kind 7 out of range");
    m.default_source_state = SPECC_NULL; /* a union left behind a null state */
    VAL_ONE(&model_desc, &m, SPECC_ERR_INVALID, "$.default_source",
            "state is SPECC_NULL but the field holds a value, which encoding would drop");
    m.default_source_state = SPECC_PRESENT;
    m.default_source.kind = T_REF_SOURCE;
    m.default_source.as.source = NULL;
    VAL_ONE(&model_desc, &m, SPECC_ERR_MISSING, "$.default_source", "object is NULL");

    /* 'other' must be text no variant would take back. */
    memset(&v, 0, sizeof v);
    v.kind = 4;
    v.other = "5";
    VAL_ONE(&val_desc, &v, SPECC_ERR_INVALID, "$", "'other' text 5 would decode as integer");
    v.other = " \"s\"";
    VAL_ONE(&val_desc, &v, SPECC_ERR_INVALID, "$", "'other' text  \"s\" would decode as string");
    v.other = "[1,";
    VAL_ONE(&val_desc, &v, SPECC_ERR_SYNTAX, "$[1]", "unexpected end of input");
    v.other = "null";
    VAL_ONE(&val_desc, &v, SPECC_ERR_INVALID, "$", "'other' text null would not decode");
    v.other = "{}";
    VAL_NONE(&val_desc, &v);
    v.other = NULL;
    VAL_ONE(&val_desc, &v, SPECC_ERR_INVALID, "$", "union value is 'other' but its text is NULL");

    /* The variant's discriminator must select it. */
    memset(&e, 0, sizeof e);
    e.kind = 1;
    e.as.push = &push;
    VAL_ONE(&event_desc, &e, SPECC_ERR_INVALID, "$.type",
            "discriminator \"star\" selects StarEvent, not PushEvent");
    push.type = "pull";
    VAL_ONE(&event_desc, &e, SPECC_ERR_INVALID, "$.type", "discriminator \"pull\" selects no variant");
    push.type = "push";
    VAL_NONE(&event_desc, &e);
    push.commits = -1;
    VAL_ONE(&event_desc, &e, SPECC_ERR_MINIMUM, "$.commits", "must be >= 0, got -1");
    push.commits = 1;
    memset(&star, 0, sizeof star);
    e.kind = 2;
    e.as.star = &star;
    VAL_ONE(&event_desc, &e, SPECC_ERR_MISSING, "$.type", "string is NULL");
    star.type = "star";
    VAL_NONE(&event_desc, &e);
    /* Open union: kept text that a variant would take. */
    e.kind = 3;
    e.other = "{\"type\":\"push\",\"commits\":2}";
    VAL_ONE(&open_event_desc, &e, SPECC_ERR_INVALID, "$",
            "'other' text {\"type\":\"push\",\"commits\":2} would decode as PushEvent");
    e.other = "{\"commits\":2}";
    VAL_ONE(&open_event_desc, &e, SPECC_ERR_INVALID, "$", "'other' text {\"commits\":2} would not decode");
    e.other = "[]";
    VAL_ONE(&open_event_desc, &e, SPECC_ERR_INVALID, "$", "'other' text [] would not decode");
    e.other = "{\"type\":\"fork\"}";
    VAL_NONE(&open_event_desc, &e);
    VAL_ONE(&event_desc, &e, SPECC_ERR_INVALID, "$", "union kind 3 out of range");

    /* Default variants: absent is fine for the default, the tag for the
     * other; a kept unknown key counts as the discriminator too. */
    memset(&cus, 0, sizeof cus);
    cus.id = "c";
    c.kind = 1;
    c.as.customer = &cus;
    VAL_NONE(&anycus_desc, &c);
    CHECK(specc_unknown_set(&cus._unknown, "deleted", "true", NULL) == SPECC_OK);
    VAL_ONE(&anycus_desc, &c, SPECC_ERR_INVALID, "$.deleted",
            "discriminator true selects DeletedCustomer, not Customer");
    specc_unknown_clear(&cus._unknown);
    c.kind = 2;
    c.as.deleted = &del;
    VAL_ONE(&anycus_desc, &c, SPECC_ERR_INVALID, "$.deleted", "discriminator false selects no variant");
    del.deleted = true;
    VAL_NONE(&anycus_desc, &c);
    CHECK_NO_LEAK();
}

/* ------------------------------------------------------ equal and clear */

static void test_equal_clear(void)
{
    t_val_t a, b;
    t_event_t x, y;
    t_model_t m;

    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    CHECK(specc_equal(&val_desc, &a, &b));
    a.kind = b.kind = 4;
    a.other = "{\"a\":1,\"b\":[100]}";
    b.other = " { \"b\" : [1.0E+2], \"a\":1.0 } ";
    CHECK(specc_equal(&val_desc, &a, &b));
    b.other = "{\"a\":2,\"b\":[100]}";
    CHECK(!specc_equal(&val_desc, &a, &b));
    b.other = NULL;
    CHECK(!specc_equal(&val_desc, &a, &b));
    a.kind = 1;
    b.kind = 2;
    a.as.integer = 1;
    b.as.number = 1;
    CHECK(!specc_equal(&val_desc, &a, &b)); /* another kind is another value */
    b.kind = 1;
    b.as.integer = 1;
    CHECK(specc_equal(&val_desc, &a, &b));

    if (DEC_OK(&event_desc, "{\"type\":\"star\",\"stars\":1,\"u\":[1]}", &x) &&
        DEC_OK(&event_desc, "{\"u\":[1.0],\"stars\":1,\"type\":\"star\"}", &y)) {
        CHECK(specc_equal(&event_desc, &x, &y));
        y.as.star->stars = 2;
        CHECK(!specc_equal(&event_desc, &x, &y));
        specc_clear(&event_desc, &x);
        specc_clear(&event_desc, &y);
    }
    /* clear frees the active member only (a hand-built value's inactive
     * member may be garbage) and the kept text. */
    memset(&m, 0, sizeof m);
    m.must.kind = T_REF_NONE;
    m.must.as.string = (char *)"not owned";
    specc_clear(&model_desc, &m);
    CHECK(all_zero(&m, sizeof m));
    if (DEC_OK(&open_event_desc, "{\"type\":\"x\"}", &x)) {
        x.kind = 9; /* out of range: only `other` is freed */
        specc_clear(&open_event_desc, &x);
        CHECK(all_zero(&x, sizeof x));
    }
    CHECK_NO_LEAK();
}

/* --------------------------------------------------- allocation failures */

static void test_allocation_failures(void)
{
    SWEEP(&model_desc, "{\"default_source\":{\"id\":\"x\",\"exp_month\":4,\"k\":[1]},"
                       "\"refs\":[\"a\",{\"id\":\"b\"}],\"by_id\":{\"k\":{\"id\":\"c\"}},\"must\":\"e\"}");
    SWEEP(&val_desc, "{\"a\":[1,2,{\"b\":null}]}");
    SWEEP(&val_desc, "\"text\"");
    SWEEP(&mixed_desc, "{\"a\":1,\"b\":2}");
    SWEEP(&event_desc, "{\"x\":{\"y\":[1]},\"type\":\"star\",\"stars\":2,\"z\":\"\\u00e9\"}");
    SWEEP(&event_desc, "{\"type\":\"\\u0070ush\",\"commits\":5}");
    SWEEP(&open_event_desc, "{\"type\":\"fork\",\"a\":[1,2]}");
    SWEEP(&anycus_desc, "{\"id\":\"c\",\"deleted\":true}");
    SWEEP(&anycus_desc, "{\"id\":\"c\",\"q\":{}}");
    SWEEP(&outer_desc, "\"s\"");
    SWEEP(&tree_desc, "[1,[2,[3,[]]],4]");
    SWEEP(&chain_desc, "{\"next\":{\"next\":{\"next\":{\"x\":[1]},\"t\":\"link\"},\"t\":\"link\"},"
                       "\"t\":\"link\"}");
    sweep_decode(__LINE__, &event_desc, "{\"type\":\"fork\"}", SPECC_ERR_ENUM);
    sweep_decode(__LINE__, &event_desc, "{\"type\":\"push\",\"commits\":\"x\",\"y\":[1]}",
                 SPECC_ERR_TYPE);
    sweep_decode(__LINE__, &model_desc, "{\"refs\":[{\"id\":\"b\",\"exp_month\":\"x\"}],\"must\":1}",
                 SPECC_ERR_TYPE);
    CHECK_NO_LEAK();
}

/* -------------------------------------------------------- hostile input */

static void test_hostile(void)
{
    char *ok = nested("{\"next\":", "\"end\"", "}", 510);
    char *deep = nested("{\"next\":", "\"end\"", "}", 600);
    char *deep_null = nested("{\"next\":", "null", "}", 100000);
    char *tree_ok = nested("[", "1", "]", 512);
    char *tree_deep = nested("[", "1", "]", 513);
    char *tree_open = nested("[", "", "", 200000);
    t_node_t n;
    t_tree_t t;
    t_loop_t l;
    specc_error err;

    if (DEC_OK(&node_desc, ok, &n)) {
        char *text = specc_encode_text(&node_desc, &n, NULL, &err);
        CHECK(text && strcmp(text, ok) == 0);
        specc_free(text);
        VAL_NONE(&node_desc, &n);
        CHECK(specc_equal(&node_desc, &n, &n));
        specc_clear(&node_desc, &n);
    }
    DEC_ERR(&node_desc, deep, SPECC_ERR_DEPTH, NULL, "nesting deeper than 512");
    DEC_ERR(&node_desc, deep_null, SPECC_ERR_DEPTH, NULL, "nesting deeper than 512");
    if (DEC_OK(&tree_desc, tree_ok, &t)) {
        VAL_NONE(&tree_desc, &t);
        specc_clear(&tree_desc, &t);
    }
    DEC_ERR(&tree_desc, tree_deep, SPECC_ERR_DEPTH, NULL, NULL);
    DEC_ERR(&tree_desc, tree_open, SPECC_ERR_DEPTH, NULL, NULL);
    ROUNDTRIP(&tree_desc, "[[],[1,[2]],3]", NULL);
    DEC_ERR(&tree_desc, "[[1,\"x\"]]", SPECC_ERR_TYPE, "$[0][1]",
            "expected integer or array, got string \"x\"");

    /* A descriptor whose union holds itself stops at the depth limit. */
    DEC_ERR(&loop_desc, "\"s\"", SPECC_ERR_DEPTH, "$", NULL);
    memset(&l, 0, sizeof l);
    l.kind = 1;
    ENC_ERR(&loop_desc, &l, SPECC_ERR_DEPTH, "$", NULL);
    CHECK(specc_validate(&loop_desc, &l, NULL, NULL) == 1);
    CHECK(!specc_equal(&loop_desc, &l, &l));
    specc_clear(&loop_desc, &l);

    free(ok);
    free(deep);
    free(deep_null);
    free(tree_ok);
    free(tree_deep);
    free(tree_open);
    CHECK_NO_LEAK();
}

int main(void)
{
    use_counting_alloc();
    test_by_kind();
    test_open();
    test_discriminator();
    test_nested_tags();
    test_nested();
    test_encode();
    test_validate();
    test_equal_clear();
    test_allocation_failures();
    test_hostile();
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
