/*
 * test_value_types.c — runtime version 3: types that are not objects
 * (SPECC_TYPE_VALUE: top-level arrays, maps and scalars) and the INT32
 * kind, through every type operation: decode (text and json), encode
 * (text and json), validate, equal, clear, errors with their path and
 * message, allocation failures, nesting limits.
 */
#include "v3_check.h"

/* --------------------------------------------------------------- types */

/* Counts: [int32, ...], each 1..100. */
typedef struct t_counts {
    int32_t *items;
    size_t count;
} t_counts_t;

static const specc_shape count_shape = {.kind = SPECC_KIND_INT32,
                                        .flags = SPECC_S_MINIMUM | SPECC_S_MAXIMUM,
                                        .min_int = 1, .max_int = 100};
static const specc_shape counts_value = {.kind = SPECC_KIND_ARRAY, .items = &count_shape,
                                         .flags = SPECC_S_MAX_ITEMS, .max_items = 4};
static const specc_type counts_desc = {.name = "Counts", .size = sizeof(t_counts_t),
                                       .kind = SPECC_TYPE_VALUE, .value = &counts_value};

/* Labels: {"key": "text", ...}. */
typedef struct t_labels {
    char **keys;
    char **values;
    size_t count;
} t_labels_t;

static const specc_shape label_shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_MAX_LENGTH,
                                        .max_length = 5};
static const specc_shape labels_value = {.kind = SPECC_KIND_MAP, .items = &label_shape};
static const specc_type labels_desc = {.name = "Labels", .size = sizeof(t_labels_t),
                                       .kind = SPECC_TYPE_VALUE, .value = &labels_value};

/* Name: a string with a format, in a one-member struct. */
typedef struct t_name {
    char *value;
} t_name_t;

