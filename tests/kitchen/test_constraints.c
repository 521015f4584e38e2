/* test_constraints.c — every constraint of the kitchen spec violated once,
 * through validate on decoded values (the decoder checks shape only), with
 * code, path and (for some) the full message; then one value with many
 * violations reporting all of them. */
#include "check.h"

/* Decode THING(members) (shape must be fine) and validate it: exactly
 * `want` violations, one of them `code` at `path` (message if not NULL). */
#define ONE(members, want, code, path, message)                                                    \
    one_at(__FILE__, __LINE__, THING(members), (want), (code), (path), (message))

static void one_at(const char *file, int line, const char *text, size_t want, specc_code code,
                   const char *path, const char *message)
{
    kitchen_thing_t t;
    violations v;
    if (!check_decodes_at(file, line, &kitchen_thing_desc, text, &t))
        return;
    validate_at(file, line, &kitchen_thing_desc, &t, &v, want);
    if (code != SPECC_OK)
        check_violation_at(file, line, &v, code, path, message);
    kitchen_thing_clear(&t);
}

/* THING() with `name` replaced: the base has "name":"abc". */
static void name_case(const char *name, size_t want, specc_code code, const char *message,
                      int line)
{
    char text[512];
    kitchen_thing_t t;
    violations v;
    snprintf(text, sizeof text,
             "{\"id\":\"" THING_ID "\",\"name\":\"%s\",\"tag\":\"t\",\"color\":\"red\","
             "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}}",
             name);
    if (!check_decodes_at(__FILE__, line, &kitchen_thing_desc, text, &t))
        return;
    validate_at(__FILE__, line, &kitchen_thing_desc, &t, &v, want);
    if (code != SPECC_OK)
        check_violation_at(__FILE__, line, &v, code, "$.name", message);
    kitchen_thing_clear(&t);
}

/* THING() with `count` replaced. */
static void count_case(const char *count, size_t want, specc_code code, const char *message,
                       int line)
{
    char text[512];
    kitchen_thing_t t;
    violations v;
    snprintf(text, sizeof text,
             "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
             "\"count\":%s,\"flag\":false,\"cost\":\"1\",\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}}",
             count);
    if (!check_decodes_at(__FILE__, line, &kitchen_thing_desc, text, &t))
        return;
    validate_at(__FILE__, line, &kitchen_thing_desc, &t, &v, want);
    if (code != SPECC_OK)
        check_violation_at(__FILE__, line, &v, code, "$.count", message);
    kitchen_thing_clear(&t);
}

/* THING() with `part` replaced. */
static void part_case(const char *part, size_t want, specc_code code, const char *path,
                      const char *message, int line)
{
    char text[512];
    kitchen_thing_t t;
    violations v;
    snprintf(text, sizeof text,
             "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
             "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},\"part\":%s}",
             part);
    if (!check_decodes_at(__FILE__, line, &kitchen_thing_desc, text, &t))
        return;
    validate_at(__FILE__, line, &kitchen_thing_desc, &t, &v, want);
    if (code != SPECC_OK)
        check_violation_at(__FILE__, line, &v, code, path, message);
    kitchen_thing_clear(&t);
}

static void test_strings(void)
{
    /* minLength 1, maxLength 8 (code points), pattern ^[a-z]. */
    name_case("a", 0, SPECC_OK, NULL, __LINE__);
    name_case("abcdefgh", 0, SPECC_OK, NULL, __LINE__);
    name_case("abcdefghi", 1, SPECC_ERR_MAX_LENGTH, "length must be <= 8, got 9", __LINE__);
    /* 8 code points in 15 bytes: fine; 9 code points: too long. */
    name_case("a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 0, SPECC_OK, NULL,
              __LINE__);
    name_case("a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 1,
              SPECC_ERR_MAX_LENGTH, "length must be <= 8, got 9", __LINE__);
    /* "ééééééééé": 9 code points (too long) and not starting with a-z. */
    name_case("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 2,
              SPECC_ERR_MAX_LENGTH, "length must be <= 8, got 9", __LINE__);
    /* A 4-byte code point counts once. */
    name_case("a\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
              "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80",
              0, SPECC_OK, NULL, __LINE__);
    /* Empty: too short, and the pattern needs a first letter. */
    name_case("", 2, SPECC_ERR_MIN_LENGTH, "length must be >= 1, got 0", __LINE__);
    name_case("", 2, SPECC_ERR_PATTERN, NULL, __LINE__);
    name_case("Abc", 1, SPECC_ERR_PATTERN, "does not match pattern ^[a-z]: \"Abc\"", __LINE__);
    name_case("1ab", 1, SPECC_ERR_PATTERN, NULL, __LINE__);
    /* Unanchored at the end: anything may follow the first letter. */
    name_case("a-B 9!", 0, SPECC_OK, NULL, __LINE__);
    /* Part.sku pattern ^[A-Z]{3}-[0-9]+$ */
    part_case("{\"sku\":\"ABC-123\"}", 0, SPECC_OK, NULL, NULL, __LINE__);
    part_case("{\"sku\":\"abc-1\"}", 1, SPECC_ERR_PATTERN, "$.part.sku", NULL, __LINE__);
    part_case("{\"sku\":\"ABC-1x\"}", 1, SPECC_ERR_PATTERN, "$.part.sku", NULL, __LINE__);
    part_case("{\"sku\":\"ABCD-1\"}", 1, SPECC_ERR_PATTERN, "$.part.sku", NULL, __LINE__);
    ONE(",\"parts\":{\"p q\":{\"sku\":\"nope\"}}", 1, SPECC_ERR_PATTERN, "$.parts['p q'].sku",
        NULL);
}

