/* test_unknown.c — the three unknown-field policies: Thing preserves (in
 * input order, written back), Part ignores (dropped, still syntax-checked),
 * Strict rejects (at every depth). */
#include "check.h"

/* The member with this key's JSON text, or NULL. */
static const char *kept(const specc_unknown *u, const char *key)
{
    const specc_unknown_member *m = specc_unknown_find(u, key);
    return m ? m->json : NULL;
}

static void test_preserve(void)
{
    static const char text[] =
        "{\"zeta\":1,\"id\":\"" THING_ID "\",\"name\":\"abc\",\"alpha\":{\"deep\":[1,null]},"
        "\"tag\":\"t\",\"color\":\"red\",\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},"
        "\"part\":{\"sku\":\"ABC-1\"},\"mid\":\"x\",\"n\":null,\"r\":2.5,\"big\":3}";
    kitchen_thing_t t, u;
    specc_error err;
    char *out;
    size_t i;
    static const char *const order[] = {"zeta", "alpha", "mid", "n", "r"};
    static const char *const texts[] = {"1", "{\"deep\":[1,null]}", "\"x\"", "null", "2.5"};

    if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
        return;
    /* Input order, each value's text as sent; declared `big` is not among them. */
    CHECK_INT(t._unknown.count, 5);
    for (i = 0; i < 5 && i < t._unknown.count; i++) {
        CHECK_STR(t._unknown.members[i].key, order[i]);
        CHECK_INT(t._unknown.members[i].key_len, strlen(order[i]));
        CHECK_STR(t._unknown.members[i].json, texts[i]);
        CHECK_INT(t._unknown.members[i].json_len, strlen(texts[i]));
    }
    CHECK(specc_unknown_find(&t._unknown, "big") == NULL);
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
            CHECK(specc_unknown_set(&u._unknown, "mid", "\"y\"", &err) == SPECC_OK);
            CHECK(!kitchen_thing_equal(&t, &u));
            kitchen_thing_clear(&u);
        }
    }
    specc_free(out);
    kitchen_thing_clear(&t);

    /* Unknown keys inside a nested preserving object are kept there. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"parent\":{" THING_REQ ",\"q\":[true]}"),
                      &t)) {
        CHECK_INT(t._unknown.count, 0);
        CHECK(t.parent && kept(&t.parent->_unknown, "q") &&
              strcmp(kept(&t.parent->_unknown, "q"), "[true]") == 0);
        CHECK_ENCODES(&kitchen_thing_desc, &t,
                      THING(",\"parent\":{" THING_REQ ",\"q\":[true]}"));
        kitchen_thing_clear(&t);
    }
    /* A repeated unknown key is a duplicate like any other. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"u\":1,\"u\":2"), SPECC_ERR_DUPLICATE_KEY,
                       "$.u", NULL);
    /* A hand-added unknown key that clashes with a field is refused. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(""), &t)) {
        violations v;
        CHECK(specc_unknown_set(&t._unknown, "count", "5", &err) == SPECC_OK);
        VALIDATE(&kitchen_thing_desc, &t, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_DUPLICATE_KEY, "$.count", NULL);
        out = kitchen_thing_encode_text(&t, NULL, &err);
        CHECK(out == NULL);
        if (!out)
            CHECK_CODE(err.code, SPECC_ERR_DUPLICATE_KEY);
        specc_free(out);
        kitchen_thing_clear(&t);
    }
}

/* Values jansson cannot hold or would respell come back byte for byte, at
 * every level, and never fail the decode. */
static void test_exact(void)
{
    static const char *const values[] = {
        "18446744073709551615", "1.5e400", "-1e-400", "1.0E+2", "-0", "0.50",
        "{\"a\":[18446744073709551616,1e-400,{\"b\":-9223372036854775809}]}",
        "\"\\u00e9\\/\\ud83d\\ude00 \\\"\"", "[ 1 , {\"x\" : 2 } ]",
        "123456789012345678901234567890.123456789012345678901234567890e-99999999999999999999"};
    size_t i;
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        char text[512], want[512];
        kitchen_thing_t t, u;
        specc_error err;
        char *out;
        snprintf(text, sizeof text, THING(",\"top\":%s,\"parent\":{" THING_REQ ",\"inner\":%s}"),
                 values[i], values[i]);
        if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
            continue;
        CHECK(kept(&t._unknown, "top") && strcmp(kept(&t._unknown, "top"), values[i]) == 0);
        CHECK(t.parent && kept(&t.parent->_unknown, "inner") &&
              strcmp(kept(&t.parent->_unknown, "inner"), values[i]) == 0);
        CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
        out = kitchen_thing_encode_text(&t, NULL, &err);
        CHECK(out != NULL);
        snprintf(want, sizeof want, "\"top\":%s", values[i]);
        CHECK(out && strstr(out, want));
        snprintf(want, sizeof want, "\"inner\":%s", values[i]);
        CHECK(out && strstr(out, want));
        if (out && CHECK_DECODES(&kitchen_thing_desc, out, &u)) {
            CHECK(kitchen_thing_equal(&t, &u));
            kitchen_thing_clear(&u);
        }
        specc_free(out);
        kitchen_thing_clear(&t);
    }
    /* Well-formedness still counts, inside kept values too. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"u\":[1,]"), SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"u\":{\"a\":1,\"a\":1}"),
                       SPECC_ERR_DUPLICATE_KEY, "$.u.a", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"u\":\"\\ud800\""), SPECC_ERR_SYNTAX, NULL,
                       NULL);
}

/* Reading a kept value as jansson: here, not in the decode, jansson's
 * limits apply. */
