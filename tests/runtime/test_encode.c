/*
 * test_encode.c — specc_encode_text / specc_encode_json on hand-built values:
 * exact output bytes, exact error codes and paths, allocation failures.
 */
#include "demo_types.h"

#include <float.h>
#include <math.h>

/* Encode and compare the text byte for byte. */
static void expect_text_at(int line, const specc_type *type, const void *value, const char *want)
{
    specc_error err;
    size_t len = 99;
    char *got = specc_encode_text(type, value, &len, &err);
    if (!got) {
        failures++;
        printf("%s:%d: encode failed: %s at %s: %s\n", __FILE__, line, specc_code_name(err.code),
               err.path, err.message);
        return;
    }
    if (strcmp(got, want) != 0 || len != strlen(want)) {
        failures++;
        printf("%s:%d: got  %s\n  want %s\n", __FILE__, line, got, want);
    }
    specc_free(got);
}

static void expect_error_at(int line, const specc_type *type, const void *value, specc_code code,
                            const char *path)
{
    specc_error err;
    size_t len = 99;
    char *got = specc_encode_text(type, value, &len, &err);
    if (got) {
        failures++;
        printf("%s:%d: expected %s, got text %s\n", __FILE__, line, specc_code_name(code), got);
        specc_free(got);
        return;
    }
    if (err.code != code || strcmp(err.path, path) != 0 || len != 0) {
        failures++;
        printf("%s:%d: expected %s at %s, got %s at %s (%s)\n", __FILE__, line,
               specc_code_name(code), path, specc_code_name(err.code), err.path, err.message);
    }
}

#define expect_text(type, value, want) expect_text_at(__LINE__, type, value, want)
#define expect_error(type, value, code, path) expect_error_at(__LINE__, type, value, code, path)

static demo_item_t item_named(const char *name)
{
    demo_item_t it;
    memset(&it, 0, sizeof it);
    it.name = (char *)name;
    return it;
}

/* ------------------------------------------------------------ the states */

static void test_absent(void)
{
    demo_item_t it = item_named("x");
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\"}");
}

static void test_null(void)
{
    demo_item_t it = item_named("x");
    it.note_state = it.count_state = it.ratio_state = it.flag_state = SPECC_NULL;
    it.price_state = it.color_state = it.child_state = it.tags_state = SPECC_NULL;
    it.children_state = it.opts_state = it.matrix_state = SPECC_NULL;
    it.extra = json_null();
    /* Values are ignored when the state is NULL. */
    it.note = NULL;
    it.color = (demo_item_color_t)77;
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"note\":null,\"count\":null,\"ratio\":null,\"flag\":null,"
                "\"price\":null,\"extra\":null,\"color\":null,\"child\":null,\"tags\":null,"
                "\"children\":null,\"opts\":null,\"matrix\":null}");
}

