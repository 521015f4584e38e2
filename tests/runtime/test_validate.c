/*
 * test_validate.c — specc_validate: each violation reported once with its
 * code and path, several violations all reported, valid values silent.
 */
#include "demo_types.h"

#include <math.h>

/* ------------------------------------------------------ a constrained type */

typedef struct cons {
    char *day;                  /* required, format date */
    specc_state when_state;     /* optional, date-time */
    char *when;
    specc_state code_state;     /* pattern ^[a-z]+$, length 2..4 (code points) */
    char *code;
    specc_state bad_re_state;   /* a pattern that does not compile */
    char *bad_re;
    specc_state id_state;       /* uuid */
    char *id;
    specc_state age_state;      /* 0..150 */
    int64_t age;
    specc_state level_state;    /* closed integer enum {0, 1} */
    int64_t level;
    specc_state olevel_state;   /* open integer enum {0, 1} */
    int64_t olevel;
    specc_state score_state;    /* 0..1 */
    double score;
    specc_state cost_state;     /* decimal 0..100 */
    specc_decimal cost;
    specc_state tags_state;     /* 1..3 items, each at most 3 code points */
    struct {
        char **items;
        size_t count;
    } tags;
    specc_state limits_state;   /* map of integers >= 0, at most 3 entries */
    struct {
        char **keys;
        int64_t *values;
        size_t count;
    } limits;
    specc_state must_state;     /* required and nullable */
    char *must;
    json_t *blob;               /* ANY, required, not nullable */
    specc_unknown _unknown;
} cons_t;

static const specc_shape short_string = {
    .kind = SPECC_KIND_STRING, .flags = SPECC_S_MAX_LENGTH, .max_length = 3};
static const specc_shape non_negative = {
    .kind = SPECC_KIND_INTEGER, .flags = SPECC_S_MINIMUM, .min_int = 0};
static const int64_t level_values[] = {0, 1};

#define CONS_STATE(m) .flags = SPECC_F_STATE, .state_offset = offsetof(cons_t, m##_state), \
                      .offset = offsetof(cons_t, m)

static const specc_field cons_fields[] = {
    {.name = "day", .name_len = 3, .flags = SPECC_F_REQUIRED, .offset = offsetof(cons_t, day),
     .shape = {.kind = SPECC_KIND_STRING, .format = SPECC_FORMAT_DATE}},
    {.name = "when", .name_len = 4, CONS_STATE(when),
     .shape = {.kind = SPECC_KIND_STRING, .format = SPECC_FORMAT_DATE_TIME}},
    {.name = "code", .name_len = 4, CONS_STATE(code),
     .shape = {.kind = SPECC_KIND_STRING, .pattern = "^[a-z]+$",
               .flags = SPECC_S_MIN_LENGTH | SPECC_S_MAX_LENGTH, .min_length = 2,
               .max_length = 4}},
    {.name = "bad_re", .name_len = 6, CONS_STATE(bad_re),
     .shape = {.kind = SPECC_KIND_STRING, .pattern = "a(b"}},
    {.name = "id", .name_len = 2, CONS_STATE(id),
     .shape = {.kind = SPECC_KIND_STRING, .format = SPECC_FORMAT_UUID}},
    {.name = "age", .name_len = 3, CONS_STATE(age),
     .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_MINIMUM | SPECC_S_MAXIMUM,
               .min_int = 0, .max_int = 150}},
    {.name = "level", .name_len = 5, CONS_STATE(level),
     .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_INT_ENUM, .enum_ints = level_values,
               .enum_count = 2}},
    {.name = "olevel", .name_len = 6, CONS_STATE(olevel),
     .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_INT_ENUM | SPECC_S_OPEN_ENUM,
               .enum_ints = level_values, .enum_count = 2}},
    {.name = "score", .name_len = 5, CONS_STATE(score),
     .shape = {.kind = SPECC_KIND_NUMBER, .flags = SPECC_S_MINIMUM | SPECC_S_MAXIMUM,
               .min_num = 0, .max_num = 1}},
    {.name = "cost", .name_len = 4, CONS_STATE(cost),
     .shape = {.kind = SPECC_KIND_DECIMAL, .flags = SPECC_S_MINIMUM | SPECC_S_MAXIMUM,
               .min_num = 0, .max_num = 100}},
    {.name = "tags", .name_len = 4, CONS_STATE(tags),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &short_string,
               .flags = SPECC_S_MIN_ITEMS | SPECC_S_MAX_ITEMS, .min_items = 1, .max_items = 3}},
    {.name = "limits", .name_len = 6, CONS_STATE(limits),
     .shape = {.kind = SPECC_KIND_MAP, .items = &non_negative, .flags = SPECC_S_MAX_ITEMS,
               .max_items = 3}},
    {.name = "must", .name_len = 4, .flags = SPECC_F_REQUIRED | SPECC_F_NULLABLE | SPECC_F_STATE,
     .offset = offsetof(cons_t, must), .state_offset = offsetof(cons_t, must_state),
     .shape = {.kind = SPECC_KIND_STRING}},
    {.name = "blob", .name_len = 4, .flags = SPECC_F_REQUIRED, .offset = offsetof(cons_t, blob),
     .shape = {.kind = SPECC_KIND_ANY}},
};

