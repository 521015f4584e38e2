/*
 * test_elements.c — runtime version 3 elements that are more than a value
 * (specc_shape.elem_size): nullable items and map values (a state member),
 * open string enums inside arrays and maps keeping their unknown text, both
 * at once, nullable objects and unions as items, and a VALUE type whose
 * value is such a struct; decode, encode, validate, equal, clear, errors,
 * allocation failures.
 */
#include "v3_check.h"

/* ---------------------------------------------------------------- types */

typedef struct t_maybe_int {
    specc_state state;
    int64_t value;
} t_maybe_int_t;

typedef struct t_color {
    int value; /* 0 red, 1 green, 2 other */
    char *other;
} t_color_t;

typedef struct t_maybe_color {
    specc_state state;
    t_color_t c; /* value and other one level down: offsets are free */
} t_maybe_color_t;

typedef struct t_point {
    int64_t x;
    specc_state label_state;
    char *label;
} t_point_t;

typedef struct t_maybe_point {
    specc_state state;
    t_point_t value;
} t_maybe_point_t;

typedef struct t_maybe_str {
    specc_state state;
    char *value;
} t_maybe_str_t;

/* A union [integer, string] held in an element with a state. */
typedef struct t_id {
    int kind;
    union {
        int64_t integer;
        char *string;
    } as;
} t_id_t;
typedef struct t_maybe_id {
    specc_state state;
    t_id_t value;
} t_maybe_id_t;

typedef struct t_lists {
    specc_state ints_state;
    struct {
        t_maybe_int_t *items;
        size_t count;
    } ints;
    specc_state colors_state;
    struct {
        t_color_t *items;
        size_t count;
    } colors;
    specc_state by_name_state;
    struct {
        char **keys;
        t_maybe_color_t *values;
        size_t count;
    } by_name;
    specc_state points_state;
    struct {
        t_maybe_point_t *items;
        size_t count;
    } points;
    specc_state ids_state;
    struct {
        t_maybe_id_t *items;
        size_t count;
    } ids;
    specc_state strs_state; /* an element struct without state: a plain value */
    struct {
        t_maybe_str_t *items;
        size_t count;
    } strs;
} t_lists_t;