static void test_present(void)
{
    demo_item_t it = item_named("x"), child = item_named("kid"), kids[2];
    char *tags[] = {"a", "b", ""};
    char *keys[] = {"on", "odd key"};
    bool values[] = {true, false};
    int64_t row0[] = {1, 2}, row1[] = {-3};
    specc_array rows[3];

    kids[0] = item_named("k0");
    kids[1] = item_named("k1");
    kids[1].count_state = SPECC_PRESENT;
    kids[1].count = 7;
    rows[0].items = row0;
    rows[0].count = 2;
    rows[1].items = row1;
    rows[1].count = 1;
    rows[2].items = NULL;
    rows[2].count = 0;

    it.note_state = it.count_state = it.ratio_state = it.flag_state = SPECC_PRESENT;
    it.price_state = it.color_state = it.child_state = it.tags_state = SPECC_PRESENT;
    it.children_state = it.opts_state = it.matrix_state = SPECC_PRESENT;
    it.note = "n";
    it.count = 42;
    it.ratio = 0.5;
    it.flag = true;
    it.price.text = "0.50";
    it.extra = json_pack("{s:i,s:f,s:[b,n]}", "i", 5, "r", 1.0, "a", 0);
    it.color = DEMO_ITEM_COLOR_GREEN;
    it.child = &child;
    it.tags.items = tags;
    it.tags.count = 3;
    it.children.items = kids;
    it.children.count = 2;
    it.opts.keys = keys;
    it.opts.values = values;
    it.opts.count = 2;
    it.matrix.items = rows;
    it.matrix.count = 3;
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"note\":\"n\",\"count\":42,\"ratio\":0.5,\"flag\":true,"
                "\"price\":0.50,\"extra\":{\"i\":5,\"r\":1.0,\"a\":[false,null]},"
                "\"color\":\"green\",\"child\":{\"name\":\"kid\"},\"tags\":[\"a\",\"b\",\"\"],"
                "\"children\":[{\"name\":\"k0\"},{\"name\":\"k1\",\"count\":7}],"
                "\"opts\":{\"on\":true,\"odd key\":false},\"matrix\":[[1,2],[-3],[]]}");
    json_decref(it.extra);

    /* Empty containers. */
    it = item_named("x");
    it.tags_state = it.opts_state = it.children_state = SPECC_PRESENT;
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"tags\":[],\"children\":[],\"opts\":{}}");
}

static void test_required_kinds(void)
{
    demo_item_t inner = item_named("in");
    demo_req_t r;
    memset(&r, 0, sizeof r);
    r.s = "s";
    r.i = -1;
    r.n = 2.5;
    r.b = false;
    r.d.text = "1e2";
    r.level = DEMO_REQ_LEVEL_HIGH;
    r.item = &inner;
    expect_text(&demo_req_desc, &r,
                "{\"s\":\"s\",\"i\":-1,\"n\":2.5,\"b\":false,\"d\":1e2,\"level\":\"high\","
                "\"item\":{\"name\":\"in\"}}");

    /* Required, no state: a NULL pointer cannot be written. */
    r.s = NULL;
    expect_error(&demo_req_desc, &r, SPECC_ERR_MISSING, "$.s");
    r.s = "s";
    r.d.text = NULL;
    expect_error(&demo_req_desc, &r, SPECC_ERR_MISSING, "$.d");
    r.d.text = "1";
    r.item = NULL;
    expect_error(&demo_req_desc, &r, SPECC_ERR_MISSING, "$.item");
    r.item = &inner;
    inner.name = NULL;
    expect_error(&demo_req_desc, &r, SPECC_ERR_MISSING, "$.item.name");
    inner.name = "in";
    r.level = (demo_req_level_t)2; /* closed enum: one past the end is out of range */
    expect_error(&demo_req_desc, &r, SPECC_ERR_ENUM, "$.level");
    r.level = (demo_req_level_t)-1;
    expect_error(&demo_req_desc, &r, SPECC_ERR_ENUM, "$.level");
}

