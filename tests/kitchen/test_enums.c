/* test_enums.c — closed and open enums, string and integer: decoding,
 * keeping unknown values of open enums, encoding them back, validating
 * hand-set enum members. */
#include "check.h"

static void test_closed_string(void)
{
    kitchen_thing_t t;
    if (CHECK_DECODES(&kitchen_thing_desc,
                      "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\","
                      "\"color\":\"dark-blue\",\"count\":1,\"flag\":false,\"cost\":\"1\","
                      "\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}}",
                      &t)) {
        CHECK_INT(t.color, KITCHEN_THING_COLOR_DARK_BLUE);
        CHECK_ENCODES(&kitchen_thing_desc, &t,
                      "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\","
                      "\"color\":\"dark-blue\",\"count\":1,\"flag\":false,\"cost\":\"1\","
                      "\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}}");
        kitchen_thing_clear(&t);
    }
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\","
                       "\"color\":\"blue\",\"count\":1,\"flag\":false,\"cost\":\"1\","
                       "\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}}",
                       SPECC_ERR_ENUM, "$.color",
                       "expected one of \"red\", \"green\", \"dark-blue\", got \"blue\"");
    /* Case and whitespace matter. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       "{\"color\":\"Red\",\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\","
                       "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},"
                       "\"part\":{\"sku\":\"ABC-1\"}}",
                       SPECC_ERR_ENUM, "$.color", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, "{\"color\":\"\"}", SPECC_ERR_ENUM, "$.color", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, "{\"color\":\"red \"}", SPECC_ERR_ENUM, "$.color",
                       NULL);
    /* The enum's C value is not accepted as JSON. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, "{\"color\":0}", SPECC_ERR_TYPE, "$.color",
                       "expected string, got number 0");
}

static void test_open_string(void)
{
    kitchen_thing_t t, u;
    char *text;
    specc_error err;

    if (!CHECK_DECODES(&kitchen_thing_desc, THING(",\"shade\":\"ultra\""), &t))
        return;
    CHECK_INT(t.shade_state, SPECC_PRESENT);
    CHECK_INT(t.shade, KITCHEN_THING_SHADE__OTHER);
    CHECK_STR(t.shade_other, "ultra");
    CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
    text = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(text && strstr(text, "\"shade\":\"ultra\"") != NULL);
    CHECK_JSON(text, THING(",\"shade\":\"ultra\""));
    if (text && CHECK_DECODES(&kitchen_thing_desc, text, &u)) {
        CHECK(kitchen_thing_equal(&t, &u));
        /* A different kept text is a different value. */
        specc_free(u.shade_other);
        u.shade_other = NULL;
        {
            static const char other[] = "ultra2";
            u.shade_other = specc_alloc(sizeof other);
            if (u.shade_other)
                memcpy(u.shade_other, other, sizeof other);
        }
        CHECK(!kitchen_thing_equal(&t, &u));
        kitchen_thing_clear(&u);
    }
    specc_free(text);
    kitchen_thing_clear(&t);

    /* Known values leave shade_other NULL; escapes are decoded first. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"shade\":\"d\\u0061rk\""), &t)) {
        CHECK_INT(t.shade, KITCHEN_THING_SHADE_DARK);
        CHECK(t.shade_other == NULL);
        kitchen_thing_clear(&t);
    }
    /* An unknown value with non-ASCII text is kept byte for byte. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"shade\":\"\xc3\xa9t\xc3\xa9\""), &t)) {
        CHECK_INT(t.shade, KITCHEN_THING_SHADE__OTHER);
        CHECK_STR(t.shade_other, "\xc3\xa9t\xc3\xa9");
        CHECK_ENCODES(&kitchen_thing_desc, &t, THING(",\"shade\":\"\xc3\xa9t\xc3\xa9\""));
        kitchen_thing_clear(&t);
    }
    /* Still a string enum: the wrong JSON type is an error. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"shade\":false"), SPECC_ERR_TYPE, "$.shade",
                       NULL);
}

static void test_integer_enums(void)
{
    kitchen_thing_t t;
    /* code is open: 99 is kept. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"code\":99"), &t)) {
        CHECK_INT(t.code_state, SPECC_PRESENT);
        CHECK_INT(t.code, 99);
        CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
        CHECK_ENCODES(&kitchen_thing_desc, &t, THING(",\"code\":99"));
        kitchen_thing_clear(&t);
    }
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"code\":-1,\"level\":1"), &t)) {
        CHECK_INT(t.code, -1);
        CHECK_INT(t.level, 1);
        kitchen_thing_clear(&t);
    }
    /* level is closed. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"level\":5"), SPECC_ERR_ENUM, "$.level",
                       "expected one of 0, 1, 2, got 5");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"level\":-1"), SPECC_ERR_ENUM, "$.level",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"level\":\"1\""), SPECC_ERR_TYPE, "$.level",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"level\":1.0"), SPECC_ERR_TYPE, "$.level",
                       NULL);
}

/* Validate hand-set enum members. */
static void test_validate(void)
{
    kitchen_thing_t t;
    violations v;
    if (!CHECK_DECODES(&kitchen_thing_desc, THING(""), &t))
        return;
    t.color = (kitchen_thing_color_t)3; /* beyond dark-blue */
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_ENUM, "$.color", NULL);
    t.color = KITCHEN_THING_COLOR_GREEN;

    t.level_state = SPECC_PRESENT;
    t.level = 5;
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_ENUM, "$.level", NULL);
    t.level = 2;

    t.code_state = SPECC_PRESENT;
    t.code = 12345; /* open */
    VALIDATE(&kitchen_thing_desc, &t, &v, 0);

    /* Open enum set to 'other' with no text: JSON cannot say that. */
    t.shade_state = SPECC_PRESENT;
    t.shade = KITCHEN_THING_SHADE__OTHER;
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.shade", NULL);
    {
        specc_error err;
        char *text = kitchen_thing_encode_text(&t, NULL, &err);
        CHECK(text == NULL);
        if (!text) {
            CHECK_STR(err.path, "$.shade");
        }
        specc_free(text);
    }
    /* 'other' holding a declared spelling would decode back differently. */
    t.shade_other = specc_alloc(6);
    if (t.shade_other)
        memcpy(t.shade_other, "light", 6);
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.shade", NULL);
    t.shade = KITCHEN_THING_SHADE_LIGHT; /* shade_other ignored now */
    VALIDATE(&kitchen_thing_desc, &t, &v, 0);
    CHECK_ENCODES(&kitchen_thing_desc, &t,
                  "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"green\","
                  "\"shade\":\"light\",\"level\":2,\"code\":12345,\"count\":1,\"flag\":false,"
                  "\"cost\":\"1\",\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}}");
    kitchen_thing_clear(&t);
}

int main(void)
{
    test_closed_string();
    test_open_string();
    test_integer_enums();
    test_validate();
    CHECK_DONE();
}