static void test_numbers(void)
{
    count_case("-5", 0, SPECC_OK, NULL, __LINE__);
    count_case("100", 0, SPECC_OK, NULL, __LINE__);
    count_case("-6", 1, SPECC_ERR_MINIMUM, "must be >= -5, got -6", __LINE__);
    count_case("101", 1, SPECC_ERR_MAXIMUM, "must be <= 100, got 101", __LINE__);
    count_case("-9223372036854775808", 1, SPECC_ERR_MINIMUM, NULL, __LINE__);
    /* number: minimum 0, maximum 1.5 */
    ONE(",\"ratio\":0", 0, SPECC_OK, NULL, NULL);
    ONE(",\"ratio\":1.5", 0, SPECC_OK, NULL, NULL);
    ONE(",\"ratio\":-0.1", 1, SPECC_ERR_MINIMUM, "$.ratio", "must be >= 0, got -0.1");
    ONE(",\"ratio\":1.6", 1, SPECC_ERR_MAXIMUM, "$.ratio", "must be <= 1.5, got 1.6");
    ONE(",\"ratio\":1e300", 1, SPECC_ERR_MAXIMUM, "$.ratio", NULL);
    /* decimal: minimum 0, compared by value whatever the spelling */
    ONE(",\"price\":\"0\"", 0, SPECC_OK, NULL, NULL);
    ONE(",\"price\":\"-0.0\"", 0, SPECC_OK, NULL, NULL);
    ONE(",\"price\":\"-0.01\"", 1, SPECC_ERR_MINIMUM, "$.price", "must be >= 0, got -0.01");
    ONE(",\"price\":-1E-7", 1, SPECC_ERR_MINIMUM, "$.price", NULL);
    ONE(",\"price\":-1e999", 1, SPECC_ERR_MINIMUM, "$.price", NULL);
    ONE(",\"price\":1e999", 0, SPECC_OK, NULL, NULL);
    /* map values: minimum 0 on each value */
    ONE(",\"scores\":{\"a\":0,\"x\":-1}", 1, SPECC_ERR_MINIMUM, "$.scores.x", "must be >= 0, got -1");
    ONE(",\"scores\":{\"a b\":-0.5,\"c\":-2}", 2, SPECC_ERR_MINIMUM, "$.scores['a b']", NULL);
}

static void test_counts(void)
{
    /* tags: 1..3 items */
    ONE(",\"tags\":[\"a\"]", 0, SPECC_OK, NULL, NULL);
    ONE(",\"tags\":[\"a\",\"b\",\"c\"]", 0, SPECC_OK, NULL, NULL);
    ONE(",\"tags\":[]", 1, SPECC_ERR_MIN_ITEMS, "$.tags", "must have >= 1 items, got 0");
    ONE(",\"tags\":[\"a\",\"b\",\"c\",\"d\"]", 1, SPECC_ERR_MAX_ITEMS, "$.tags",
        "must have <= 3 items, got 4");
    /* opts: at most 4 entries */
    ONE(",\"opts\":{}", 0, SPECC_OK, NULL, NULL);
    ONE(",\"opts\":{\"a\":true,\"b\":true,\"c\":false,\"d\":true}", 0, SPECC_OK, NULL, NULL);
    ONE(",\"opts\":{\"a\":true,\"b\":true,\"c\":false,\"d\":true,\"e\":false}", 1,
        SPECC_ERR_MAX_ITEMS, "$.opts", "must have <= 4 items, got 5");
}

