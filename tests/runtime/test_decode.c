/*
 * test_decode.c — the runtime decoder (specc_decode_text / _json) and the
 * value lifecycle (specc_init / _clear / _equal), on hand-written descriptors
 * shaped like generated code: every kind, every flag combination, each
 * unknown-field policy, recursion. Values are asserted, not just codes.
 * Allocations are counted through jansson's hooks: every test ends with
 * nothing live, and the N-th allocation is made to fail for every N.
 */
#define _POSIX_C_SOURCE 200809L
#include "specc.h"

#include <locale.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------ assertions */

static int failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                        \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want) check_str(__LINE__, (got), (want))

static void check_str(int line, const char *got, const char *want)
{
    if (!got || !want || strcmp(got, want) != 0) {
        failures++;
        printf("%s:%d: got  [%s]\n%*s want [%s]\n", __FILE__, line, got ? got : "(null)",
               (int)strlen(__FILE__) + 6, "", want ? want : "(null)");
    }
}

/* ------------------------------------------------------ allocation hooks */

/* Every allocation of jansson and specc goes through here: live counts
 * what is not freed yet; the fail_at-th call (when not 0) returns NULL. */
static long alloc_calls, alloc_live, alloc_fail_at;

static void *t_malloc(size_t size)
{
    alloc_calls++;
    if (alloc_fail_at && alloc_calls == alloc_fail_at)
        return NULL;
    alloc_live++;
    return malloc(size);
}

static void t_free(void *p)
{
    if (p)
        alloc_live--;
    free(p);
}

/* ----------------------------------------------------------------- types */

typedef enum t_color { T_COLOR_RED = 0, T_COLOR_GREEN = 1, T_COLOR__OTHER = 2 } t_color_t;
typedef enum t_tier { T_TIER_S = 0, T_TIER_M = 1, T_TIER_L = 2 } t_tier_t;

/* Strict: unknown keys rejected; the four flag combinations; recursion. */
typedef struct t_strict t_strict_t;
struct t_strict {
    char *a;             /* required */
    specc_state b_state; /* required, nullable */
    int64_t b;
    specc_state c_state; /* optional */
    int64_t c;
    specc_state d_state; /* optional, nullable */
    char *d;
    specc_state next_state; /* optional, nullable object */
    t_strict_t *next;
};

/* Loose: unknown keys ignored; required containers of objects. */
typedef struct t_loose {
    specc_state x_state;
    int64_t x;
    struct {
        t_strict_t *items;
        size_t count;
    } list;
    struct {
        char **keys;
        t_strict_t *values;
        size_t count;
    } by_name;
} t_loose_t;

typedef struct t_ints {
    int64_t *items;
    size_t count;
} t_ints;
typedef struct t_nums {
    double *items;
    size_t count;
} t_nums;

/* Item: unknown keys preserved; every kind. */
typedef struct t_item t_item_t;
struct t_item {
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
    json_t *extra;      /* any, nullable */
    json_t *strict_any; /* any, not nullable */
    specc_state color_state;
    t_color_t color;
    char *color_other;
    specc_state tier_state;
    t_tier_t tier;
    specc_state level_state;
    int64_t level;
    specc_state code_state;
    int64_t code;
    specc_state child_state;
    t_item_t *child;
    specc_state tags_state;
    struct {
        char **items;
        size_t count;
    } tags;
    specc_state children_state;
    struct {
        t_item_t *items;
        size_t count;
    } children;
    specc_state opts_state;
    struct {
        char **keys;
        bool *values;
        size_t count;
    } opts;
    specc_state grid_state;
    struct {
        char **keys;
        t_ints *values;
        size_t count;
    } grid;
    specc_state matrix_state;
    struct {
        t_nums *items;
        size_t count;
    } matrix;
    specc_state anys_state;
    struct {
        json_t **items;
        size_t count;
    } anys;
    specc_state decs_state;
    struct {
        specc_decimal *items;
        size_t count;
    } decs;
    specc_state colors_state;
    struct {
        t_color_t *items;
        size_t count;
    } colors;
    specc_state tiers_state;
    struct {
        char **keys;
        t_tier_t *values;
        size_t count;
    } tiers;
    specc_state strict_state;
    t_strict_t *strict;
    specc_state loose_state;
    t_loose_t *loose;
    specc_unknown _unknown;
};

extern const specc_type t_item_desc, t_strict_desc, t_loose_desc;

static const char *const color_names[] = {"red", "green"};
static const char *const tier_names[] = {"S", "M", "L"};
static const int64_t level_ints[] = {0, 1};
static const int64_t code_ints[] = {200, 404};

static const specc_shape s_string = {.kind = SPECC_KIND_STRING};
static const specc_shape s_int = {.kind = SPECC_KIND_INTEGER};
static const specc_shape s_num = {.kind = SPECC_KIND_NUMBER};
static const specc_shape s_bool = {.kind = SPECC_KIND_BOOLEAN};
static const specc_shape s_dec = {.kind = SPECC_KIND_DECIMAL};
static const specc_shape s_any = {.kind = SPECC_KIND_ANY};
static const specc_shape s_color = {.kind = SPECC_KIND_ENUM,
                                    .flags = SPECC_S_OPEN_ENUM,
                                    .enum_names = color_names,
                                    .enum_count = 2};
static const specc_shape s_tier = {
    .kind = SPECC_KIND_ENUM, .enum_names = tier_names, .enum_count = 3};
static const specc_shape s_item = {.kind = SPECC_KIND_OBJECT, .type = &t_item_desc};
static const specc_shape s_strict = {.kind = SPECC_KIND_OBJECT, .type = &t_strict_desc};
static const specc_shape s_ints = {.kind = SPECC_KIND_ARRAY, .items = &s_int};
static const specc_shape s_nums = {.kind = SPECC_KIND_ARRAY, .items = &s_num};

#define NAME(s) .name = s, .name_len = sizeof s - 1
#define REQ(T, m) .flags = SPECC_F_REQUIRED, .offset = offsetof(T, m)
#define REQ_NULL(T, m)                                                                             \
    .flags = SPECC_F_REQUIRED | SPECC_F_NULLABLE | SPECC_F_STATE, .offset = offsetof(T, m),        \
    .state_offset = offsetof(T, m##_state)
#define OPT(T, m)                                                                                  \
    .flags = SPECC_F_STATE, .offset = offsetof(T, m), .state_offset = offsetof(T, m##_state)
#define OPT_NULL(T, m)                                                                             \
    .flags = SPECC_F_NULLABLE | SPECC_F_STATE, .offset = offsetof(T, m),                           \
    .state_offset = offsetof(T, m##_state)

static const specc_field strict_fields[] = {
    {NAME("a"), REQ(t_strict_t, a), .shape = {.kind = SPECC_KIND_STRING}},
    {NAME("b"), REQ_NULL(t_strict_t, b), .shape = {.kind = SPECC_KIND_INTEGER}},
    {NAME("c"), OPT(t_strict_t, c), .shape = {.kind = SPECC_KIND_INTEGER}},
    {NAME("d"), OPT_NULL(t_strict_t, d), .shape = {.kind = SPECC_KIND_STRING}},
    {NAME("next"), OPT_NULL(t_strict_t, next),
     .shape = {.kind = SPECC_KIND_OBJECT, .type = &t_strict_desc}},
};
const specc_type t_strict_desc = {.name = "Strict",
                                  .size = sizeof(t_strict_t),
                                  .fields = strict_fields,
                                  .field_count = 5,
                                  .unknown = SPECC_UNKNOWN_REJECT};

static const specc_field loose_fields[] = {
    {NAME("x"), OPT(t_loose_t, x), .shape = {.kind = SPECC_KIND_INTEGER}},
    {NAME("list"), REQ(t_loose_t, list), .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_strict}},
    {NAME("by_name"), REQ(t_loose_t, by_name),
     .shape = {.kind = SPECC_KIND_MAP, .items = &s_strict}},
};
const specc_type t_loose_desc = {.name = "Loose",
                                 .size = sizeof(t_loose_t),
                                 .fields = loose_fields,
                                 .field_count = 3,
                                 .unknown = SPECC_UNKNOWN_IGNORE};

static const specc_field item_fields[] = {
    {NAME("name"), REQ(t_item_t, name), .shape = {.kind = SPECC_KIND_STRING}},
    {NAME("note"), OPT_NULL(t_item_t, note),
     .shape = {.kind = SPECC_KIND_STRING, .format = SPECC_FORMAT_DATE}},
    {NAME("count"), OPT(t_item_t, count), .shape = {.kind = SPECC_KIND_INTEGER}},
    {NAME("ratio"), OPT_NULL(t_item_t, ratio), .shape = {.kind = SPECC_KIND_NUMBER}},
    {NAME("flag"), REQ_NULL(t_item_t, flag), .shape = {.kind = SPECC_KIND_BOOLEAN}},
    {NAME("price"), OPT_NULL(t_item_t, price), .shape = {.kind = SPECC_KIND_DECIMAL}},
    {NAME("extra"), .flags = SPECC_F_NULLABLE, .offset = offsetof(t_item_t, extra),
     .shape = {.kind = SPECC_KIND_ANY}},
    {NAME("strict_any"), .offset = offsetof(t_item_t, strict_any),
     .shape = {.kind = SPECC_KIND_ANY}},
    {NAME("color"), OPT(t_item_t, color), .other_offset = offsetof(t_item_t, color_other),
     .shape = {.kind = SPECC_KIND_ENUM,
               .flags = SPECC_S_OPEN_ENUM,
               .enum_names = color_names,
               .enum_count = 2}},
    {NAME("tier"), OPT_NULL(t_item_t, tier),
     .shape = {.kind = SPECC_KIND_ENUM, .enum_names = tier_names, .enum_count = 3}},
    {NAME("level"), OPT(t_item_t, level),
     .shape = {.kind = SPECC_KIND_INTEGER,
               .flags = SPECC_S_INT_ENUM,
               .enum_ints = level_ints,
               .enum_count = 2}},
    {NAME("code"), OPT(t_item_t, code),
     .shape = {.kind = SPECC_KIND_INTEGER,
               .flags = SPECC_S_INT_ENUM | SPECC_S_OPEN_ENUM,
               .enum_ints = code_ints,
               .enum_count = 2}},
    {NAME("child"), OPT_NULL(t_item_t, child),
     .shape = {.kind = SPECC_KIND_OBJECT, .type = &t_item_desc}},
    {NAME("tags"), OPT_NULL(t_item_t, tags),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_string}},
    {NAME("children"), OPT(t_item_t, children),
     .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_item}},
    {NAME("opts"), OPT(t_item_t, opts), .shape = {.kind = SPECC_KIND_MAP, .items = &s_bool}},
    {NAME("grid"), OPT(t_item_t, grid), .shape = {.kind = SPECC_KIND_MAP, .items = &s_ints}},
    {NAME("matrix"), OPT(t_item_t, matrix), .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_nums}},
    {NAME("anys"), OPT(t_item_t, anys), .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_any}},
    {NAME("decs"), OPT(t_item_t, decs), .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_dec}},
    {NAME("colors"), OPT(t_item_t, colors), .shape = {.kind = SPECC_KIND_ARRAY, .items = &s_color}},
    {NAME("tiers"), OPT(t_item_t, tiers), .shape = {.kind = SPECC_KIND_MAP, .items = &s_tier}},
    {NAME("strict"), OPT(t_item_t, strict),
     .shape = {.kind = SPECC_KIND_OBJECT, .type = &t_strict_desc}},
    {NAME("loose"), OPT(t_item_t, loose),
     .shape = {.kind = SPECC_KIND_OBJECT, .type = &t_loose_desc}},
};
const specc_type t_item_desc = {.name = "Item",
                                .size = sizeof(t_item_t),
                                .fields = item_fields,
                                .field_count = sizeof item_fields / sizeof item_fields[0],
                                .unknown = SPECC_UNKNOWN_PRESERVE,
                                .unknown_offset = offsetof(t_item_t, _unknown)};

/* Wide: 300 optional integers f0..f299, the last one required (the decoder
 * keeps its seen-bitset on the heap past 256 fields). Built in main(). */
#define WIDE_N 300
typedef struct t_wide {
    specc_state st[WIDE_N];
    int64_t v[WIDE_N];
} t_wide_t;
static char wide_names[WIDE_N][8];
static specc_field wide_fields[WIDE_N];
static specc_type t_wide_desc;

static void build_wide(void)
{
    size_t i;
    for (i = 0; i < WIDE_N; i++) {
        specc_field *f = &wide_fields[i];
        snprintf(wide_names[i], sizeof wide_names[i], "f%zu", i);
        f->name = wide_names[i];
        f->name_len = strlen(wide_names[i]);
        f->flags = i == WIDE_N - 1 ? SPECC_F_REQUIRED : SPECC_F_STATE;
        f->offset = offsetof(t_wide_t, v) + i * sizeof(int64_t);
        f->state_offset = offsetof(t_wide_t, st) + i * sizeof(specc_state);
        f->shape.kind = SPECC_KIND_INTEGER;
    }
    t_wide_desc.name = "Wide";
    t_wide_desc.size = sizeof(t_wide_t);
    t_wide_desc.fields = wide_fields;
    t_wide_desc.field_count = WIDE_N;
    t_wide_desc.unknown = SPECC_UNKNOWN_REJECT;
}

/* --------------------------------------------------------------- helpers */

/* Growable text for generated inputs (plain malloc: not counted). */
typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void put_repeat(buf *b, const char *s, size_t times)
{
    size_t i;
    for (i = 0; i < times; i++)
        puts_(b, s);
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *c = p;
    size_t i;
    for (i = 0; i < n; i++)
        if (c[i])
            return false;
    return true;
}