static const specc_type cons_desc = {
    .name = "Constrained",
    .size = sizeof(cons_t),
    .fields = cons_fields,
    .field_count = sizeof cons_fields / sizeof cons_fields[0],
    .unknown = SPECC_UNKNOWN_PRESERVE,
    .unknown_offset = offsetof(cons_t, _unknown),
};

/* ------------------------------------------------------------- collecting */

#define MAX_SEEN 64

typedef struct seen {
    size_t n;
    specc_error errors[MAX_SEEN];
} seen;

static void collect(const specc_error *e, void *ctx)
{
    seen *s = ctx;
    if (s->n < MAX_SEEN)
        s->errors[s->n] = *e;
    s->n++;
}

static void print_seen(const seen *s)
{
    size_t i;
    for (i = 0; i < s->n && i < MAX_SEEN; i++)
        printf("    %s at %s: %s\n", specc_code_name(s->errors[i].code), s->errors[i].path,
               s->errors[i].message);
}

/* Exactly one violation, with this code and path (and message, if given). */
static void expect_one_at(int line, const specc_type *type, const void *value, specc_code code,
                          const char *path, const char *message)
{
    seen s;
    size_t count;
    s.n = 0;
    count = specc_validate(type, value, collect, &s);
    if (count != 1 || s.n != 1 || s.errors[0].code != code || strcmp(s.errors[0].path, path) ||
        (message && strcmp(s.errors[0].message, message))) {
        failures++;
        printf("%s:%d: want one %s at %s%s%s, got %zu:\n", __FILE__, line, specc_code_name(code),
               path, message ? ": " : "", message ? message : "", count);
        print_seen(&s);
    }
    CHECK(specc_validate(type, value, NULL, NULL) == count); /* no callback: same count */
}

static void expect_none_at(int line, const specc_type *type, const void *value)
{
    seen s;
    s.n = 0;
    if (specc_validate(type, value, collect, &s) != 0) {
        failures++;
        printf("%s:%d: want no violation, got %zu:\n", __FILE__, line, s.n);
        print_seen(&s);
    }
}

#define expect_one(type, value, code, path) expect_one_at(__LINE__, type, value, code, path, NULL)
#define expect_msg(type, value, code, path, msg)                                                   \
    expect_one_at(__LINE__, type, value, code, path, msg)
#define expect_none(type, value) expect_none_at(__LINE__, type, value)

/* ---------------------------------------------------------------- values */

static char *good_tags[] = {"a", "\xc3\xa9t\xc3\xa9", "xyz"}; /* "été" is 3 code points */
static char *good_keys[] = {"x", "odd key"};
static int64_t good_limits[] = {0, 5};

static cons_t good_cons(void)
{
    cons_t c;
    memset(&c, 0, sizeof c);
    c.day = "2024-02-29";
    c.when_state = SPECC_PRESENT;
    c.when = "1990-12-31T23:59:60Z";
    c.code_state = SPECC_PRESENT;
    c.code = "abcd";
    c.id_state = SPECC_PRESENT;
    c.id = "123E4567-e89b-12d3-a456-426614174000";
    c.age_state = c.level_state = c.olevel_state = c.score_state = SPECC_PRESENT;
    c.age = 150;
    c.level = 1;
    c.olevel = 7; /* open: anything goes */
    c.score = 0;
    c.cost_state = SPECC_PRESENT;
    c.cost.text = "100.00";
    c.tags_state = SPECC_PRESENT;
    c.tags.items = good_tags;
    c.tags.count = 3;
    c.limits_state = SPECC_PRESENT;
    c.limits.keys = good_keys;
    c.limits.values = good_limits;
    c.limits.count = 2;
    c.must_state = SPECC_NULL;
    c.blob = json_null(); /* ANY: null is a value; required means the key is there */
    return c;
}

