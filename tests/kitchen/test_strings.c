/* test_strings.c — text at the edges: escapes, U+0000 where C strings
 * cannot hold it (and where jansson can), invalid UTF-8, escaped keys that
 * name declared fields, big containers, decoding into garbage memory. */
#include "check.h"

static void test_escapes(void)
{
    kitchen_thing_t t;
    /* An escaped key is the same key. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"n\\u006fte\":\"x\""), &t)) {
        CHECK_INT(t.note_state, SPECC_PRESENT);
        CHECK_STR(t.note, "x");
        CHECK_INT(t._unknown.count, 0);
        kitchen_thing_clear(&t);
    }
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"note\":\"x\",\"no\\u0074e\":\"y\""),
                       SPECC_ERR_DUPLICATE_KEY, "$.note", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"n\\u0061me\":\"y\""),
                       SPECC_ERR_DUPLICATE_KEY, "$.name", NULL);
    /* Every escape decodes; the encoder writes back equal JSON. */
    if (CHECK_DECODES(&kitchen_thing_desc,
                      THING(",\"note\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\\u001f\""),
                      &t)) {
        CHECK_STR(t.note, "\"\\/\b\f\n\r\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x1f");
        CHECK_ENCODES(&kitchen_thing_desc, &t,
                      THING(",\"note\":\"\\\"\\\\/\\b\\f\\n\\r\\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\\u001f\""));
        kitchen_thing_clear(&t);
    }
}

static void test_nul(void)
{
    kitchen_thing_t t;
    specc_error err;
    char *out;
    /* C strings: rejected with a clear error, never truncated. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"tags\":[\"ok\",\"a\\u0000\"]"),
                       SPECC_ERR_NUL, "$.tags[1]", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"opts\":{\"a\\u0000b\":true}"),
                       SPECC_ERR_NUL, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"shade\":\"ul\\u0000tra\""), SPECC_ERR_NUL,
                       "$.shade", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"price\":\"1\\u0000\""), SPECC_ERR_FORMAT,
                       "$.price", NULL);
    /* jansson values hold U+0000, and so do unknown members: kept in `any`
     * and in unknown keys (values keep their escapes as sent). */
    if (CHECK_DECODES(&kitchen_thing_desc,
                      THING(",\"extra\":\"a\\u0000b\",\"k\\u0000y\":\"v\\u0000w\""), &t)) {
        CHECK(json_is_string(t.extra) && json_string_length(t.extra) == 3);
        CHECK(t._unknown.count == 1);
        if (t._unknown.count == 1) {
            const specc_unknown_member *m = &t._unknown.members[0];
            CHECK(m->key_len == 3 && memcmp(m->key, "k\0y", 3) == 0);
            CHECK_STR(m->json, "\"v\\u0000w\"");
        }
        out = kitchen_thing_encode_text(&t, NULL, &err);
        CHECK(out != NULL);
        if (out) {
            CHECK(strstr(out, "\"extra\":\"a\\u0000b\"") != NULL);
            CHECK(strstr(out, "\"k\\u0000y\":\"v\\u0000w\"") != NULL);
        }
        {
            kitchen_thing_t u;
            if (out && CHECK_DECODES(&kitchen_thing_desc, out, &u)) {
                CHECK(kitchen_thing_equal(&t, &u));
                kitchen_thing_clear(&u);
            }
        }
        specc_free(out);
        kitchen_thing_clear(&t);
    }
}

static void test_utf8(void)
{
    static const char *const bad[] = {
        "\xff",             /* never valid */
        "\xc0\xaf",         /* overlong '/' */
        "\xed\xa0\x80",     /* surrogate */
        "\xf4\x90\x80\x80", /* beyond U+10FFFF */
        "\xc3",             /* cut */
        "\xe2\x82",         /* cut */
    };
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, THING(",\"note\":\"a%sb\""), bad[i]);
        CHECK_DECODE_FAILS(&kitchen_thing_desc, text, SPECC_ERR_SYNTAX, "$.note",
                           "invalid UTF-8 in string");
        snprintf(text, sizeof text, THING(",\"k%s\":1"), bad[i]);
        CHECK_DECODE_FAILS(&kitchen_thing_desc, text, SPECC_ERR_SYNTAX, NULL, NULL);
    }
    /* A hand-set string that is not UTF-8: validate says so, encode refuses. */
    {
        kitchen_thing_t t;
        violations v;
        specc_error err;
        char *out;
        if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"note\":\"abc\""), &t)) {
            t.note[1] = (char)0xff;
            VALIDATE(&kitchen_thing_desc, &t, &v, 1);
            CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.note", NULL);
            out = kitchen_thing_encode_text(&t, NULL, &err);
            CHECK(out == NULL);
            if (!out) {
                CHECK_CODE(err.code, SPECC_ERR_FORMAT);
                CHECK_STR(err.path, "$.note");
            }
            specc_free(out);
            kitchen_thing_clear(&t);
        }
    }
}

static void test_big_containers(void)
{
    size_t n = 5000, i, len;
    char *text = malloc(n * 24 + 512);
    kitchen_thing_t t;
    violations v;
    if (!text)
        return;
    len = (size_t)sprintf(text, "{" THING_REQ ",\"tags\":[");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s\"t%zu\"", i ? "," : "", i);
    len += (size_t)sprintf(text + len, "],\"scores\":{");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s\"k%zu\":%zu", i ? "," : "", i, i);
    len += (size_t)sprintf(text + len, "}}");
    if (CHECK_DECODES(&kitchen_thing_desc, text, &t)) {
        CHECK_INT(t.tags.count, n);
        CHECK_INT(t.scores.count, n);
        if (t.tags.count == n && t.scores.count == n) {
            CHECK_STR(t.tags.items[n - 1], "t4999");
            CHECK_STR(t.scores.keys[n - 1], "k4999");
            CHECK(t.scores.values[n - 1] == 4999.0);
        }
        VALIDATE(&kitchen_thing_desc, &t, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_MAX_ITEMS, "$.tags", "must have <= 3 items, got 5000");
        kitchen_thing_clear(&t);
    }
    /* A repeated key at the far end of a big map is still found. */
    len = (size_t)sprintf(text, "{" THING_REQ ",\"scores\":{");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s\"k%zu\":1", i ? "," : "", i);
    len += (size_t)sprintf(text + len, ",\"k17\":2}}");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, text, SPECC_ERR_DUPLICATE_KEY, "$.scores.k17", NULL);
    free(text);
}

/* "*out need not be initialised": decode over garbage. */
static void test_garbage_out(void)
{
    kitchen_thing_t t;
    specc_error err;
    memset(&t, 0xa5, sizeof t);
    CHECK_CODE(kitchen_thing_decode_text(THING(""), strlen(THING("")), &t, &err), SPECC_OK);
    CHECK_INT(t.note_state, SPECC_ABSENT);
    CHECK(t.extra == NULL && t.parent == NULL && t._unknown.count == 0);
    kitchen_thing_clear(&t);
    memset(&t, 0xa5, sizeof t);
    CHECK_CODE(kitchen_thing_decode_text("{\"id\":1}", 8, &t, &err), SPECC_ERR_TYPE);
    CHECK(t.id == NULL && t.part == NULL && t.extra == NULL && t._unknown.count == 0);
    kitchen_thing_clear(&t);
}

int main(void)
{
    test_escapes();
    test_nul();
    test_utf8();
    test_big_containers();
    test_garbage_out();
    CHECK_DONE();
}