/* The test ended with every allocation freed. */
#define CHECK_NO_LEAK() check_no_leak(__LINE__)
static void check_no_leak(int line)
{
    if (alloc_live != 0) {
        failures++;
        printf("%s:%d: %ld allocations still live\n", __FILE__, line, alloc_live);
        alloc_live = 0;
    }
}

/* Member i of an unknown-field list has exactly this key (key_len bytes,
 * which may hold U+0000, then a NUL) and exactly this JSON text. */
#define CHECK_MEMBER(u, i, key, key_len, json)                                                     \
    check_member(__LINE__, (u), (i), (key), (key_len), (json))
static void check_member(int line, const specc_unknown *u, size_t i, const char *key,
                         size_t key_len, const char *json)
{
    const specc_unknown_member *m = u->members && i < u->count ? &u->members[i] : NULL;
    if (!m || !m->key || !m->json || m->key_len != key_len || memcmp(m->key, key, key_len) != 0 ||
        m->key[key_len] != '\0' || m->json_len != strlen(json) || strcmp(m->json, json) != 0) {
        failures++;
        printf("%s:%d: unknown member %zu of %zu\n  got  [%.*s] %s\n  want [%.*s] %s\n", __FILE__,
               line, i, u->count, m && m->key ? (int)m->key_len : 6, m && m->key ? m->key : "(none)",
               m && m->json ? m->json : "(none)", (int)key_len, key, json);
    }
}

static specc_code decode(const specc_type *t, const char *json, void *out, specc_error *err)
{
    return specc_decode_text(t, json, strlen(json), out, err);
}

/* Decode json (whose bytes are json[0..len)) into a type that must fail
 * with code at path, at line:col (col 0: do not check), with message (NULL:
 * do not check); *out must end zeroed and nothing may stay allocated. */
static void expect_err_len(int line, const specc_type *t, const char *json, size_t len,
                           specc_code code, const char *path, int eline, int ecol,
                           const char *message)
{
    void *out = malloc(t->size);
    specc_error err;
    specc_code rc;

    memset(out, 0xab, t->size); /* need not be initialised */
    memset(&err, 0x5a, sizeof err);
    rc = specc_decode_text(t, json, len, out, &err);
    if (rc != code || err.code != code || strcmp(err.path, path) != 0 ||
        (eline && err.line != eline) || (ecol && err.column != ecol) ||
        (message && strcmp(err.message, message) != 0)) {
        failures++;
        printf("%s:%d: decoding %.60s\n  got  %s %s %d:%d %s\n  want %s %s %d:%d %s\n", __FILE__,
               line, json, specc_code_name(rc), err.path, err.line, err.column, err.message,
               specc_code_name(code), path, eline, ecol, message ? message : "*");
    }
    if (!all_zero(out, t->size)) {
        failures++;
        printf("%s:%d: output not left initialised\n", __FILE__, line);
    }
    free(out);
    check_no_leak(line);
}

/* Column (line 1) of the first `marker` in json; 0 when marker is NULL. */
static int col_of(const char *json, const char *marker)
{
    const char *at;
    if (!marker)
        return (int)strlen(json) + 1;
    at = strstr(json, marker);
    return at ? (int)(at - json) + 1 : -1;
}

/* Error at line 1, at the first occurrence of marker (NULL: end of input). */
#define EXPECT_ERR(t, json, code, path, marker, message)                                           \
    expect_err_len(__LINE__, (t), (json), strlen(json), (code), (path), 1,                         \
                   col_of((json), (marker)), (message))
#define EXPECT_ERR_LC(t, json, code, path, eline, ecol, message)                                   \
    expect_err_len(__LINE__, (t), (json), strlen(json), (code), (path), (eline), (ecol), (message))
#define ITEM (&t_item_desc)

static bool ok_item(t_item_t *it, const char *json, int line)
{
    specc_error err;
    specc_code rc = decode(ITEM, json, it, &err);
    if (rc != SPECC_OK) {
        failures++;
        printf("%s:%d: decoding %.60s: %s %s %d:%d %s\n", __FILE__, line, json, specc_code_name(rc),
               err.path, err.line, err.column, err.message);
    }
    return rc == SPECC_OK;
}
#define OK_ITEM(it, json) ok_item((it), (json), __LINE__)

/* ------------------------------------------------------- a rich payload */

/* Every kind, escapes in keys and values, a map past the linear key search,
 * arrays past their first growth, a number literal longer than 64 bytes,
 * unknown keys at several levels. */
static const char rich[] =
    "{\n"
    "  \"name\": \"w\\u00e9b \\\"q\\\" \\ud83d\\ude00\\/\",\n"
    "  \"note\": \"2024-01-02\",\n"
    "  \"count\": -9223372036854775808,\n"
    "  \"ratio\": 0.1000000000000000055511151231257827021181583404541015625000000000001,\n"
    "  \"flag\": false,\n"
    "  \"price\": \"0.13\",\n"
    "  \"extra\": {\"z\": [1, 2.5, \"s\\u0000t\", true, false, null, {}], \"a\": {\"b\": -0.0}},\n"
    "  \"strict_any\": 1,\n"
    "  \"color\": \"violet\",\n"
    "  \"tier\": \"L\",\n"
    "  \"level\": 1,\n"
    "  \"code\": 418,\n"
    "  \"child\": {\"name\": \"kid\", \"flag\": null, \"child\": null},\n"
    "  \"tags\": [\"a\", \"\", \"c\\n\", \"d\", \"e\", \"f\"],\n"
    "  \"children\": [{\"name\": \"c0\", \"flag\": true}, {\"name\": \"c1\", \"flag\": false, "
    "\"tags\": null, \"x-extra\": [1]}],\n"
    "  \"opts\": {\"k0\": true, \"k1\": false, \"k2\": true, \"k3\": true, \"k4\": true, "
    "\"k5\": true, \"k6\": true, \"k7\": true, \"k8\": true, \"k\\\"9\": false},\n"
    "  \"grid\": {\"r1\": [1, 2, 3, 4, 5], \"r2\": []},\n"
    "  \"matrix\": [[1.5, -2], [], [1e-7]],\n"
    "  \"anys\": [null, 1, \"x\", [1], {\"k\": \"v\"}],\n"
    "  \"decs\": [0.50, \"-1e-7\", -1E+2, \"0\"],\n"
    "  \"colors\": [\"red\", \"green\", \"mauve\"],\n"
    "  \"tiers\": {\"a\": \"S\", \"b\": \"M\"},\n"
    "  \"strict\": {\"a\": \"x\", \"b\": null, \"d\": null, \"next\": {\"a\": \"y\", \"b\": 2, "
    "\"c\": 3, \"d\": \"z\", \"next\": null}},\n"
    "  \"loose\": {\"x\": 5, \"junk\": {\"deep\": [1, {\"k\": 2}]}, \"list\": [{\"a\": \"p\", "
    "\"b\": 1}], \"u1\": 1, \"u2\": 2, \"u3\": 3, \"u4\": 4, \"u5\": 5, \"u6\": 6, \"u7\": 7, "
    "\"u8\": 8, \"u9\": 9, \"more\": null, \"by_name\": {\"k\": {\"a\": \"q\", \"b\": null}}},\n"
    "  \"zeta\": [1, 2],\n"
    "  \"alpha\": {\"nested\": true},\n"
    "  \"m\\u00fc\": \"unicode key\"\n"
    "}\n";

static void check_rich(const t_item_t *it)
{
    const char *key;
    json_t *v, *z;
    size_t i;

    CHECK_STR(it->name, "w\xc3\xa9"
                        "b \"q\" \xf0\x9f\x98\x80/");
    CHECK(it->note_state == SPECC_PRESENT);
    CHECK_STR(it->note, "2024-01-02");
    CHECK(it->count_state == SPECC_PRESENT && it->count == INT64_MIN);
    CHECK(it->ratio_state == SPECC_PRESENT && it->ratio == 0.1);
    CHECK(it->flag_state == SPECC_PRESENT && it->flag == false);
    CHECK(it->price_state == SPECC_PRESENT && it->price.is_string);
    CHECK_STR(it->price.text, "0.13");

    CHECK(json_is_object(it->extra) && json_object_size(it->extra) == 2);
    z = json_object_get(it->extra, "z");
    CHECK(json_array_size(z) == 7);
    CHECK(json_integer_value(json_array_get(z, 0)) == 1);
    CHECK(json_is_real(json_array_get(z, 1)) && json_real_value(json_array_get(z, 1)) == 2.5);
    CHECK(json_string_length(json_array_get(z, 2)) == 3);
    CHECK(memcmp(json_string_value(json_array_get(z, 2)), "s\0t", 3) == 0);
    CHECK(json_is_true(json_array_get(z, 3)) && json_is_false(json_array_get(z, 4)));
    CHECK(json_is_null(json_array_get(z, 5)) && json_object_size(json_array_get(z, 6)) == 0);
    v = json_object_get(json_object_get(it->extra, "a"), "b");
    CHECK(json_is_real(v) && json_real_value(v) == 0.0 && signbit(json_real_value(v)));
    i = 0;
    json_object_foreach(it->extra, key, v) /* input order */
        CHECK_STR(key, i++ == 0 ? "z" : "a");
    CHECK(json_integer_value(it->strict_any) == 1);

    CHECK(it->color_state == SPECC_PRESENT && it->color == T_COLOR__OTHER);
    CHECK_STR(it->color_other, "violet");
    CHECK(it->tier_state == SPECC_PRESENT && it->tier == T_TIER_L);
    CHECK(it->level_state == SPECC_PRESENT && it->level == 1);
    CHECK(it->code_state == SPECC_PRESENT && it->code == 418);

    CHECK(it->child_state == SPECC_PRESENT && it->child != NULL);
    if (it->child) {
        CHECK_STR(it->child->name, "kid");
        CHECK(it->child->flag_state == SPECC_NULL);
        CHECK(it->child->child_state == SPECC_NULL && it->child->child == NULL);
        CHECK(it->child->note_state == SPECC_ABSENT);
        CHECK(it->child->_unknown.count == 0 && it->child->_unknown.members == NULL);
    }
    CHECK(it->tags_state == SPECC_PRESENT && it->tags.count == 6);
    if (it->tags.count == 6) {
        CHECK_STR(it->tags.items[0], "a");
        CHECK_STR(it->tags.items[1], "");
        CHECK_STR(it->tags.items[2], "c\n");
        CHECK_STR(it->tags.items[5], "f");
    }
    CHECK(it->children_state == SPECC_PRESENT && it->children.count == 2);
    if (it->children.count == 2) {
        const t_item_t *c1 = &it->children.items[1];
        CHECK_STR(it->children.items[0].name, "c0");
        CHECK(it->children.items[0].flag_state == SPECC_PRESENT && it->children.items[0].flag);
        CHECK_STR(c1->name, "c1");
        CHECK(c1->tags_state == SPECC_NULL && c1->tags.count == 0);
        CHECK(c1->_unknown.count == 1);
        CHECK_MEMBER(&c1->_unknown, 0, "x-extra", 7, "[1]");
    }
    CHECK(it->opts_state == SPECC_PRESENT && it->opts.count == 10);
    if (it->opts.count == 10) {
        CHECK_STR(it->opts.keys[0], "k0");
        CHECK(it->opts.values[0] == true && it->opts.values[1] == false);
        CHECK_STR(it->opts.keys[9], "k\"9");
        CHECK(it->opts.values[9] == false);
    }
    CHECK(it->grid_state == SPECC_PRESENT && it->grid.count == 2);
    if (it->grid.count == 2) {
        CHECK_STR(it->grid.keys[0], "r1");
        CHECK(it->grid.values[0].count == 5 && it->grid.values[0].items[4] == 5);
        CHECK_STR(it->grid.keys[1], "r2");
        CHECK(it->grid.values[1].count == 0);
    }
    CHECK(it->matrix.count == 3);
    if (it->matrix.count == 3) {
        CHECK(it->matrix.items[0].count == 2 && it->matrix.items[0].items[0] == 1.5 &&
              it->matrix.items[0].items[1] == -2.0);
        CHECK(it->matrix.items[1].count == 0);
        CHECK(it->matrix.items[2].count == 1 && it->matrix.items[2].items[0] == 1e-7);
    }
    CHECK(it->anys.count == 5);
    if (it->anys.count == 5) {
        CHECK(json_is_null(it->anys.items[0]) && json_integer_value(it->anys.items[1]) == 1);
        CHECK_STR(json_string_value(it->anys.items[2]), "x");
        CHECK(json_array_size(it->anys.items[3]) == 1);
        CHECK_STR(json_string_value(json_object_get(it->anys.items[4], "k")), "v");
    }
    CHECK(it->decs.count == 4);
    if (it->decs.count == 4) {
        CHECK_STR(it->decs.items[0].text, "0.50");
        CHECK(!it->decs.items[0].is_string);
        CHECK_STR(it->decs.items[1].text, "-1e-7");
        CHECK(it->decs.items[1].is_string);
        CHECK_STR(it->decs.items[2].text, "-1E+2");
        CHECK(!it->decs.items[2].is_string);
        CHECK_STR(it->decs.items[3].text, "0");
        CHECK(it->decs.items[3].is_string);
    }
    CHECK(it->colors.count == 3);
    if (it->colors.count == 3) /* in arrays an unknown value keeps no text */
        CHECK(it->colors.items[0] == T_COLOR_RED && it->colors.items[1] == T_COLOR_GREEN &&
              it->colors.items[2] == T_COLOR__OTHER);
    CHECK(it->tiers.count == 2);
    if (it->tiers.count == 2)
        CHECK(it->tiers.values[0] == T_TIER_S && it->tiers.values[1] == T_TIER_M);

    CHECK(it->strict_state == SPECC_PRESENT && it->strict);
    if (it->strict) {
        const t_strict_t *n = it->strict->next;
        CHECK_STR(it->strict->a, "x");
        CHECK(it->strict->b_state == SPECC_NULL && it->strict->c_state == SPECC_ABSENT);
        CHECK(it->strict->d_state == SPECC_NULL && it->strict->d == NULL);
        CHECK(it->strict->next_state == SPECC_PRESENT && n);
        if (n) {
            CHECK_STR(n->a, "y");
            CHECK(n->b_state == SPECC_PRESENT && n->b == 2);
            CHECK(n->c_state == SPECC_PRESENT && n->c == 3);
            CHECK(n->d_state == SPECC_PRESENT);
            CHECK_STR(n->d, "z");
            CHECK(n->next_state == SPECC_NULL && n->next == NULL);
        }
    }
    CHECK(it->loose_state == SPECC_PRESENT && it->loose);
    if (it->loose) {
        CHECK(it->loose->x_state == SPECC_PRESENT && it->loose->x == 5);
        CHECK(it->loose->list.count == 1);
        if (it->loose->list.count == 1)
            CHECK(it->loose->list.items[0].b == 1 &&
                  it->loose->list.items[0].b_state == SPECC_PRESENT);
        CHECK(it->loose->by_name.count == 1);
        if (it->loose->by_name.count == 1) {
            CHECK_STR(it->loose->by_name.keys[0], "k");
            CHECK_STR(it->loose->by_name.values[0].a, "q");
            CHECK(it->loose->by_name.values[0].b_state == SPECC_NULL);
        }
    }
    /* Unknown keys, in input order, keys decoded, each value's text exactly
     * as sent (inner spaces kept, none around it). */
    CHECK(it->_unknown.count == 3);
    CHECK_MEMBER(&it->_unknown, 0, "zeta", 4, "[1, 2]");
    CHECK_MEMBER(&it->_unknown, 1, "alpha", 5, "{\"nested\": true}");
    CHECK_MEMBER(&it->_unknown, 2, "m\xc3\xbc", 3, "\"unicode key\"");
    if (it->_unknown.count == 3) {
        CHECK(specc_unknown_find(&it->_unknown, "alpha") == &it->_unknown.members[1]);
        CHECK(specc_unknown_find(&it->_unknown, "m\xc3\xbc") == &it->_unknown.members[2]);
    }
    CHECK(specc_unknown_find(&it->_unknown, "m\\u00fc") == NULL);
    /* ... and their values as jansson values, on request. */
    z = NULL;
    CHECK(specc_unknown_json(specc_unknown_find(&it->_unknown, "zeta"), &z, NULL) == SPECC_OK);
    CHECK(json_array_size(z) == 2 && json_integer_value(json_array_get(z, 1)) == 2);
    json_decref(z);
    z = NULL;
    CHECK(specc_unknown_json(specc_unknown_find(&it->_unknown, "alpha"), &z, NULL) == SPECC_OK);
    CHECK(json_is_true(json_object_get(z, "nested")) && json_object_size(z) == 1);
    json_decref(z);
}

