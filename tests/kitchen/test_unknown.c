/* test_unknown.c — the three unknown-field policies: Thing preserves (in
 * input order, written back), Part ignores (dropped, still syntax-checked),
 * Strict rejects (at every depth). */
#include "check.h"

static void test_preserve(void)
{
    static const char text[] =
        "{\"zeta\":1,\"id\":\"" THING_ID "\",\"name\":\"abc\",\"alpha\":{\"deep\":[1,null]},"
        "\"tag\":\"t\",\"color\":\"red\",\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},"
        "\"part\":{\"sku\":\"ABC-1\"},\"mid\":\"x\",\"n\":null,\"r\":2.5,\"big\":3}";
    kitchen_thing_t t, u;
    specc_error err;
    const char *key;
    json_t *value;
    char *out;
    size_t i = 0;
    static const char *const order[] = {"zeta", "alpha", "mid", "n", "r"};

    if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
        return;
    CHECK(json_is_object(t._unknown));
    CHECK_INT(json_object_size(t._unknown), 5);
    /* Input order, values intact; declared `big` is not among them. */
    json_object_foreach(t._unknown, key, value) {
        if (i < 5)
            CHECK_STR(key, order[i]);
        i++;
    }
    CHECK(json_integer_value(json_object_get(t._unknown, "zeta")) == 1);
    CHECK(json_is_null(json_object_get(t._unknown, "n")));
    CHECK(json_real_value(json_object_get(t._unknown, "r")) == 2.5);
    CHECK_STR(json_string_value(json_object_get(t._unknown, "mid")), "x");
    CHECK_INT(t.big, 3);
    CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);

    out = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(out != NULL);
    if (out) {
        const char *z = strstr(out, "\"zeta\""), *a = strstr(out, "\"alpha\""),
                   *m = strstr(out, "\"mid\""), *n = strstr(out, "\"n\""),
                   *r = strstr(out, "\"r\"");
        CHECK_JSON(out, text);
        CHECK(z && a && m && n && r && z < a && a < m && m < n && n < r);
        if (CHECK_DECODES(&kitchen_thing_desc, out, &u)) {
            CHECK(kitchen_thing_equal(&t, &u));
            json_object_set_new(u._unknown, "mid", json_string("y"));
            CHECK(!kitchen_thing_equal(&t, &u));
            kitchen_thing_free(&u);
        }
    }
    specc_free(out);
    kitchen_thing_free(&t);

    /* Unknown keys inside a nested preserving object are kept there. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"parent\":{" THING_REQ ",\"q\":[true]}"),
                      &t)) {
        CHECK(t._unknown == NULL);
        CHECK(t.parent && json_is_array(json_object_get(t.parent->_unknown, "q")));
        CHECK_ENCODES(&kitchen_thing_desc, &t,
                      THING(",\"parent\":{" THING_REQ ",\"q\":[true]}"));
        kitchen_thing_free(&t);
    }
    /* A repeated unknown key is a duplicate like any other. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"u\":1,\"u\":2"), SPECC_ERR_DUPLICATE_KEY,
                       "$.u", NULL);
    /* A hand-added unknown key that clashes with a field is refused. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(""), &t)) {
        violations v;
        t._unknown = json_pack("{s:i}", "count", 5);
        VALIDATE(&kitchen_thing_desc, &t, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_DUPLICATE_KEY, "$.count", NULL);
        out = kitchen_thing_encode_text(&t, NULL, &err);
        CHECK(out == NULL);
        if (!out)
            CHECK_CODE(err.code, SPECC_ERR_DUPLICATE_KEY);
        specc_free(out);
        kitchen_thing_free(&t);
    }
}

static void test_ignore(void)
{
    kitchen_part_t p;
    kitchen_thing_t t;
    if (CHECK_DECODES(&kitchen_part_desc,
                      "{\"x\":{\"deep\":[1,2,{\"y\":null}]},\"sku\":\"ABC-1\",\"z\":\"w\"}", &p)) {
        CHECK_STR(p.sku, "ABC-1");
        CHECK_INT(p.when_state, SPECC_ABSENT);
        CHECK_ENCODES(&kitchen_part_desc, &p, "{\"sku\":\"ABC-1\"}");
        kitchen_part_free(&p);
    }
    /* Ignored inside a Thing too. */
    if (CHECK_DECODES(&kitchen_thing_desc,
                      "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                      "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},"
                      "\"part\":{\"sku\":\"ABC-1\",\"extra\":1}}",
                      &t)) {
        CHECK_ENCODES(&kitchen_thing_desc, &t, THING(""));
        kitchen_thing_free(&t);
    }
    /* Dropped, but still checked as JSON. */
    CHECK_DECODE_FAILS(&kitchen_part_desc, "{\"sku\":\"ABC-1\",\"x\":[1,}", SPECC_ERR_SYNTAX, NULL,
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_part_desc, "{\"sku\":\"ABC-1\",\"x\":tru}", SPECC_ERR_SYNTAX,
                       NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_part_desc, "{\"sku\":\"ABC-1\",\"x\":\"\xff\"}", SPECC_ERR_SYNTAX,
                       NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_part_desc, "{\"sku\":\"ABC-1\",\"x\":{\"a\":1,\"a\":2}}",
                       SPECC_ERR_DUPLICATE_KEY, "$.x.a", NULL);
    CHECK_DECODE_FAILS(&kitchen_part_desc, "{\"sku\":\"ABC-1\",\"x\":1,\"x\":2}",
                       SPECC_ERR_DUPLICATE_KEY, "$.x", NULL);
    CHECK_DECODE_FAILS(&kitchen_part_desc, "{\"sku\":\"ABC-1\",\"x\":01}", SPECC_ERR_SYNTAX, NULL,
                       NULL);
    /* The empty type ignores everything. */
    {
        kitchen_empty_t e;
        if (CHECK_DECODES(&kitchen_empty_desc, "{\"a\":1,\"b\":[{}]}", &e)) {
            CHECK_ENCODES(&kitchen_empty_desc, &e, "{}");
            kitchen_empty_free(&e);
        }
    }
}

