/* test_roundtrip.c — a rich payload through encode -> decode -> encode (the
 * two encodings byte-identical), specc_decode_json agreeing with
 * decode_text, specc_encode_json agreeing with encode_text. */
#include "check.h"

/* Every kind of field, unknown keys, nesting, escapes, non-ASCII. */
static const char rich[] =
    "{\"id\":\"123E4567-e89b-12d3-a456-426614174000\",\"name\":\"a\\u00e9\\\"q\\\\\","
    "\"note\":null,\"tag\":\"line\\nbreak\\ttab\\u0001\",\"color\":\"dark-blue\","
    "\"shade\":\"ultra\",\"level\":2,\"code\":99,\"count\":-5,\"big\":-9223372036854775808,"
    "\"created\":1704067200,\"ratio\":0.1,\"flag\":true,\"maybe\":false,\"price\":\"0.13\","
    "\"cost\":0.50,\"extra\":{\"nested\":[1,-2.5,\"s\",null,true,{\"e\":{}}],\"big\":1e300},"
    "\"blob\":[\"\\ud83d\\ude00\",\"\xf0\x9f\x98\x80\"],\"tags\":[\"a\",\"\",\"\xc3\xa9\"],"
    "\"dates\":[\"2024-02-29\",\"2000-02-29\"],\"matrix\":[[1,2],[],[3]],"
    "\"children\":[{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"kid\","
    "\"tag\":null,\"color\":\"red\",\"count\":0,\"flag\":false,\"cost\":\"-1e-7\","
    "\"blob\":null,\"part\":{\"sku\":\"KID-1\"},\"kid_unknown\":[]}],"
    "\"parent\":{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"mom\","
    "\"tag\":\"t\",\"color\":\"green\",\"count\":100,\"flag\":true,\"cost\":1E+2,"
    "\"blob\":\"x\",\"part\":{\"sku\":\"MOM-2\",\"site\":\"https://example.com/\"},"
    "\"parent\":null},"
    "\"opts\":{\"z\":true,\"a\":false},\"scores\":{\"x\":0,\"y\":1.5e-3},"
    "\"parts\":{\"p1\":{\"sku\":\"ABC-1\",\"when\":\"1990-12-31T15:59:60-08:00\","
    "\"day\":\"2024-02-29\",\"site\":\"urn:x:y\",\"mail\":\"a@example.com\"}},"
    "\"part\":{\"sku\":\"ABC-1\"},\"default\":\"d\",\"errno\":-1,\"content-type\":\"c/t\","
    "\"2fa\":false,\"with space\":\"w s\",\"renamed\":\"r\",\"unknown\\u00e9\":{\"k\":[null]},"
    "\"zz\":-0.0}";

static void test_fixed_point(void)
{
    kitchen_thing_t a, b;
    specc_error err;
    char *one = NULL, *two = NULL;
    size_t len1 = 0, len2 = 0;

    {
        /* (the child's "blob":null is a value of `any`) */
        const char *fixed = rich;
        if (!CHECK_DECODES(&kitchen_thing_desc, fixed, &a))
            return;
        CHECK_INT(kitchen_thing_validate(&a, NULL, NULL), 0);
        one = kitchen_thing_encode_text(&a, &len1, &err);
        CHECK(one != NULL);
        if (!one) {
            kitchen_thing_clear(&a);
            return;
        }
        CHECK_INT(len1, strlen(one));
        CHECK_JSON(one, fixed);
        if (CHECK_DECODES(&kitchen_thing_desc, one, &b)) {
            CHECK(kitchen_thing_equal(&a, &b));
            two = kitchen_thing_encode_text(&b, &len2, &err);
            CHECK(two != NULL);
            if (two) {
                CHECK_INT(len2, len1);
                CHECK_STR(two, one);
            }
            kitchen_thing_clear(&b);
        }
        /* Values that must survive exactly. */
        CHECK(strstr(one, "\"cost\":0.50") != NULL);
        CHECK(strstr(one, "\"price\":\"0.13\"") != NULL);
        CHECK(strstr(one, "\"cost\":1E+2") != NULL);
        CHECK(strstr(one, "\"cost\":\"-1e-7\"") != NULL);
        CHECK(strstr(one, "\"big\":-9223372036854775808") != NULL);
        CHECK_STR(a.name, "a\xc3\xa9\"q\\");
        CHECK_STR(a.tag, "line\nbreak\ttab\x01");
        CHECK(a.blob && strcmp(json_string_value(json_array_get(a.blob, 0)), "\xf0\x9f\x98\x80") == 0);
        /* Unknown values as sent (-0.0 stays -0.0); keys are decoded. */
        CHECK(strstr(one, "\"zz\":-0.0") != NULL);
        CHECK(specc_unknown_find(&a._unknown, "unknown\xc3\xa9") != NULL);
        CHECK_INT(a.children.count, 1);
        if (a.children.count == 1) {
            CHECK(specc_unknown_find(&a.children.items[0]._unknown, "kid_unknown") != NULL);
            CHECK(json_is_null(a.children.items[0].blob));
        }
        specc_free(one);
        specc_free(two);
        kitchen_thing_clear(&a);
    }
}