static void test_bad_states(void)
{
    demo_item_t it = item_named("x"), kids[1];
    it.count_state = (specc_state)7;
    expect_error(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.count");

    it = item_named("x");
    it.child_state = SPECC_PRESENT; /* present, but no object */
    expect_error(&demo_item_desc, &it, SPECC_ERR_MISSING, "$.child");

    it = item_named("x");
    it.tags_state = SPECC_PRESENT;
    it.tags.count = 2; /* items NULL */
    expect_error(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.tags");

    kids[0] = item_named(NULL);
    it = item_named("x");
    it.children_state = SPECC_PRESENT;
    it.children.items = kids;
    it.children.count = 1;
    expect_error(&demo_item_desc, &it, SPECC_ERR_MISSING, "$.children[0].name");
}

/* ---------------------------------------------------------------- numbers */

static void expect_ratio(int line, double d, const char *want)
{
    char buf[128];
    demo_item_t it = item_named("x");
    it.ratio_state = SPECC_PRESENT;
    it.ratio = d;
    snprintf(buf, sizeof buf, "{\"name\":\"x\",\"ratio\":%s}", want);
    expect_text_at(line, &demo_item_desc, &it, buf);
}

static void test_numbers(void)
{
    demo_item_t it = item_named("x");
    char *text;
    double back;

    it.count_state = SPECC_PRESENT;
    it.count = INT64_MAX;
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"count\":9223372036854775807}");
    it.count = INT64_MIN;
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"count\":-9223372036854775808}");
    it.count = 0;
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"count\":0}");

    expect_ratio(__LINE__, 0.1, "0.1");
    expect_ratio(__LINE__, 10, "10");
    expect_ratio(__LINE__, -10, "-10");
    expect_ratio(__LINE__, 0, "0");
    expect_ratio(__LINE__, -0.0, "-0.0"); /* keeps the sign through a round trip */
    expect_ratio(__LINE__, 1e300, "1e+300");
    expect_ratio(__LINE__, 9007199254740991.0, "9007199254740991");   /* 2^53 - 1 */
    expect_ratio(__LINE__, 9007199254740992.0, "9007199254740992.0"); /* 2^53 */
    expect_ratio(__LINE__, 9007199254740994.0, "9007199254740994.0"); /* 2^53 + 2 */
    expect_ratio(__LINE__, 1.5e17, "1.5e+17");
    expect_ratio(__LINE__, DBL_MAX, "1.7976931348623157e+308");

    /* The smallest subnormal: some text that reads back exactly. */
    it = item_named("x");
    it.ratio_state = SPECC_PRESENT;
    it.ratio = 5e-324;
    text = specc_encode_text(&demo_item_desc, &it, NULL, NULL);
    CHECK(text != NULL);
    if (text) {
        CHECK(strncmp(text, "{\"name\":\"x\",\"ratio\":", 20) == 0);
        back = strtod(text + 20, NULL);
        CHECK(back == 5e-324);
        CHECK(strchr(text, 'e') != NULL);
        specc_free(text);
    }

    it.ratio = NAN;
    expect_error(&demo_item_desc, &it, SPECC_ERR_RANGE, "$.ratio");
    it.ratio = INFINITY;
    expect_error(&demo_item_desc, &it, SPECC_ERR_RANGE, "$.ratio");
    it.ratio = -INFINITY;
    expect_error(&demo_item_desc, &it, SPECC_ERR_RANGE, "$.ratio");
}

static void test_decimals(void)
{
    static const char *const kept[] = {"0.50", "0", "-0", "1E+2", "1e-7", "123456789012345678901234567890",
                                       "0.1300"};
    demo_item_t it = item_named("x");
    char want[128];
    size_t i;

    it.price_state = SPECC_PRESENT;
    for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        it.price.text = (char *)kept[i];
        it.price.is_string = false;
        snprintf(want, sizeof want, "{\"name\":\"x\",\"price\":%s}", kept[i]);
        expect_text(&demo_item_desc, &it, want);
        it.price.is_string = true;
        snprintf(want, sizeof want, "{\"name\":\"x\",\"price\":\"%s\"}", kept[i]);
        expect_text(&demo_item_desc, &it, want);
    }
    it.price.is_string = false;
    it.price.text = "01";
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.price");
    it.price.text = "1.";
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.price");
    it.price.text = "";
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.price");
    it.price.is_string = true;
    it.price.text = "\"1\"";
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.price");
    it.price.text = NULL;
    expect_error(&demo_item_desc, &it, SPECC_ERR_MISSING, "$.price");
}

/* ---------------------------------------------------------------- strings */