static void test_as_json(void)
{
    kitchen_thing_t t;
    specc_error err;
    json_t *j = NULL;
    /* Declared fields keep their own rules: `big` is an int64. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"big\":18446744073709551615"),
                       SPECC_ERR_RANGE, "$.big", NULL);
    if (!CHECK_DECODES(&kitchen_thing_desc,
                       THING(",\"huge\":18446744073709551615,\"ok\":{\"n\":1.0E+2},\"deep\":{\"x\":[1e400]}"),
                       &t))
        return;
    CHECK(specc_unknown_json(specc_unknown_find(&t._unknown, "ok"), &j, &err) == SPECC_OK);
    CHECK(j && json_real_value(json_object_get(j, "n")) == 100.0);
    json_decref(j);
    CHECK(specc_unknown_json(specc_unknown_find(&t._unknown, "huge"), &j, &err) ==
          SPECC_ERR_RANGE);
    CHECK(j == NULL);
    CHECK_STR(err.path, "$.huge");
    CHECK(strstr(err.message, "18446744073709551615") != NULL);
    CHECK(specc_unknown_json(specc_unknown_find(&t._unknown, "deep"), &j, &err) ==
          SPECC_ERR_RANGE);
    CHECK_STR(err.path, "$.deep.x[0]");
    CHECK(specc_unknown_json(NULL, &j, &err) == SPECC_ERR_INVALID);
    /* encode to json_t cannot hold them either: a range error at the path. */
    j = kitchen_thing_encode(&t, &err);
    CHECK(j == NULL);
    CHECK_CODE(err.code, SPECC_ERR_RANGE);
    CHECK_STR(err.path, "$.huge");
    json_decref(j);
    CHECK(specc_unknown_remove(&t._unknown, "huge"));
    CHECK(specc_unknown_remove(&t._unknown, "deep"));
    CHECK(!specc_unknown_remove(&t._unknown, "deep"));
    j = kitchen_thing_encode(&t, &err);
    CHECK(j && json_real_value(json_object_get(json_object_get(j, "ok"), "n")) == 100.0);
    json_decref(j);
    kitchen_thing_clear(&t);
}

/* Building the list by hand: set replaces in place or appends, checks the
 * text so that nothing can change the shape of the output. */
