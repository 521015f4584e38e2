/*
 * test_constraints.c — runtime version 3 constraints, checked by validate:
 * exclusiveMinimum / exclusiveMaximum, multipleOf (integers, int32,
 * numbers, decimals), uniqueItems (small arrays pairwise, large ones
 * hashed; equality by specc_equal's rules), const (by JSON value),
 * readOnly / writeOnly through specc_validate_as, the new error codes'
 * names, and allocation failures inside these checks.
 */
#include "v3_check.h"

#include <math.h>

/* ---------------------------------------------------------------- types */

typedef struct t_pt {
    int64_t x;
    specc_unknown _unknown;
} t_pt_t;

static const specc_field pt_fields[] = {
    {.name = "x", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = offsetof(t_pt_t, x),
     .shape = {.kind = SPECC_KIND_INTEGER}},
};
static const specc_type pt_desc = {.name = "Pt", .size = sizeof(t_pt_t), .fields = pt_fields,
                                   .field_count = 1, .unknown = SPECC_UNKNOWN_PRESERVE,
                                   .unknown_offset = offsetof(t_pt_t, _unknown)};

typedef struct t_maybe {
    specc_state state;
    int64_t value;
} t_maybe_t;

typedef struct t_cons {
    specc_state n_state;
    int64_t n;
    specc_state m_state;
    int32_t m;
    specc_state x_state;
    double x;
    specc_state d_state;
    specc_decimal d;
    specc_state tags_state;
    struct {
        char **items;
        size_t count;
    } tags;
    specc_state pts_state;
    struct {
        t_pt_t *items;
        size_t count;
    } pts;
    specc_state nums_state;
    struct {
        double *items;
        size_t count;
    } nums;
    specc_state maybes_state;
    struct {
        t_maybe_t *items;
        size_t count;
    } maybes;
    specc_state anys_state;
    struct {
        json_t **items;
        size_t count;
    } anys;
    specc_state kind_state;
    char *kind;
    specc_state ver_state;
    int64_t ver;
    specc_state obj_state;
    t_pt_t *obj;
    specc_state id_state;
    char *id;
    specc_state secret_state;
    char *secret;
} t_cons_t;

/* Tok: a read-only string without a state member (NULL is absent). */
typedef struct t_tok {
    char *token;
} t_tok_t;
static const specc_field tok_fields[] = {
    {.name = "token", .name_len = 5, .offset = offsetof(t_tok_t, token),
     .shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_READ_ONLY}},
};
static const specc_type tok_desc = {.name = "Tok", .size = sizeof(t_tok_t), .fields = tok_fields,
                                    .field_count = 1, .unknown = SPECC_UNKNOWN_REJECT};

static const specc_shape string_shape = {.kind = SPECC_KIND_STRING};
static const specc_shape pt_shape = {.kind = SPECC_KIND_OBJECT, .type = &pt_desc};
static const specc_shape number_shape = {.kind = SPECC_KIND_NUMBER};
static const specc_shape any_shape = {.kind = SPECC_KIND_ANY};
static const specc_shape maybe_shape = {
    .kind = SPECC_KIND_INTEGER, .flags = SPECC_S_NULLABLE, .elem_size = sizeof(t_maybe_t),
    .state_offset = offsetof(t_maybe_t, state), .value_offset = offsetof(t_maybe_t, value)};

