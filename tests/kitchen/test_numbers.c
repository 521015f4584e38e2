/* test_numbers.c — int64 limits exact, fractions and exponents refused for
 * integers, double range, and decimal spellings kept exactly through
 * decode -> encode. */
#include "check.h"

#include <float.h>
#include <math.h>

/* Decode {"<member>} as Scalars. */
static int scalars(const char *text, kitchen_scalars_t *s)
{
    return CHECK_DECODES(&kitchen_scalars_desc, text, s);
}

/* Encode and require `want` to appear verbatim in the text. */
#define CHECK_ENCODED_HAS(type, value, want)                                                       \
    do {                                                                                           \
        specc_error err_;                                                                          \
        char *text_ = specc_encode_text((type), (value), NULL, &err_);                             \
        if (!text_ || !strstr(text_, (want))) {                                                    \
            fprintf(stderr, "%s:%d: encoded %s, want it to hold %s\n", __FILE__, __LINE__,         \
                    text_ ? text_ : err_.message, (want));                                         \
            check_failures++;                                                                      \
        }                                                                                          \
        specc_free(text_);                                                                         \
    } while (0)

static void test_int64(void)
{
    kitchen_thing_t t;
    kitchen_scalars_t s;

    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"big\":-9223372036854775808"), &t)) {
        CHECK(t.big == INT64_MIN);
        CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
        CHECK_ENCODED_HAS(&kitchen_thing_desc, &t, "\"big\":-9223372036854775808");
        kitchen_thing_clear(&t);
    }
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"big\":9223372036854775807"), &t)) {
        CHECK(t.big == INT64_MAX);
        CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
        CHECK_ENCODED_HAS(&kitchen_thing_desc, &t, "\"big\":9223372036854775807");
        kitchen_thing_clear(&t);
    }
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"big\":9223372036854775808"),
                       SPECC_ERR_RANGE, "$.big",
                       "integer 9223372036854775808 is out of range (int64)");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"big\":-9223372036854775809"),
                       SPECC_ERR_RANGE, "$.big", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"big\":100000000000000000000000000000"),
                       SPECC_ERR_RANGE, "$.big", NULL);
    /* Fractions and exponents are not integers, even when whole. */
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":1.5}", SPECC_ERR_TYPE, "$.i",
                       "expected integer, got number 1.5");
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":1e3}", SPECC_ERR_TYPE, "$.i",
                       "expected integer, got number 1e3");
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":1.0}", SPECC_ERR_TYPE, "$.i", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":-0.0}", SPECC_ERR_TYPE, "$.i", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"children\":[{" THING_REQ "},{\"count\":1.5}]"),
                       SPECC_ERR_TYPE, "$.children[1].count", NULL);
    /* Not JSON numbers at all. */
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":01}", SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":+1}", SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"i\":-}", SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":.5}", SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":1.}", SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":NaN}", SPECC_ERR_SYNTAX, NULL, NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":Infinity}", SPECC_ERR_SYNTAX, NULL, NULL);
    /* -0 is an integer (zero). */
    if (scalars("{\"i\":-0}", &s)) {
        CHECK_INT(s.i_state, SPECC_PRESENT);
        CHECK_INT(s.i, 0);
        kitchen_scalars_clear(&s);
    }
    /* unix-time is an int64 like any other. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"created\":-1"), &t)) {
        CHECK_INT(t.created, -1);
        kitchen_thing_clear(&t);
    }
}

static void test_doubles(void)
{
    kitchen_scalars_t s;
    if (scalars("{\"n\":1e308}", &s)) {
        CHECK(s.n == 1e308);
        CHECK_ENCODES(&kitchen_scalars_desc, &s, "{\"n\":1e308}");
        kitchen_scalars_clear(&s);
    }
    if (scalars("{\"n\":-1.7976931348623157e308}", &s)) {
        CHECK(s.n == -DBL_MAX);
        kitchen_scalars_clear(&s);
    }
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":1e999}", SPECC_ERR_RANGE, "$.n",
                       "number 1e999 is out of range (double)");
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":-1e999}", SPECC_ERR_RANGE, "$.n", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"n\":1.8e308}", SPECC_ERR_RANGE, "$.n", NULL);
    /* Underflow to zero is accepted. */
    if (scalars("{\"n\":1e-400}", &s)) {
        CHECK(s.n == 0.0);
        kitchen_scalars_clear(&s);
    }
    /* Exact round trip of awkward doubles: 17 significant digits kept. */
    if (scalars("{\"n\":0.1}", &s)) {
        CHECK(s.n == 0.1);
        CHECK_ENCODES(&kitchen_scalars_desc, &s, "{\"n\":0.1}");
        kitchen_scalars_clear(&s);
    }
    if (scalars("{\"n\":5e-324}", &s)) {
        CHECK(s.n == 5e-324);
        CHECK_ENCODES(&kitchen_scalars_desc, &s, "{\"n\":5e-324}");
        kitchen_scalars_clear(&s);
    }
    /* An integer literal in a number field is a number. */
    if (scalars("{\"n\":5}", &s)) {
        kitchen_scalars_t again;
        specc_error err;
        char *text;
        CHECK(s.n == 5.0);
        text = kitchen_scalars_encode_text(&s, NULL, &err);
        CHECK(text != NULL);
        if (text && scalars(text, &again)) {
            CHECK(again.n == 5.0);
            kitchen_scalars_clear(&again);
        }
        specc_free(text);
        kitchen_scalars_clear(&s);
    }
    /* A hand-set NaN/infinity cannot be encoded or validated. */
    {
        specc_error err;
        violations v;
        char *text;
        kitchen_scalars_init(&s);
        s.n_state = SPECC_PRESENT;
        s.n = HUGE_VAL;
        text = kitchen_scalars_encode_text(&s, NULL, &err);
        CHECK(text == NULL);
        if (!text) {
            CHECK_CODE(err.code, SPECC_ERR_RANGE);
            CHECK_STR(err.path, "$.n");
        }
        specc_free(text);
        VALIDATE(&kitchen_scalars_desc, &s, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_RANGE, "$.n", NULL);
        kitchen_scalars_clear(&s);
    }
}

