/* test_messages.c — errors are for people: full messages, JSON paths in
 * JSON names, line and column in the text, long paths cut in the middle,
 * stable code names. */
#include "check.h"

/* Decode text and check code, path, message, line and column. */
static void expect_at(int line_no, const specc_type *type, const char *text, specc_code code,
                      const char *path, const char *message, int line, int column)
{
    void *out = calloc(1, type->size);
    specc_error err;
    specc_code rc;
    if (!out)
        return;
    rc = specc_decode_text(type, text, strlen(text), out, &err);
    if (rc != code) {
        fprintf(stderr, "%s:%d: got %s (%s), want %s\n", __FILE__, line_no, specc_code_name(rc),
                err.message, specc_code_name(code));
        check_failures++;
    } else {
        if (path)
            check_str_at(__FILE__, line_no, "err.path", err.path, path);
        if (message)
            check_str_at(__FILE__, line_no, "err.message", err.message, message);
        if (err.line != line || err.column != column) {
            fprintf(stderr, "%s:%d: at %d:%d, want %d:%d\n", __FILE__, line_no, err.line,
                    err.column, line, column);
            check_failures++;
        }
    }
    specc_clear(type, out);
    free(out);
}

#define EXPECT(type, text, code, path, message, line, column)                                     \
    expect_at(__LINE__, (type), (text), (code), (path), (message), (line), (column))

static void test_shape_messages(void)
{
    EXPECT(&kitchen_thing_desc,
           "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\",\n"
           "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},\n"
           "\"part\":{\"when\":\"x\"}}",
           SPECC_ERR_MISSING, "$.part.sku", "required key is missing", 3, 8);
    EXPECT(&kitchen_thing_desc,
           "{\"children\":[\n  {},\n  {\"count\": \"7\"}\n]}", SPECC_ERR_MISSING,
           "$.children[0].id", "required key is missing", 2, 3);
    EXPECT(&kitchen_thing_desc, "{\"children\":[\n  {\"name\":\"a\"},\n  {\"count\": \"7\"}\n]}",
           SPECC_ERR_MISSING, "$.children[0].id", "required key is missing", 2, 3);
    EXPECT(&kitchen_thing_desc,
           "{\"children\":[{" THING_REQ "},\n  {\"count\": \"7\"}\n]}", SPECC_ERR_TYPE,
           "$.children[1].count", "expected integer, got string \"7\"", 2, 13);
    EXPECT(&kitchen_thing_desc, "{\"color\":\"blue\"}", SPECC_ERR_ENUM, "$.color",
           "expected one of \"red\", \"green\", \"dark-blue\", got \"blue\"", 1, 10);
    EXPECT(&kitchen_thing_desc, "{\"note\":\"x\",\"note\":\"y\"}", SPECC_ERR_DUPLICATE_KEY,
           "$.note", "duplicate key \"note\"", 1, 13);
    EXPECT(&kitchen_thing_desc, "{\"name\":null}", SPECC_ERR_NULL, "$.name",
           "expected string, got null", 1, 9);
    EXPECT(&kitchen_thing_desc, "{\"level\":null}", SPECC_ERR_NULL, "$.level",
           "expected integer, got null", 1, 10);
    EXPECT(&kitchen_thing_desc, "{\"tags\":[\"a\",7]}", SPECC_ERR_TYPE, "$.tags[1]",
           "expected string, got number 7", 1, 14);
    /* Long strings are cut in messages: the first 64 characters, then an
     * ellipsis (U+2026) inside the quotes. */
    EXPECT(&kitchen_thing_desc,
           "{\"count\":\"0123456789012345678901234567890123456789012345678901234567890123456789\"}",
           SPECC_ERR_TYPE, "$.count",
           "expected integer, got string "
           "\"0123456789012345678901234567890123456789012345678901234567890123\xe2\x80\xa6\"",
           1, 10);
}

static void test_syntax_messages(void)
{
    EXPECT(&kitchen_thing_desc, "{\n  \"id\": tru\n}", SPECC_ERR_SYNTAX, "$.id",
           "invalid literal, expected true", 2, 12);
    EXPECT(&kitchen_thing_desc, "{\"id\":\"x\",}", SPECC_ERR_SYNTAX, "$",
           "expected a string key after ','", 1, 11);
    EXPECT(&kitchen_thing_desc, "{\"id\" \"x\"}", SPECC_ERR_SYNTAX, "$.id",
           "expected ':' after object key", 1, 7);
    EXPECT(&kitchen_thing_desc, "", SPECC_ERR_SYNTAX, "$", "unexpected end of input", 1, 1);
    EXPECT(&kitchen_thing_desc, "{\"note\":\"a\tb\"}", SPECC_ERR_SYNTAX, "$.note",
           "control character U+0009 in string (must be escaped)", 1, 11);
    EXPECT(&kitchen_thing_desc, "{\"note\":\"\\x\"}", SPECC_ERR_SYNTAX, "$.note",
           "invalid escape \\x", 1, 10);
    EXPECT(&kitchen_thing_desc, "{\"note\":\"\\ud800\"}", SPECC_ERR_SYNTAX, "$.note",
           "lone surrogate \\uD800 in string", 1, 10);
    /* A syntax error anywhere wins over an earlier shape error. */
    EXPECT(&kitchen_thing_desc, "{\"count\":\"7\",\"x\":[1,}", SPECC_ERR_SYNTAX, "$.x[1]",
           "unexpected character '}', expected a value", 1, 21);
    EXPECT(&kitchen_thing_desc, "\xef\xbb\xbf{}", SPECC_ERR_SYNTAX, "$",
           "byte order mark (U+FEFF) is not allowed", 1, 1);
}

static void test_long_path(void)
{
    /* 200 parents deep: the path does not fit, start and end are kept. */
    size_t levels = 200, i, len = 0;
    char *text = malloc(levels * 12 + 64);
    kitchen_thing_t t;
    specc_error err;
    if (!text)
        return;
    for (i = 0; i < levels; i++)
        len += (size_t)sprintf(text + len, "{\"parent\":");
    len += (size_t)sprintf(text + len, "{\"ratio\":\"x\"}");
    for (i = 0; i < levels; i++)
        text[len++] = '}';
    text[len] = '\0';
    CHECK_CODE(kitchen_thing_decode_text(text, len, &t, &err), SPECC_ERR_TYPE);
    CHECK(strlen(err.path) < SPECC_PATH_MAX);
    CHECK(strncmp(err.path, "$.parent.parent.", 16) == 0);
    CHECK(strstr(err.path, "...") != NULL);
    CHECK(strlen(err.path) > 6 &&
          strcmp(err.path + strlen(err.path) - 6, ".ratio") == 0);
    CHECK_STR(err.message, "expected number, got string \"x\"");
    kitchen_thing_clear(&t);
    free(text);
}

static void test_code_names(void)
{
    CHECK_STR(specc_code_name(SPECC_OK), "ok");
    CHECK_STR(specc_code_name(SPECC_ERR_TYPE), "type");
    CHECK_STR(specc_code_name(SPECC_ERR_MISSING), "missing");
    CHECK_STR(specc_code_name(SPECC_ERR_FORMAT), "format");
    {
        int c;
        for (c = SPECC_OK; c <= SPECC_ERR_NOMEM; c++) {
            const char *n = specc_code_name((specc_code)c);
            CHECK(n != NULL && n[0] != '\0');
        }
        CHECK(specc_code_name((specc_code)999) != NULL);
    }
}

int main(void)
{
    test_shape_messages();
    test_syntax_messages();
    test_long_path();
    test_code_names();
    CHECK_DONE();
}