#define CF(n, m, ...)                                                                              \
    {.name = n, .name_len = sizeof n - 1, .flags = SPECC_F_STATE, .offset = offsetof(t_cons_t, m), \
     .state_offset = offsetof(t_cons_t, m##_state), .shape = __VA_ARGS__}
#define UNIQUE_ARRAY(items_) {.kind = SPECC_KIND_ARRAY, .items = items_, .flags = SPECC_S_UNIQUE_ITEMS}

static const specc_field cons_fields[] = {
    CF("n", n, {.kind = SPECC_KIND_INTEGER,
                .flags = SPECC_S_EXCLUSIVE_MINIMUM | SPECC_S_EXCLUSIVE_MAXIMUM | SPECC_S_MULTIPLE_OF,
                .min_int = 0, .max_int = 10, .multiple_int = 3}),
    CF("m", m, {.kind = SPECC_KIND_INT32,
                .flags = SPECC_S_MINIMUM | SPECC_S_EXCLUSIVE_MAXIMUM | SPECC_S_MULTIPLE_OF,
                .min_int = 1, .max_int = 5, .multiple_int = 2}),
    CF("x", x, {.kind = SPECC_KIND_NUMBER,
                .flags = SPECC_S_EXCLUSIVE_MINIMUM | SPECC_S_MAXIMUM | SPECC_S_MULTIPLE_OF,
                .min_num = 0, .max_num = 100, .multiple_num = 0.1}),
    CF("d", d, {.kind = SPECC_KIND_DECIMAL, .flags = SPECC_S_EXCLUSIVE_MAXIMUM | SPECC_S_MULTIPLE_OF,
                .max_num = 1, .multiple_num = 0.25}),
    CF("tags", tags, UNIQUE_ARRAY(&string_shape)),
    CF("pts", pts, UNIQUE_ARRAY(&pt_shape)),
    CF("nums", nums, UNIQUE_ARRAY(&number_shape)),
    CF("maybes", maybes, UNIQUE_ARRAY(&maybe_shape)),
    CF("anys", anys, UNIQUE_ARRAY(&any_shape)),
    CF("kind", kind, {.kind = SPECC_KIND_STRING, .flags = SPECC_S_CONST, .const_json = "\"fixed\""}),
    CF("ver", ver, {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_CONST, .const_json = "2.0"}),
    CF("obj", obj, {.kind = SPECC_KIND_OBJECT, .type = &pt_desc, .flags = SPECC_S_CONST,
                    .const_json = "{\"x\": 1}"}),
    {.name = "id", .name_len = 2, .flags = SPECC_F_STATE | SPECC_F_REQUIRED,
     .offset = offsetof(t_cons_t, id), .state_offset = offsetof(t_cons_t, id_state),
     .shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_READ_ONLY}},
    {.name = "secret", .name_len = 6, .flags = SPECC_F_STATE | SPECC_F_REQUIRED,
     .offset = offsetof(t_cons_t, secret), .state_offset = offsetof(t_cons_t, secret_state),
     .shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_WRITE_ONLY}},
};
static const specc_type cons_desc = {.name = "Cons", .size = sizeof(t_cons_t),
                                     .fields = cons_fields,
                                     .field_count = sizeof cons_fields / sizeof cons_fields[0],
                                     .unknown = SPECC_UNKNOWN_REJECT};

/* A value with the two required directional fields set, the rest absent. */
static t_cons_t base_value(void)
{
    t_cons_t c;
    memset(&c, 0, sizeof c);
    c.id_state = c.secret_state = SPECC_PRESENT;
    c.id = "i";
    c.secret = "s";
    return c;
}

/* ---------------------------------------------------------------- tests */