static void test_valid(void)
{
    cons_t c = good_cons();
    demo_item_t it;
    c.blob = json_true();
    expect_none(&cons_desc, &c);

    memset(&it, 0, sizeof it);
    it.name = "x";
    expect_none(&demo_item_desc, &it);
}

static void test_strings(void)
{
    cons_t c = good_cons();
    c.blob = json_true();

    c.day = "2024-02-30";
    expect_msg(&cons_desc, &c, SPECC_ERR_FORMAT, "$.day", "not a valid date: \"2024-02-30\"");
    c.day = "2024-02-29";
    c.when = "2024-02-30T00:00:00Z";
    expect_msg(&cons_desc, &c, SPECC_ERR_FORMAT, "$.when",
               "not a valid date-time: \"2024-02-30T00:00:00Z\"");
    c.when = "2024-01-01T12:00:60Z";
    expect_one(&cons_desc, &c, SPECC_ERR_FORMAT, "$.when");
    c.when = "x";
    c.when_state = SPECC_ABSENT; /* a value behind an absent state: encoding would drop it */
    expect_msg(&cons_desc, &c, SPECC_ERR_INVALID, "$.when",
               "state is SPECC_ABSENT but the field holds a value, which encoding would drop");
    c.when = NULL;
    expect_none(&cons_desc, &c);
    c.when_state = SPECC_PRESENT;
    c.when = "1990-12-31T15:59:60-08:00";
    expect_none(&cons_desc, &c);

    c.id = "123e4567-e89b-12d3-a456-42661417400g";
    expect_one(&cons_desc, &c, SPECC_ERR_FORMAT, "$.id");
    c.id = "123e4567-e89b-12d3-a456-426614174000";

    c.code = "a";
    expect_msg(&cons_desc, &c, SPECC_ERR_MIN_LENGTH, "$.code", "length must be >= 2, got 1");
    c.code = "abcde";
    expect_msg(&cons_desc, &c, SPECC_ERR_MAX_LENGTH, "$.code", "length must be <= 4, got 5");
    c.code = "ab1";
    expect_one(&cons_desc, &c, SPECC_ERR_PATTERN, "$.code");
    c.code = "A";
    {
        seen s;
        s.n = 0;
        CHECK(specc_validate(&cons_desc, &c, collect, &s) == 2); /* too short, and no match */
        CHECK(s.n == 2 && s.errors[0].code == SPECC_ERR_MIN_LENGTH &&
              s.errors[1].code == SPECC_ERR_PATTERN);
    }
    c.code = "ab\xff";
    expect_one(&cons_desc, &c, SPECC_ERR_FORMAT, "$.code"); /* broken UTF-8: nothing else */
    c.code = "ab";

    c.bad_re_state = SPECC_PRESENT;
    c.bad_re = "ab";
    expect_one(&cons_desc, &c, SPECC_ERR_INVALID, "$.bad_re");
    c.bad_re_state = SPECC_ABSENT;
    c.bad_re = NULL;

    /* Length in code points: 4 two-byte characters fit "at most 4". */
    c.code = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    expect_one(&cons_desc, &c, SPECC_ERR_PATTERN, "$.code"); /* é is not [a-z] */
}

/* Unanchored search, as in JSON Schema. */
static void test_pattern_search(void)
{
    static const specc_field f[] = {
        {.name = "s", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = 0,
         .shape = {.kind = SPECC_KIND_STRING, .pattern = "b+c"}}};
    static const specc_type t = {.name = "P", .size = sizeof(char *), .fields = f,
                                 .field_count = 1, .unknown = SPECC_UNKNOWN_IGNORE};
    char *s = "aabbcc";
    expect_none(&t, &s);
    s = "cb";
    expect_one(&t, &s, SPECC_ERR_PATTERN, "$.s");
}

