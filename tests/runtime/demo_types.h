/*
 * demo_types.h — hand-written descriptors shaped like generated code, shared
 * by the runtime tests (each test is its own program and includes this once).
 */
#ifndef DEMO_TYPES_H
#define DEMO_TYPES_H

#include "specc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ assertions */

static int failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                        \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *got_ = (got), *want_ = (want);                                                 \
        if (!got_ || strcmp(got_, want_) != 0) {                                                   \
            failures++;                                                                            \
            printf("%s:%d: got  %s\n%*s want %s\n", __FILE__, __LINE__, got_ ? got_ : "(null)",    \
                   (int)strlen(__FILE__) + 8, "", want_);                                          \
        }                                                                                          \
    } while (0)

/* ---------------------------------------------------------------- Item */

typedef enum demo_item_color {
    DEMO_ITEM_COLOR_RED = 0,
    DEMO_ITEM_COLOR_GREEN = 1,
    DEMO_ITEM_COLOR__OTHER = 2
} demo_item_color_t;

typedef struct demo_item demo_item_t;
struct demo_item {
    char *name;
    specc_state note_state;
    char *note;
    specc_state count_state;
    int64_t count;
    specc_state ratio_state;
    double ratio;
    specc_state flag_state;
    bool flag;
    specc_state price_state;
    specc_decimal price;
    json_t *extra;
    specc_state color_state;
    demo_item_color_t color;
    char *color_other;
    specc_state child_state;
    demo_item_t *child;
    specc_state tags_state;
    struct {
        char **items;
        size_t count;
    } tags;
    specc_state children_state;
    struct {
        demo_item_t *items;
        size_t count;
    } children;
    specc_state opts_state;
    struct {
        char **keys;
        bool *values;
        size_t count;
    } opts;
    specc_state matrix_state;
    struct {
        specc_array *items; /* arrays of arrays: specc_array layout */
        size_t count;
    } matrix;
    specc_unknown _unknown;
};

extern const specc_type demo_item_desc;

static const char *const demo_color_names[] = {"red", "green"};
static const specc_shape demo_string_shape = {.kind = SPECC_KIND_STRING};
static const specc_shape demo_bool_shape = {.kind = SPECC_KIND_BOOLEAN};
static const specc_shape demo_int_shape = {.kind = SPECC_KIND_INTEGER};
static const specc_shape demo_item_shape = {.kind = SPECC_KIND_OBJECT, .type = &demo_item_desc};
static const specc_shape demo_row_shape = {.kind = SPECC_KIND_ARRAY, .items = &demo_int_shape};

#define DEMO_STATE(member) .flags = SPECC_F_STATE, .state_offset = offsetof(demo_item_t, member)

static const specc_field demo_item_fields[] = {
    {.name = "name", .name_len = 4, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(demo_item_t, name), .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "note", .name_len = 4, .flags = SPECC_F_NULLABLE | SPECC_F_STATE,
     .offset = offsetof(demo_item_t, note), .state_offset = offsetof(demo_item_t, note_state),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "count", .name_len = 5, DEMO_STATE(count_state),
     .offset = offsetof(demo_item_t, count), .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "ratio", .name_len = 5, DEMO_STATE(ratio_state),
     .offset = offsetof(demo_item_t, ratio), .shape = {.kind = SPECC_KIND_NUMBER}},
    {.name = "flag", .name_len = 4, DEMO_STATE(flag_state), .offset = offsetof(demo_item_t, flag),
     .shape = {.kind = SPECC_KIND_BOOLEAN}},
    {.name = "price", .name_len = 5, DEMO_STATE(price_state),
     .offset = offsetof(demo_item_t, price), .shape = {.kind = SPECC_KIND_DECIMAL}},
    {.name = "extra", .name_len = 5, .flags = SPECC_F_NULLABLE,
     .offset = offsetof(demo_item_t, extra), .shape = {.kind = SPECC_KIND_ANY}},
    {.name = "color", .name_len = 5, DEMO_STATE(color_state),
     .offset = offsetof(demo_item_t, color), .other_offset = offsetof(demo_item_t, color_other),
     .shape = {.kind = SPECC_KIND_ENUM, .flags = SPECC_S_OPEN_ENUM,
               .enum_names = demo_color_names, .enum_count = 2}},
    {.name = "child", .name_len = 5, DEMO_STATE(child_state),
     .offset = offsetof(demo_item_t, child),
     .shape = {.kind = SPECC_KIND_OBJECT, .type = &demo_item_desc}},
    {.name = "tags", .name_len = 4, DEMO_STATE(tags_state), .offset = offsetof(demo_item_t, tags),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &demo_string_shape}},
    {.name = "children", .name_len = 8, DEMO_STATE(children_state),
     .offset = offsetof(demo_item_t, children),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &demo_item_shape}},
    {.name = "opts", .name_len = 4, DEMO_STATE(opts_state), .offset = offsetof(demo_item_t, opts),
     .shape = {.kind = SPECC_KIND_MAP, .items = &demo_bool_shape}},
    {.name = "matrix", .name_len = 6, DEMO_STATE(matrix_state),
     .offset = offsetof(demo_item_t, matrix),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &demo_row_shape}},
};

