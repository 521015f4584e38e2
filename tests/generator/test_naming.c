/*
 * test_naming.c — unit tests for generator/naming.c.
 * Prints every failed check; exits 1 if any failed. When a C compiler is
 * found (`cc`), string literals and comments made here are also compiled
 * and run, to check them against the compiler rather than against ourselves.
 */
#include "naming.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define CHECK(cond) check((cond), __FILE__, __LINE__, #cond)

static void check(int ok, const char *file, int line, const char *what)
{
    if (!ok) {
        printf("%s:%d: check failed: %s\n", file, line, what);
        failures++;
    }
}

/* Checks and frees a malloc'd result. */
#define CHECK_OWNED(got, want) check_owned((got), (want), __FILE__, __LINE__)

static void check_owned(char *got, const char *want, const char *file, int line)
{
    if (got && want ? strcmp(got, want) != 0 : got != want) {
        printf("%s:%d: got \"%s\", want \"%s\"\n", file, line,
               got ? got : "(null)", want ? want : "(null)");
        failures++;
    }
    free(got);
}

/* ---- names ------------------------------------------------------------- */

static void test_snake(void)
{
    static const char *const cases[][2] = {
        {"canonicalId", "canonical_id"},
        {"displayName", "display_name"},
        {"HTMLParser", "html_parser"},
        {"getHTTPResponseCode", "get_http_response_code"},
        {"content-type", "content_type"},
        {"with space", "with_space"},
        {"2fa", "_2fa"},
        {"mmluPro", "mmlu_pro"},
        {"inputCostPer1k", "input_cost_per1k"},
        {"gpqa", "gpqa"},
        {"user_id", "user_id"},
        {"__init__", "init"},
        {"a.b", "a_b"},
        {"", NULL},
        {"---", NULL},
        {"\xe6\x97\xa5\xe6\x9c\xac", NULL}, /* 日本 */
        {"caf\xc3\xa9", "caf"},              /* café */
        {"ID", "id"},
        {"model_API_name", "model_api_name"},
        {"already_snake_case", "already_snake_case"},
        {"x--y", "x_y"},
        {"v2Beta", "v2_beta"},
        {"A", "a"},
        {"9", "_9"},
        {"--2x--", "_2x"},
        {"$ref", "ref"},
        {"GPT4o", "gpt4o"},
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *in = cases[i][0];
        CHECK_OWNED(naming_snake(in, strlen(in)), cases[i][1]);
    }
    CHECK_OWNED(naming_snake("a\0b", 3), "a_b"); /* length, not NUL, ends it */
    CHECK_OWNED(naming_snake("userId", 4), "user");
    CHECK_OWNED(naming_snake(NULL, 0), NULL);
}

static void test_upper_and_identifiers(void)
{
    CHECK_OWNED(naming_upper("get_model_2"), "GET_MODEL_2");
    CHECK_OWNED(naming_upper(""), "");
    CHECK(naming_is_identifier("canonical_id"));
    CHECK(naming_is_identifier("_2fa"));
    CHECK(naming_is_identifier("x"));
    CHECK(naming_is_identifier("_x"));
    CHECK(!naming_is_identifier(""));
    CHECK(!naming_is_identifier("2fa"));
    CHECK(!naming_is_identifier("a-b"));
    CHECK(!naming_is_identifier("a b"));
    CHECK(!naming_is_identifier("__x"));
    CHECK(!naming_is_identifier("_X"));
    CHECK(!naming_is_identifier("caf\xc3\xa9"));
    CHECK(!naming_is_identifier(NULL));
}

static void test_reserved(void)
{
    static const char *const words[] = {
        "auto", "break", "case", "char", "const", "continue", "default", "do",
        "double", "else", "enum", "extern", "float", "for", "goto", "if",
        "inline", "int", "long", "register", "restrict", "return", "short",
        "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
        "unsigned", "void", "volatile", "while", "_Bool", "_Complex",
        "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic",
        "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof",
        "bool", "constexpr", "false", "nullptr", "static_assert",
        "thread_local", "true", "typeof", "typeof_unqual", "_BitInt",
        "_Decimal32", "_Decimal64", "_Decimal128",
        "errno", "NULL", "EOF", "stdin", "stdout", "stderr", "BUFSIZ",
        "FILENAME_MAX", "EXIT_SUCCESS", "EXIT_FAILURE", "RAND_MAX", "CHAR_BIT",
        "MB_CUR_MAX", "CLOCKS_PER_SEC", "INFINITY", "NAN", "HUGE_VAL", "EDOM",
        "ERANGE", "EILSEQ", "I", "complex", "imaginary", "noreturn",
        "assert", "offsetof", "va_start", "va_arg", "va_end", "va_copy",
        "setjmp", "isnan", "isinf", "signbit", "unix", "linux", "i386",
    };
    static const char *const free_names[] = {
        "id", "name", "type", "model", "errno_", "Default", "i", "value",
        "count", "error", "string", "data", "",
    };

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!naming_is_reserved(words[i]))
            printf("  (not reserved: %s)\n", words[i]);
        CHECK(naming_is_reserved(words[i]));
    }
    for (size_t i = 0; i < sizeof free_names / sizeof free_names[0]; i++) {
        if (naming_is_reserved(free_names[i]))
            printf("  (reserved: %s)\n", free_names[i]);
        CHECK(!naming_is_reserved(free_names[i]));
    }
    CHECK(!naming_is_reserved(NULL));
    CHECK_OWNED(naming_safe("errno"), "errno_");
    CHECK_OWNED(naming_safe("default"), "default_");
    CHECK_OWNED(naming_safe("bool"), "bool_");
    CHECK_OWNED(naming_safe("name"), "name");
    CHECK_OWNED(naming_safe(""), "");
}