static void test_bounds(void)
{
    t_cons_t c = base_value();
    char big[] = "1e400", one[] = "1", quarter[] = "0.75", bad[] = "0.8";

    VAL_NONE(&cons_desc, &c);
    c.n_state = SPECC_PRESENT;
    c.n = 3;
    VAL_NONE(&cons_desc, &c);
    c.n = 0;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.n", "must be > 0, got 0");
    c.n = 12;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.n", "must be < 10, got 12");
    c.n = 4;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MULTIPLE_OF, "$.n", "must be a multiple of 3, got 4");
    c.n = INT64_MIN; /* no overflow in the remainder */
    CHECK(specc_validate(&cons_desc, &c, NULL, NULL) == 2);
    c.n = 9;

    c.m_state = SPECC_PRESENT;
    c.m = 2;
    VAL_NONE(&cons_desc, &c);
    c.m = 1;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MULTIPLE_OF, "$.m", "must be a multiple of 2, got 1");
    c.m = 0;
    CHECK(specc_validate(&cons_desc, &c, NULL, NULL) == 1); /* >= 1; 0 is a multiple of 2 */
    c.m = 6;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.m", "must be < 5, got 6");
    c.m = 4;

    c.x_state = SPECC_PRESENT;
    c.x = 0.5; /* 0.5 / 0.1 is 5 in doubles */
    VAL_NONE(&cons_desc, &c);
    c.x = 0;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.x", "must be > 0, got 0");
    c.x = 0.3; /* 0.3 / 0.1 is 2.9999999999999996: not a multiple, as ajv says */
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MULTIPLE_OF, "$.x", "must be a multiple of 0.1, got 0.3");
    c.x = 100;
    VAL_NONE(&cons_desc, &c);
    c.x = 1e300; /* above the maximum; 1e300 / 0.1 is an integer in doubles */
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.x", "must be <= 100, got 1e+300");
    c.x = 5e-324; /* the quotient is not an integer */
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MULTIPLE_OF, "$.x", "must be a multiple of 0.1, got 5e-324");
    c.x = 1;

    c.d_state = SPECC_PRESENT;
    c.d.text = quarter;
    VAL_NONE(&cons_desc, &c);
    c.d.is_string = true;
    VAL_NONE(&cons_desc, &c);
    c.d.text = one;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.d", "must be < 1, got 1");
    c.d.text = bad;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_MULTIPLE_OF, "$.d", "must be a multiple of 0.25, got 0.8");
    c.d.text = big;
    CHECK(specc_validate(&cons_desc, &c, NULL, NULL) == 2);
    c.d.text = quarter;
    VAL_NONE(&cons_desc, &c);
}

static void test_bad_descriptors(void)
{
    static const specc_field f[] = {
        {.name = "a", .name_len = 1, .offset = 0,
         .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_MULTIPLE_OF, .multiple_int = 0}},
        {.name = "b", .name_len = 1, .offset = 8,
         .shape = {.kind = SPECC_KIND_NUMBER, .flags = SPECC_S_MULTIPLE_OF, .multiple_num = -1}},
    };
    static const specc_type t = {.name = "T", .size = 16, .fields = f, .field_count = 2,
                                 .unknown = SPECC_UNKNOWN_IGNORE};
    char v[16];
    found fd = {0, {{0, 0, 0, "", ""}}};
    memset(v, 0, sizeof v);
    CHECK(specc_validate(&t, v, collect, &fd) == 2);
    CHECK(fd.e[0].code == SPECC_ERR_INVALID && fd.e[1].code == SPECC_ERR_INVALID);
    CHECK_STR(fd.e[0].message, "multipleOf 0 is not positive");
}