static void test_set(void)
{
    kitchen_thing_t t;
    specc_error err;
    violations v;
    char *out;
    if (!CHECK_DECODES(&kitchen_thing_desc, THING(",\"a\":1,\"b\":2"), &t))
        return;
    CHECK(specc_unknown_set(&t._unknown, "a", "18446744073709551615", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&t._unknown, "c", " [1.0E+2] ", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&t._unknown, "d", "{}", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&t._unknown, "e", "\"\"", &err) == SPECC_OK);
    CHECK(specc_unknown_set(&t._unknown, "f", "0", &err) == SPECC_OK);
    CHECK_INT(t._unknown.count, 6);
    CHECK_STR(t._unknown.members[0].key, "a");
    CHECK_STR(t._unknown.members[0].json, "18446744073709551615");
    CHECK_STR(t._unknown.members[2].json, " [1.0E+2] ");
    /* Text that is not exactly one JSON value is refused; the list stays. */
    CHECK(specc_unknown_set(&t._unknown, "x", "1,\"y\":2", &err) == SPECC_ERR_SYNTAX);
    CHECK_STR(err.path, "$.x");
    CHECK(specc_unknown_set(&t._unknown, "x", "", &err) == SPECC_ERR_SYNTAX);
    CHECK(specc_unknown_set(&t._unknown, "x", "}", &err) == SPECC_ERR_SYNTAX);
    CHECK(specc_unknown_set(&t._unknown, "x", "{\"k\":1,\"k\":2}", &err) ==
          SPECC_ERR_DUPLICATE_KEY);
    CHECK_STR(err.path, "$.x.k");
    CHECK(specc_unknown_set(&t._unknown, "a", "[", &err) == SPECC_ERR_SYNTAX);
    CHECK(specc_unknown_set(&t._unknown, "\xff", "1", &err) == SPECC_ERR_FORMAT);
    CHECK(specc_unknown_set(NULL, "x", "1", &err) == SPECC_ERR_INVALID);
    CHECK_INT(t._unknown.count, 6);
    CHECK_STR(kept(&t._unknown, "a"), "18446744073709551615");
    out = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(out && strstr(out, ",\"a\":18446744073709551615,\"b\":2,\"c\": [1.0E+2] ,\"d\":{},"
                             "\"e\":\"\",\"f\":0}"));
    specc_free(out);
    /* Removing keeps the others' order; a list can shrink to nothing and grow again. */
    CHECK(specc_unknown_remove(&t._unknown, "b"));
    CHECK_STR(t._unknown.members[1].key, "c");
    while (t._unknown.count)
        CHECK(specc_unknown_remove(&t._unknown, t._unknown.members[0].key));
    CHECK(specc_unknown_set(&t._unknown, "again", "true", &err) == SPECC_OK);
    CHECK_ENCODES(&kitchen_thing_desc, &t, THING(",\"again\":true"));
    /* Hand-broken members: validate reports each, encode refuses. */
    t._unknown.members[0].json[0] = '[';
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_SYNTAX, "$.again[0]", NULL);
    out = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(out == NULL && err.code == SPECC_ERR_SYNTAX);
    specc_free(out);
    t._unknown.members[0].json[0] = 't';
    CHECK(specc_unknown_set(&t._unknown, "twice", "1", &err) == SPECC_OK);
    memcpy(t._unknown.members[1].key, "again", 5);
    t._unknown.members[1].key_len = 5;
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_DUPLICATE_KEY, "$.again", NULL);
    out = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(out == NULL && err.code == SPECC_ERR_DUPLICATE_KEY);
    specc_free(out);
    kitchen_thing_clear(&t);
    CHECK_INT(t._unknown.count, 0);
    specc_unknown_clear(&t._unknown); /* twice is fine */
    /* A half-built list (a count, no members) is refused, never read. */
    t._unknown.count = 3;
    CHECK(specc_unknown_find(&t._unknown, "a") == NULL);
    CHECK(!specc_unknown_remove(&t._unknown, "a"));
    CHECK(specc_unknown_set(&t._unknown, "a", "1", &err) == SPECC_ERR_INVALID);
    VALIDATE(&kitchen_thing_desc, &t, &v, 7); /* six required members are missing too */
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$", "_unknown has members NULL with a count");
    kitchen_thing_clear(&t); /* and freed */
    CHECK_INT(t._unknown.count, 0);
}

/* Equality is by JSON value: spelling, order and escapes do not count. */
static void test_equal(void)
{
    static const char *const same[][2] = {
        {"100", "1.0E+2"}, {"1e400", "10e399"}, {"-0", "0.0"}, {"0.50", "5e-1"},
        {"18446744073709551615", "1.8446744073709551615e19"},
        {"\"\\u0041\\/\"", "\"A/\""}, {"{\"a\":1,\"b\":[2]}", "{ \"b\" : [ 2.0 ] , \"a\" : 1 }"},
        {"1e99999999999999999999", "1e99999999999999999999"}};
    static const char *const differ[][2] = {
        {"100", "101"}, {"1e400", "1e401"}, {"-1", "1"}, {"\"1\"", "1"}, {"[1,2]", "[2,1]"},
        {"{\"a\":1}", "{\"a\":1,\"b\":1}"}, {"null", "false"},
        {"18446744073709551615", "18446744073709551616"},
        {"1e99999999999999999999", "1e99999999999999999998"}};
    size_t i;
    for (i = 0; i < sizeof same / sizeof same[0] + sizeof differ / sizeof differ[0]; i++) {
        bool want = i < sizeof same / sizeof same[0];
        const char *const *pair = want ? same[i] : differ[i - sizeof same / sizeof same[0]];
        kitchen_thing_t a, b;
        specc_error err;
        kitchen_thing_init(&a);
        kitchen_thing_init(&b);
        CHECK(specc_unknown_set(&a._unknown, "x", pair[0], &err) == SPECC_OK);
        CHECK(specc_unknown_set(&a._unknown, "y", "1", &err) == SPECC_OK);
        CHECK(specc_unknown_set(&b._unknown, "y", "1", &err) == SPECC_OK); /* other order */
        CHECK(specc_unknown_set(&b._unknown, "x", pair[1], &err) == SPECC_OK);
        if (kitchen_thing_equal(&a, &b) != want)
            fprintf(stderr, "equal(%s, %s) should be %d\n", pair[0], pair[1], want);
        CHECK(kitchen_thing_equal(&a, &b) == want);
        kitchen_thing_clear(&a);
        kitchen_thing_clear(&b);
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
        kitchen_part_clear(&p);
    }
    /* Ignored inside a Thing too. */
    if (CHECK_DECODES(&kitchen_thing_desc,
                      "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                      "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},"
                      "\"part\":{\"sku\":\"ABC-1\",\"extra\":1}}",
                      &t)) {
        CHECK_ENCODES(&kitchen_thing_desc, &t, THING(""));
        kitchen_thing_clear(&t);
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
            kitchen_empty_clear(&e);
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
        kitchen_strict_clear(&s);
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
    test_exact();
    test_as_json();
    test_set();
    test_equal();
    test_ignore();
    test_reject();
    CHECK_DONE();
}