static const char *const color_names[] = {"red", "green"};
static const specc_field point_fields[] = {
    {.name = "x", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_point_t, x),
     .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_MINIMUM, .min_int = 0}},
    {.name = "label", .name_len = 5, .flags = SPECC_F_STATE,
     .offset = offsetof(t_point_t, label), .state_offset = offsetof(t_point_t, label_state),
     .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_type point_desc = {.name = "Point", .size = sizeof(t_point_t),
                                      .fields = point_fields, .field_count = 2,
                                      .unknown = SPECC_UNKNOWN_REJECT};

static const specc_variant id_variants[] = {
    {.name = "integer", .shape = {.kind = SPECC_KIND_INTEGER}},
    {.name = "string", .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_union id_union = {
    .name = "Id", .kind_offset = offsetof(t_id_t, kind), .value_offset = offsetof(t_id_t, as),
    .variants = id_variants, .variant_count = 2}; /* no size: the element struct gives it */

static const specc_shape maybe_int = {
    .kind = SPECC_KIND_INTEGER, .flags = SPECC_S_NULLABLE | SPECC_S_MAXIMUM, .max_int = 9,
    .elem_size = sizeof(t_maybe_int_t), .state_offset = offsetof(t_maybe_int_t, state),
    .value_offset = offsetof(t_maybe_int_t, value)};
static const specc_shape color_elem = {
    .kind = SPECC_KIND_ENUM, .flags = SPECC_S_OPEN_ENUM, .enum_names = color_names,
    .enum_count = 2, .elem_size = sizeof(t_color_t), .value_offset = offsetof(t_color_t, value),
    .other_offset = offsetof(t_color_t, other)};
static const specc_shape maybe_color = {
    .kind = SPECC_KIND_ENUM, .flags = SPECC_S_OPEN_ENUM | SPECC_S_NULLABLE,
    .enum_names = color_names, .enum_count = 2, .elem_size = sizeof(t_maybe_color_t),
    .state_offset = offsetof(t_maybe_color_t, state),
    .value_offset = offsetof(t_maybe_color_t, c) + offsetof(t_color_t, value),
    .other_offset = offsetof(t_maybe_color_t, c) + offsetof(t_color_t, other)};
static const specc_shape maybe_point = {
    .kind = SPECC_KIND_OBJECT, .type = &point_desc, .flags = SPECC_S_NULLABLE,
    .elem_size = sizeof(t_maybe_point_t), .state_offset = offsetof(t_maybe_point_t, state),
    .value_offset = offsetof(t_maybe_point_t, value)};
static const specc_shape maybe_id = {
    .kind = SPECC_KIND_UNION, .union_ = &id_union, .flags = SPECC_S_NULLABLE,
    .elem_size = sizeof(t_maybe_id_t), .state_offset = offsetof(t_maybe_id_t, state),
    .value_offset = offsetof(t_maybe_id_t, value)};
static const specc_shape str_elem = {
    .kind = SPECC_KIND_STRING, .flags = SPECC_S_MAX_LENGTH, .max_length = 3,
    .elem_size = sizeof(t_maybe_str_t), .value_offset = offsetof(t_maybe_str_t, value)};

#define LISTS_FIELD(n, m, ...)                                                                      \
    {.name = n, .name_len = sizeof n - 1, .flags = SPECC_F_STATE,                                 \
     .offset = offsetof(t_lists_t, m), .state_offset = offsetof(t_lists_t, m##_state),           \
     .shape = __VA_ARGS__}
static const specc_field lists_fields[] = {
    LISTS_FIELD("ints", ints, {.kind = SPECC_KIND_ARRAY, .items = &maybe_int}),
    LISTS_FIELD("colors", colors, {.kind = SPECC_KIND_ARRAY, .items = &color_elem}),
    LISTS_FIELD("by_name", by_name, {.kind = SPECC_KIND_MAP, .items = &maybe_color}),
    LISTS_FIELD("points", points, {.kind = SPECC_KIND_ARRAY, .items = &maybe_point}),
    LISTS_FIELD("ids", ids, {.kind = SPECC_KIND_ARRAY, .items = &maybe_id}),
    LISTS_FIELD("strs", strs, {.kind = SPECC_KIND_ARRAY, .items = &str_elem}),
};
static const specc_type lists_desc = {.name = "Lists", .size = sizeof(t_lists_t),
                                      .fields = lists_fields, .field_count = 6,
                                      .unknown = SPECC_UNKNOWN_REJECT};

/* Shade: a VALUE type that is an open enum (value and other). */
static const specc_shape shade_value = {
    .kind = SPECC_KIND_ENUM, .flags = SPECC_S_OPEN_ENUM, .enum_names = color_names,
    .enum_count = 2, .elem_size = sizeof(t_color_t), .value_offset = offsetof(t_color_t, value),
    .other_offset = offsetof(t_color_t, other)};
static const specc_type shade_desc = {.name = "Shade", .size = sizeof(t_color_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &shade_value};

/* Cells: a top-level array of nullable integers. */
typedef struct t_cells {
    t_maybe_int_t *items;
    size_t count;
} t_cells_t;
static const specc_shape cells_value = {.kind = SPECC_KIND_ARRAY, .items = &maybe_int};
static const specc_type cells_desc = {.name = "Cells", .size = sizeof(t_cells_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &cells_value};

/* ---------------------------------------------------------------- tests */

static void test_nullable(void)
{
    t_lists_t l;
    if (DEC_OK(&lists_desc, "{\"ints\":[1,null,3],\"points\":[null,{\"x\":1,\"label\":\"a\"}],"
                            "\"ids\":[7,null,\"q\"]}", &l)) {
        CHECK(l.ints.count == 3);
        CHECK(l.ints.items[0].state == SPECC_PRESENT && l.ints.items[0].value == 1);
        CHECK(l.ints.items[1].state == SPECC_NULL);
        CHECK(l.ints.items[2].state == SPECC_PRESENT && l.ints.items[2].value == 3);
        CHECK(l.points.items[0].state == SPECC_NULL);
        CHECK(l.points.items[1].state == SPECC_PRESENT && l.points.items[1].value.x == 1);
        CHECK_STR(l.points.items[1].value.label, "a");
        CHECK(l.ids.items[0].state == SPECC_PRESENT && l.ids.items[0].value.kind == 1);
        CHECK(l.ids.items[1].state == SPECC_NULL);
        CHECK_STR(l.ids.items[2].value.as.string, "q");
        VAL_NONE(&lists_desc, &l);
        /* A null item's value is not looked at. */
        l.ints.items[1].value = 100;
        VAL_NONE(&lists_desc, &l);
        ENC_IS(&lists_desc, &l, "{\"ints\":[1,null,3],\"points\":[null,{\"x\":1,\"label\":\"a\"}],"
                                "\"ids\":[7,null,\"q\"]}");
        l.ints.items[2].value = 10;
        VAL_ONE(&lists_desc, &l, SPECC_ERR_MAXIMUM, "$.ints[2]", "must be <= 9, got 10");
        l.ints.items[2].value = 3;
        l.ints.items[0].state = SPECC_ABSENT; /* items are never absent */
        VAL_ONE(&lists_desc, &l, SPECC_ERR_INVALID, "$.ints[0]", "invalid element state 0");
        ENC_ERR(&lists_desc, &l, SPECC_ERR_INVALID, "$.ints[0]", "invalid element state 0");
        l.ints.items[0].state = SPECC_PRESENT;
        l.points.items[1].value.x = -1;
        VAL_ONE(&lists_desc, &l, SPECC_ERR_MINIMUM, "$.points[1].x", "must be >= 0, got -1");
        specc_clear(&lists_desc, &l);
        CHECK(all_zero(&l, sizeof l));
    }
    ROUNDTRIP(&lists_desc, "{\"ints\":[null],\"points\":[{\"x\":0}],\"ids\":[null,\"a\",2]}", NULL);
    ROUNDTRIP(&cells_desc, "[null,1,null]", NULL);
    ROUNDTRIP(&cells_desc, "[]", NULL);
    DEC_ERR(&lists_desc, "{\"ints\":[1,\"x\"]}", SPECC_ERR_TYPE, "$.ints[1]",
            "expected integer, got string \"x\"");
    DEC_ERR(&lists_desc, "{\"ints\":[nul]}", SPECC_ERR_SYNTAX, NULL, NULL);
    DEC_ERR(&lists_desc, "{\"ids\":[true]}", SPECC_ERR_TYPE, "$.ids[0]",
            "expected integer or string, got boolean true");
    DEC_ERR(&lists_desc, "{\"points\":[{\"x\":null}]}", SPECC_ERR_NULL, "$.points[0].x",
            "expected integer, got null");
    /* Without SPECC_S_NULLABLE an element struct refuses null. */
    DEC_ERR(&lists_desc, "{\"strs\":[\"a\",null]}", SPECC_ERR_NULL, "$.strs[1]",
            "expected string, got null");
    ROUNDTRIP(&lists_desc, "{\"strs\":[\"a\",\"bc\"]}", NULL);
    DEC_ERR(&cells_desc, "null", SPECC_ERR_NULL, "$", "expected array, got null");
    CHECK_NO_LEAK();
}

static void test_open_enums(void)
{
    t_lists_t l;
    t_color_t c;
    if (DEC_OK(&lists_desc, "{\"colors\":[\"red\",\"pink\",\"green\",\"\\u00e9cru\"],"
                            "\"by_name\":{\"a\":\"teal\",\"b\":null,\"c\":\"green\"}}", &l)) {
        CHECK(l.colors.count == 4);
        CHECK(l.colors.items[0].value == 0 && l.colors.items[0].other == NULL);
        CHECK(l.colors.items[1].value == 2);
        CHECK_STR(l.colors.items[1].other, "pink");
        CHECK_STR(l.colors.items[3].other, "\xc3\xa9" "cru");
        CHECK(l.by_name.values[0].state == SPECC_PRESENT && l.by_name.values[0].c.value == 2);
        CHECK_STR(l.by_name.values[0].c.other, "teal");
        CHECK(l.by_name.values[1].state == SPECC_NULL);
        CHECK(l.by_name.values[2].c.value == 1);
        VAL_NONE(&lists_desc, &l);
        ENC_IS(&lists_desc, &l, "{\"colors\":[\"red\",\"pink\",\"green\",\"\xc3\xa9" "cru\"],"
                                "\"by_name\":{\"a\":\"teal\",\"b\":null,\"c\":\"green\"}}");
        /* Validate: the text must be there, UTF-8, and not a known name. */
        specc_free(l.colors.items[1].other);
        l.colors.items[1].other = NULL;
        VAL_ONE(&lists_desc, &l, SPECC_ERR_INVALID, "$.colors[1]",
                "open enum value is 'other' but its text is NULL");
        ENC_ERR(&lists_desc, &l, SPECC_ERR_INVALID, "$.colors[1]",
                "open enum value is 'other' but its text is NULL");
        l.colors.items[1].other = malloc(4);
        memcpy(l.colors.items[1].other, "red", 4);
        VAL_ONE(&lists_desc, &l, SPECC_ERR_INVALID, "$.colors[1]",
                "'other' text \"red\" is a declared enum value");
        free(l.colors.items[1].other);
        l.colors.items[1].other = NULL;
        l.colors.items[1].value = 7;
        VAL_ONE(&lists_desc, &l, SPECC_ERR_ENUM, "$.colors[1]", "enum value 7 out of range");
        l.colors.items[1].value = 0;
        specc_clear(&lists_desc, &l);
    }
    ROUNDTRIP(&lists_desc, "{\"colors\":[\"x\",\"y\",\"red\"],\"by_name\":{\"k\":\"z\"}}", NULL);
    DEC_ERR(&lists_desc, "{\"colors\":[\"a\\u0000b\"]}", SPECC_ERR_NUL, "$.colors[0]", NULL);
    DEC_ERR(&lists_desc, "{\"colors\":[null]}", SPECC_ERR_NULL, "$.colors[0]",
            "expected string, got null");
    DEC_ERR(&lists_desc, "{\"colors\":[1]}", SPECC_ERR_TYPE, "$.colors[0]",
            "expected string, got number 1");

    /* A VALUE type that is an open enum. */
    if (DEC_OK(&shade_desc, "\"mauve\"", &c)) {
        CHECK(c.value == 2);
        CHECK_STR(c.other, "mauve");
        ENC_IS(&shade_desc, &c, "\"mauve\"");
        specc_clear(&shade_desc, &c);
        CHECK(all_zero(&c, sizeof c));
    }
    ROUNDTRIP(&shade_desc, "\"red\"", NULL);
    ROUNDTRIP(&shade_desc, "\"beige\"", NULL);
    CHECK_NO_LEAK();
}

static void test_equal(void)
{
    t_lists_t a, b;
    const char *json = "{\"ints\":[1,null],\"colors\":[\"pink\",\"red\"],"
                       "\"by_name\":{\"a\":\"teal\",\"b\":null},\"points\":[null]}";
    if (DEC_OK(&lists_desc, json, &a) && DEC_OK(&lists_desc, json, &b)) {
        CHECK(specc_equal(&lists_desc, &a, &b));
        b.ints.items[1].value = 5; /* null items: the value does not count */
        CHECK(specc_equal(&lists_desc, &a, &b));
        b.ints.items[1].state = SPECC_PRESENT;
        CHECK(!specc_equal(&lists_desc, &a, &b));
        b.ints.items[1].state = SPECC_NULL;
        b.colors.items[0].other[0] = 'P'; /* unknown texts count */
        CHECK(!specc_equal(&lists_desc, &a, &b));
        b.colors.items[0].other[0] = 'p';
        CHECK(specc_equal(&lists_desc, &a, &b));
        b.by_name.values[0].c.other[0] = 'T';
        CHECK(!specc_equal(&lists_desc, &a, &b));
        specc_clear(&lists_desc, &a);
        specc_clear(&lists_desc, &b);
    }
    CHECK_NO_LEAK();
}

static void test_allocation_failures(void)
{
    SWEEP(&lists_desc, "{\"ints\":[1,null,3],\"colors\":[\"red\",\"pink\"],"
                       "\"by_name\":{\"a\":\"teal\",\"b\":null,\"c\":\"green\"},"
                       "\"points\":[null,{\"x\":1,\"label\":\"a\"}],\"ids\":[7,null,\"q\"],"
                       "\"strs\":[\"ab\"]}");
    SWEEP(&shade_desc, "\"mauve\"");
    SWEEP(&cells_desc, "[null,1,null,2]");
    sweep_decode(__LINE__, &lists_desc, "{\"colors\":[\"pink\",\"x\",1]}", SPECC_ERR_TYPE);
    CHECK_NO_LEAK();
}

int main(void)
{
    use_counting_alloc();
    test_nullable();
    test_open_enums();
    test_equal();
    test_allocation_failures();
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