static void test_rich(void)
{
    t_item_t it, again;
    specc_error err;
    memset(&it, 0xab, sizeof it);
    CHECK(specc_decode_text(ITEM, rich, strlen(rich), &it, &err) == SPECC_OK);
    CHECK(err.code == SPECC_OK && err.path[0] == '\0');
    check_rich(&it);
    CHECK(specc_equal(ITEM, &it, &it));
    CHECK(OK_ITEM(&again, rich));
    CHECK(specc_equal(ITEM, &it, &again));
    /* A change deep inside breaks equality. */
    again.loose->by_name.values[0].a[0] = 'Q';
    CHECK(!specc_equal(ITEM, &it, &again));
    specc_clear(ITEM, &again);
    specc_clear(ITEM, &it);
    CHECK(all_zero(&it, sizeof it));
    specc_clear(ITEM, &it); /* clearing twice is fine */
    CHECK_NO_LEAK();
}

/* ---------------------------------------------------------------- states */

static void test_states(void)
{
    t_item_t it;
    t_strict_t st;
    specc_error err;

    /* Absent: every optional state ABSENT, nothing allocated but name. */
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true}")) {
        CHECK(it.note_state == SPECC_ABSENT && it.count_state == SPECC_ABSENT);
        CHECK(it.ratio_state == SPECC_ABSENT && it.price_state == SPECC_ABSENT);
        CHECK(it.extra == NULL && it.strict_any == NULL && it.color_state == SPECC_ABSENT);
        CHECK(it.tier_state == SPECC_ABSENT && it.child_state == SPECC_ABSENT);
        CHECK(it.tags_state == SPECC_ABSENT && it.opts_state == SPECC_ABSENT);
        CHECK(it.children_state == SPECC_ABSENT);
        CHECK(it._unknown.count == 0 && it._unknown.members == NULL);
        CHECK(it.flag_state == SPECC_PRESENT && it.flag == true);
        specc_clear(ITEM, &it);
    }
    /* Null: nullable fields take state NULL; any holds json null. */
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":null,\"note\":null,\"ratio\":null,\"price\":null,"
                     "\"extra\":null,\"tier\":null,\"child\":null,\"tags\":null}")) {
        CHECK(it.flag_state == SPECC_NULL && it.note_state == SPECC_NULL && it.note == NULL);
        CHECK(it.ratio_state == SPECC_NULL && it.price_state == SPECC_NULL);
        CHECK(it.price.text == NULL && json_is_null(it.extra));
        CHECK(it.tier_state == SPECC_NULL && it.child_state == SPECC_NULL && it.child == NULL);
        CHECK(it.tags_state == SPECC_NULL && it.tags.items == NULL);
        specc_clear(ITEM, &it);
    }
    /* Present, including empty containers and empty strings. */
    if (OK_ITEM(&it, "{\"name\":\"\",\"flag\":false,\"note\":\"\",\"tags\":[],\"opts\":{},"
                     "\"children\":[],\"extra\":{},\"strict_any\":[],\"child\":{\"name\":\"c\","
                     "\"flag\":true}}")) {
        CHECK_STR(it.name, "");
        CHECK(it.note_state == SPECC_PRESENT);
        CHECK_STR(it.note, "");
        CHECK(it.tags_state == SPECC_PRESENT && it.tags.count == 0);
        CHECK(it.opts_state == SPECC_PRESENT && it.opts.count == 0);
        CHECK(it.children_state == SPECC_PRESENT && it.children.count == 0);
        CHECK(json_is_object(it.extra) && json_is_array(it.strict_any));
        CHECK(it.child_state == SPECC_PRESENT && it.child && it.child->flag);
        specc_clear(ITEM, &it);
    }
    /* Any takes null whatever its flags: json null, not NULL (absent). */
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"strict_any\":null}")) {
        CHECK(json_is_null(it.strict_any));
        specc_clear(ITEM, &it);
    }
    /* The four flag combinations of Strict. */
    CHECK(decode(&t_strict_desc, "{\"a\":\"x\",\"b\":7}", &st, &err) == SPECC_OK);
    CHECK(st.b_state == SPECC_PRESENT && st.b == 7 && st.c_state == SPECC_ABSENT &&
          st.d_state == SPECC_ABSENT);
    specc_clear(&t_strict_desc, &st);
    EXPECT_ERR(&t_strict_desc, "{\"a\":\"x\"}", SPECC_ERR_MISSING, "$.b", "{",
               "required key is missing");
    EXPECT_ERR(&t_strict_desc, "{\"b\":1}", SPECC_ERR_MISSING, "$.a", "{", NULL);
    EXPECT_ERR(&t_strict_desc, "{\"a\":null,\"b\":1}", SPECC_ERR_NULL, "$.a", "null",
               "expected string, got null");
    EXPECT_ERR(&t_strict_desc, "{\"a\":\"\",\"b\":1,\"c\":null}", SPECC_ERR_NULL, "$.c", "null",
               "expected integer, got null");
    CHECK(decode(&t_strict_desc, "{\"a\":\"\",\"b\":null,\"d\":null}", &st, &err) == SPECC_OK);
    CHECK(st.b_state == SPECC_NULL && st.d_state == SPECC_NULL);
    specc_clear(&t_strict_desc, &st);
    CHECK_NO_LEAK();
}

/* --------------------------------------------------------------- numbers */

static void test_numbers(void)
{
    t_item_t it;
    specc_error err;
    json_t *j;

    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"count\":9223372036854775807}")) {
        CHECK(it.count == INT64_MAX);
        specc_clear(ITEM, &it);
    }
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"count\":-9223372036854775808}")) {
        CHECK(it.count == INT64_MIN);
        specc_clear(ITEM, &it);
    }
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"count\":-0,\"ratio\":-0}")) {
        CHECK(it.count == 0 && it.ratio == 0.0);
        specc_clear(ITEM, &it);
    }
    EXPECT_ERR(ITEM, "{\"count\":9223372036854775808}", SPECC_ERR_RANGE, "$.count", "9",
               "integer 9223372036854775808 is out of range (int64)");
    EXPECT_ERR(ITEM, "{\"count\":-9223372036854775809}", SPECC_ERR_RANGE, "$.count", "-", NULL);
    EXPECT_ERR(ITEM, "{\"count\":99999999999999999999999}", SPECC_ERR_RANGE, "$.count", "9", NULL);
    EXPECT_ERR(ITEM, "{\"count\":1.5}", SPECC_ERR_TYPE, "$.count", "1.5",
               "expected integer, got number 1.5");
    EXPECT_ERR(ITEM, "{\"count\":1e3}", SPECC_ERR_TYPE, "$.count", "1e3",
               "expected integer, got number 1e3");
    EXPECT_ERR(ITEM, "{\"count\":1.0}", SPECC_ERR_TYPE, "$.count", "1.0", NULL);
    EXPECT_ERR(ITEM, "{\"count\":\"7\"}", SPECC_ERR_TYPE, "$.count", "\"7\"",
               "expected integer, got string \"7\"");
    EXPECT_ERR(ITEM, "{\"ratio\":1e999}", SPECC_ERR_RANGE, "$.ratio", "1e999",
               "number 1e999 is out of range (double)");
    EXPECT_ERR(ITEM, "{\"ratio\":-1e999}", SPECC_ERR_RANGE, "$.ratio", "-1e999", NULL);
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"ratio\":1e-400}")) { /* underflow: 0 */
        CHECK(it.ratio == 0.0);
        specc_clear(ITEM, &it);
    }
    EXPECT_ERR(ITEM, "{\"ratio\":\"1\"}", SPECC_ERR_TYPE, "$.ratio", "\"1\"",
               "expected number, got string \"1\"");
    EXPECT_ERR(ITEM, "{\"ratio\":true}", SPECC_ERR_TYPE, "$.ratio", "true",
               "expected number, got boolean true");
    EXPECT_ERR(ITEM, "{\"flag\":1}", SPECC_ERR_TYPE, "$.flag", "1",
               "expected boolean, got number 1");
    EXPECT_ERR(ITEM, "{\"flag\":\"true\"}", SPECC_ERR_TYPE, "$.flag", "\"true\"", NULL);

    /* Any: exact integers, range errors with positions, reals. */
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"extra\":[9223372036854775807,"
                     "-9223372036854775808,1.0,1e2,0.1]}")) {
        j = it.extra;
        CHECK(json_integer_value(json_array_get(j, 0)) == INT64_MAX);
        CHECK(json_integer_value(json_array_get(j, 1)) == INT64_MIN);
        CHECK(json_is_real(json_array_get(j, 2)) && json_real_value(json_array_get(j, 2)) == 1.0);
        CHECK(json_is_real(json_array_get(j, 3)) && json_real_value(json_array_get(j, 3)) == 100.0);
        CHECK(json_real_value(json_array_get(j, 4)) == 0.1);
        specc_clear(ITEM, &it);
    }
    EXPECT_ERR(ITEM, "{\"extra\":[1, 9223372036854775808]}", SPECC_ERR_RANGE, "$.extra[1]",
               "9223372036854775808", "integer 9223372036854775808 is out of range (int64)");
    EXPECT_ERR(ITEM, "{\"extra\":{\"a\":-9223372036854775809}}", SPECC_ERR_RANGE, "$.extra.a", "-9",
               NULL);
    EXPECT_ERR(ITEM, "{\"extra\":1e999}", SPECC_ERR_RANGE, "$.extra", "1e999", NULL);
    /* Unknown values keep their text: no number in them fails the decode, of
     * any size or spelling. The range applies when one is read as jansson. */
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"zz\":[1e999],\"zy\":[1, 9223372036854775808],"
                     "\"zx\":-9223372036854775809,\"zw\":[-0.0E-0,1.0,1E2,0.10]}")) {
        CHECK(it._unknown.count == 4);
        CHECK_MEMBER(&it._unknown, 0, "zz", 2, "[1e999]");
        CHECK_MEMBER(&it._unknown, 1, "zy", 2, "[1, 9223372036854775808]");
        CHECK_MEMBER(&it._unknown, 2, "zx", 2, "-9223372036854775809");
        CHECK_MEMBER(&it._unknown, 3, "zw", 2, "[-0.0E-0,1.0,1E2,0.10]");
        j = json_true(); /* not NULL: a failure must set it to NULL */
        CHECK(specc_unknown_json(specc_unknown_find(&it._unknown, "zz"), &j, &err) ==
              SPECC_ERR_RANGE);
        CHECK(j == NULL && err.code == SPECC_ERR_RANGE);
        CHECK_STR(err.path, "$.zz[0]");
        CHECK_STR(err.message, "number 1e999 is out of range (double)");
        CHECK(specc_unknown_json(specc_unknown_find(&it._unknown, "zy"), &j, &err) ==
              SPECC_ERR_RANGE);
        CHECK_STR(err.path, "$.zy[1]");
        CHECK_STR(err.message, "integer 9223372036854775808 is out of range (int64)");
        CHECK(specc_unknown_json(specc_unknown_find(&it._unknown, "zx"), &j, &err) ==
              SPECC_ERR_RANGE);
        CHECK_STR(err.path, "$.zx");
        CHECK(specc_unknown_json(specc_unknown_find(&it._unknown, "zw"), &j, &err) == SPECC_OK);
        CHECK(err.code == SPECC_OK && json_array_size(j) == 4);
        CHECK(json_is_real(json_array_get(j, 0)) && json_real_value(json_array_get(j, 0)) == 0.0 &&
              signbit(json_real_value(json_array_get(j, 0))));
        CHECK(json_is_real(json_array_get(j, 1)) && json_real_value(json_array_get(j, 1)) == 1.0);
        CHECK(json_is_real(json_array_get(j, 2)) && json_real_value(json_array_get(j, 2)) == 100.0);
        CHECK(json_real_value(json_array_get(j, 3)) == 0.1);
        json_decref(j);
        specc_clear(ITEM, &it);
    }
    /* Well-formedness still counts inside them. */
    EXPECT_ERR(ITEM, "{\"zz\":[1e]}", SPECC_ERR_SYNTAX, "$.zz[0]", "]", NULL);
    EXPECT_ERR(ITEM, "{\"zz\":01}", SPECC_ERR_SYNTAX, "$.zz", "1", NULL);
    CHECK_NO_LEAK();
}