static void test_strings(void)
{
    demo_item_t it = item_named("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f \xc3\xa9 \xf0\x9f\x98\x80");
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f \xc3\xa9 "
                "\xf0\x9f\x98\x80\"}");

    it = item_named("");
    expect_text(&demo_item_desc, &it, "{\"name\":\"\"}");

    /* Broken UTF-8 anywhere is refused, with the path of the string. */
    it = item_named("ok\xff");
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.name");
    it = item_named("\xc0\xaf"); /* overlong '/' */
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.name");
    it = item_named("\xed\xa0\x80"); /* surrogate */
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.name");
    it = item_named("x");
    it.note_state = SPECC_PRESENT;
    it.note = "\xe2\x82"; /* truncated */
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.note");

    /* A jansson string may hold U+0000: written as \u0000. */
    it = item_named("x");
    it.extra = json_stringn("a\0b", 3);
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"extra\":\"a\\u0000b\"}");
    json_decref(it.extra);
}

/* ------------------------------------------------------------------ enums */

static void test_enums(void)
{
    demo_item_t it = item_named("x");
    it.color_state = SPECC_PRESENT;
    it.color = DEMO_ITEM_COLOR_RED;
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"color\":\"red\"}");
    it.color = DEMO_ITEM_COLOR__OTHER;
    it.color_other = "ultra \"violet\"";
    expect_text(&demo_item_desc, &it, "{\"name\":\"x\",\"color\":\"ultra \\\"violet\\\"\"}");
    it.color_other = NULL;
    expect_error(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.color");
    it.color_other = "\xff";
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.color");
    it.color = (demo_item_color_t)3;
    it.color_other = "blue";
    expect_error(&demo_item_desc, &it, SPECC_ERR_ENUM, "$.color");
    it.color = (demo_item_color_t)-1;
    expect_error(&demo_item_desc, &it, SPECC_ERR_ENUM, "$.color");
}

/* An open enum inside an array: known values are written, but 'other' has
 * no text member there and cannot be. */
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
    expect_text(&t, &a, "{\"colors\":[\"green\",\"red\"]}");
    a.count = 3;
    expect_error(&t, &a, SPECC_ERR_INVALID, "$.colors[2]");
    values[2] = 3;
    expect_error(&t, &a, SPECC_ERR_ENUM, "$.colors[2]");
}

/* ------------------------------------------------------- unknown members */