static const specc_shape name_value = {.kind = SPECC_KIND_STRING, .format = SPECC_FORMAT_UUID};
static const specc_type name_desc = {.name = "Name", .size = sizeof(t_name_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &name_value};

/* Level: a closed int32 enum. */
typedef struct t_level {
    int32_t value;
} t_level_t;

static const int64_t level_ints[] = {1, 2, 3};
static const specc_shape level_value = {.kind = SPECC_KIND_INT32, .flags = SPECC_S_INT_ENUM,
                                        .enum_ints = level_ints, .enum_count = 3};
static const specc_type level_desc = {.name = "Level", .size = sizeof(t_level_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &level_value};

/* Flag, Ratio, Price, Blob: the other scalars. */
typedef struct t_flag {
    bool value;
} t_flag_t;
typedef struct t_ratio {
    double value;
} t_ratio_t;
typedef struct t_price {
    specc_decimal value;
} t_price_t;
typedef struct t_blob {
    json_t *value;
} t_blob_t;

static const specc_shape flag_value = {.kind = SPECC_KIND_BOOLEAN};
static const specc_shape ratio_value = {.kind = SPECC_KIND_NUMBER};
static const specc_shape price_value = {.kind = SPECC_KIND_DECIMAL};
static const specc_shape blob_value = {.kind = SPECC_KIND_ANY};
static const specc_type flag_desc = {.name = "Flag", .size = sizeof(t_flag_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &flag_value};
static const specc_type ratio_desc = {.name = "Ratio", .size = sizeof(t_ratio_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &ratio_value};
static const specc_type price_desc = {.name = "Price", .size = sizeof(t_price_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &price_value};
static const specc_type blob_desc = {.name = "Blob", .size = sizeof(t_blob_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &blob_value};

/* Items: a top-level array of objects (demo Item, in place). */
typedef struct t_items {
    demo_item_t *items;
    size_t count;
} t_items_t;

static const specc_shape items_value = {.kind = SPECC_KIND_ARRAY, .items = &demo_item_shape};
static const specc_type items_desc = {.name = "Items", .size = sizeof(t_items_t),
                                      .kind = SPECC_TYPE_VALUE, .value = &items_value};

/* Grid: arrays of arrays of int32 (for nesting). */
typedef struct t_grid {
    specc_array *items;
    size_t count;
} t_grid_t;

static const specc_shape int32_shape = {.kind = SPECC_KIND_INT32};
static const specc_shape row32_shape = {.kind = SPECC_KIND_ARRAY, .items = &int32_shape};
static const specc_shape grid_value = {.kind = SPECC_KIND_ARRAY, .items = &row32_shape};
static const specc_type grid_desc = {.name = "Grid", .size = sizeof(t_grid_t),
                                     .kind = SPECC_TYPE_VALUE, .value = &grid_value};

/* Stats: an object with int32 fields (required; optional with state). */
typedef struct t_stats {
    int32_t total;
    specc_state delta_state;
    int32_t delta;
    t_counts_t counts; /* a VALUE type's shape, inlined in a field */
} t_stats_t;

static const specc_field stats_fields[] = {
    {.name = "total", .name_len = 5, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(t_stats_t, total),
     .shape = {.kind = SPECC_KIND_INT32, .flags = SPECC_S_MINIMUM, .min_int = 0}},
    {.name = "delta", .name_len = 5, .flags = SPECC_F_STATE | SPECC_F_NULLABLE,
     .offset = offsetof(t_stats_t, delta), .state_offset = offsetof(t_stats_t, delta_state),
     .shape = {.kind = SPECC_KIND_INT32}},
    {.name = "counts", .name_len = 6, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(t_stats_t, counts),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &count_shape}},
};
static const specc_type stats_desc = {.name = "Stats", .size = sizeof(t_stats_t),
                                      .fields = stats_fields, .field_count = 3,
                                      .unknown = SPECC_UNKNOWN_REJECT};

/* ---------------------------------------------------------------- tests */

static void test_arrays(void)
{
    t_counts_t c;
    ROUNDTRIP(&counts_desc, "[1,2,100]", NULL);
    ROUNDTRIP(&counts_desc, " [ 7 , 8 ] ", "[7,8]");
    ROUNDTRIP(&counts_desc, "[]", NULL);
    if (DEC_OK(&counts_desc, "[1,-2147483648,2147483647]", &c)) {
        CHECK(c.count == 3 && c.items[0] == 1 && c.items[1] == INT32_MIN &&
              c.items[2] == INT32_MAX);
        c.items[2] = 100;
        VAL_ONE(&counts_desc, &c, SPECC_ERR_MINIMUM, "$[1]", "must be >= 1, got -2147483648");
        c.items[2] = INT32_MAX;
        ENC_IS(&counts_desc, &c, "[1,-2147483648,2147483647]");
        specc_clear(&counts_desc, &c);
        CHECK(c.items == NULL && c.count == 0);
    }
    DEC_ERR(&counts_desc, "[1,2147483648]", SPECC_ERR_RANGE, "$[1]",
            "integer 2147483648 is out of range (int32)");
    DEC_ERR(&counts_desc, "[-2147483649]", SPECC_ERR_RANGE, "$[0]",
            "integer -2147483649 is out of range (int32)");
    DEC_ERR(&counts_desc, "[99999999999999999999]", SPECC_ERR_RANGE, "$[0]",
            "integer 99999999999999999999 is out of range (int32)");
    DEC_ERR(&counts_desc, "[1.5]", SPECC_ERR_TYPE, "$[0]", "expected integer, got number 1.5");
    DEC_ERR(&counts_desc, "[1e2]", SPECC_ERR_TYPE, "$[0]", "expected integer, got number 1e2");
    DEC_ERR(&counts_desc, "[\"1\"]", SPECC_ERR_TYPE, "$[0]", "expected integer, got string \"1\"");
    DEC_ERR(&counts_desc, "[null]", SPECC_ERR_NULL, "$[0]", "expected integer, got null");
    DEC_ERR(&counts_desc, "{}", SPECC_ERR_TYPE, "$", "expected array, got object");
    DEC_ERR(&counts_desc, "null", SPECC_ERR_NULL, "$", "expected array, got null");
    DEC_ERR(&counts_desc, "", SPECC_ERR_SYNTAX, "$", "unexpected end of input");
    DEC_ERR(&counts_desc, "[1,]", SPECC_ERR_SYNTAX, "$[1]", "unexpected character ']', expected a value");
    DEC_ERR(&counts_desc, "[1] [2]", SPECC_ERR_SYNTAX, "$", "unexpected text after the JSON value");
    /* A shape error early, a syntax error later: the syntax error wins. */
    DEC_ERR(&counts_desc, "[\"x\", 1,,]", SPECC_ERR_SYNTAX, "$[2]", NULL);
    /* Constraints of the value itself. */
    if (DEC_OK(&counts_desc, "[1,2,3,4,5]", &c)) {
        VAL_ONE(&counts_desc, &c, SPECC_ERR_MAX_ITEMS, "$", "must have <= 4 items, got 5");
        specc_clear(&counts_desc, &c);
    }
    CHECK_NO_LEAK();
}

static void test_maps(void)
{
    t_labels_t l;
    ROUNDTRIP(&labels_desc, "{\"a\":\"x\",\"b\":\"\"}", NULL);
    ROUNDTRIP(&labels_desc, "{}", NULL);
    if (DEC_OK(&labels_desc, "{\"k\":\"toolong\"}", &l)) {
        CHECK(l.count == 1);
        CHECK_STR(l.keys[0], "k");
        CHECK_STR(l.values[0], "toolong");
        VAL_ONE(&labels_desc, &l, SPECC_ERR_MAX_LENGTH, "$.k", "length must be <= 5, got 7");
        specc_clear(&labels_desc, &l);
    }
    DEC_ERR(&labels_desc, "{\"a\":\"x\",\"a\":\"y\"}", SPECC_ERR_DUPLICATE_KEY, "$.a", NULL);
    DEC_ERR(&labels_desc, "[]", SPECC_ERR_TYPE, "$", "expected object, got array");
    DEC_ERR(&labels_desc, "{\"a\":1}", SPECC_ERR_TYPE, "$.a", "expected string, got number 1");
    CHECK_NO_LEAK();
}

static void test_scalars(void)
{
    t_name_t n;
    t_level_t lv;
    t_flag_t f;
    t_ratio_t r;
    t_price_t p;
    t_blob_t b;
    json_t *j;
    specc_error err;

    ROUNDTRIP(&name_desc, "\"0f8e2a6c-3b1d-4c5e-9f7a-1b2c3d4e5f60\"", NULL);
    if (DEC_OK(&name_desc, "\"not-a-uuid\"", &n)) {
        CHECK_STR(n.value, "not-a-uuid");
        VAL_ONE(&name_desc, &n, SPECC_ERR_FORMAT, "$", "not a valid uuid: \"not-a-uuid\"");
        specc_clear(&name_desc, &n);
        CHECK(n.value == NULL);
    }
    DEC_ERR(&name_desc, "7", SPECC_ERR_TYPE, "$", "expected string, got number 7");
    DEC_ERR(&name_desc, "null", SPECC_ERR_NULL, "$", "expected string, got null");
    DEC_ERR(&name_desc, "\"a\\u0000b\"", SPECC_ERR_NUL, "$", NULL);
    n.value = NULL;
    ENC_ERR(&name_desc, &n, SPECC_ERR_MISSING, "$", "string is NULL");
    VAL_ONE(&name_desc, &n, SPECC_ERR_MISSING, "$", "string is NULL");

    ROUNDTRIP(&level_desc, "2", NULL);
    DEC_ERR(&level_desc, "4", SPECC_ERR_ENUM, "$", "expected one of 1, 2, 3, got 4");
    DEC_ERR(&level_desc, "4294967298", SPECC_ERR_RANGE, "$",
            "integer 4294967298 is out of range (int32)");
    lv.value = 9;
    VAL_ONE(&level_desc, &lv, SPECC_ERR_ENUM, "$", "9 is not one of the allowed values");
    ENC_IS(&level_desc, &lv, "9");

    ROUNDTRIP(&flag_desc, "false", NULL);
    ROUNDTRIP(&flag_desc, "true", NULL);
    if (DEC_OK(&flag_desc, "true", &f))
        CHECK(f.value == true);
    ROUNDTRIP(&ratio_desc, "0.25", NULL);
    ROUNDTRIP(&ratio_desc, "-3", NULL);
    if (DEC_OK(&ratio_desc, "1e-2", &r))
        CHECK(r.value == 0.01);
    DEC_ERR(&ratio_desc, "1e999", SPECC_ERR_RANGE, "$", "number 1e999 is out of range (double)");
    ROUNDTRIP(&price_desc, "\"0.50\"", NULL);
    if (DEC_OK(&price_desc, "0.50", &p)) { /* through jansson the spelling is lost */
        ENC_IS(&price_desc, &p, "0.50");
        specc_clear(&price_desc, &p);
    }
    if (DEC_OK(&price_desc, "\"12.30\"", &p)) {
        CHECK_STR(p.value.text, "12.30");
        CHECK(p.value.is_string);
        specc_clear(&price_desc, &p);
    }
    ROUNDTRIP(&blob_desc, "{\"a\":[1,2.5,null,true]}", NULL);
    ROUNDTRIP(&blob_desc, "\"x\"", NULL);
    /* A root null is refused even for `any`: a document is not absent. */
    if (DEC_OK(&blob_desc, "[]", &b)) {
        CHECK(json_is_array(b.value));
        specc_clear(&blob_desc, &b);
    }
    /* decode_json of a scalar. */
    j = json_integer(3);
    CHECK(specc_decode_json(&level_desc, j, &lv, &err) == SPECC_OK && lv.value == 3);
    json_decref(j);
    j = json_string("x");
    CHECK(specc_decode_json(&level_desc, j, &lv, &err) == SPECC_ERR_TYPE);
    CHECK_STR(err.message, "expected integer, got string \"x\"");
    CHECK(err.line == 0 && all_zero(&lv, sizeof lv));
    json_decref(j);
    /* encode_json of a scalar and of an array. */
    lv.value = 2;
    j = specc_encode_json(&level_desc, &lv, &err);
    CHECK(json_is_integer(j) && json_integer_value(j) == 2);
    json_decref(j);
    CHECK_NO_LEAK();
}

static void test_objects(void)
{
    t_items_t it;
    t_stats_t st;
    ROUNDTRIP(&items_desc, "[{\"name\":\"a\"},{\"name\":\"b\",\"count\":2,\"zz\":[1]}]", NULL);
    if (DEC_OK(&items_desc, "[{\"name\":\"a\"},{\"name\":\"b\",\"child\":{\"name\":\"c\"}}]", &it)) {
        CHECK(it.count == 2);
        CHECK_STR(it.items[1].child->name, "c");
        specc_clear(&items_desc, &it);
    }
    DEC_ERR(&items_desc, "[{\"name\":\"a\"},{}]", SPECC_ERR_MISSING, "$[1].name",
            "required key is missing");
    DEC_ERR(&items_desc, "[{\"name\":\"a\"},{\"name\":\"b\",\"count\":\"x\"}]", SPECC_ERR_TYPE,
            "$[1].count", "expected integer, got string \"x\"");

    ROUNDTRIP(&stats_desc, "{\"total\":5,\"delta\":-3,\"counts\":[1]}", NULL);
    ROUNDTRIP(&stats_desc, "{\"total\":0,\"delta\":null,\"counts\":[]}", NULL);
    if (DEC_OK(&stats_desc, "{\"counts\":[2],\"total\":2147483647}", &st)) {
        CHECK(st.total == INT32_MAX && st.delta_state == SPECC_ABSENT);
        CHECK(st.counts.count == 1 && st.counts.items[0] == 2);
        st.total = -1;
        VAL_ONE(&stats_desc, &st, SPECC_ERR_MINIMUM, "$.total", "must be >= 0, got -1");
        specc_clear(&stats_desc, &st);
    }
    DEC_ERR(&stats_desc, "{\"total\":2147483648,\"counts\":[]}", SPECC_ERR_RANGE, "$.total",
            "integer 2147483648 is out of range (int32)");
    DEC_ERR(&stats_desc, "{\"total\":null,\"counts\":[]}", SPECC_ERR_NULL, "$.total",
            "expected integer, got null");
    DEC_ERR(&stats_desc, "{\"total\":1}", SPECC_ERR_MISSING, "$.counts", NULL);
    CHECK_NO_LEAK();
}

static void test_equal_clear(void)
{
    t_counts_t a, b;
    t_name_t x, y;
    if (DEC_OK(&counts_desc, "[1,2]", &a) && DEC_OK(&counts_desc, "[1,2]", &b)) {
        CHECK(specc_equal(&counts_desc, &a, &b));
        b.items[1] = 3;
        CHECK(!specc_equal(&counts_desc, &a, &b));
        b.count = 1;
        CHECK(!specc_equal(&counts_desc, &a, &b));
        b.count = 2;
        specc_clear(&counts_desc, &a);
        specc_clear(&counts_desc, &b);
    }
    specc_init(&name_desc, &x);
    specc_init(&name_desc, &y);
    CHECK(specc_equal(&name_desc, &x, &y)); /* NULL equals NULL */
    x.value = "a";
    CHECK(!specc_equal(&name_desc, &x, &y));
    y.value = "a";
    CHECK(specc_equal(&name_desc, &x, &y));
    /* clear is safe on zeroed and cleared values. */
    specc_init(&counts_desc, &a);
    specc_clear(&counts_desc, &a);
    specc_clear(&counts_desc, &a);
    CHECK(all_zero(&a, sizeof a));
    /* A value type without its value shape is refused, not walked. */
    {
        static const specc_type broken = {.name = "Broken", .size = sizeof(t_name_t),
                                          .kind = SPECC_TYPE_VALUE};
        specc_error err;
        CHECK(specc_decode_text(&broken, "\"x\"", 3, &x, &err) == SPECC_ERR_INVALID);
        CHECK(specc_encode_text(&broken, &x, NULL, &err) == NULL && err.code == SPECC_ERR_INVALID);
        CHECK(specc_validate(&broken, &x, NULL, NULL) == 1);
        specc_clear(&broken, &x);
    }
    CHECK_NO_LEAK();
}

static void test_nesting(void)
{
    char *ok = nested("[", "1", "]", 512), *deep = nested("[", "1", "]", 513);
    char *deep_any = nested("[", "", "]", 600);
    t_grid_t g;
    /* Grid is two levels of arrays: three levels is a type error. */
    ROUNDTRIP(&grid_desc, "[[1,2],[],[3]]", NULL);
    DEC_ERR(&grid_desc, "[[[1]]]", SPECC_ERR_TYPE, "$[0][0]", "expected integer, got array");
    /* Deep text: depth wins over shape, as for objects. */
    DEC_ERR(&grid_desc, deep, SPECC_ERR_DEPTH, NULL, NULL);
    DEC_ERR(&grid_desc, ok, SPECC_ERR_TYPE, "$[0][0]", "expected integer, got array");
    DEC_ERR(&blob_desc, deep_any, SPECC_ERR_DEPTH, NULL, NULL);
    if (DEC_OK(&blob_desc, ok, &g)) /* t_blob_t fits in t_grid_t */
        specc_clear(&blob_desc, &g);
    free(ok);
    free(deep);
    free(deep_any);
    CHECK_NO_LEAK();
}

/* dec_err_at compares paths exactly; depth errors name a deep path. */
static void test_nesting_paths(void)
{
    char *deep = nested("[", "1", "]", 513);
    specc_error err;
    t_grid_t g;
    CHECK(specc_decode_text(&grid_desc, deep, strlen(deep), &g, &err) == SPECC_ERR_DEPTH);
    CHECK(strncmp(err.path, "$[0][0]", 7) == 0);
    CHECK_STR(err.message, "nesting deeper than 512");
    free(deep);
}

static void test_allocation_failures(void)
{
    SWEEP(&counts_desc, "[1,2,3,4]");
    SWEEP(&labels_desc, "{\"a\":\"x\",\"b\":\"y\",\"c\":\"z\"}");
    SWEEP(&name_desc, "\"0f8e2a6c-3b1d-4c5e-9f7a-1b2c3d4e5f60\"");
    SWEEP(&items_desc, "[{\"name\":\"a\",\"tags\":[\"x\"]},{\"name\":\"b\",\"extra\":{\"k\":[1]}}]");
    SWEEP(&stats_desc, "{\"total\":5,\"delta\":-3,\"counts\":[1,2]}");
    SWEEP(&blob_desc, "{\"a\":[1,2.5,null,true]}");
    SWEEP(&price_desc, "\"0.50\"");
    sweep_decode(__LINE__, &counts_desc, "[1,2,3.5]", SPECC_ERR_TYPE);
    sweep_decode(__LINE__, &labels_desc, "{\"a\":\"x\",\"a\":\"y\"}", SPECC_ERR_DUPLICATE_KEY);
    CHECK_NO_LEAK();
}

int main(void)
{
    use_counting_alloc();
    test_arrays();
    test_maps();
    test_scalars();
    test_objects();
    test_equal_clear();
    test_nesting();
    test_nesting_paths();
    test_allocation_failures();
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