static void test_unique_small(void)
{
    t_cons_t c;
    if (DEC_OK(&cons_desc, "{\"id\":\"i\",\"secret\":\"s\",\"tags\":[\"a\",\"b\",\"a\",\"b\",\"c\"]}", &c)) {
        found f = {0, {{0, 0, 0, "", ""}}};
        CHECK(specc_validate(&cons_desc, &c, collect, &f) == 2);
        CHECK(f.e[0].code == SPECC_ERR_UNIQUE);
        CHECK_STR(f.e[0].path, "$.tags[2]");
        CHECK_STR(f.e[0].message, "item 2 equals item 0 (items must be unique)");
        CHECK_STR(f.e[1].path, "$.tags[3]");
        specc_clear(&cons_desc, &c);
    }
    /* Objects by specc_equal's rules: kept unknown keys by JSON value. */
    if (DEC_OK(&cons_desc, "{\"id\":\"i\",\"secret\":\"s\",\"pts\":[{\"x\":1,\"u\":{\"a\":1,\"b\":[100]}},"
                           "{\"x\":1,\"u\":{\"b\":[1.0E+2],\"a\":1.0}},{\"x\":2}]}", &c)) {
        VAL_ONE(&cons_desc, &c, SPECC_ERR_UNIQUE, "$.pts[1]", "item 1 equals item 0 (items must be unique)");
        specc_clear(&cons_desc, &c);
    }
    ROUNDTRIP(&cons_desc, "{\"pts\":[{\"x\":1,\"u\":1},{\"x\":1,\"u\":2},{\"x\":1}],\"id\":\"i\",\"secret\":\"s\"}",
              "{\"pts\":[{\"x\":1,\"u\":1},{\"x\":1,\"u\":2},{\"x\":1}],\"id\":\"i\",\"secret\":\"s\"}");
    if (DEC_OK(&cons_desc, "{\"id\":\"i\",\"secret\":\"s\",\"nums\":[0,-0.0,1]}", &c)) {
        VAL_ONE(&cons_desc, &c, SPECC_ERR_UNIQUE, "$.nums[1]", NULL);
        specc_clear(&cons_desc, &c);
    }
    if (DEC_OK(&cons_desc, "{\"id\":\"i\",\"secret\":\"s\",\"maybes\":[null,1,null,2,1]}", &c)) {
        found f = {0, {{0, 0, 0, "", ""}}};
        CHECK(specc_validate(&cons_desc, &c, collect, &f) == 2);
        CHECK_STR(f.e[0].path, "$.maybes[2]");
        CHECK_STR(f.e[1].path, "$.maybes[4]");
        specc_clear(&cons_desc, &c);
    }
    if (DEC_OK(&cons_desc, "{\"id\":\"i\",\"secret\":\"s\",\"anys\":[{\"a\":[1,\"x\"],\"b\":null},"
                           "{\"b\":null,\"a\":[1,\"x\"]},1,1.0,\"1\"]}", &c)) {
        /* jansson values: key order does not count, 1 and 1.0 differ. */
        VAL_ONE(&cons_desc, &c, SPECC_ERR_UNIQUE, "$.anys[1]", NULL);
        specc_clear(&cons_desc, &c);
    }
    CHECK_NO_LEAK();
}

/* More than 16 items: a hash table; the same answers. */
static void test_unique_large(void)
{
    char text[8192], *p = text;
    t_cons_t c;
    int i;

    p += sprintf(p, "{\"id\":\"i\",\"secret\":\"s\",\"tags\":[");
    for (i = 0; i < 200; i++)
        p += sprintf(p, "%s\"t%d\"", i ? "," : "", i == 150 ? 7 : i == 199 ? 150 : i);
    p += sprintf(p, "],\"pts\":[");
    for (i = 0; i < 40; i++)
        p += sprintf(p, "%s{\"x\":%d,\"k\":%s}", i ? "," : "", i % 20,
                     i < 20 ? "100" : i == 33 ? "1.0E+2" : "\"v\"");
    p += sprintf(p, "],\"nums\":[");
    for (i = 0; i < 30; i++)
        p += sprintf(p, "%s%s", i ? "," : "", i == 0 ? "0" : i == 29 ? "-0.0" : i == 5 ? "1e1" : "2.5e-1");
    sprintf(p, "]}");
    if (DEC_OK(&cons_desc, text, &c)) {
        found f = {0, {{0, 0, 0, "", ""}}};
        size_t n = specc_validate(&cons_desc, &c, collect, &f);
        /* tags: 150 repeats 7; pts: 33 repeats 13 (100 = 1.0E+2); nums: 2.5e-1
         * repeated 26 times after its first, and -0.0 repeats 0. */
        CHECK(n == 1 + 1 + 26 + 1);
        CHECK(f.n >= 3);
        CHECK_STR(f.e[0].path, "$.tags[150]");
        CHECK_STR(f.e[0].message, "item 150 equals item 7 (items must be unique)");
        CHECK_STR(f.e[1].path, "$.pts[33]");
        CHECK_STR(f.e[1].message, "item 33 equals item 13 (items must be unique)");
        CHECK_STR(f.e[2].path, "$.nums[2]");
        sweep_validate(__LINE__, &cons_desc, &c, n);
        specc_clear(&cons_desc, &c);
    }
    CHECK_NO_LEAK();
}