/* A hand-built member borrowing its key (key_len bytes, then a NUL) and
 * its NUL-terminated JSON text: encode only reads the list. */
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
    /* A key holding U+0000 comes only from the decoder. */
    static const char text[] = "{\"name\":\"x\",\"k\\u0000y\" : -0.0E0 }";
    demo_item_t it = item_named("x"), h = item_named("x"), top = item_named("t");
    specc_unknown_member m[3];
    specc_error err;

    /* Values are written as their text, byte for byte, after the fields,
     * in list order (set appends, or replaces in place). */
    CHECK(specc_decode_text(&demo_item_desc, text, strlen(text), &it, &err) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "zeta", "2", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "alpha", "[true, null,2.50]", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "mid", "\"\\u0073\"", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "big", "123456789012345678901234567890e-2", &err) ==
          SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "zeta", "1", &err) == SPECC_OK);
    it.count_state = SPECC_PRESENT;
    it.count = 3;
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"count\":3,\"k\\u0000y\":-0.0E0,\"zeta\":1,"
                "\"alpha\":[true, null,2.50],\"mid\":\"\\u0073\","
                "\"big\":123456789012345678901234567890e-2}");
    CHECK(specc_unknown_remove(&it._unknown, "alpha"));
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"count\":3,\"k\\u0000y\":-0.0E0,\"zeta\":1,\"mid\":\"\\u0073\","
                "\"big\":123456789012345678901234567890e-2}");

    /* An unknown member named like a declared field would write the key
     * twice: refused, whether the field is present or not. */
    CHECK(specc_unknown_set(&it._unknown, "count", "4", &err) == SPECC_OK);
    expect_error(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.count");
    it.count_state = SPECC_ABSENT;
    expect_error(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.count");
    CHECK(specc_unknown_remove(&it._unknown, "count"));
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"k\\u0000y\":-0.0E0,\"zeta\":1,\"mid\":\"\\u0073\","
                "\"big\":123456789012345678901234567890e-2}");
    specc_clear(&demo_item_desc, &it);

    /* Hand-broken lists: nothing in them may change the shape of the output. */
    m[0] = member("a", 1, "1");
    m[1] = member("b", 1, "[2]");
    h._unknown.members = m;
    h._unknown.count = 2;
    expect_text(&demo_item_desc, &h, "{\"name\":\"x\",\"a\":1,\"b\":[2]}");
    m[1] = member("a", 1, "2"); /* a repeated key */
    expect_error(&demo_item_desc, &h, SPECC_ERR_DUPLICATE_KEY, "$.a");
    m[1] = member("flag", 4, "true");
    expect_error(&demo_item_desc, &h, SPECC_ERR_DUPLICATE_KEY, "$.flag");
    m[1] = member("b", 1, "1,\"c\":2"); /* text that is not JSON */
    expect_error(&demo_item_desc, &h, SPECC_ERR_SYNTAX, "$.b");
    m[1] = member("b", 1, "");
    expect_error(&demo_item_desc, &h, SPECC_ERR_SYNTAX, "$.b");
    m[1] = member("b", 1, "[1,]");
    expect_error(&demo_item_desc, &h, SPECC_ERR_SYNTAX, "$.b[1]");
    m[1] = member("b", 1, "\"\xff\"");
    expect_error(&demo_item_desc, &h, SPECC_ERR_SYNTAX, "$.b");
    m[1] = member("b", 1, "{\"c\":1,\"c\":2}");
    expect_error(&demo_item_desc, &h, SPECC_ERR_DUPLICATE_KEY, "$.b.c");
    m[1] = member("b\xff", 2, "1");
    expect_error(&demo_item_desc, &h, SPECC_ERR_FORMAT, "$['b\xff']");
    m[1] = member("b", 1, "1");
    m[1].json = NULL;
    expect_error(&demo_item_desc, &h, SPECC_ERR_INVALID, "$.b");
    m[1] = member("b", 1, "1");
    m[1].key = NULL;
    expect_error(&demo_item_desc, &h, SPECC_ERR_INVALID, "$[1]");
    m[1] = member("b", 1, "1");
    h._unknown.members = NULL; /* a count with no members */
    expect_error(&demo_item_desc, &h, SPECC_ERR_INVALID, "$");
    /* With their paths inside a nested object. */
    top.child_state = SPECC_PRESENT;
    top.child = &h;
    expect_error(&demo_item_desc, &top, SPECC_ERR_INVALID, "$.child");
    h._unknown.members = m;
    m[2] = member("c", 1, "[1,]");
    h._unknown.count = 3;
    expect_error(&demo_item_desc, &top, SPECC_ERR_SYNTAX, "$.child.c[1]");
    h._unknown.count = 2;
    expect_text(&demo_item_desc, &top, "{\"name\":\"t\",\"child\":{\"name\":\"x\",\"a\":1,\"b\":1}}");

    /* Types that do not preserve unknown fields have no such member. */
    {
        demo_item_t inner = item_named("in");
        demo_req_t r;
        memset(&r, 0, sizeof r);
        r.s = "";
        r.d.text = "0";
        r.item = &inner;
        expect_text(&demo_req_desc, &r,
                    "{\"s\":\"\",\"i\":0,\"n\":0,\"b\":false,\"d\":0,\"level\":\"low\","
                    "\"item\":{\"name\":\"in\"}}");
    }
}

/* ----------------------------------------------------------- maps, paths */