static void test_decimals(void)
{
    t_item_t it;
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"price\":0.50,\"decs\":[\"0.13\",-1e-7,"
                     "123456789012345678901234567890.000000000000000000001,\"1E+2\",0,-0.0]}")) {
        CHECK_STR(it.price.text, "0.50");
        CHECK(!it.price.is_string);
        CHECK(it.decs.count == 6);
        if (it.decs.count == 6) {
            CHECK_STR(it.decs.items[0].text, "0.13");
            CHECK(it.decs.items[0].is_string);
            CHECK_STR(it.decs.items[1].text, "-1e-7");
            CHECK(!it.decs.items[1].is_string);
            CHECK_STR(it.decs.items[2].text,
                      "123456789012345678901234567890.000000000000000000001");
            CHECK_STR(it.decs.items[3].text, "1E+2");
            CHECK(it.decs.items[3].is_string);
            CHECK_STR(it.decs.items[4].text, "0");
            CHECK_STR(it.decs.items[5].text, "-0.0");
        }
        specc_clear(ITEM, &it);
    }
    /* Escapes inside a decimal string are decoded first: "\u0031" is "1". */
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"price\":\"\\u0031.5\"}")) {
        CHECK_STR(it.price.text, "1.5");
        specc_clear(ITEM, &it);
    }
    EXPECT_ERR(ITEM, "{\"price\":\"abc\"}", SPECC_ERR_FORMAT, "$.price", "\"abc\"",
               "expected a decimal number, got string \"abc\"");
    EXPECT_ERR(ITEM, "{\"price\":\" 1\"}", SPECC_ERR_FORMAT, "$.price", "\" 1\"", NULL);
    EXPECT_ERR(ITEM, "{\"price\":\"01\"}", SPECC_ERR_FORMAT, "$.price", "\"01\"", NULL);
    EXPECT_ERR(ITEM, "{\"price\":\"1.\"}", SPECC_ERR_FORMAT, "$.price", "\"1.\"", NULL);
    EXPECT_ERR(ITEM, "{\"price\":\"\"}", SPECC_ERR_FORMAT, "$.price", "\"\"", NULL);
    EXPECT_ERR(ITEM, "{\"price\":\"NaN\"}", SPECC_ERR_FORMAT, "$.price", "\"NaN\"", NULL);
    EXPECT_ERR(ITEM, "{\"price\":true}", SPECC_ERR_TYPE, "$.price", "true",
               "expected decimal (number or decimal string), got boolean true");
    EXPECT_ERR(ITEM, "{\"decs\":[1,{}]}", SPECC_ERR_TYPE, "$.decs[1]", "{}", NULL);
    CHECK_NO_LEAK();
}

/* ----------------------------------------------------------------- enums */

static void test_enums(void)
{
    t_item_t it;
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"color\":\"green\",\"tier\":\"S\","
                     "\"level\":0,\"code\":404}")) {
        CHECK(it.color == T_COLOR_GREEN && it.color_other == NULL);
        CHECK(it.tier == T_TIER_S && it.level == 0 && it.code == 404);
        specc_clear(ITEM, &it);
    }
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"color\":\"\\u0072ed\"}")) {
        CHECK(it.color == T_COLOR_RED && it.color_other == NULL);
        specc_clear(ITEM, &it);
    }
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"color\":\"Red\",\"code\":-1}")) {
        CHECK(it.color == T_COLOR__OTHER);
        CHECK_STR(it.color_other, "Red");
        CHECK(it.code == -1);
        specc_clear(ITEM, &it);
    }
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"color\":\"\"}")) {
        CHECK(it.color == T_COLOR__OTHER);
        CHECK_STR(it.color_other, "");
        specc_clear(ITEM, &it);
    }
    EXPECT_ERR(ITEM, "{\"tier\":\"XL\"}", SPECC_ERR_ENUM, "$.tier", "\"XL\"",
               "expected one of \"S\", \"M\", \"L\", got \"XL\"");
    EXPECT_ERR(ITEM, "{\"tier\":\"s\"}", SPECC_ERR_ENUM, "$.tier", "\"s\"", NULL);
    EXPECT_ERR(ITEM, "{\"tier\":1}", SPECC_ERR_TYPE, "$.tier", "1",
               "expected string, got number 1");
    EXPECT_ERR(ITEM, "{\"tiers\":{\"a\":\"S\",\"b\":\"Q\"}}", SPECC_ERR_ENUM, "$.tiers.b", "\"Q\"",
               NULL);
    EXPECT_ERR(ITEM, "{\"level\":2}", SPECC_ERR_ENUM, "$.level", "2",
               "expected one of 0, 1, got 2");
    EXPECT_ERR(ITEM, "{\"level\":\"1\"}", SPECC_ERR_TYPE, "$.level", "\"1\"", NULL);
    EXPECT_ERR(ITEM, "{\"color\":\"a\\u0000\"}", SPECC_ERR_NUL, "$.color", "\"a", NULL);
    EXPECT_ERR(ITEM, "{\"tier\":\"S\\u0000\"}", SPECC_ERR_ENUM, "$.tier", "\"S", NULL);
    CHECK_NO_LEAK();
}

/* ----------------------------------------------------------- shape errors */

static void test_shape_errors(void)
{
    const char *j;

    EXPECT_ERR(ITEM, "{\"flag\":true}", SPECC_ERR_MISSING, "$.name", "{",
               "required key is missing");
    EXPECT_ERR(ITEM, "{\"name\":\"a\"}", SPECC_ERR_MISSING, "$.flag", "{", NULL);
    EXPECT_ERR(ITEM, "{\"name\":7}", SPECC_ERR_TYPE, "$.name", "7",
               "expected string, got number 7");
    EXPECT_ERR(ITEM, "{\"name\":null}", SPECC_ERR_NULL, "$.name", "null",
               "expected string, got null");

    EXPECT_ERR(ITEM, "{\"name\":[\"a\"]}", SPECC_ERR_TYPE, "$.name", "[",
               "expected string, got array");
    EXPECT_ERR(ITEM, "{\"name\":{}}", SPECC_ERR_TYPE, "$.name", "{}",
               "expected string, got object");
    EXPECT_ERR(ITEM,
               "{\"name\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"flag\":\"x\\n\"}",
               SPECC_ERR_TYPE, "$.flag", "\"x", "expected boolean, got string \"x\\u000a\"");
    EXPECT_ERR(ITEM, "{\"flag\":\"0123456789012345678901234567890123456789\"}", SPECC_ERR_TYPE,
               "$.flag", "\"0",
               "expected boolean, got string \"0123456789012345678901234567890123456789\"");
    EXPECT_ERR(ITEM,
               "{\"flag\":\"0123456789012345678901234567890123456789012345678901234567890123"
               "456789\"}",
               SPECC_ERR_TYPE, "$.flag", "\"0",
               "expected boolean, got string "
               "\"0123456789012345678901234567890123456789012345678901234567890123\xe2\x80\xa6\"");
    EXPECT_ERR(ITEM, "{\"child\":5}", SPECC_ERR_TYPE, "$.child", "5",
               "expected object, got number 5");
    EXPECT_ERR(ITEM, "{\"tags\":\"x\"}", SPECC_ERR_TYPE, "$.tags", "\"x\"",
               "expected array, got string \"x\"");
    EXPECT_ERR(ITEM, "{\"opts\":[]}", SPECC_ERR_TYPE, "$.opts", "[]", "expected object, got array");
    EXPECT_ERR(ITEM, "{\"opts\":{\"odd key\":1}}", SPECC_ERR_TYPE, "$.opts['odd key']", "1",
               "expected boolean, got number 1");
    EXPECT_ERR(ITEM, "{\"grid\":{\"r\":[1,\"x\"]}}", SPECC_ERR_TYPE, "$.grid.r[1]", "\"x\"", NULL);
    EXPECT_ERR(ITEM, "{\"matrix\":[[1],[2,\"a\"]]}", SPECC_ERR_TYPE, "$.matrix[1][1]", "\"a\"",
               "expected number, got string \"a\"");
    EXPECT_ERR(ITEM, "{\"colors\":[null]}", SPECC_ERR_NULL, "$.colors[0]", "null",
               "expected string, got null");
    EXPECT_ERR(ITEM, "{\"tags\":[\"a\",null]}", SPECC_ERR_NULL, "$.tags[1]", "null", NULL);
    EXPECT_ERR(ITEM, "{\"children\":[{\"name\":\"b\",\"flag\":null},{\"flag\":false}]}",
               SPECC_ERR_MISSING, "$.children[1].name", "{\"flag\":false}",
               "required key is missing");
    EXPECT_ERR(ITEM, "{\"child\":{\"name\":\"b\",\"flag\":null,\"child\":{\"name\":1}}}",
               SPECC_ERR_TYPE, "$.child.child.name", "1}", NULL);
    EXPECT_ERR(ITEM, "{\"strict\":{\"a\":\"x\",\"b\":1,\"zz\":1}}", SPECC_ERR_UNKNOWN_FIELD,
               "$.strict.zz", "\"zz\"", "unknown key \"zz\" (Strict allows no unknown keys)");
    EXPECT_ERR(ITEM, "{\"strict\":{\"a\":\"x\"}}", SPECC_ERR_MISSING, "$.strict.b", "{\"a\"", NULL);
    EXPECT_ERR(ITEM, "{\"strict\":{\"a\":\"x\",\"b\":1,\"next\":{\"a\":\"y\",\"b\":2,\"n\":0}}}",
               SPECC_ERR_UNKNOWN_FIELD, "$.strict.next.n", "\"n\"", NULL);
    EXPECT_ERR(ITEM, "{\"loose\":{\"list\":[{\"a\":\"p\",\"b\":1}]}}", SPECC_ERR_MISSING,
               "$.loose.by_name", "{\"list", NULL);
    EXPECT_ERR(ITEM, "{\"loose\":{\"list\":[],\"by_name\":{\"k\":{\"b\":1}}}}", SPECC_ERR_MISSING,
               "$.loose.by_name.k.a", "{\"b\"", NULL);
    EXPECT_ERR(ITEM, "{\"anys\":[1,2,3,4,5,6,7,8,{\"a\":[1,tru]}]}", SPECC_ERR_SYNTAX,
               "$.anys[8].a[1]", "]}]", NULL);

    /* Not an object at the top. */
    EXPECT_ERR(ITEM, "[1]", SPECC_ERR_TYPE, "$", "[", "expected object, got array");
    EXPECT_ERR(ITEM, " \"x\" ", SPECC_ERR_TYPE, "$", "\"", "expected object, got string \"x\"");
    EXPECT_ERR(ITEM, "null", SPECC_ERR_NULL, "$", "n", "expected object, got null");
    EXPECT_ERR(ITEM, " null x", SPECC_ERR_SYNTAX, "$", "x", NULL);
    EXPECT_ERR(ITEM, "-12.5e3", SPECC_ERR_TYPE, "$", "-", "expected object, got number -12.5e3");

    /* Positions over several lines: column in bytes, from 1. */
    j = "{\n  \"name\": \"\xc3\xa9\",\n\t\"flag\": 1\n}";
    EXPECT_ERR_LC(ITEM, j, SPECC_ERR_TYPE, "$.flag", 3, 10, NULL);
    j = "{\"name\": \"a\",\r\n \"flag\": true,\r\n \"count\": \"7\"}";
    EXPECT_ERR_LC(ITEM, j, SPECC_ERR_TYPE, "$.count", 3, 11, "expected integer, got string \"7\"");
    j = "{\n\"name\": \"a\",\n\"flag\": true\n,\"children\": [\n {\"name\": \"b\"}]}";
    EXPECT_ERR_LC(ITEM, j, SPECC_ERR_MISSING, "$.children[0].flag", 5, 2, NULL);
    CHECK_NO_LEAK();
}