/* 10^5 distinct strings: linear time, no false duplicates. */
static void test_unique_many(void)
{
    size_t n = 100000, i, len = 0;
    char *text = malloc(n * 16 + 64);
    t_cons_t c;
    len += (size_t)sprintf(text, "{\"id\":\"i\",\"secret\":\"s\",\"tags\":[");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s\"%zu\"", i ? "," : "", i * 7919);
    sprintf(text + len, "]}");
    if (DEC_OK(&cons_desc, text, &c)) {
        CHECK(specc_validate(&cons_desc, &c, NULL, NULL) == 0);
        c.tags.items[n - 1][0] = c.tags.items[0][0]; /* "0" and a longer string: still distinct */
        CHECK(specc_validate(&cons_desc, &c, NULL, NULL) == 0);
        specc_free(c.tags.items[n - 1]);
        c.tags.items[n - 1] = malloc(2);
        memcpy(c.tags.items[n - 1], "0", 2);
        CHECK(specc_validate(&cons_desc, &c, NULL, NULL) == 1);
        free(c.tags.items[n - 1]);
        c.tags.count--;
        specc_clear(&cons_desc, &c);
    }
    free(text);
    CHECK_NO_LEAK();
}

static void test_const(void)
{
    t_cons_t c;
    if (DEC_OK(&cons_desc, "{\"id\":\"i\",\"secret\":\"s\",\"kind\":\"fixed\",\"ver\":2,\"obj\":{\"x\":1}}", &c)) {
        VAL_NONE(&cons_desc, &c);
        specc_free(c.kind);
        c.kind = malloc(6);
        memcpy(c.kind, "other", 6);
        VAL_ONE(&cons_desc, &c, SPECC_ERR_CONST, "$.kind", "must be \"fixed\", got \"other\"");
        free(c.kind);
        c.kind = NULL;
        c.kind_state = SPECC_ABSENT;
        c.ver = 3;
        VAL_ONE(&cons_desc, &c, SPECC_ERR_CONST, "$.ver", "must be 2.0, got 3");
        c.ver = 2;
        c.obj->x = 2;
        VAL_ONE(&cons_desc, &c, SPECC_ERR_CONST, "$.obj", "must be {\"x\": 1}, got {\"x\":2}");
        c.obj->x = 1;
        CHECK(specc_unknown_set(&c.obj->_unknown, "y", "null", NULL) == SPECC_OK);
        VAL_ONE(&cons_desc, &c, SPECC_ERR_CONST, "$.obj", "must be {\"x\": 1}, got {\"x\":1,\"y\":null}");
        sweep_validate(__LINE__, &cons_desc, &c, 1);
        specc_clear(&cons_desc, &c);
    }
    /* A value that cannot be written is reported once, not as const too. */
    c = base_value();
    c.kind_state = SPECC_PRESENT;
    c.kind = NULL;
    VAL_ONE(&cons_desc, &c, SPECC_ERR_INVALID, "$.kind",
            "state is SPECC_PRESENT but there is no value (set one, or set the state)");
    CHECK_NO_LEAK();
}