static void test_maps(void)
{
    demo_item_t it = item_named("x");
    char *keys[20] = {"a", "b", "a"};
    bool values[20] = {0};
    char names[20][8];
    size_t i;

    it.opts_state = SPECC_PRESENT;
    it.opts.keys = keys;
    it.opts.values = values;
    it.opts.count = 3;
    expect_error(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.opts.a");

    /* Larger maps are checked with a hash table. */
    for (i = 0; i < 20; i++) {
        snprintf(names[i], sizeof names[i], "k%zu", i);
        keys[i] = names[i];
    }
    it.opts.count = 20;
    {
        char *text = specc_encode_text(&demo_item_desc, &it, NULL, NULL);
        CHECK(text && strstr(text, "\"k19\":false}}"));
        specc_free(text);
    }
    keys[17] = "k3";
    expect_error(&demo_item_desc, &it, SPECC_ERR_DUPLICATE_KEY, "$.opts.k3");
    keys[17] = "odd key\xff";
    expect_error(&demo_item_desc, &it, SPECC_ERR_FORMAT, "$.opts['odd key\xff']");
    keys[17] = NULL;
    expect_error(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.opts[17]");

    it.opts.keys = NULL;
    expect_error(&demo_item_desc, &it, SPECC_ERR_INVALID, "$.opts");
}

static void test_any_paths(void)
{
    demo_item_t it = item_named("x");
    it.extra = json_pack("{s:[i,{s:s}]}", "odd key", 1, "z", "ok");
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"extra\":{\"odd key\":[1,{\"z\":\"ok\"}]}}");
    json_decref(it.extra);
}

/* ------------------------------------------------------------------ depth */

static void test_depth(void)
{
    static demo_item_t chain[SPECC_MAX_DEPTH + 1];
    demo_item_t self = item_named("loop");
    size_t i;
    char *text;

    /* A cycle: the child is the item itself. */
    self.child_state = SPECC_PRESENT;
    self.child = &self;
    {
        specc_error err;
        text = specc_encode_text(&demo_item_desc, &self, NULL, &err);
        CHECK(text == NULL);
        CHECK(err.code == SPECC_ERR_DEPTH);
        CHECK(strncmp(err.path, "$.child.child.child", 19) == 0);
    }

    /* SPECC_MAX_DEPTH nested objects are fine, one more is not. */
    for (i = 0; i <= SPECC_MAX_DEPTH; i++) {
        chain[i] = item_named("c");
        if (i < SPECC_MAX_DEPTH - 1) {
            chain[i].child_state = SPECC_PRESENT;
            chain[i].child = &chain[i + 1];
        }
    }
    text = specc_encode_text(&demo_item_desc, chain, NULL, NULL);
    CHECK(text != NULL);
    specc_free(text);
    chain[SPECC_MAX_DEPTH - 1].child_state = SPECC_PRESENT;
    chain[SPECC_MAX_DEPTH - 1].child = &chain[SPECC_MAX_DEPTH];
    text = specc_encode_text(&demo_item_desc, chain, NULL, NULL);
    CHECK(text == NULL);

    /* ANY values count too: the root object plus 511 arrays fit. */
    {
        json_t *deep = json_array(), *cur = deep;
        for (i = 1; i < SPECC_MAX_DEPTH - 1; i++) {
            json_t *next = json_array();
            json_array_append_new(cur, next);
            cur = next;
        }
        self = item_named("x");
        self.extra = deep;
        text = specc_encode_text(&demo_item_desc, &self, NULL, NULL);
        CHECK(text != NULL);
        specc_free(text);
        json_array_append_new(cur, json_array());
        {
            specc_error err;
            text = specc_encode_text(&demo_item_desc, &self, NULL, &err);
            CHECK(text == NULL && err.code == SPECC_ERR_DEPTH);
            CHECK(strncmp(err.path, "$.extra[0][0]", 13) == 0);
        }
        json_decref(deep);
    }

    /* So do unknown values, checked before they are written: 511 nested
     * arrays fit at the top, not one level further down. */
    {
        char *nested = malloc(2 * (SPECC_MAX_DEPTH - 1) + 1);
        demo_item_t top = item_named("t");
        specc_error err;
        CHECK(nested != NULL);
        if (!nested)
            return;
        memset(nested, '[', SPECC_MAX_DEPTH - 1);
        memset(nested + SPECC_MAX_DEPTH - 1, ']', SPECC_MAX_DEPTH - 1);
        nested[2 * (SPECC_MAX_DEPTH - 1)] = '\0';
        self = item_named("x");
        CHECK(specc_unknown_set(&self._unknown, "deep", nested, &err) == SPECC_OK);
        text = specc_encode_text(&demo_item_desc, &self, NULL, &err);
        CHECK(text != NULL && strstr(text, nested) != NULL);
        specc_free(text);
        top.child_state = SPECC_PRESENT;
        top.child = &self;
        text = specc_encode_text(&demo_item_desc, &top, NULL, &err);
        CHECK(text == NULL && err.code == SPECC_ERR_DEPTH);
        CHECK(strncmp(err.path, "$.child.deep[0][0]", 18) == 0);
        CHECK(specc_validate(&demo_item_desc, &top, NULL, NULL) == 1);
        specc_unknown_clear(&self._unknown);
        free(nested);
    }
}

/* ------------------------------------------------------------ encode_json */

static void test_encode_json(void)
{
    demo_item_t it = item_named("x");
    specc_error err;
    json_t *got, *want;

    it.price_state = SPECC_PRESENT;
    it.price.text = "5"; /* decimals come back as jansson reals */
    it.count_state = SPECC_PRESENT;
    it.count = INT64_MIN;
    it.extra = json_stringn("a\0b", 3);
    got = specc_encode_json(&demo_item_desc, &it, &err);
    want = json_pack("{s:s,s:I,s:f,s:s%}", "name", "x", "count", (json_int_t)INT64_MIN, "price",
                     5.0, "extra", "a\0b", (size_t)3);
    CHECK(got && json_equal(got, want));
    CHECK(got && json_is_real(json_object_get(got, "price")));
    json_decref(got);
    json_decref(want);
    json_decref(it.extra);
    it.extra = NULL;

    it.price.is_string = true;
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got && json_is_string(json_object_get(got, "price")));
    json_decref(got);

    it.price.is_string = false;
    it.price.text = "1e400"; /* fine as text, but not as a jansson real */
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got == NULL && err.code == SPECC_ERR_RANGE && strcmp(err.path, "$.price") == 0);
    it.price.text = "123456789012345678901234567890";
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got && json_real_value(json_object_get(got, "price")) == 123456789012345678901234567890.0);
    json_decref(got);

    it.name = NULL;
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got == NULL && err.code == SPECC_ERR_MISSING && strcmp(err.path, "$.name") == 0);

    /* Unknown values are read by jansson's rules: their spelling is lost, and
     * a number jansson cannot hold is a range error at its path (the text
     * encoder writes them all as they are). */
    it = item_named("x");
    CHECK(specc_unknown_set(&it._unknown, "n", "[1.0E+2, 7, \"\\u0041\"]", &err) == SPECC_OK);
    got = specc_encode_json(&demo_item_desc, &it, &err);
    want = json_pack("{s:s,s:[f,i,s]}", "name", "x", "n", 100.0, 7, "A");
    CHECK(got && json_equal(got, want));
    CHECK(got && json_is_real(json_array_get(json_object_get(got, "n"), 0)));
    json_decref(got);
    json_decref(want);
    CHECK(specc_unknown_set(&it._unknown, "big", "{\"a\":[1e400]}", &err) == SPECC_OK);
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got == NULL && err.code == SPECC_ERR_RANGE && strcmp(err.path, "$.big.a[0]") == 0);
    CHECK(specc_unknown_set(&it._unknown, "big", "18446744073709551615", &err) == SPECC_OK);
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got == NULL && err.code == SPECC_ERR_RANGE && strcmp(err.path, "$.big") == 0);
    expect_text(&demo_item_desc, &it,
                "{\"name\":\"x\",\"n\":[1.0E+2, 7, \"\\u0041\"],\"big\":18446744073709551615}");
    CHECK(specc_unknown_remove(&it._unknown, "big"));
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got && json_array_size(json_object_get(got, "n")) == 3);
    json_decref(got);
    /* Checked as for text: a broken list is refused the same way. */
    it._unknown.members[0].json[0] = '{';
    got = specc_encode_json(&demo_item_desc, &it, &err);
    CHECK(got == NULL && err.code == SPECC_ERR_SYNTAX && strcmp(err.path, "$.n") == 0);
    it._unknown.members[0].json[0] = '[';
    specc_unknown_clear(&it._unknown);
}