/* Decode Scalars {"d": <literal>}, check text and form, and the encoding
 * holds the literal exactly. */
static void decimal_case(const char *literal, const char *want_text, bool want_string)
{
    char text[128], member[128];
    kitchen_scalars_t s, again;
    specc_error err;
    char *out;

    snprintf(text, sizeof text, "{\"d\":%s}", literal);
    snprintf(member, sizeof member, "\"d\":%s", literal);
    if (!scalars(text, &s))
        return;
    CHECK_INT(s.d_state, SPECC_PRESENT);
    CHECK_STR(s.d.text, want_text);
    CHECK(s.d.is_string == want_string);
    CHECK_INT(kitchen_scalars_validate(&s, NULL, NULL), 0);
    out = kitchen_scalars_encode_text(&s, NULL, &err);
    CHECK(out != NULL);
    if (out) {
        CHECK_STR(out, text);
        if (scalars(out, &again)) {
            CHECK(kitchen_scalars_equal(&s, &again));
            kitchen_scalars_clear(&again);
        }
    }
    specc_free(out);
    kitchen_scalars_clear(&s);
}

static void test_decimals(void)
{
    kitchen_thing_t t;
    decimal_case("\"0.13\"", "0.13", true);
    decimal_case("0.50", "0.50", false);
    decimal_case("-1e-7", "-1e-7", false);
    decimal_case("\"100\"", "100", true);
    decimal_case("1E+2", "1E+2", false);
    decimal_case("\"-0.000\"", "-0.000", true);
    decimal_case("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789",
                 false);
    /* Beyond double: still a decimal, text kept. */
    decimal_case("1e999", "1e999", false);
    /* 0.13 and "0.13" are different spellings: not equal. */
    {
        kitchen_scalars_t a, b;
        if (scalars("{\"d\":0.13}", &a)) {
            if (scalars("{\"d\":\"0.13\"}", &b)) {
                CHECK(!kitchen_scalars_equal(&a, &b));
                kitchen_scalars_clear(&b);
            }
            kitchen_scalars_clear(&a);
        }
    }
    /* Strings that are not JSON numbers. */
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"abc\"}", SPECC_ERR_FORMAT, "$.d",
                       "expected a decimal number, got string \"abc\"");
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\" 1\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"01\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"1.\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"+1\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"NaN\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":\"1,5\"}", SPECC_ERR_FORMAT, "$.d", NULL);
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, "{\"d\":true}", SPECC_ERR_TYPE, "$.d", NULL);
    /* Inside Thing, with its required+nullable cost. */
    if (CHECK_DECODES(&kitchen_thing_desc,
                      "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                      "\"count\":1,\"flag\":false,\"cost\":0.50,\"price\":\"0.13\",\"blob\":{},"
                      "\"part\":{\"sku\":\"ABC-1\"}}",
                      &t)) {
        CHECK_STR(t.cost.text, "0.50");
        CHECK(!t.cost.is_string);
        CHECK_STR(t.price.text, "0.13");
        CHECK(t.price.is_string);
        CHECK_ENCODED_HAS(&kitchen_thing_desc, &t, "\"cost\":0.50");
        CHECK_ENCODED_HAS(&kitchen_thing_desc, &t, "\"price\":\"0.13\"");
        kitchen_thing_clear(&t);
    }
    /* A hand-set decimal that is not a number: validate and encode refuse. */
    {
        kitchen_scalars_t s;
        specc_error err;
        violations v;
        char *out;
        kitchen_scalars_init(&s);
        s.d_state = SPECC_PRESENT;
        s.d.text = specc_alloc(4);
        if (s.d.text)
            memcpy(s.d.text, "1.x", 4);
        VALIDATE(&kitchen_scalars_desc, &s, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.d", NULL);
        out = kitchen_scalars_encode_text(&s, NULL, &err);
        CHECK(out == NULL);
        if (!out)
            CHECK_CODE(err.code, SPECC_ERR_FORMAT);
        specc_free(out);
        kitchen_scalars_clear(&s);
    }
    /* specc_encode_json: decimals become jansson reals. */
    {
        kitchen_scalars_t s;
        if (scalars("{\"d\":\"100\",\"i\":3}", &s)) {
            specc_error err;
            json_t *j = kitchen_scalars_encode(&s, &err);
            CHECK(j != NULL);
            CHECK(json_is_string(json_object_get(j, "d")) &&
                  strcmp(json_string_value(json_object_get(j, "d")), "100") == 0);
            CHECK(json_is_integer(json_object_get(j, "i")));
            json_decref(j);
            kitchen_scalars_clear(&s);
        }
        if (scalars("{\"d\":100}", &s)) {
            specc_error err;
            json_t *j = kitchen_scalars_encode(&s, &err);
            CHECK(j && json_is_real(json_object_get(j, "d")) &&
                  json_real_value(json_object_get(j, "d")) == 100.0);
            json_decref(j);
            kitchen_scalars_clear(&s);
        }
    }
}

int main(void)
{
    test_int64();
    test_doubles();
    test_decimals();
    CHECK_DONE();
}