static void test_directions(void)
{
    t_cons_t c = base_value();
    t_tok_t t = {NULL};
    VAL_NONE(&cons_desc, &c);
    VAL_ONE_AS(&cons_desc, &c, SPECC_AS_REQUEST, SPECC_ERR_READ_ONLY, "$.id",
               "read-only field must be absent in a request");
    VAL_ONE_AS(&cons_desc, &c, SPECC_AS_RESPONSE, SPECC_ERR_WRITE_ONLY, "$.secret",
               "write-only field must be absent in a response");
    c.id_state = SPECC_NULL; /* null is present */
    VAL_ONE_AS(&cons_desc, &c, SPECC_AS_REQUEST, SPECC_ERR_READ_ONLY, "$.id", NULL);
    c.id_state = SPECC_ABSENT; /* required, but read-only: may be absent in a request */
    c.id = NULL;              /* (a value behind an absent state is a mismatch) */
    VAL_NONE_AS(&cons_desc, &c, SPECC_AS_REQUEST);
    VAL_NONE(&cons_desc, &c); /* and without a direction */
    CHECK(specc_validate_as(&cons_desc, &c, SPECC_AS_RESPONSE, NULL, NULL) == 2);
    c.secret_state = SPECC_ABSENT;
    c.secret = NULL;
    VAL_ONE_AS(&cons_desc, &c, SPECC_AS_RESPONSE, SPECC_ERR_MISSING, "$.id", "required field is absent");
    VAL_ONE_AS(&cons_desc, &c, SPECC_AS_REQUEST, SPECC_ERR_MISSING, "$.secret", "required field is absent");
    VAL_NONE(&cons_desc, &c);
    c.id_state = SPECC_PRESENT;
    c.id = "i";
    c.secret_state = SPECC_ABSENT;
    VAL_NONE_AS(&cons_desc, &c, SPECC_AS_RESPONSE);
    CHECK(specc_validate_as(&cons_desc, &c, SPECC_AS_REQUEST, NULL, NULL) == 2);
    c.id_state = SPECC_ABSENT;
    c.id = NULL;
    VAL_ONE_AS(&cons_desc, &c, SPECC_AS_REQUEST, SPECC_ERR_MISSING, "$.secret", NULL);
    /* Without a state member, a pointer that is not NULL is present. */
    VAL_NONE_AS(&tok_desc, &t, SPECC_AS_REQUEST);
    VAL_NONE(&tok_desc, &t);
    VAL_ONE_AS(&tok_desc, &t, SPECC_AS_RESPONSE, SPECC_ERR_MISSING, "$.token", "string is NULL");
    ENC_IS(&tok_desc, &t, "{}"); /* NULL: absent */
    ROUNDTRIP(&tok_desc, "{}", NULL);
    t.token = "t";
    ENC_IS(&tok_desc, &t, "{\"token\":\"t\"}");
    VAL_ONE_AS(&tok_desc, &t, SPECC_AS_REQUEST, SPECC_ERR_READ_ONLY, "$.token", NULL);
    VAL_NONE_AS(&tok_desc, &t, SPECC_AS_RESPONSE);
    CHECK(specc_validate_as(NULL, &c, SPECC_AS_REQUEST, NULL, NULL) == 1);
}

/* The decoder does not demand required readOnly / writeOnly fields. */
static void test_decode_directional(void)
{
    t_cons_t c;
    if (DEC_OK(&cons_desc, "{}", &c)) {
        CHECK(c.id_state == SPECC_ABSENT && c.secret_state == SPECC_ABSENT);
        VAL_NONE(&cons_desc, &c);
        specc_clear(&cons_desc, &c);
    }
    ROUNDTRIP(&cons_desc, "{\"id\":\"x\"}", NULL);
    CHECK_NO_LEAK();
}

static void test_code_names(void)
{
    CHECK_STR(specc_code_name(SPECC_ERR_MULTIPLE_OF), "multiple-of");
    CHECK_STR(specc_code_name(SPECC_ERR_UNIQUE), "unique");
    CHECK_STR(specc_code_name(SPECC_ERR_CONST), "const");
    CHECK_STR(specc_code_name(SPECC_ERR_READ_ONLY), "read-only");
    CHECK_STR(specc_code_name(SPECC_ERR_WRITE_ONLY), "write-only");
    CHECK_STR(specc_code_name(SPECC_ERR_NOMEM), "nomem");
    CHECK(SPECC_ERR_NOMEM == 22 && SPECC_ERR_MULTIPLE_OF == 23 && SPECC_ERR_WRITE_ONLY == 27);
    CHECK_STR(specc_code_name((specc_code)99), "unknown");
}

static void test_allocation_failures(void)
{
    SWEEP(&cons_desc, "{\"n\":3,\"m\":2,\"x\":0.5,\"d\":\"0.25\",\"tags\":[\"a\",\"b\"],"
                      "\"pts\":[{\"x\":1,\"q\":[1]},{\"x\":2}],\"kind\":\"fixed\",\"ver\":2,"
                      "\"obj\":{\"x\":1},\"id\":\"i\",\"secret\":\"s\"}");
    CHECK_NO_LEAK();
}

int main(void)
{
    use_counting_alloc();
    test_bounds();
    test_bad_descriptors();
    test_unique_small();
    test_unique_large();
    test_unique_many();
    test_const();
    test_directions();
    test_decode_directional();
    test_code_names();
    test_allocation_failures();
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