/* ---- comments ---------------------------------------------------------- */

#define COMMENT(in, want) CHECK_OWNED(naming_comment((in), sizeof(in) - 1), (want))

static void test_comment_cases(void)
{
    COMMENT("A model with costs.", "A model with costs.");
    COMMENT("a */ b", "a * / b");
    COMMENT("a /* b", "a / * b");
    COMMENT("*/*/", "* / * /");
    COMMENT("/*/", "/ * /");
    COMMENT("what?\?!", "what? ?!");
    COMMENT("?\?\?/", "? ? ?/");
    COMMENT("line\\\nnext", "line\nnext");
    COMMENT("line\\  \nnext", "line  \nnext");
    COMMENT("a\\\\\nb", "a\nb");
    COMMENT("ends\\", "ends");
    COMMENT("C:\\dir\\file", "C:\\dir\\file");
    COMMENT("one\r\ntwo\r\n", "one\ntwo\n");
    COMMENT("lone\rcr", "lone cr");
    COMMENT("tab\there\x1b[31m\x7f", "tab here [31m ");
    COMMENT("nul\0dropped", "nuldropped");
    COMMENT("*\0/", "* /");
    COMMENT("caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80");
    COMMENT("bad \xff byte", "bad ? byte");
    COMMENT("\xff\xfe", "? ?");
    COMMENT("overlong \xc0\xaf", "overlong ? ?");
    COMMENT("surrogate \xed\xa0\x80", "surrogate ? ? ?");
    COMMENT("cut \xe6\x97", "cut ? ?");
    COMMENT("too big \xf4\x90\x80\x80", "too big ? ? ? ?");
    COMMENT("c1 \xc2\x85 x", "c1   x");
    COMMENT("bidi \xe2\x80\xae x", "bidi ? x");
    COMMENT("", "");
}

/* What must hold for any input: nothing that ends or starts a comment, no
 * trigraph start, no control but '\n', no line splice, valid UTF-8. */
static int comment_is_safe(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s);

    for (size_t i = 0; i < len; i++) {
        if (i + 1 < len && ((u[i] == '*' && u[i + 1] == '/') ||
                            (u[i] == '/' && u[i + 1] == '*') ||
                            (u[i] == '?' && u[i + 1] == '?')))
            return 0;
        if ((u[i] < 0x20 && u[i] != '\n') || u[i] == 0x7f)
            return 0;
        if (u[i] == '\\') {
            size_t j = i + 1;
            while (j < len && (u[j] == ' ' || u[j] == '\t'))
                j++;
            if (j == len || u[j] == '\n')
                return 0;
        }
    }
    /* UTF-8 validity: re-running must not turn anything into '?' */
    {
        char *again = naming_comment(s, len);
        int same = again && strcmp(again, s) == 0;
        free(again);
        return same;
    }
}

static void random_bytes(char *buf, size_t len)
{
    static const char pool[] = "*/?\\\n\r\t \0a\xc3\xa9\xe2\x80\xae\xff";

    for (size_t i = 0; i < len; i++)
        buf[i] = pool[(size_t)rand() % (sizeof pool - 1)];
}

static void test_comment_random(void)
{
    char buf[40];

    srand(7);
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)rand() % sizeof buf;
        char *out;
        random_bytes(buf, len);
        out = naming_comment(buf, len);
        CHECK(out && comment_is_safe(out));
        free(out);
    }
}

/* ---- string literals --------------------------------------------------- */

#define C_STRING(in, want) CHECK_OWNED(naming_c_string((in), sizeof(in) - 1), (want))

static void test_c_string_cases(void)
{
    C_STRING("plain text", "plain text");
    C_STRING("say \"hi\"", "say \\\"hi\\\"");
    C_STRING("C:\\dir", "C:\\\\dir");
    C_STRING("a\nb\tc\rd", "a\\nb\\tc\\rd");
    C_STRING("caf\xc3\xa9", "caf\\303\\251");
    C_STRING("\0" "1", "\\0001");
    C_STRING("\x01\x1f\x7f\xff", "\\001\\037\\177\\377");
    C_STRING("what?\?!", "what?\\?!");
    C_STRING("?\?\?", "?\\?\\?");
    C_STRING("? ?", "? ?");
    C_STRING("", "");
}