/* Syntax errors win over shape errors met before them. */
static void test_precedence(void)
{
    EXPECT_ERR(ITEM, "{\"name\": 7, \"flag\": tru}", SPECC_ERR_SYNTAX, "$.flag", "}",
               "invalid literal, expected true");
    EXPECT_ERR(ITEM, "{\"name\": 7,", SPECC_ERR_SYNTAX, "$", NULL, "unexpected end of input");
    EXPECT_ERR(ITEM, "{\"name\": 7, \"a\":1, \"a\":2}", SPECC_ERR_DUPLICATE_KEY, "$.a", "\"a\":2",
               NULL);
    EXPECT_ERR(ITEM, "[1,]", SPECC_ERR_SYNTAX, "$[1]", "]", NULL);
    EXPECT_ERR(ITEM, "{\"flag\":true} {}", SPECC_ERR_SYNTAX, "$", "{}",
               "unexpected text after the JSON value");
    EXPECT_ERR(ITEM, "{\"tier\":\"XL\",\"x\":[1 2]}", SPECC_ERR_SYNTAX, "$.x", "2]", NULL);
    /* ... but a valid text keeps its first shape error. */
    EXPECT_ERR(ITEM, "{\"count\":\"7\",\"name\":1}", SPECC_ERR_TYPE, "$.count", "\"7\"", NULL);
    CHECK_NO_LEAK();
}

/* ----------------------------------------------------------------- syntax */

static void test_syntax(void)
{
    static const char nul_after[] = "{\"name\":\"a\",\"flag\":true}\0";
    static const char nul_inside[] = "{\"name\":\"a\0\",\"flag\":true}";
#define SYN(json, path, marker, message)                                                           \
    EXPECT_ERR(ITEM, json, SPECC_ERR_SYNTAX, path, marker, message)
    SYN("", "$", NULL, "unexpected end of input");
    SYN("   ", "$", NULL, "unexpected end of input");
    SYN("{", "$", NULL, "unexpected end of input");
    SYN("{\"name\"", "$.name", NULL, "unexpected end of input");
    SYN("{\"name\":", "$.name", NULL, "unexpected end of input");
    SYN("{\"name\":\"ab", "$.name", NULL, "unexpected end of input in string");
    SYN("{\"na", "$", NULL, "unexpected end of input in string");
    SYN("{\"name\" 1}", "$.name", "1}", "expected ':' after object key");
    SYN("{\"name\":\"a\",}", "$", "}", "expected a string key after ','");
    SYN("{\"name\":\"a\"]", "$", "]", "expected ',' or '}' after object member");
    SYN("{\"name\":\"a\" \"flag\":true}", "$", "\"flag", "expected ',' or '}' after object member");
    SYN("{'name':1}", "$", "'", "expected a string key or '}'");
    SYN("{name:1}", "$", "n", "expected a string key or '}'");
    SYN("{\"name\":\"a\\q\"}", "$.name", "\\q", "invalid escape \\q");
    SYN("{\"name\":\"\\ud800\"}", "$.name", "\\u", "lone surrogate \\uD800 in string");
    SYN("{\"name\":\"\\ud800\\u0041\"}", "$.name", "\\u", "lone surrogate \\uD800 in string");
    SYN("{\"name\":\"\\udc00\\ud800\"}", "$.name", "\\u", "lone surrogate \\uDC00 in string");
    SYN("{\"name\":\"\\u12\"}", "$.name", "\\u", "invalid \\u escape (needs 4 hex digits)");
    SYN("{\"name\":\"\\u12g4\"}", "$.name", "\\u", NULL);
    SYN("{\"name\":\"a\tb\"}", "$.name", "\tb",
        "control character U+0009 in string (must be escaped)");
    SYN("{\"name\":\"a\nb\"}", "$.name", "\nb", NULL);
    SYN("{\"name\":\"\xff\"}", "$.name", "\xff", "invalid UTF-8 in string");
    SYN("{\"name\":\"\xc0\xaf\"}", "$.name", "\xc0", "invalid UTF-8 in string");
    SYN("{\"name\":\"\xed\xa0\x80\"}", "$.name", "\xed", "invalid UTF-8 in string");
    SYN("{\"name\":\"\xe2\x82\"}", "$.name", "\xe2", "invalid UTF-8 in string");
    SYN("{\"name\":\"\xf4\x90\x80\x80\"}", "$.name", "\xf4", "invalid UTF-8 in string");
    SYN("{\"\xfe\":1}", "$", "\xfe", "invalid UTF-8 in string");
    SYN("{\"extra\":\"\x80\"}", "$.extra", "\x80", NULL);
    SYN("{\"count\":01}", "$.count", "1}", "invalid number: leading zero");
    SYN("{\"count\":-}", "$.count", "}", "invalid number: expected a digit");
    SYN("{\"count\":1.}", "$.count", "}", "invalid number: expected a digit after '.'");
    SYN("{\"count\":1e}", "$.count", "}", "invalid number: expected a digit in the exponent");
    SYN("{\"count\":1e+}", "$.count", "}", NULL);
    SYN("{\"count\":.5}", "$.count", ".5", "unexpected character '.', expected a value");
    SYN("{\"count\":+1}", "$.count", "+1", "unexpected character '+', expected a value");
    SYN("{\"ratio\":NaN}", "$.ratio", "NaN", "unexpected character 'N', expected a value");
    SYN("{\"ratio\":Infinity}", "$.ratio", "Inf", NULL);
    SYN("{\"count\":0x10}", "$", "x10", "expected ',' or '}' after object member");
    SYN("{\"flag\":tru}", "$.flag", "}", "invalid literal, expected true");
    SYN("{\"flag\":True}", "$.flag", "True", NULL);
    SYN("{\"extra\":nul", "$.extra", NULL, "unexpected end of input");
    SYN("{\"extra\":[1 2]}", "$.extra", "2]", "expected ',' or ']' after array element");
    SYN("{\"extra\":[1,]}", "$.extra[1]", "]}", "unexpected character ']', expected a value");
    SYN("{\"extra\":[,1]}", "$.extra[0]", ",1", NULL);
    SYN("{\"extra\":{\"a\" 1}}", "$.extra.a", "1}", "expected ':' after object key");
    SYN("{\"name\":\"a\",\"flag\":true} x", "$", "x", "unexpected text after the JSON value");
    EXPECT_ERR_LC(ITEM, "{\"name\":\"a\",\"flag\":true}}", SPECC_ERR_SYNTAX, "$", 1, 25, NULL);
    SYN("\xef\xbb\xbf{}", "$", "\xef", "byte order mark (U+FEFF) is not allowed");
    SYN("{\"extra\":\x01}", "$.extra", "\x01", "unexpected byte 0x01, expected a value");
    SYN("{\"name\":\"a\",\"flag\":true}\f", "$", "\f", NULL); /* form feed is not whitespace */
    SYN("/* c */{}", "$", "/", NULL);
#undef SYN
    EXPECT_ERR_LC(ITEM, "{\n  \"name\": \"a\",\n  \"flag\": tx\n}", SPECC_ERR_SYNTAX, "$.flag", 3,
                  12, "invalid literal, expected true");
    expect_err_len(__LINE__, ITEM, nul_after, sizeof nul_after - 1, SPECC_ERR_SYNTAX, "$", 1,
                   (int)sizeof nul_after - 1, "unexpected text after the JSON value");
    expect_err_len(__LINE__, ITEM, nul_inside, sizeof nul_inside - 1, SPECC_ERR_SYNTAX, "$.name", 1,
                   11, "control character U+0000 in string (must be escaped)");
    /* Whitespace of all four kinds around and inside. */
    {
        t_item_t it;
        CHECK(OK_ITEM(&it,
                      " \t\r\n{ \t\r\n\"name\" \t\r\n: \"a\" , \"flag\":true,\"tags\" : [ \"x\" , "
                      "\"y\" ] } \t\r\n"));
        CHECK(it.tags.count == 2);
        specc_clear(ITEM, &it);
    }
    CHECK_NO_LEAK();
}

/* ------------------------------------------------------------------ depth */

/* Decode text (any type) expecting code at line 1, column col. */
static void expect_code_at(int line, const specc_type *t, const char *text, specc_code code,
                           int col)
{
    void *out = malloc(t->size);
    specc_error err;
    specc_code rc = specc_decode_text(t, text, strlen(text), out, &err);
    if (rc != code || err.code != code || (col && (err.line != 1 || err.column != col))) {
        failures++;
        printf("%s:%d: got %s %d:%d %s (%s), want %s at 1:%d\n", __FILE__, line,
               specc_code_name(rc), err.line, err.column, err.message, err.path,
               specc_code_name(code), col);
    }
    if (rc == SPECC_OK)
        specc_clear(t, out);
    else if (!all_zero(out, t->size))
        CHECK(!"output not left initialised");
    free(out);
    check_no_leak(line);
}

static void test_depth(void)
{
    buf b = {NULL, 0, 0};
    specc_error err;
    t_item_t it;
    int i;

    /* 100 000 '[' at the top: a clean error at the 513th. */
    put_repeat(&b, "[", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 513);
    CHECK(decode(ITEM, b.s, &it, &err) == SPECC_ERR_DEPTH);
    CHECK(strncmp(err.path, "$[0][0][0]", 10) == 0 && strstr(err.path, "...") != NULL);
    CHECK(strlen(err.path) < SPECC_PATH_MAX);
    CHECK_STR(err.message, "nesting deeper than 512");
    b.len = 0;
    put_repeat(&b, "{\"a\":", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 5 * 512 + 1);

    /* Inside an any value: the object is depth 1, so the 512th '[' fails. */
    b.len = 0;
    puts_(&b, "{\"extra\":");
    put_repeat(&b, "[", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 9 + 512);
    b.len = 0;
    puts_(&b, "{\"extra\":");
    put_repeat(&b, "{\"a\":", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 9 + 5 * 511 + 1);
    /* Exactly 512 levels are fine, and 513 are not. */
    b.len = 0;
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"extra\":");
    put_repeat(&b, "[", 511);
    put_repeat(&b, "]", 511);
    puts_(&b, "}");
    expect_code_at(__LINE__, ITEM, b.s, SPECC_OK, 0);
    b.len = 0;
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"extra\":");
    put_repeat(&b, "[", 512);
    put_repeat(&b, "]", 512);
    puts_(&b, "}");
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH,
                   (int)strlen("{\"name\":\"a\",\"flag\":true,\"extra\":") + 512);
    /* In ignored and in preserved unknown values. */
    b.len = 0;
    puts_(&b, "{\"loose\":{\"junk\":");
    put_repeat(&b, "[", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 17 + 511);
    b.len = 0;
    puts_(&b, "{\"zz\":");
    put_repeat(&b, "[{\"a\":", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 0);
    /* A preserved value counts its object too: 511 levels are kept whole, 512 are not. */
    b.len = 0;
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"zz\":");
    put_repeat(&b, "[", 511);
    put_repeat(&b, "]", 511);
    puts_(&b, "}");
    if (OK_ITEM(&it, b.s)) {
        CHECK(it._unknown.count == 1 && it._unknown.members[0].json_len == 2 * 511);
        CHECK(it._unknown.count == 1 && memcmp(it._unknown.members[0].json,
                                               strstr(b.s, "[["), 2 * 511) == 0);
        specc_clear(ITEM, &it);
    }
    b.len = 0;
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"zz\":");
    put_repeat(&b, "[", 512);
    put_repeat(&b, "]", 512);
    puts_(&b, "}");
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH,
                   (int)strlen("{\"name\":\"a\",\"flag\":true,\"zz\":") + 512);

    /* Typed recursion: 512 nested objects decode (and clear), 513 do not. */
    for (i = 512; i <= 513; i++) {
        b.len = 0;
        put_repeat(&b, "{\"a\":\"x\",\"b\":1,\"next\":", (size_t)i - 1);
        puts_(&b, "{\"a\":\"x\",\"b\":1}");
        put_repeat(&b, "}", (size_t)i - 1);
        expect_code_at(__LINE__, &t_strict_desc, b.s, i == 512 ? SPECC_OK : SPECC_ERR_DEPTH,
                       i == 512 ? 0 : 22 * 512 + 1);
    }
    b.len = 0;
    put_repeat(&b, "{\"name\":\"a\",\"flag\":true,\"children\":[", 100000);
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DEPTH, 0);
    b.len = 0;
    puts_(&b, "{\"grid\":{\"a\":[[]]}}");
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_TYPE, 15);
    free(b.s);
}

/* ------------------------------------------------------------- duplicates */