static void test_formats(void)
{
    char text[512];
    kitchen_thing_t t;
    violations v;

    snprintf(text, sizeof text, "{\"id\":\"%s\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                                "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},"
                                "\"part\":{\"sku\":\"ABC-1\"}}",
             "123e4567-e89b-12d3-a456-42661417400");
    if (CHECK_DECODES(&kitchen_thing_desc, text, &t)) {
        VALIDATE(&kitchen_thing_desc, &t, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.id",
                        "not a valid uuid: \"123e4567-e89b-12d3-a456-42661417400\"");
        kitchen_thing_clear(&t);
    }
    ONE(",\"dates\":[\"2024-02-29\",\"2023-02-29\"]", 1, SPECC_ERR_FORMAT, "$.dates[1]",
        "not a valid date: \"2023-02-29\"");
    part_case("{\"sku\":\"ABC-1\",\"when\":\"2024-01-01T12:00:60Z\"}", 1, SPECC_ERR_FORMAT,
              "$.part.when", "not a valid date-time: \"2024-01-01T12:00:60Z\"", __LINE__);
    part_case("{\"sku\":\"ABC-1\",\"day\":\"2024-1-1\"}", 1, SPECC_ERR_FORMAT, "$.part.day",
              NULL, __LINE__);
    part_case("{\"sku\":\"ABC-1\",\"site\":\"example.com/x\"}", 1, SPECC_ERR_FORMAT,
              "$.part.site", "not a valid uri: \"example.com/x\"", __LINE__);
    part_case("{\"sku\":\"ABC-1\",\"mail\":\"nobody\"}", 1, SPECC_ERR_FORMAT, "$.part.mail",
              "not a valid email: \"nobody\"", __LINE__);
    part_case("{\"sku\":\"ABC-1\",\"when\":\"2024-02-29T23:59:60Z\",\"day\":\"2000-02-29\","
              "\"site\":\"https://example.com/a?b=c#d\",\"mail\":\"a.b+c@example.com\"}",
              0, SPECC_OK, NULL, NULL, __LINE__);
}

/* One value, many violations: all reported, each once. */
static void test_many(void)
{
    static const char text[] =
        "{\"id\":\"nope\",\"name\":\"ABCDEFGHIJ\",\"tag\":null,\"color\":\"red\",\"count\":-6,"
        "\"ratio\":2,\"flag\":false,\"price\":\"-1\",\"cost\":null,\"blob\":{},"
        "\"tags\":[],\"dates\":[\"2024-02-30\"],\"opts\":{\"a\":true,\"b\":true,\"c\":true,"
        "\"d\":true,\"e\":true},\"scores\":{\"x\":-1},\"part\":{\"sku\":\"x\",\"when\":\"now\","
        "\"day\":\"today\",\"site\":\"here\",\"mail\":\"me\"},"
        "\"children\":[{\"id\":\"" THING_ID "\",\"name\":\"\",\"tag\":\"t\",\"color\":\"red\","
        "\"count\":101,\"flag\":true,\"cost\":\"1\",\"blob\":1,\"part\":{\"sku\":\"ABC-1\"}}]}";
    kitchen_thing_t t;
    violations v;
    size_t n;
    if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
        return;
    VALIDATE(&kitchen_thing_desc, &t, &v, 18);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.id", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MAX_LENGTH, "$.name", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_PATTERN, "$.name", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MINIMUM, "$.count", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MAXIMUM, "$.ratio", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MINIMUM, "$.price", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MIN_ITEMS, "$.tags", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.dates[0]", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MAX_ITEMS, "$.opts", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MINIMUM, "$.scores.x", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_PATTERN, "$.part.sku", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.part.when", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.part.day", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.part.site", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.part.mail", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MIN_LENGTH, "$.children[0].name", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_PATTERN, "$.children[0].name", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MAXIMUM, "$.children[0].count", NULL);
    /* The count without a callback is the same. */
    n = kitchen_thing_validate(&t, NULL, NULL);
    CHECK_INT(n, v.count);
    /* Every reported error is filled in: a path and a message. */
    {
        size_t i;
        for (i = 0; i < v.count && i < MAX_VIOLATIONS; i++) {
            CHECK(v.e[i].path[0] == '$');
            CHECK(v.e[i].message[0] != '\0');
            CHECK_INT(v.e[i].line, 0);
        }
    }
    kitchen_thing_clear(&t);
}

int main(void)
{
    test_strings();
    test_numbers();
    test_counts();
    test_formats();
    test_many();
    CHECK_DONE();
}