/* ------------------------------------------------------ allocation failure */

/* A value big enough to grow the buffer several times and hash map keys. */
static void run_nomem(bool as_json)
{
    static char long_name[3000];
    demo_item_t it = item_named(long_name), kid = item_named("kid");
    char *keys[12];
    bool values[12] = {0};
    char names[12][8];
    size_t i, n, before_alloc, before_free;
    bool done = false;

    memset(long_name, 'n', sizeof long_name - 1);
    for (i = 0; i < 12; i++) {
        snprintf(names[i], sizeof names[i], "k%zu", i);
        keys[i] = names[i];
    }
    it.opts_state = it.child_state = it.price_state = SPECC_PRESENT;
    it.opts.keys = keys;
    it.opts.values = values;
    it.opts.count = 12;
    it.child = &kid;
    it.price.text = "1";
    it.extra = json_pack("{s:[i,i,s]}", "a", 1, 2, "three");
    /* Several unknown members: their repeated-key check allocates too. */
    CHECK(specc_unknown_set(&it._unknown, "u1", "[1, {\"x\": 2.5}]", NULL) == SPECC_OK);
    CHECK(specc_unknown_set(&it._unknown, "u2", "\"s\"", NULL) == SPECC_OK);
    CHECK(specc_unknown_set(&kid._unknown, "u3", "null", NULL) == SPECC_OK);

    for (n = 1; !done && n < 1000; n++) {
        specc_error err;
        before_alloc = alloc_count;
        before_free = free_count;
        alloc_calls = 0;
        alloc_fail_at = n;
        if (as_json) {
            json_t *j = specc_encode_json(&demo_item_desc, &it, &err);
            done = j != NULL;
            json_decref(j);
        } else {
            char *text = specc_encode_text(&demo_item_desc, &it, NULL, &err);
            done = text != NULL;
            specc_free(text);
        }
        alloc_fail_at = 0;
        if (!done && err.code != SPECC_ERR_NOMEM) {
            failures++;
            printf("%s: nomem at %zu gave %s\n", as_json ? "json" : "text", n,
                   specc_code_name(err.code));
        }
        if (alloc_count - before_alloc != free_count - before_free) {
            failures++;
            printf("%s: leak with failure at allocation %zu\n", as_json ? "json" : "text", n);
        }
    }
    CHECK(done);
    CHECK(n > 3); /* several allocations were made, and each one failed once */
    json_decref(it.extra);
    specc_unknown_clear(&it._unknown);
    specc_unknown_clear(&kid._unknown);
}

int main(void)
{
    use_counting_alloc();
    test_absent();
    test_null();
    test_present();
    test_required_kinds();
    test_bad_states();
    test_numbers();
    test_decimals();
    test_strings();
    test_enums();
    test_enum_elements();
    test_unknown();
    test_maps();
    test_any_paths();
    test_depth();
    test_encode_json();
    run_nomem(false);
    run_nomem(true);
    CHECK(alloc_count == free_count);
    if (failures) {
        printf("test_encode: %d failed\n", failures);
        return 1;
    }
    printf("test_encode: all passed\n");
    return 0;
}