static void test_duplicates(void)
{
    buf b = {NULL, 0, 0};
    int i;
    char key[16];

#define DUP(json, path, marker) EXPECT_ERR(ITEM, json, SPECC_ERR_DUPLICATE_KEY, path, marker, NULL)
    EXPECT_ERR(ITEM, "{\"name\":\"a\",\"name\":\"b\"}", SPECC_ERR_DUPLICATE_KEY, "$.name",
               "\"name\":\"b\"", "duplicate key \"name\"");
    DUP("{\"name\":\"a\",\"na\\u006de\":\"b\"}", "$.name", "\"na\\");
    DUP("{\"flag\":null,\"flag\":null}", "$.flag", "\"flag\":null}");
    DUP("{\"u\":1,\"u\":2}", "$.u", "\"u\":2");
    DUP("{\"u\":1,\"\\u0075\":2}", "$.u", "\"\\u");
    DUP("{\"opts\":{\"k\":true,\"k\":false}}", "$.opts.k", "\"k\":false");
    DUP("{\"opts\":{\"k0\":true,\"k1\":true,\"k2\":true,\"k3\":true,\"k4\":true,\"k5\":true,"
        "\"k6\":true,\"k7\":true,\"k8\":true,\"k9\":true,\"k3\":false}}",
        "$.opts.k3", "\"k3\":false");
    DUP("{\"extra\":{\"a\":1,\"a\":2}}", "$.extra.a", "\"a\":2");
    DUP("{\"anys\":[{\"a\":1,\"b\":{\"c\":1,\"c\":2}}]}", "$.anys[0].b.c", "\"c\":2");
    DUP("{\"loose\":{\"q\":1,\"q\":2}}", "$.loose.q", "\"q\":2");
    DUP("{\"loose\":{\"x\":1,\"x\":2}}", "$.loose.x", "\"x\":2");
    DUP("{\"loose\":{\"q\":{\"r\":1,\"r\":2}}}", "$.loose.q.r", "\"r\":2");
    DUP("{\"loose\":{\"q\":[{\"r0\":1,\"r1\":1,\"r2\":1,\"r3\":1,\"r4\":1,\"r5\":1,\"r6\":1,"
        "\"r7\":1,\"r8\":1,\"r9\":1,\"r5\":2}]}}",
        "$.loose.q[0].r5", "\"r5\":2");
    DUP("{\"loose\":{\"by_name\":{\"k\":{\"a\":\"x\",\"b\":1},\"k\":{}}}}", "$.loose.by_name.k",
        "\"k\":{}");
    DUP("{\"strict\":{\"a\":\"x\",\"b\":1,\"a\":\"y\"}}", "$.strict.a", "\"a\":\"y\"");
    /* Found by the re-scan after a shape error. */
    DUP("{\"name\":1,\"flag\":true,\"flag\":false}", "$.flag", "\"flag\":false");
#undef DUP
    /* The same key at different levels is no duplicate. */
    {
        t_item_t it;
        CHECK(OK_ITEM(&it,
                      "{\"name\":\"a\",\"flag\":true,\"loose\":{\"q\":{\"a\":{\"a\":1,\"q\":2},"
                      "\"b\":{\"a\":1},\"c0\":0,\"c1\":0,\"c2\":0,\"c3\":0,\"c4\":0,\"c5\":0,"
                      "\"c6\":0,\"c7\":0,\"c8\":0,\"c9\":{\"c0\":{\"c1\":1}}},\"a\":1,\"b\":2,"
                      "\"list\":[],\"by_name\":{\"q\":{\"a\":\"q\",\"b\":null},\"a\":{\"a\":\"a\","
                      "\"b\":null}}},\"opts\":{\"name\":true,\"flag\":false},"
                      "\"extra\":{\"name\":{\"name\":1}}}"));
        specc_clear(ITEM, &it);
    }
    /* Long keys (the key stack grows) that differ only at the end. */
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"loose\":{\"list\":[],\"by_name\":{}");
    for (i = 0; i < 20; i++) {
        puts_(&b, ",\"");
        put_repeat(&b, "k", 300);
        snprintf(key, sizeof key, "%d\":%d", i, i);
        puts_(&b, key);
    }
    puts_(&b, "}}");
    expect_code_at(__LINE__, ITEM, b.s, SPECC_OK, 0);
    b.len -= 2;
    puts_(&b, ",\"");
    put_repeat(&b, "k", 300);
    puts_(&b, "7\":0}}");
    expect_code_at(__LINE__, ITEM, b.s, SPECC_ERR_DUPLICATE_KEY,
                   (int)(strstr(b.s, "7\":0}") - b.s) - 300);
    free(b.s);
    CHECK_NO_LEAK();
}

/* --------------------------------------------------------------- big input */

static double seconds_since(clock_t start)
{
    return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* An object of n keys "k0".."k{n-1}" with small values, plus `tail`. */
static void put_big_object(buf *b, int n, const char *value, const char *tail)
{
    char key[32];
    int i;
    puts_(b, "{");
    for (i = 0; i < n; i++) {
        snprintf(key, sizeof key, "%s\"k%d\":", i ? "," : "", i);
        puts_(b, key);
        puts_(b, value);
    }
    puts_(b, tail);
    puts_(b, "}");
}

static void test_big(void)
{
    enum { N = 100000 };
    buf b = {NULL, 0, 0};
    specc_error err;
    t_item_t it;
    clock_t start;
    size_t i;

    /* A big any-object, then the same with a duplicate at the end. */
    start = clock();
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"extra\":");
    put_big_object(&b, N, "1", "");
    puts_(&b, "}");
    if (OK_ITEM(&it, b.s)) {
        CHECK(json_object_size(it.extra) == N);
        CHECK(json_integer_value(json_object_get(it.extra, "k99999")) == 1);
        specc_clear(ITEM, &it);
    }
    b.len = 0;
    puts_(&b, "{\"extra\":");
    put_big_object(&b, N, "1", ",\"k5\":2");
    puts_(&b, "}");
    CHECK(decode(ITEM, b.s, &it, &err) == SPECC_ERR_DUPLICATE_KEY);
    CHECK_STR(err.path, "$.extra.k5");

    /* A big map: keys in input order. */
    b.len = 0;
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"opts\":");
    put_big_object(&b, N, "true", "");
    puts_(&b, "}");
    if (OK_ITEM(&it, b.s)) {
        CHECK(it.opts.count == N);
        CHECK_STR(it.opts.keys[0], "k0");
        CHECK_STR(it.opts.keys[N - 1], "k99999");
        for (i = 0; i < it.opts.count && it.opts.values[i]; i++)
            ;
        CHECK(i == N);
        specc_clear(ITEM, &it);
    }
    b.len = 0;
    puts_(&b, "{\"opts\":");
    put_big_object(&b, N, "true", ",\"k77777\":true");
    puts_(&b, "}");
    CHECK(decode(ITEM, b.s, &it, &err) == SPECC_ERR_DUPLICATE_KEY);
    CHECK_STR(err.path, "$.opts.k77777");

    /* Many unknown keys: preserved, ignored, and inside an ignored value. */
    b.len = 0;
    put_big_object(&b, N, "[]", ",\"name\":\"a\",\"flag\":true");
    if (OK_ITEM(&it, b.s)) {
        CHECK(it._unknown.count == N);
        CHECK_MEMBER(&it._unknown, 0, "k0", 2, "[]");
        CHECK_MEMBER(&it._unknown, N - 1, "k99999", 6, "[]");
        if (it._unknown.count == N)
            CHECK(specc_unknown_find(&it._unknown, "k77777") == &it._unknown.members[77777]);
        specc_clear(ITEM, &it);
    }
    b.len = 0;
    put_big_object(&b, N, "[]", ",\"k0\":1");
    CHECK(decode(ITEM, b.s, &it, &err) == SPECC_ERR_DUPLICATE_KEY);
    b.len = 0;
    puts_(&b, "{\"name\":\"a\",\"flag\":true,\"loose\":");
    put_big_object(&b, N, "{}", ",\"list\":[],\"by_name\":{}");
    puts_(&b, "}");
    if (OK_ITEM(&it, b.s))
        specc_clear(ITEM, &it);
    b.len = 0;
    puts_(&b, "{\"loose\":{\"junk\":");
    put_big_object(&b, N, "null", ",\"k12345\":0");
    puts_(&b, "}}");
    CHECK(decode(ITEM, b.s, &it, &err) == SPECC_ERR_DUPLICATE_KEY);
    CHECK_STR(err.path, "$.loose.junk.k12345");

    /* A long array and a long string. */
    b.len = 0;
    puts_(&b, "{\"name\":\"");
    put_repeat(&b, "abcdefgh\\n", N);
    puts_(&b, "\",\"flag\":true,\"tags\":[");
    for (i = 0; i < N; i++)
        puts_(&b, i ? ",\"t\"" : "\"t\"");
    puts_(&b, "]}");
    if (OK_ITEM(&it, b.s)) {
        CHECK(strlen(it.name) == 9 * N && it.tags.count == N);
        specc_clear(ITEM, &it);
    }
    printf("big inputs: %.2f s\n", seconds_since(start));
    CHECK(seconds_since(start) < 60.0); /* quadratic behaviour would take hours */
    free(b.s);
    CHECK_NO_LEAK();
}

/* --------------------------------------------------- U+0000 and UTF-8 text */

static void test_nul_utf8(void)
{
    t_item_t it;
    t_strict_t st;
    specc_error err;
    json_t *v;

    EXPECT_ERR(ITEM, "{\"name\":\"a\\u0000b\"}", SPECC_ERR_NUL, "$.name", "\"a",
               "string holds U+0000 (\\u0000), which a C string cannot hold");
    EXPECT_ERR(ITEM, "{\"tags\":[\"\\u0000\"]}", SPECC_ERR_NUL, "$.tags[0]", "\"\\", NULL);
    EXPECT_ERR(ITEM, "{\"opts\":{\"a\\u0000\":true}}", SPECC_ERR_NUL, "$.opts['a\\u0000']", "\"a",
               "map key holds U+0000 (\\u0000), which a C string cannot hold");
    EXPECT_ERR(ITEM, "{\"price\":\"1\\u0000\"}", SPECC_ERR_FORMAT, "$.price", "\"1", NULL);
    EXPECT_ERR(&t_strict_desc, "{\"a\\u0000\":1}", SPECC_ERR_UNKNOWN_FIELD, "$['a\\u0000']", "\"a",
               NULL);
    if (OK_ITEM(
            &it,
            "{\"name\":\"a\",\"flag\":true,\"extra\":\"a\\u0000b\",\"n\\u0000\":\"\\u0000\"}")) {
        CHECK(json_string_length(it.extra) == 3 && !memcmp(json_string_value(it.extra), "a\0b", 3));
        /* The key is kept whole, U+0000 included; the value's text as sent. */
        CHECK(it._unknown.count == 1);
        CHECK_MEMBER(&it._unknown, 0, "n\0", 2, "\"\\u0000\"");
        /* A C-string key cannot name it: "n" is another key. */
        CHECK(specc_unknown_find(&it._unknown, "n") == NULL);
        CHECK(!specc_unknown_remove(&it._unknown, "n"));
        if (it._unknown.count == 1) {
            v = NULL;
            CHECK(specc_unknown_json(&it._unknown.members[0], &v, &err) == SPECC_OK);
            CHECK(json_string_length(v) == 1 && json_string_value(v)[0] == '\0');
            json_decref(v);
        }
        specc_clear(ITEM, &it);
    }
    /* Valid UTF-8 of every length, raw and escaped, survives exactly. */
    if (OK_ITEM(&it, "{\"name\":\"\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80"
                     "\xf4\x8f\xbf\xbf\",\"flag\":true,\"note\":\"\\u007f\\u0080\\u07ff\\u0800"
                     "\\uffff\\ud800\\udc00\\udbff\\udfff\"}")) {
        CHECK_STR(it.name,
                  "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf");
        CHECK_STR(it.note,
                  "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf");
        specc_clear(ITEM, &it);
    }
    if (OK_ITEM(&it, "{\"name\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"flag\":true}")) {
        CHECK_STR(it.name, "\"\\/\b\f\n\r\t");
        specc_clear(ITEM, &it);
    }
    /* Escaped keys match fields. */
    CHECK(decode(&t_strict_desc, "{\"\\u0061\":\"x\",\"\\u0062\":1}", &st, &err) == SPECC_OK);
    CHECK_STR(st.a, "x");
    specc_clear(&t_strict_desc, &st);
    CHECK_NO_LEAK();
}

/* ---------------------------------------------------- allocation failures */

/* Decode text with the N-th allocation failing, for every N until one run
 * needs no more than N-1: each failure must be SPECC_ERR_NOMEM (or, for a
 * text with an error, that error) with the output initialised and nothing
 * leaked. Returns how many runs failed an allocation. */
static long fail_every_allocation(int line, const specc_type *t, const char *text,
                                  const json_t *json, specc_code final)
{
    void *out = malloc(t->size);
    long n, base = alloc_live; /* the json value's own allocations */
    for (n = 1;; n++) {
        specc_error err;
        specc_code rc;
        alloc_calls = 0;
        alloc_fail_at = n;
        rc = json ? specc_decode_json(t, json, out, &err)
                  : specc_decode_text(t, text, strlen(text), out, &err);
        alloc_fail_at = 0;
        if (alloc_calls < n) { /* nothing failed: the normal outcome */
            if (rc != final) {
                failures++;
                printf("%s:%d: without failures got %s (%s %s)\n", __FILE__, line,
                       specc_code_name(rc), err.path, err.message);
            }
            if (rc == SPECC_OK)
                specc_clear(t, out);
            break;
        }
        if ((rc != SPECC_ERR_NOMEM && rc != final) || rc == SPECC_OK || err.code != rc) {
            failures++;
            printf("%s:%d: allocation %ld failing gave %s (%s %s)\n", __FILE__, line, n,
                   specc_code_name(rc), err.path, err.message);
        }
        if (!all_zero(out, t->size)) {
            failures++;
            printf("%s:%d: allocation %ld failing: output not initialised\n", __FILE__, line, n);
            specc_clear(t, out);
        }
        if (alloc_live != base) {
            failures++;
            printf("%s:%d: allocation %ld failing: %ld allocations leaked\n", __FILE__, line, n,
                   alloc_live - base);
            alloc_live = base;
        }
    }
    free(out);
    return n - 1;
}