const specc_type demo_item_desc = {
    .name = "Item",
    .size = sizeof(demo_item_t),
    .fields = demo_item_fields,
    .field_count = sizeof demo_item_fields / sizeof demo_item_fields[0],
    .unknown = SPECC_UNKNOWN_PRESERVE,
    .unknown_offset = offsetof(demo_item_t, _unknown),
};

/* ------------------------------------------------------------- Required */

/* Every scalar kind, required and not nullable: no state members. Unknown
 * keys are ignored, so there is no _unknown member. */
typedef enum demo_req_level { DEMO_REQ_LEVEL_LOW = 0, DEMO_REQ_LEVEL_HIGH = 1 } demo_req_level_t;

typedef struct demo_req {
    char *s;
    int64_t i;
    double n;
    bool b;
    specc_decimal d;
    demo_req_level_t level;
    demo_item_t *item;
} demo_req_t;

static const char *const demo_level_names[] = {"low", "high"};

static const specc_field demo_req_fields[] = {
    {.name = "s", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(demo_req_t, s),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "i", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(demo_req_t, i),
     .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "n", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(demo_req_t, n),
     .shape = {.kind = SPECC_KIND_NUMBER}},
    {.name = "b", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(demo_req_t, b),
     .shape = {.kind = SPECC_KIND_BOOLEAN}},
    {.name = "d", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(demo_req_t, d),
     .shape = {.kind = SPECC_KIND_DECIMAL}},
    {.name = "level", .name_len = 5, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(demo_req_t, level),
     .shape = {.kind = SPECC_KIND_ENUM, .enum_names = demo_level_names, .enum_count = 2}},
    {.name = "item", .name_len = 4, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(demo_req_t, item),
     .shape = {.kind = SPECC_KIND_OBJECT, .type = &demo_item_desc}},
};

static const specc_type demo_req_desc = {
    .name = "Required",
    .size = sizeof(demo_req_t),
    .fields = demo_req_fields,
    .field_count = sizeof demo_req_fields / sizeof demo_req_fields[0],
    .unknown = SPECC_UNKNOWN_IGNORE,
};

/* ------------------------------------------------------ allocation hooks */

/* Counting allocator for jansson (and so specc): the fail_at-th call fails. */
static size_t alloc_calls, alloc_count, free_count, alloc_fail_at;

static inline void *counting_malloc(size_t size)
{
    alloc_calls++;
    if (alloc_fail_at && alloc_calls == alloc_fail_at)
        return NULL;
    alloc_count++;
    return malloc(size);
}

static inline void counting_free(void *p)
{
    if (p)
        free_count++;
    free(p);
}

static inline void use_counting_alloc(void)
{
    json_set_alloc_funcs(counting_malloc, counting_free);
}

#endif /* DEMO_TYPES_H */