/* ---- checking against a compiler ----------------------------------------- */

static void write_bytes(FILE *f, const char *s, size_t len)
{
    fputs("{", f);
    for (size_t i = 0; i < len; i++)
        fprintf(f, "%d,", (unsigned char)s[i]);
    fputs("0}", f);
}

/* One test case in the generated program: the literal must equal the bytes,
 * and the comment must neither end early nor swallow the line after it. */
static void write_case(FILE *f, int n, const char *s, size_t len)
{
    char *lit = naming_c_string(s, len);
    char *comment = naming_comment(s, len);

    fprintf(f, "static const char lit%d[] = \"%s\";\n", n, lit ? lit : "");
    fprintf(f, "static const unsigned char want%d[] = ", n);
    write_bytes(f, s, len);
    fprintf(f, ";\n/* %s */\nstatic const int after%d = %d;\n", comment ? comment : "", n, n);
    free(lit);
    free(comment);
}

static void write_program(FILE *f, int cases)
{
#define FIXED(text) {text, sizeof text - 1}
    static const struct {
        const char *text;
        size_t len;
    } fixed[] = {
        FIXED("plain"), FIXED("\"quoted\" \\ back"),
        FIXED("?\?=?\?/?\?'?\?(?\?)?\?!?\?<?\?>?\?-"), FIXED("a*/b/*c"),
        FIXED("end\\"), FIXED("line\\\n*/"),
        FIXED("caf\xc3\xa9\n\t\r\x01\x7f\xff\x80"), FIXED("012\000345"),
    };
#undef FIXED
    int n = 0;

    fputs("#include <string.h>\n", f);
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++, n++)
        write_case(f, n, fixed[i].text, fixed[i].len);
    srand(99);
    for (; n < cases; n++) {
        char buf[32];
        size_t len = (size_t)rand() % sizeof buf;
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)(rand() % 256);
        if (n % 2)
            random_bytes(buf, len);
        write_case(f, n, buf, len);
    }
    fputs("int main(void)\n{\n    int bad = 0;\n", f);
    for (int i = 0; i < cases; i++)
        fprintf(f, "    bad |= sizeof lit%d != sizeof want%d || memcmp(lit%d, want%d, sizeof lit%d)"
                   " || after%d != %d;\n", i, i, i, i, i, i, i);
    fputs("    return bad;\n}\n", f);
}

static void test_with_compiler(void)
{
    char dir[] = "/tmp/specc-test-naming-XXXXXX";
    char src[64], exe[64], cmd[256];
    FILE *f;

    if (system("cc --version >/dev/null 2>&1") != 0) {
        printf("test_naming: no cc, compile check skipped\n");
        return;
    }
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    snprintf(src, sizeof src, "%s/lit.c", dir);
    snprintf(exe, sizeof exe, "%s/lit", dir);
    f = fopen(src, "w");
    CHECK(f != NULL);
    if (f) {
        write_program(f, 400);
        fclose(f);
        snprintf(cmd, sizeof cmd,
                 "cc -std=c99 -pedantic -Wall -Wtrigraphs -Werror -o %s %s && %s", exe, src, exe);
        CHECK(system(cmd) == 0);
    }
    remove(exe);
    remove(src);
    rmdir(dir);
}

/* ---- did you mean ------------------------------------------------------ */

static void test_suggest(void)
{
    static const char *const keys[] = {
        "type", "format", "required", "nullable", "items", "values", "enum",
        "description", "minimum", "maximum", NULL,
    };

    CHECK(naming_distance("kitten", "sitting") == 3);
    CHECK(naming_distance("", "abc") == 3);
    CHECK(naming_distance("abc", "") == 3);
    CHECK(naming_distance("same", "same") == 0);
    CHECK(naming_distance("itmes", "items") == 2);
    CHECK(naming_distance(NULL, "ab") == 2);

    CHECK(naming_suggest("requierd", keys) == keys[2]);
    CHECK(naming_suggest("nulable", keys) == keys[3]);
    CHECK(naming_suggest("itmes", keys) == keys[4]);
    CHECK(naming_suggest("tpye", keys) == keys[0]);
    CHECK(naming_suggest("descripton", keys) == keys[7]);
    CHECK(naming_suggest("minimun", keys) == keys[8]);
    CHECK(naming_suggest("xyzzy", keys) == NULL);
    CHECK(naming_suggest("ab", keys) == NULL);
    CHECK(naming_suggest("", keys) == NULL);
    CHECK(naming_suggest("type", NULL) == NULL);
}

int main(void)
{
    test_snake();
    test_upper_and_identifiers();
    test_reserved();
    test_comment_cases();
    test_comment_random();
    test_c_string_cases();
    test_with_compiler();
    test_suggest();
    if (failures) {
        printf("test_naming: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_naming: all checks passed\n");
    return 0;
}