static void test_allocation_failures(void)
{
    char *bad = malloc(sizeof rich), *at;
    json_t *json;
    long runs, live_before;

    runs = fail_every_allocation(__LINE__, ITEM, rich, NULL, SPECC_OK);
    printf("rich payload: %ld allocations, each made to fail\n", runs);
    CHECK(runs > 100);
    CHECK_NO_LEAK();

    /* A shape error at the end: the syntax re-scan runs under failures too. */
    memcpy(bad, rich, sizeof rich);
    at = strstr(bad, "\"level\": 1");
    CHECK(at != NULL);
    if (at)
        at[9] = '7';
    runs = fail_every_allocation(__LINE__, ITEM, bad, NULL, SPECC_ERR_ENUM);
    CHECK(runs > 20);
    CHECK_NO_LEAK();
    /* The same with a duplicate key found by the re-scan. */
    at = strstr(bad, "\"alpha\"");
    if (at)
        memcpy(at, "\"zeta\" ", 7);
    runs = fail_every_allocation(__LINE__, ITEM, bad, NULL, SPECC_ERR_DUPLICATE_KEY);
    CHECK(runs > 20);
    CHECK_NO_LEAK();
    free(bad);

    /* From a jansson value (walked directly: the copies the struct owns,
     * the kept texts of unknown keys). */
    json = json_loads(rich, JSON_ALLOW_NUL, NULL);
    CHECK(json != NULL);
    live_before = alloc_live;
    runs = fail_every_allocation(__LINE__, ITEM, NULL, json, SPECC_OK);
    printf("rich payload from jansson: %ld allocations, each made to fail\n", runs);
    CHECK(runs > 50);
    CHECK(alloc_live == live_before);
    json_decref(json);
    CHECK_NO_LEAK();

    /* The wide type keeps its seen-bitset on the heap. */
    runs = fail_every_allocation(__LINE__, &t_wide_desc, "{\"f299\":1,\"f3\":2}", NULL, SPECC_OK);
    CHECK(runs >= 1);
    CHECK_NO_LEAK();
}

/* ------------------------------------------------------ from jansson values */

static const char simple[] =
    "{\"name\":\"s\\u0001\",\"flag\":true,\"count\":-5,\"ratio\":0.1,\"price\":\"0.13\","
    "\"extra\":{\"b\":[1,2.5,null],\"a\":\"x\"},\"color\":\"pink\",\"tier\":\"M\","
    "\"child\":{\"name\":\"c\",\"flag\":null},\"tags\":[\"t\"],\"opts\":{\"z\":true,\"a\":false},"
    "\"matrix\":[[1e300,5e-324]],\"decs\":[\"1\"],\"zz\":{\"q\":[]},\"aa\":1}";

static void test_decode_json(void)
{
    t_item_t a, b;
    specc_error err;
    json_t *json = json_loads(simple, 0, NULL), *bad;

    CHECK(json != NULL);
    CHECK(OK_ITEM(&a, simple));
    memset(&b, 0xab, sizeof b);
    CHECK(specc_decode_json(ITEM, json, &b, &err) == SPECC_OK);
    CHECK(specc_equal(ITEM, &a, &b));
    CHECK(b.matrix.count == 1 && b.matrix.items[0].items[1] == 5e-324);
    CHECK(a._unknown.count == 2 && b._unknown.count == 2);
    CHECK_MEMBER(&a._unknown, 0, "zz", 2, "{\"q\":[]}");
    CHECK_MEMBER(&a._unknown, 1, "aa", 2, "1");
    if (b._unknown.count == 2) { /* order kept */
        CHECK_STR(b._unknown.members[0].key, "zz");
        CHECK_STR(b._unknown.members[1].key, "aa");
    }
    specc_clear(ITEM, &a);
    specc_clear(ITEM, &b);
    json_decref(json);

    /* Decimals from a jansson real take jansson's spelling. */
    json = json_pack("{s:s, s:b, s:f, s:I}", "name", "n", "flag", 1, "price", 0.5, "count",
                     (json_int_t)INT64_MIN);
    CHECK(specc_decode_json(ITEM, json, &b, &err) == SPECC_OK);
    CHECK_STR(b.price.text, "0.5");
    CHECK(b.count == INT64_MIN);
    specc_clear(ITEM, &b);
    json_decref(json);

    /* Errors: a path, no position. */
    bad = json_pack("{s:i, s:[i, f]}", "name", 7, "tags", 1, 2.0);
    memset(&b, 0xab, sizeof b);
    CHECK(specc_decode_json(ITEM, bad, &b, &err) == SPECC_ERR_TYPE);
    CHECK_STR(err.path, "$.name");
    CHECK(err.line == 0 && err.column == 0);
    CHECK(all_zero(&b, sizeof b));
    json_decref(bad);
    bad = json_pack("{s:s, s:b, s:f}", "name", "n", "flag", 1, "count", 1.0);
    CHECK(specc_decode_json(ITEM, bad, &b, &err) == SPECC_ERR_TYPE);
    CHECK_STR(err.message, "expected integer, got number 1.0");
    json_decref(bad);
    bad = json_pack("[i]", 1);
    CHECK(specc_decode_json(ITEM, bad, &b, &err) == SPECC_ERR_TYPE);
    CHECK_STR(err.message, "expected object, got array");
    json_decref(bad);
    bad = json_stringn("a\0b", 3);
    CHECK(specc_decode_json(ITEM, bad, &b, &err) == SPECC_ERR_TYPE);
    json_decref(bad);
    memset(&b, 0xab, sizeof b);
    CHECK(specc_decode_json(ITEM, NULL, &b, &err) == SPECC_ERR_INVALID);
    CHECK(all_zero(&b, sizeof b));
    CHECK(specc_decode_json(ITEM, NULL, &b, NULL) == SPECC_ERR_INVALID);
    CHECK_NO_LEAK();
}

/* What only a jansson value can be: cycles, strings that are not UTF-8
 * (json_stringn_nocheck), shared values; kept texts and decimals spelled
 * from what jansson holds. */
static void test_decode_json_direct(void)
{
    json_t *json = json_pack("{s:s, s:b}", "name", "n", "flag", 1), *a1, *a2, *obj;
    t_item_t b;
    specc_error err;

    /* A cycle inside an `any` value: too deep, like any nesting past the limit. */
    a1 = json_array();
    a2 = json_array();
    json_array_append(a1, a2);
    json_array_append(a2, a1);
    json_object_set(json, "extra", a1);
    memset(&b, 0xab, sizeof b);
    CHECK(specc_decode_json(ITEM, json, &b, &err) == SPECC_ERR_DEPTH);
    CHECK_STR(err.message, "nesting deeper than 512");
    CHECK(all_zero(&b, sizeof b));
    /* ... reported before a shape error found earlier in the object. */
    json_object_set_new(json, "count", json_string("7"));
    json_object_del(json, "extra");
    json_object_set(json, "extra", a1);
    CHECK(specc_decode_json(ITEM, json, &b, &err) == SPECC_ERR_DEPTH);
    json_object_del(json, "count");
    json_object_del(json, "extra");
    json_array_clear(a2);
    json_decref(a1);
    json_decref(a2);

    /* Not UTF-8: refused where it would be kept. */
    json_object_set_new(json, "note", json_stringn_nocheck("a\xff", 2));
    CHECK(specc_decode_json(ITEM, json, &b, &err) == SPECC_ERR_FORMAT);
    CHECK_STR(err.path, "$.note");
    json_object_del(json, "note");

    /* `any` values are copies the struct owns; kept texts and decimals are
     * spelled from the jansson values. */
    obj = json_pack("{s:[i,f]}", "k", 1, 0.5);
    json_object_set(json, "extra", obj);
    json_object_set_new(json, "price", json_real(1e300));
    json_object_set_new(json, "zz", json_pack("[f,s,{s:n}]", 0.1, "q\"\x01", "x"));
    CHECK(specc_decode_json(ITEM, json, &b, &err) == SPECC_OK);
    CHECK(b.extra != obj && json_equal(b.extra, obj));
    json_array_append_new(json_object_get(obj, "k"), json_true());
    CHECK(json_array_size(json_object_get(b.extra, "k")) == 2);
    CHECK_STR(b.price.text, "1e+300");
    CHECK(b._unknown.count == 1);
    if (b._unknown.count == 1)
        CHECK_MEMBER(&b._unknown, 0, "zz", 2, "[0.1,\"q\\\"\\u0001\",{\"x\":null}]");
    specc_clear(ITEM, &b);
    json_decref(obj);
    json_decref(json);
    CHECK_NO_LEAK();
}

/* ---------------------------------------------------------- bad arguments */

static void test_arguments(void)
{
    t_item_t it;
    specc_error err;
    memset(&it, 0xab, sizeof it);
    CHECK(specc_decode_text(ITEM, NULL, 5, &it, &err) == SPECC_ERR_INVALID);
    CHECK(all_zero(&it, sizeof it));
    CHECK(specc_decode_text(ITEM, NULL, 0, &it, &err) == SPECC_ERR_SYNTAX);
    CHECK(specc_decode_text(ITEM, "{}", 2, NULL, &err) == SPECC_ERR_INVALID);
    CHECK(specc_decode_text(NULL, "{}", 2, &it, &err) == SPECC_ERR_INVALID);
    /* err may be NULL, on failure and on success. */
    CHECK(specc_decode_text(ITEM, "{\"name\":1}", 10, &it, NULL) == SPECC_ERR_TYPE);
    CHECK(specc_decode_text(ITEM, "{\"name\":\"a\",\"flag\":true}", 24, &it, NULL) == SPECC_OK);
    specc_clear(ITEM, &it);
    /* len is honoured: the text need not end with NUL. */
    CHECK(specc_decode_text(ITEM, "{\"name\":\"a\",\"flag\":true}xyz", 24, &it, &err) == SPECC_OK);
    specc_clear(ITEM, &it);
    CHECK(specc_decode_text(ITEM, "{\"name\":\"a\",\"flag\":true}", 23, &it, &err) ==
          SPECC_ERR_SYNTAX);
    CHECK(err.column == 24);
    CHECK_NO_LEAK();
}

/* --------------------------------------------------------- clear and equal */

static char *dup_counted(const char *s)
{
    char *p = specc_alloc(strlen(s) + 1);
    strcpy(p, s);
    return p;
}

static void test_clear(void)
{
    t_item_t it;
    specc_init(ITEM, &it);
    CHECK(all_zero(&it, sizeof it));
    specc_clear(ITEM, &it); /* zeroed */
    specc_clear(ITEM, NULL);
    specc_clear(NULL, &it);

    /* Hand-built: pointers whatever the states say; NULL items with counts. */
    it.note_state = SPECC_ABSENT;
    it.note = dup_counted("hidden");
    it.name = dup_counted("n");
    it.color = T_COLOR_RED;
    it.color_other = dup_counted("stale");
    it.child_state = SPECC_NULL;
    it.child = specc_alloc(sizeof *it.child);
    specc_init(ITEM, it.child);
    it.child->name = dup_counted("kid");
    it.child->extra = json_string("x");
    it.tags.items = NULL;
    it.tags.count = 5;
    it.opts.keys = NULL;
    it.opts.values = specc_alloc(3 * sizeof(bool));
    it.opts.count = 3;
    it.grid.keys = specc_alloc(2 * sizeof(char *));
    it.grid.keys[0] = dup_counted("a");
    it.grid.keys[1] = NULL;
    it.grid.values = NULL;
    it.grid.count = 2;
    it.children.items = specc_alloc(2 * sizeof(t_item_t));
    it.children.count = 2;
    specc_init(ITEM, &it.children.items[0]);
    specc_init(ITEM, &it.children.items[1]);
    it.children.items[1].price.text = dup_counted("1.5");
    it.children.items[1].tags.items = specc_alloc(sizeof(char *));
    it.children.items[1].tags.items[0] = dup_counted("t");
    it.children.items[1].tags.count = 1;
    it.price.text = dup_counted("2");
    it.strict_any = json_true();
    it.anys.items = specc_alloc(2 * sizeof(json_t *));
    it.anys.items[0] = json_integer(1);
    it.anys.items[1] = NULL;
    it.anys.count = 2;
    CHECK(specc_unknown_set(&it._unknown, "u", "[1, {\"v\": null}]", NULL) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "w", "\"x\"", NULL) == SPECC_OK);
    CHECK(specc_unknown_set(&it.children.items[1]._unknown, "u", "{}", NULL) == SPECC_OK);
    specc_clear(ITEM, &it);
    CHECK(all_zero(&it, sizeof it));
    CHECK_NO_LEAK();
}

/* A hand-built member borrowing its key (key_len bytes, then a NUL) and
 * its NUL-terminated JSON text. */
static specc_unknown_member member(const char *key, size_t key_len, const char *json)
{
    specc_unknown_member m;
    m.key = (char *)key;
    m.key_len = key_len;
    m.json = (char *)json;
    m.json_len = strlen(json);
    return m;
}