static void test_numbers(void)
{
    cons_t c = good_cons();
    c.blob = json_true();

    c.age = -1;
    expect_msg(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.age", "must be >= 0, got -1");
    c.age = 151;
    expect_msg(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.age", "must be <= 150, got 151");
    c.age = INT64_MIN;
    expect_one(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.age");
    c.age = 0;

    c.level = 2;
    expect_one(&cons_desc, &c, SPECC_ERR_ENUM, "$.level");
    c.level = 0;
    c.olevel = INT64_MAX;
    expect_none(&cons_desc, &c);

    c.score = -0.5;
    expect_msg(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.score", "must be >= 0, got -0.5");
    c.score = 1.5;
    expect_msg(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.score", "must be <= 1, got 1.5");
    c.score = NAN;
    expect_one(&cons_desc, &c, SPECC_ERR_RANGE, "$.score");
    c.score = INFINITY;
    expect_one(&cons_desc, &c, SPECC_ERR_RANGE, "$.score");
    c.score = 1;
    expect_none(&cons_desc, &c);

    c.cost.text = "100.01";
    expect_msg(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.cost", "must be <= 100, got 100.01");
    c.cost.text = "-0.01";
    expect_one(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.cost");
    c.cost.text = "1e999"; /* beyond double: still above the maximum */
    expect_one(&cons_desc, &c, SPECC_ERR_MAXIMUM, "$.cost");
    c.cost.text = "1.";
    expect_one(&cons_desc, &c, SPECC_ERR_FORMAT, "$.cost");
    c.cost.text = NULL;
    expect_msg(&cons_desc, &c, SPECC_ERR_INVALID, "$.cost",
               "state is SPECC_PRESENT but there is no value (set one, or set the state)");
    c.cost.text = "0";
    c.cost.is_string = true;
    expect_none(&cons_desc, &c);
}

static void test_states(void)
{
    cons_t c = good_cons();
    c.blob = json_true();

    c.must_state = SPECC_ABSENT;
    expect_one(&cons_desc, &c, SPECC_ERR_MISSING, "$.must");
    c.must_state = SPECC_PRESENT;
    c.must = "m";
    expect_none(&cons_desc, &c);
    c.must = NULL; /* present but NULL */
    expect_one(&cons_desc, &c, SPECC_ERR_INVALID, "$.must");
    c.must_state = SPECC_NULL;

    c.age_state = SPECC_NULL; /* not nullable */
    expect_one(&cons_desc, &c, SPECC_ERR_NULL, "$.age");
    c.age_state = (specc_state)3;
    expect_one(&cons_desc, &c, SPECC_ERR_INVALID, "$.age");
    c.age_state = SPECC_ABSENT;
    expect_none(&cons_desc, &c);

    c.day = NULL; /* required, no state */
    expect_one(&cons_desc, &c, SPECC_ERR_MISSING, "$.day");
    c.day = "2000-01-01";

    c.blob = NULL; /* ANY: NULL is absent */
    expect_one(&cons_desc, &c, SPECC_ERR_MISSING, "$.blob");
    c.blob = json_null(); /* ANY: null is a JSON value like any other */
    expect_none(&cons_desc, &c);
}

static void test_containers(void)
{
    cons_t c = good_cons();
    char *long_tag[] = {"ok", "four"};
    char *dup_keys[] = {"x", "odd key", "x"};
    char *bad_key[] = {"x\xff"};
    int64_t vals[] = {1, -2, 3, 4};

    c.blob = json_true();
    c.tags.count = 0;
    expect_msg(&cons_desc, &c, SPECC_ERR_MIN_ITEMS, "$.tags", "must have >= 1 items, got 0");
    c.tags.count = 4;
    c.tags.items = (char *[]){"a", "b", "c", "d"};
    expect_msg(&cons_desc, &c, SPECC_ERR_MAX_ITEMS, "$.tags", "must have <= 3 items, got 4");
    c.tags.items = long_tag;
    c.tags.count = 2;
    expect_one(&cons_desc, &c, SPECC_ERR_MAX_LENGTH, "$.tags[1]");
    c.tags.items = NULL;
    expect_one(&cons_desc, &c, SPECC_ERR_INVALID, "$.tags");
    c.tags.items = (char *[]){"a", NULL};
    expect_one(&cons_desc, &c, SPECC_ERR_MISSING, "$.tags[1]");
    c.tags.items = good_tags;

    c.limits.values = vals;
    expect_msg(&cons_desc, &c, SPECC_ERR_MINIMUM, "$.limits['odd key']", "must be >= 0, got -2");
    c.limits.keys = dup_keys;
    c.limits.count = 3;
    {
        seen s;
        s.n = 0;
        CHECK(specc_validate(&cons_desc, &c, collect, &s) == 2);
        CHECK(s.n == 2 && s.errors[0].code == SPECC_ERR_DUPLICATE_KEY &&
              strcmp(s.errors[0].path, "$.limits.x") == 0);
        CHECK(s.n == 2 && s.errors[1].code == SPECC_ERR_MINIMUM);
    }
    c.limits.values = good_limits;
    c.limits.count = 4;
    c.limits.keys = (char *[]){"a", "b", "c", "d"};
    c.limits.values = vals;
    vals[1] = 2;
    expect_one(&cons_desc, &c, SPECC_ERR_MAX_ITEMS, "$.limits");
    c.limits.keys = bad_key;
    c.limits.count = 1;
    expect_one(&cons_desc, &c, SPECC_ERR_FORMAT, "$.limits['x\xff']");
    c.limits.keys = (char *[]){NULL};
    expect_one(&cons_desc, &c, SPECC_ERR_INVALID, "$.limits[0]");
    c.limits.keys = NULL;
    expect_one(&cons_desc, &c, SPECC_ERR_INVALID, "$.limits");
}

/* Many keys: duplicates found through the hash set, each reported. */
static void test_big_map(void)
{
    cons_t c = good_cons();
    static char names[1000][8];
    static char *keys[1000];
    static int64_t vals[1000];
    static const specc_shape any_count = {.kind = SPECC_KIND_INTEGER};
    specc_field fields[1];
    specc_type t;
    seen s;
    size_t i;

    (void)c;
    for (i = 0; i < 1000; i++) {
        snprintf(names[i], sizeof names[i], "k%zu", i % 997); /* 3 repeats */
        keys[i] = names[i];
    }
    memset(fields, 0, sizeof fields);
    fields[0].name = "m";
    fields[0].name_len = 1;
    fields[0].flags = SPECC_F_REQUIRED;
    fields[0].shape.kind = SPECC_KIND_MAP;
    fields[0].shape.items = &any_count;
    memset(&t, 0, sizeof t);
    t.name = "Big";
    t.size = sizeof(specc_map);
    t.fields = fields;
    t.field_count = 1;
    t.unknown = SPECC_UNKNOWN_IGNORE;
    {
        specc_map m = {keys, vals, 1000};
        s.n = 0;
        CHECK(specc_validate(&t, &m, collect, &s) == 3);
        CHECK(s.n == 3 && strcmp(s.errors[0].path, "$.m.k0") == 0 &&
              strcmp(s.errors[2].path, "$.m.k2") == 0);
    }
}

static void test_enums_objects(void)
{
    demo_item_t it, kid, kids[2];
    memset(&it, 0, sizeof it);
    it.name = "x";
    it.color_state = SPECC_PRESENT;
    it.color = DEMO_ITEM_COLOR__OTHER;
    it.color_other = "blue";
    expect_none(&demo_item_desc, &it);
    it.color_other = NULL;
    expect_one(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.color");
    it.color_other = "red"; /* a declared spelling kept as 'other' */
    expect_one(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.color");
    it.color = (demo_item_color_t)5;
    expect_one(&demo_item_desc, &it, SPECC_ERR_ENUM, "$.color");
    it.color_state = SPECC_ABSENT;

    memset(&kid, 0, sizeof kid);
    it.child_state = SPECC_PRESENT;
    it.child = &kid; /* kid has no name */
    expect_one(&demo_item_desc, &it, SPECC_ERR_MISSING, "$.child.name");
    it.child = NULL;
    expect_one(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.child");
    it.child_state = SPECC_NULL; /* not nullable */
    expect_one(&demo_item_desc, &it, SPECC_ERR_NULL, "$.child");
    it.child_state = SPECC_ABSENT;
    expect_none(&demo_item_desc, &it);

    memset(kids, 0, sizeof kids);
    kids[0].name = "a";
    kids[1].name = "b";
    kids[1].count_state = SPECC_NULL; /* count is not nullable */
    it.children_state = SPECC_PRESENT;
    it.children.items = kids;
    it.children.count = 2;
    expect_one(&demo_item_desc, &it, SPECC_ERR_NULL, "$.children[1].count");
}

static void test_enum_elements(void)
{
    static const specc_shape color = {.kind = SPECC_KIND_ENUM, .flags = SPECC_S_OPEN_ENUM,
                                      .enum_names = demo_color_names, .enum_count = 2};
    static const specc_field f[] = {{.name = "colors", .name_len = 6,
                                     .flags = SPECC_F_REQUIRED, .offset = 0,
                                     .shape = {.kind = SPECC_KIND_ARRAY, .items = &color}}};
    static const specc_type t = {.name = "Colors", .size = sizeof(specc_array), .fields = f,
                                 .field_count = 1, .unknown = SPECC_UNKNOWN_IGNORE};
    int values[] = {1, 0, 2};
    specc_array a = {values, 2};
    expect_none(&t, &a);
    a.count = 3;
    expect_one(&t, &a, SPECC_ERR_INVALID, "$.colors[2]");
    values[2] = -1;
    expect_one(&t, &a, SPECC_ERR_ENUM, "$.colors[2]");
}

/* A hand-built member borrowing its key (key_len bytes, then a NUL) and
 * its NUL-terminated JSON text: validate only reads the list. */
static specc_unknown_member member(const char *key, size_t key_len, const char *json)
{
    specc_unknown_member m;
    m.key = (char *)key;
    m.key_len = key_len;
    m.json = (char *)json;
    m.json_len = strlen(json);
    return m;
}

static void test_unknown(void)
{
    static const struct {
        specc_code code;
        const char *path;
    } want[] = {
        {SPECC_ERR_DUPLICATE_KEY, "$.child.flag"}, {SPECC_ERR_SYNTAX, "$.child.flag[1]"},
        {SPECC_ERR_DUPLICATE_KEY, "$.child.flag"}, {SPECC_ERR_DUPLICATE_KEY, "$.child.flag"},
        {SPECC_ERR_SYNTAX, "$.child.c"},
    };
    demo_item_t it, top;
    specc_unknown_member m[3];
    specc_error err;
    seen s;
    size_t i, n = sizeof want / sizeof want[0];

    memset(&it, 0, sizeof it);
    it.name = "x";
    /* set takes a declared field's name; validate reports it. */
    CHECK(specc_unknown_set(&it._unknown, "fine", "1", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "flag", "2", &err) == SPECC_OK);
    expect_one(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.flag");
    /* Kept values have no constraints: numbers of any size or spelling. */
    CHECK(specc_unknown_remove(&it._unknown, "flag"));
    CHECK(specc_unknown_set(&it._unknown, "big", "[1e400, 18446744073709551615, -0.0E-0]", &err) ==
          SPECC_OK);
    expect_none(&demo_item_desc, &it);
    specc_unknown_clear(&it._unknown);

    /* Hand-broken lists: each problem once, at its path. */
    m[0] = member("a", 1, "1");
    m[1] = member("b", 1, "[2]");
    m[2] = member("c", 1, "{}");
    it._unknown.members = m;
    it._unknown.count = 3;
    expect_none(&demo_item_desc, &it);
    it._unknown.members = NULL; /* a count with no members */
    expect_one(&demo_item_desc, &it, SPECC_ERR_INVALID, "$");
    it._unknown.members = m;
    m[1] = member("b", 1, "[2,]"); /* text that is not JSON */
    expect_one(&demo_item_desc, &it, SPECC_ERR_SYNTAX, "$.b[1]");
    m[1] = member("b", 1, "2 3");
    expect_one(&demo_item_desc, &it, SPECC_ERR_SYNTAX, "$.b");
    m[1] = member("b", 1, "");
    expect_one(&demo_item_desc, &it, SPECC_ERR_SYNTAX, "$.b");
    m[1] = member("b", 1, "{\"k\":1,\"k\":1}");
    expect_one(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.b.k");
    m[1] = member("a", 1, "2"); /* a repeated key */
    expect_one(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.a");
    m[1] = member("b\xff", 2, "2");
    expect_one(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$['b\xff']");
    m[1] = member("b", 1, "2");
    m[1].json = NULL;
    expect_one(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.b");
    m[1] = member("b", 1, "2");
    m[1].key = NULL;
    expect_one(&demo_item_desc, &it, SPECC_ERR_INVALID, "$[1]");

    /* Several problems, all reported in order, inside a nested object. */
    m[0] = member("flag", 4, "[1,]");
    m[1] = member("flag", 4, "1");
    m[2] = member("c", 1, "x");
    memset(&top, 0, sizeof top);
    top.name = "t";
    top.child_state = SPECC_PRESENT;
    top.child = &it;
    s.n = 0;
    CHECK(specc_validate(&demo_item_desc, &top, collect, &s) == n);
    for (i = 0; i < n && i < s.n; i++)
        if (s.errors[i].code != want[i].code || strcmp(s.errors[i].path, want[i].path)) {
            failures++;
            printf("violation %zu: want %s at %s, got %s at %s\n", i,
                   specc_code_name(want[i].code), want[i].path,
                   specc_code_name(s.errors[i].code), s.errors[i].path);
        }
    if (s.n != n)
        print_seen(&s);
}

static void test_depth(void)
{
    demo_item_t self;
    seen s;
    memset(&self, 0, sizeof self);
    self.name = "loop";
    self.child_state = SPECC_PRESENT;
    self.child = &self;
    s.n = 0;
    CHECK(specc_validate(&demo_item_desc, &self, collect, &s) == 1);
    CHECK(s.n == 1 && s.errors[0].code == SPECC_ERR_DEPTH);
}

/* One value, many problems: all of them, in walk order. */
static void test_all_reported(void)
{
    static const struct {
        specc_code code;
        const char *path;
    } want[] = {
        {SPECC_ERR_FORMAT, "$.day"},       {SPECC_ERR_FORMAT, "$.when"},
        {SPECC_ERR_MIN_LENGTH, "$.code"},  {SPECC_ERR_PATTERN, "$.code"},
        {SPECC_ERR_MAXIMUM, "$.age"},      {SPECC_ERR_ENUM, "$.level"},
        {SPECC_ERR_RANGE, "$.score"},      {SPECC_ERR_FORMAT, "$.cost"},
        {SPECC_ERR_MAX_LENGTH, "$.tags[0]"}, {SPECC_ERR_MAX_LENGTH, "$.tags[2]"},
        {SPECC_ERR_MINIMUM, "$.limits.x"}, {SPECC_ERR_MISSING, "$.must"},
        {SPECC_ERR_DUPLICATE_KEY, "$.day"},
    };
    cons_t c = good_cons();
    int64_t neg[] = {-1, 0};
    seen s;
    size_t i, n = sizeof want / sizeof want[0];

    c.day = "2024-1-1";
    c.when = "noon";
    c.code = "1";
    c.age = 1000;
    c.level = 9;
    c.score = NAN;
    c.cost.text = "abc";
    c.tags.items = (char *[]){"long", "ok", "longer"};
    c.limits.values = neg;
    c.must_state = SPECC_ABSENT;
    CHECK(specc_unknown_set(&c._unknown, "day", "\"again\"", NULL) == SPECC_OK);
    s.n = 0;
    CHECK(specc_validate(&cons_desc, &c, collect, &s) == n);
    for (i = 0; i < n && i < s.n; i++)
        if (s.errors[i].code != want[i].code || strcmp(s.errors[i].path, want[i].path)) {
            failures++;
            printf("violation %zu: want %s at %s, got %s at %s\n", i,
                   specc_code_name(want[i].code), want[i].path,
                   specc_code_name(s.errors[i].code), s.errors[i].path);
        }
    if (s.n != n)
        print_seen(&s);
    specc_unknown_clear(&c._unknown);
}

int main(void)
{
    use_counting_alloc();
    test_valid();
    test_strings();
    test_pattern_search();
    test_numbers();
    test_states();
    test_containers();
    test_big_map();
    test_enums_objects();
    test_enum_elements();
    test_unknown();
    test_depth();
    test_all_reported();
    CHECK(alloc_count == free_count);
    if (failures) {
        printf("test_validate: %d failed\n", failures);
        return 1;
    }
    printf("test_validate: all passed\n");
    return 0;
}