static void test_reject(void)
{
    kitchen_strict_t s;
    if (CHECK_DECODES(&kitchen_strict_desc, "{\"a\":1,\"b\":{\"a\":2,\"b\":{\"a\":3}}}", &s)) {
        CHECK_INT(s.a, 1);
        CHECK(s.b && s.b->a == 2 && s.b->b && s.b->b->a == 3 && s.b->b->b == NULL);
        CHECK_ENCODES(&kitchen_strict_desc, &s, "{\"a\":1,\"b\":{\"a\":2,\"b\":{\"a\":3}}}");
        kitchen_strict_free(&s);
    }
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"a\":1,\"zzz\":0}", SPECC_ERR_UNKNOWN_FIELD,
                       "$.zzz", "unknown key \"zzz\" (Strict allows no unknown keys)");
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"zzz\":0,\"a\":1}", SPECC_ERR_UNKNOWN_FIELD,
                       "$.zzz", NULL);
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"a\":1,\"b\":{\"a\":2,\"zzz\":true}}",
                       SPECC_ERR_UNKNOWN_FIELD, "$.b.zzz", NULL);
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"a\":1,\"b\":{\"a\":2,\"b\":{\"a\":3,\"q r\":1}}}",
                       SPECC_ERR_UNKNOWN_FIELD, "$.b.b['q r']", NULL);
    /* Names are exact: no case folding. */
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"A\":1}", SPECC_ERR_UNKNOWN_FIELD, "$.A", NULL);
    /* Nested: the missing key is reported with its path. */
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"a\":1,\"b\":{}}", SPECC_ERR_MISSING, "$.b.a",
                       NULL);
}

int main(void)
{
    test_preserve();
    test_ignore();
    test_reject();
    CHECK_DONE();
}