/* specc_decode_json (jansson value) and decode_text give equal structs;
 * specc_encode_json gives the same JSON as encode_text. */
static void test_json_paths(void)
{
    static const char text[] = THING(
        ",\"note\":\"n\",\"big\":9223372036854775807,\"ratio\":0.1,\"price\":\"0.13\","
        "\"extra\":{\"a\":[1,2.5,null]},\"tags\":[\"x\"],\"matrix\":[[1],[]],"
        "\"opts\":{\"b\":true,\"a\":false},\"parts\":{\"k\":{\"sku\":\"ABC-1\"}},\"u1\":1,\"u0\":[]");
    json_error_t jerr;
    json_t *j = json_loads(text, 0, &jerr), *enc;
    kitchen_thing_t a, b;
    specc_error err;
    char *t1;

    CHECK(j != NULL);
    if (!j)
        return;
    if (!CHECK_DECODES(&kitchen_thing_desc, text, &a)) {
        json_decref(j);
        return;
    }
    CHECK_CODE(kitchen_thing_decode_json(j, &b, &err), SPECC_OK);
    CHECK(kitchen_thing_equal(&a, &b));
    CHECK(b.big == INT64_MAX);
    CHECK(b.ratio == 0.1);
    kitchen_thing_clear(&b);

    enc = kitchen_thing_encode(&a, &err);
    t1 = kitchen_thing_encode_text(&a, NULL, &err);
    CHECK(enc != NULL && t1 != NULL);
    if (enc && t1) {
        json_t *from_text = json_loads(t1, 0, &jerr);
        CHECK(from_text && json_equal(enc, from_text));
        CHECK(json_equal(enc, j));
        json_decref(from_text);
    }
    json_decref(enc);
    specc_free(t1);

    /* Errors from a jansson value carry the path but no line/column. */
    json_object_set_new(j, "count", json_string("7"));
    CHECK_CODE(kitchen_thing_decode_json(j, &b, &err), SPECC_ERR_TYPE);
    CHECK_STR(err.path, "$.count");
    CHECK_STR(err.message, "expected integer, got string \"7\"");
    CHECK_INT(err.line, 0);
    CHECK_INT(err.column, 0);
    json_decref(j);
    kitchen_thing_clear(&a);
}

/* A successful decode clears a previous error; text need not end in NUL. */
static void test_text_edges(void)
{
    static const char text[] = THING("") "garbage";
    kitchen_thing_t t;
    specc_error err;
    memset(&err, 0x5a, sizeof err);
    CHECK_CODE(kitchen_thing_decode_text(text, strlen(THING("")), &t, &err), SPECC_OK);
    CHECK_CODE(err.code, SPECC_OK);
    CHECK_STR(err.path, "");
    kitchen_thing_clear(&t);
    CHECK_CODE(kitchen_thing_decode_text(text, strlen(text), &t, &err), SPECC_ERR_SYNTAX);
    CHECK_STR(err.message, "unexpected text after the JSON value");
    CHECK_INT(err.line, 1);
    CHECK_INT(err.column, (int)strlen(THING("")) + 1);
    kitchen_thing_clear(&t);
    /* Whitespace around the document is fine. */
    if (CHECK_DECODES(&kitchen_thing_desc, " \n\t" THING("") "\r\n ", &t))
        kitchen_thing_clear(&t);
}

int main(void)
{
    test_fixed_point();
    test_json_paths();
    test_text_edges();
    CHECK_DONE();
}