static void test_equal(void)
{
    t_item_t a, b;
    specc_unknown_member ma[2], mb[2];
    double nan_value = NAN;

    specc_init(ITEM, &a);
    specc_init(ITEM, &b);
    CHECK(specc_equal(ITEM, &a, &b));
    /* Values count only where the state is PRESENT. */
    a.count = 1;
    b.count = 2;
    CHECK(specc_equal(ITEM, &a, &b));
    a.count_state = SPECC_NULL;
    CHECK(!specc_equal(ITEM, &a, &b));
    b.count_state = SPECC_NULL;
    CHECK(specc_equal(ITEM, &a, &b));
    a.count_state = b.count_state = SPECC_PRESENT;
    CHECK(!specc_equal(ITEM, &a, &b));
    b.count = 1;
    CHECK(specc_equal(ITEM, &a, &b));
    /* Strings: NULL only equals NULL. */
    a.name = "";
    CHECK(!specc_equal(ITEM, &a, &b));
    b.name = "";
    CHECK(specc_equal(ITEM, &a, &b));
    /* Open enums: the text counts for 'other' only. */
    a.color_state = b.color_state = SPECC_PRESENT;
    a.color_other = "x";
    CHECK(specc_equal(ITEM, &a, &b));
    a.color = b.color = T_COLOR__OTHER;
    CHECK(!specc_equal(ITEM, &a, &b));
    b.color_other = "x";
    CHECK(specc_equal(ITEM, &a, &b));
    /* Decimals by text and spelling kind. */
    a.price_state = b.price_state = SPECC_PRESENT;
    a.price.text = b.price.text = "1.0";
    a.price.is_string = true;
    CHECK(!specc_equal(ITEM, &a, &b));
    b.price.is_string = true;
    CHECK(specc_equal(ITEM, &a, &b));
    /* Doubles with ==. */
    a.ratio_state = b.ratio_state = SPECC_PRESENT;
    a.ratio = b.ratio = nan_value;
    CHECK(!specc_equal(ITEM, &a, &b));
    a.ratio = 0.0;
    b.ratio = -0.0;
    CHECK(specc_equal(ITEM, &a, &b));
    /* Any: NULL only equals NULL. */
    a.extra = json_null();
    CHECK(!specc_equal(ITEM, &a, &b));
    b.extra = json_null();
    CHECK(specc_equal(ITEM, &a, &b));
    /* Unknown (hand-built lists, borrowed text): the empty list, members NULL
     * or not, equals only the empty list. */
    a._unknown.members = ma;
    CHECK(specc_equal(ITEM, &a, &b));
    mb[0] = member("k", 1, "true");
    b._unknown.members = mb;
    b._unknown.count = 1;
    CHECK(!specc_equal(ITEM, &a, &b));
    /* Keys holding U+0000 compare whole; key order does not matter. */
    ma[0] = member("k\0x", 3, "true");
    a._unknown.count = 1;
    CHECK(!specc_equal(ITEM, &a, &b));
    ma[1] = member("k", 1, "true");
    a._unknown.count = 2;
    mb[1] = member("k\0y", 3, "true");
    b._unknown.count = 2;
    CHECK(!specc_equal(ITEM, &a, &b));
    mb[1] = member("k\0x", 3, "true");
    CHECK(specc_equal(ITEM, &a, &b));
    CHECK(specc_equal(ITEM, &b, &a));
    mb[1] = member("k\0x", 3, "false");
    CHECK(!specc_equal(ITEM, &a, &b));
    /* Values compare by JSON value, not by text; strings with U+0000 whole. */
    mb[1] = member("k\0x", 3, "[1,\"a\\u0000b\"]");
    ma[0] = member("k\0x", 3, "[1,\"a\\u0000b\"]");
    CHECK(specc_equal(ITEM, &a, &b));
    ma[0] = member("k\0x", 3, " [ 1.0E+0 , \"\\u0061\\u0000\\u0062\" ] ");
    CHECK(specc_equal(ITEM, &a, &b));
    ma[0] = member("k\0x", 3, "[1,\"a\\u0000c\"]");
    CHECK(!specc_equal(ITEM, &a, &b));
    ma[0] = member("k\0x", 3, "[1,\"a\"]");
    CHECK(!specc_equal(ITEM, &a, &b));
    ma[0] = member("k\0x", 3, "[1,\"a\\u0000b\",null]");
    CHECK(!specc_equal(ITEM, &a, &b));
    ma[0] = member("k\0x", 3, "[1,\"a\\u0000b\"]");
    CHECK(specc_equal(ITEM, &a, &b));
    /* Hand-broken lists (members NULL with a count, a NULL key or text)
     * compare unequal, without a crash. */
    a._unknown.members = NULL;
    CHECK(!specc_equal(ITEM, &a, &b));
    CHECK(!specc_equal(ITEM, &b, &a));
    a._unknown.members = ma;
    ma[1].json = NULL;
    CHECK(!specc_equal(ITEM, &a, &b));
    ma[1] = member("k", 1, "true");
    ma[1].key = NULL;
    CHECK(!specc_equal(ITEM, &b, &a));
    memset(&a._unknown, 0, sizeof a._unknown);
    memset(&b._unknown, 0, sizeof b._unknown);
    CHECK_NO_LEAK();
}

/* The same document decoded twice is equal; any one difference is not. */
static void test_equal_decoded(void)
{
    static const char *const variants[] = {
        "{\"name\":\"a\",\"flag\":true,\"tags\":[\"x\",\"z\"]}",
        "{\"name\":\"a\",\"flag\":true,\"tags\":[\"x\"]}",
        "{\"name\":\"a\",\"flag\":true,\"tags\":null}",
        "{\"name\":\"a\",\"flag\":true}",
        "{\"name\":\"a\",\"flag\":false}",
        "{\"name\":\"a\",\"flag\":null}",
        "{\"name\":\"b\",\"flag\":true}",
        "{\"name\":\"a\",\"flag\":true,\"opts\":{\"a\":true}}",
        "{\"name\":\"a\",\"flag\":true,\"opts\":{\"b\":true}}",
        "{\"name\":\"a\",\"flag\":true,\"opts\":{\"a\":false}}",
        "{\"name\":\"a\",\"flag\":true,\"child\":{\"name\":\"c\",\"flag\":true}}",
        "{\"name\":\"a\",\"flag\":true,\"child\":{\"name\":\"c\",\"flag\":false}}",
        "{\"name\":\"a\",\"flag\":true,\"child\":null}",
        "{\"name\":\"a\",\"flag\":true,\"children\":[{\"name\":\"c\",\"flag\":true}]}",
        "{\"name\":\"a\",\"flag\":true,\"children\":[{\"name\":\"c\",\"flag\":true,\"u\":1}]}",
        "{\"name\":\"a\",\"flag\":true,\"u\":1}",
        "{\"name\":\"a\",\"flag\":true,\"u\":1.5}",
        "{\"name\":\"a\",\"flag\":true,\"u\":\"1\"}",
        "{\"name\":\"a\",\"flag\":true,\"u\":[1]}",
        "{\"name\":\"a\",\"flag\":true,\"v\":1}",
        "{\"name\":\"a\",\"flag\":true,\"u\":1,\"v\":1}",
        "{\"name\":\"a\",\"flag\":true,\"u\":{\"a\":1}}",
        "{\"name\":\"a\",\"flag\":true,\"u\":{\"a\":1,\"b\":1}}",
        "{\"name\":\"a\",\"flag\":true,\"u\":12345678901234567890123}",
        "{\"name\":\"a\",\"flag\":true,\"u\":12345678901234567890124}",
        "{\"name\":\"a\",\"flag\":true,\"u\":1e400}",
        "{\"name\":\"a\",\"flag\":true,\"u\":1e401}",
        "{\"name\":\"a\",\"flag\":true,\"k\\u0000x\":1}",
        "{\"name\":\"a\",\"flag\":true,\"k\\u0000y\":1}",
        "{\"name\":\"a\",\"flag\":true,\"k\":1}",
        "{\"name\":\"a\",\"flag\":true,\"extra\":[1]}",
        "{\"name\":\"a\",\"flag\":true,\"extra\":null}",
        "{\"name\":\"a\",\"flag\":true,\"price\":1}",
        "{\"name\":\"a\",\"flag\":true,\"price\":\"1\"}",
        "{\"name\":\"a\",\"flag\":true,\"price\":1.0}",
        "{\"name\":\"a\",\"flag\":true,\"color\":\"red\"}",
        "{\"name\":\"a\",\"flag\":true,\"color\":\"x\"}",
        "{\"name\":\"a\",\"flag\":true,\"color\":\"y\"}",
        "{\"name\":\"a\",\"flag\":true,\"grid\":{\"a\":[1]}}",
        "{\"name\":\"a\",\"flag\":true,\"grid\":{\"a\":[2]}}",
        "{\"name\":\"a\",\"flag\":true,\"strict\":{\"a\":\"x\",\"b\":null}}",
        "{\"name\":\"a\",\"flag\":true,\"strict\":{\"a\":\"x\",\"b\":0}}",
    };
    static const char *const same[][2] = {
        {"\"u\":1", "\"u\":1.0"},
        {"\"u\":100", "\"u\":1.0E+2"},
        {"\"u\":-0", "\"u\":0.0e5"},
        {"\"u\":0.5", "\"u\":5e-1"},
        {"\"u\":123456789012345678901234567890", "\"u\":1.2345678901234567890123456789e29"},
        {"\"u\":1e400", "\"u\":10E399"},
        {"\"u\":[1,2]", "\"u\": [ 1 , 2 ] "},
        {"\"u\":\"A/\\n\"", "\"u\":\"\\u0041\\/\\u000a\""},
        {"\"u\":{\"a\":1,\"b\":[true,null]}", "\"u\":{\"b\":[true,null],\"a\":1}"},
        {"\"u\":1,\"v\":2", "\"v\":2,\"u\":1"},
        {"\"k\\u0000x\":null,\"k\":0", "\"k\":-0,\"k\\u0000x\":null"},
        {"\"k\\u0000x\":\"a\\u0000b\"", "\"k\\u0000x\":\"\\u0061\\u0000\\u0062\""},
        {"\"children\":[{\"name\":\"c\",\"flag\":true,\"u\":0.5}]",
         "\"children\":[{\"name\":\"c\",\"flag\":true,\"u\":5e-1}]"},
    };
    enum { N = sizeof variants / sizeof variants[0] };
    t_item_t v[N], w;
    size_t i, j;
    for (i = 0; i < N; i++)
        if (!OK_ITEM(&v[i], variants[i]))
            specc_init(ITEM, &v[i]);
    for (i = 0; i < N; i++) {
        if (OK_ITEM(&w, variants[i])) {
            CHECK(specc_equal(ITEM, &v[i], &w));
            specc_clear(ITEM, &w);
        }
        for (j = 0; j < N; j++)
            if (i != j && specc_equal(ITEM, &v[i], &v[j])) {
                failures++;
                printf("%s:%d: equal: %s and %s\n", __FILE__, __LINE__, variants[i], variants[j]);
            }
    }
    for (i = 0; i < N; i++)
        specc_clear(ITEM, &v[i]);

    /* Unknown values that differ only in spelling, spacing, escapes or key
     * order are equal: each pair keeps different text, compared by value. */
    for (i = 0; i < sizeof same / sizeof same[0]; i++) {
        t_item_t x, y;
        char tx[160], ty[160];
        snprintf(tx, sizeof tx, "{\"name\":\"a\",\"flag\":true,%s}", same[i][0]);
        snprintf(ty, sizeof ty, "{\"name\":\"a\",\"flag\":true,%s}", same[i][1]);
        if (!OK_ITEM(&x, tx))
            continue;
        if (OK_ITEM(&y, ty)) {
            CHECK(y._unknown.count == x._unknown.count);
            if (!specc_equal(ITEM, &x, &y) || !specc_equal(ITEM, &y, &x)) {
                failures++;
                printf("%s:%d: not equal: %s and %s\n", __FILE__, __LINE__, same[i][0],
                       same[i][1]);
            }
            specc_clear(ITEM, &y);
        }
        specc_clear(ITEM, &x);
    }
    CHECK_NO_LEAK();
}

/* ------------------------------------------------------------ wide, locale */

static void test_wide(void)
{
    t_wide_t *w = malloc(sizeof *w);
    specc_error err;
    CHECK(decode(&t_wide_desc, "{\"f0\":1,\"f299\":2,\"f256\":3}", w, &err) == SPECC_OK);
    CHECK(w->st[0] == SPECC_PRESENT && w->v[0] == 1 && w->v[299] == 2);
    CHECK(w->st[256] == SPECC_PRESENT && w->v[256] == 3 && w->st[1] == SPECC_ABSENT);
    specc_clear(&t_wide_desc, w);
    EXPECT_ERR(&t_wide_desc, "{\"f1\":1}", SPECC_ERR_MISSING, "$.f299", "{", NULL);
    EXPECT_ERR(&t_wide_desc, "{\"f299\":1,\"f299\":2}", SPECC_ERR_DUPLICATE_KEY, "$.f299",
               "\"f299\":2", NULL);
    EXPECT_ERR(&t_wide_desc, "{\"f200\":1,\"f200\":2}", SPECC_ERR_DUPLICATE_KEY, "$.f200",
               "\"f200\":2", NULL);
    EXPECT_ERR(&t_wide_desc, "{\"f300\":1}", SPECC_ERR_UNKNOWN_FIELD, "$.f300", "\"f300\"", NULL);
    free(w);
    CHECK_NO_LEAK();
}

static void test_locale(void)
{
    static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8"};
    t_item_t it;
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (setlocale(LC_NUMERIC, names[i]))
            break;
    if (i == sizeof names / sizeof names[0])
        printf("locale: no locale with a decimal comma installed; checked under C only\n");
    if (OK_ITEM(&it, "{\"name\":\"a\",\"flag\":true,\"ratio\":1.5,\"extra\":[2.25],\"price\":1.5,"
                     "\"matrix\":[[1e-3]]}")) {
        CHECK(it.ratio == 1.5 && json_real_value(json_array_get(it.extra, 0)) == 2.25);
        CHECK_STR(it.price.text, "1.5");
        CHECK(it.matrix.items[0].items[0] == 0.001);
        specc_clear(ITEM, &it);
    }
    setlocale(LC_NUMERIC, "C");
    CHECK_NO_LEAK();
}

int main(void)
{
    json_set_alloc_funcs(t_malloc, t_free);
    build_wide();
    test_rich();
    test_states();
    test_numbers();
    test_decimals();
    test_enums();
    test_shape_errors();
    test_precedence();
    test_syntax();
    test_depth();
    test_duplicates();
    test_big();
    test_nul_utf8();
    test_allocation_failures();
    test_decode_json();
    test_decode_json_direct();
    test_arguments();
    test_clear();
    test_equal();
    test_equal_decoded();
    test_wide();
    test_locale();
    if (failures) {
        printf("test_decode: %d failed\n", failures);
        return 1;
    }
    printf("test_decode: all passed\n");
    return 0;
}
