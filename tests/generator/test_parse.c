/*
 * test_parse.c — unit tests for generator/parse.c and generator/diag.c.
 * Prints every failed check; exits 1 if any failed.
 */
#include "diag.h"
#include "parse.h"

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

#define CHECK_STR(got, want) check_str((got), (want), __FILE__, __LINE__)

static void check_str(const char *got, const char *want, const char *file, int line)
{
    if (got && want && strcmp(got, want) == 0)
        return;
    printf("%s:%d: got:\n%s\n  want:\n%s\n", file, line, got ? got : "(null)",
           want ? want : "(null)");
    failures++;
}

#define CHECK_AT(n, l, c) check_at((n), (l), (c), __FILE__, __LINE__)

static void check_at(const node *n, int line, int col, const char *file, int at)
{
    if (n && n->where.line == line && n->where.col == col)
        return;
    if (n)
        printf("%s:%d: node at %d:%d, want %d:%d\n", file, at, n->where.line,
               n->where.col, line, col);
    else
        printf("%s:%d: node missing, want one at %d:%d\n", file, at, line, col);
    failures++;
}

/* ---- capturing diagnostics ------------------------------------------ */

static char *captured;
static size_t captured_size;
static FILE *capture_stream;

static void capture_start(void)
{
    capture_stream = open_memstream(&captured, &captured_size);
    if (!capture_stream) {
        perror("open_memstream");
        exit(2);
    }
    diag_set_stream(capture_stream);
}

/* Returns what was printed (freed by the next capture_start + end). */
static const char *capture_end(void)
{
    diag_set_stream(NULL);
    fclose(capture_stream);
    return captured;
}

static void capture_free(void)
{
    free(captured);
    captured = NULL;
}

/* Parses text as "spec.yaml" and checks that it fails with exactly `want`
 * on the diagnostic stream. */
#define EXPECT_ERRORS(text, len, want) expect_errors((text), (len), (want), __LINE__)

static void expect_errors(const char *text, size_t len, const char *want, int line)
{
    node *root;

    capture_start();
    root = parse_text("spec.yaml", text, len);
    check_str(capture_end(), want, __FILE__, line);
    check(root == NULL, __FILE__, line, "root == NULL");
    node_free(root);
    capture_free();
}

static node *parse_ok(const char *text)
{
    node *root;

    capture_start();
    root = parse_text("spec.yaml", text, strlen(text));
    CHECK_STR(capture_end(), "");
    capture_free();
    return root;
}

/* ---- diag ------------------------------------------------------------ */

static void test_diag(void)
{
    loc full = {"a.yaml", 3, 5}, line_only = {"a.yaml", 3, 0};
    loc whole = {"a.yaml", 0, 7}, nofile = {NULL, 0, 0};
    int before = diag_errors();

    capture_start();
    diag_error(full, "bad %s", "thing");
    diag_note(full, "see %d", 42);
    diag_error(line_only, "line only");
    diag_error(whole, "whole file");
    diag_error(nofile, "no file");
    CHECK_STR(capture_end(), "a.yaml:3:5: error: bad thing\n"
                             "a.yaml:3:5: note: see 42\n"
                             "a.yaml:3: error: line only\n"
                             "a.yaml: error: whole file\n"
                             "specc: error: no file\n");
    capture_free();
    CHECK(diag_errors() == before + 4);
    diag_reset();
    CHECK(diag_errors() == 0);
}

/* ---- node trees and marks --------------------------------------------- */

static const char spec[] =
    "specc: 1\n"
    "api: greenflash\n"
    "types:\n"
    "  Model:\n"
    "    fields:\n"
    "      id: {type: string, required: true}\n"
    "      tags:\n"
    "        - a\n"
    "        - \"b\"\n"
    "      empty:\n"
    "    text: |\n"
    "      line\n";

static void test_tree(void)
{
    node *root = parse_ok(spec);
    node *model, *fields, *id, *tags;

    CHECK(root && root->kind == NODE_MAP && root->count == 3);
    if (!root)
        return;
    CHECK_AT(root, 1, 1);
    CHECK_AT(root->keys[0], 1, 1);
    CHECK_AT(root->keys[1], 2, 1);
    CHECK_AT(node_get(root, "specc"), 1, 8);
    CHECK_AT(node_get(root, "api"), 2, 6);
    CHECK_STR(node_get(root, "api")->value, "greenflash");
    CHECK(node_get(root, "types")->where.file == root->where.file);
    CHECK_STR(root->where.file, "spec.yaml");
    model = node_get(node_get(root, "types"), "Model");
    CHECK_AT(node_get(root, "types"), 4, 3);
    CHECK_AT(model, 5, 5);
    fields = node_get(model, "fields");
    id = node_get(fields, "id");
    CHECK(id && id->kind == NODE_MAP && id->count == 2);
    CHECK_AT(id, 6, 11);
    CHECK_AT(id->keys[1], 6, 26);
    CHECK_AT(node_get(id, "type"), 6, 18);
    CHECK_AT(node_get(id, "required"), 6, 36);
    tags = node_get(fields, "tags");
    CHECK(tags && tags->kind == NODE_SEQ && tags->count == 2 && !tags->keys);
    CHECK_AT(tags, 8, 9);
    CHECK_AT(tags->items[0], 8, 11);
    CHECK_AT(tags->items[1], 9, 11);
    CHECK(!tags->items[0]->quoted && tags->items[1]->quoted);
    CHECK(node_is_null(node_get(fields, "empty")));
    CHECK(node_get(fields, "missing") == NULL);
    CHECK(node_get(tags, "a") == NULL); /* not a map */
    CHECK(node_get(NULL, "a") == NULL);
    CHECK_STR(node_get(model, "text")->value, "line\n");
    CHECK(node_get(model, "text")->quoted);
    CHECK_AT(node_get(model, "text"), 11, 11);
    node_free(root);
    node_free(NULL);
}

static void test_nul_in_scalar(void)
{
    node *root = parse_ok("a: \"x\\0y\"\n\"k\\0\": 1\n");
    node *a = node_get(root, "a");

    CHECK(a && a->len == 3 && memcmp(a->value, "x\0y", 4) == 0);
    CHECK(node_get(root, "k") == NULL); /* the key is "k\0", not "k" */
    CHECK(root && root->count == 2 && root->keys[1]->len == 2);
    node_free(root);
}

/* ---- scalar resolution ------------------------------------------------ */

static node *scalar(const char *text, bool quoted)
{
    static node n;

    n.kind = NODE_SCALAR;
    n.value = (char *)text;
    n.len = strlen(text);
    n.quoted = quoted;
    return &n;
}

static void test_resolution(void)
{
    static const char *const nulls[] = {"null", "Null", "NULL", "~", "", NULL};
    static const char *const strings[] = {
        "yes", "no", "on", "off", "Yes", "nUll", "tRue", "0x1F", "0o17", "1_000",
        ".inf", "-.inf", ".nan", ".NaN", "1e", "e1", ".", "-", "+", "1.2.3",
        "12a", " 1", "1 ", "abc", "200 OK", NULL};
    bool b = false;
    int64_t i = 0;
    double d = 0;

    for (const char *const *s = nulls; *s; s++) {
        CHECK(node_is_null(scalar(*s, false)));
        CHECK(!node_is_null(scalar(*s, true)));
        CHECK(!node_is_string(scalar(*s, false)));
        CHECK_STR(node_kind_name(scalar(*s, false)), "null");
    }
    for (const char *const *s = strings; *s; s++) {
        if (!node_is_string(scalar(*s, false)))
            printf("  (resolving '%s')\n", *s);
        CHECK(node_is_string(scalar(*s, false)));
        CHECK(!node_as_bool(scalar(*s, false), &b));
        CHECK(!node_as_int(scalar(*s, false), &i));
        CHECK(!node_as_number(scalar(*s, false), &d));
        CHECK_STR(node_kind_name(scalar(*s, false)), "string");
    }

    CHECK(node_as_bool(scalar("true", false), &b) && b);
    CHECK(node_as_bool(scalar("True", false), &b) && b);
    CHECK(node_as_bool(scalar("TRUE", false), &b) && b);
    CHECK(node_as_bool(scalar("false", false), &b) && !b);
    CHECK(node_as_bool(scalar("FALSE", false), &b) && !b);
    CHECK(!node_as_bool(scalar("true", true), &b));
    CHECK_STR(node_kind_name(scalar("False", false)), "boolean");

    CHECK(node_as_int(scalar("200", false), &i) && i == 200);
    CHECK(!node_as_int(scalar("200", true), &i));
    CHECK(node_is_string(scalar("200", true)));
    CHECK(node_as_int(scalar("-17", false), &i) && i == -17);
    CHECK(node_as_int(scalar("+5", false), &i) && i == 5);
    CHECK(node_as_int(scalar("007", false), &i) && i == 7);
    CHECK(node_as_int(scalar("9223372036854775807", false), &i) && i == INT64_MAX);
    CHECK(node_as_int(scalar("-9223372036854775808", false), &i) && i == INT64_MIN);
    CHECK(!node_as_int(scalar("9223372036854775808", false), &i));
    CHECK(!node_as_int(scalar("-9223372036854775809", false), &i));
    CHECK(!node_as_int(scalar("99999999999999999999999", false), &i));
    CHECK(!node_as_int(scalar("1.0", false), &i));
    CHECK(!node_as_int(scalar("1e3", false), &i));
    CHECK_STR(node_kind_name(scalar("42", false)), "integer");
    CHECK_STR(node_kind_name(scalar("9223372036854775808", false)), "integer");
    CHECK_STR(node_kind_name(scalar("42", true)), "string");

    CHECK(node_as_number(scalar("42", false), &d) && d == 42);
    CHECK(node_as_number(scalar("0.5", false), &d) && d == 0.5);
    CHECK(node_as_number(scalar(".5", false), &d) && d == 0.5);
    CHECK(node_as_number(scalar("-.5", false), &d) && d == -0.5);
    CHECK(node_as_number(scalar("5.", false), &d) && d == 5);
    CHECK(node_as_number(scalar("1e3", false), &d) && d == 1000);
    CHECK(node_as_number(scalar("+1.5E-2", false), &d) && d == 0.015);
    CHECK(!node_as_number(scalar("1e999", false), &d));
    CHECK(!node_as_number(scalar("0.5", true), &d));
    CHECK_STR(node_kind_name(scalar("0.13", false)), "number");
    CHECK_STR(node_kind_name(scalar("1e999", false)), "number");
    CHECK(!node_is_string(scalar("0.13", false)));
    CHECK(node_is_string(scalar("0.13", true)));

    CHECK(!node_is_null(NULL) && !node_is_string(NULL));
    CHECK(!node_as_int(NULL, &i) && !node_as_number(NULL, &d) && !node_as_bool(NULL, &b));
}

static void test_kind_names(void)
{
    node *root = parse_ok("m: {a: 1}\ns: [1]\nq: 'x'\n");

    CHECK_STR(node_kind_name(root), "mapping");
    CHECK_STR(node_kind_name(node_get(root, "s")), "sequence");
    CHECK_STR(node_kind_name(node_get(root, "q")), "string");
    CHECK(!node_is_string(node_get(root, "m")));
    node_free(root);
}

/* ---- errors ------------------------------------------------------------ */

static void test_syntax_errors(void)
{
#define E(text, want) EXPECT_ERRORS(text, sizeof text - 1, want)
    E("a: 1\nb: c: d\n",
      "spec.yaml:2:5: error: YAML syntax: mapping values are not allowed in this context\n");
    E("a: 1\n b: 2\nc: [1, 2\n",
      "spec.yaml:2:3: error: YAML syntax: mapping values are not allowed in this context\n");
    E("a: [1, 2\nb: 3\n",
      "spec.yaml:2:2: error: YAML syntax: did not find expected ',' or ']'\n"
      "spec.yaml:1:4: note: while parsing a flow sequence\n");
    E("a: \"unterminated\n",
      "spec.yaml:2:1: error: YAML syntax: found unexpected end of stream\n"
      "spec.yaml:1:4: note: while scanning a quoted scalar\n");
    E("a: 1\n\tb: 2\n",
      "spec.yaml:2:1: error: YAML syntax: found a tab character that violates indentation\n"
      "spec.yaml:1:4: note: while scanning a plain scalar\n");
    E("a: x\x01y\n",
      "spec.yaml:1:5: error: YAML syntax: control characters are not allowed\n");
    E("a: caf\xc3\xa9 \xff\n",
      "spec.yaml:1:9: error: YAML syntax: invalid leading UTF-8 octet\n");
    E("a: 1\0b: 2\n",
      "spec.yaml:1:5: error: YAML syntax: control characters are not allowed\n");
#undef E
}

static void test_spec_errors(void)
{
#define E(text, want) EXPECT_ERRORS(text, sizeof text - 1, want)
    E("type: a\nname: b\ntype: c\nx:\n  name: d\n  name: e\nname: f\n",
      "spec.yaml:3:1: error: duplicate key 'type'\n"
      "spec.yaml:1:1: note: first defined here\n"
      "spec.yaml:6:3: error: duplicate key 'name'\n"
      "spec.yaml:5:3: note: first defined here\n"
      "spec.yaml:7:1: error: duplicate key 'name'\n"
      "spec.yaml:2:1: note: first defined here\n");
    E("{a: 1, \"a\": 2}\n",
      "spec.yaml:1:8: error: duplicate key 'a'\n"
      "spec.yaml:1:2: note: first defined here\n");
    E("\"k\\ty\": 1\n'k\ty': 2\n",
      "spec.yaml:2:1: error: duplicate key 'k?y'\n"
      "spec.yaml:1:1: note: first defined here\n");
    E("a: &x 1\nb: *x\n",
      "spec.yaml:1:4: error: anchors and aliases are not supported in specs\n"
      "spec.yaml:2:4: error: anchors and aliases are not supported in specs\n");
    E("a: &x {b: 1}\nc: &y [1]\n",
      "spec.yaml:1:4: error: anchors and aliases are not supported in specs\n"
      "spec.yaml:2:4: error: anchors and aliases are not supported in specs\n");
    E("a: !!str 1\nb: !custom {}\nc: ! x\n",
      "spec.yaml:1:4: error: YAML tags are not supported in specs (found '!!str')\n"
      "spec.yaml:2:4: error: YAML tags are not supported in specs (found '!custom')\n"
      "spec.yaml:3:4: error: YAML tags are not supported in specs (found '!')\n");
    E("a: 1\n---\nb: 2\n",
      "spec.yaml:2:1: error: more than one document in a spec file\n");
    E("? [a]\n: b\n",
      "spec.yaml:1:3: error: mapping keys must be scalars, not a sequence\n");
    E("{{a: 1}: b, c: d, c: e}\n",
      "spec.yaml:1:2: error: mapping keys must be scalars, not a mapping\n"
      "spec.yaml:1:19: error: duplicate key 'c'\n"
      "spec.yaml:1:13: note: first defined here\n");
    E("", "spec.yaml: error: empty spec file\n");
    E("# only\n\n   # comments\n", "spec.yaml: error: empty spec file\n");
#undef E
}

static void test_long_key(void)
{
    char text[300], want[300];

    memset(text, 'k', 100);
    strcpy(text + 100, ": 1\n");
    memcpy(text + 104, text, 104);
    text[208] = '\0';
    snprintf(want, sizeof want,
             "spec.yaml:2:1: error: duplicate key '%.64s...'\n"
             "spec.yaml:1:1: note: first defined here\n", text);
    EXPECT_ERRORS(text, strlen(text), want);
}

/* Enough keys to make the duplicate-key set grow a few times. */
static void test_wide_map(void)
{
    char *text = malloc(2000), *at = text;

    if (!text)
        return;
    for (int i = 0; i < 100; i++)
        at += sprintf(at, "k%d: %d\n", i, i);
    strcpy(at, "k0: again\nk99: again\n");
    EXPECT_ERRORS(text, strlen(text),
                  "spec.yaml:101:1: error: duplicate key 'k0'\n"
                  "spec.yaml:1:1: note: first defined here\n"
                  "spec.yaml:102:1: error: duplicate key 'k99'\n"
                  "spec.yaml:100:1: note: first defined here\n");
    *at = '\0';
    {
        node *root = parse_ok(text);
        CHECK(root && root->count == 100);
        CHECK(node_get(root, "k77") && strcmp(node_get(root, "k77")->value, "77") == 0);
        node_free(root);
    }
    free(text);
}

static void test_nesting(void)
{
    size_t n = 10000;
    char *deep = malloc(2 * n + 1);

    if (!deep)
        return;
    memset(deep, '[', n);
    EXPECT_ERRORS(deep, n, "spec.yaml:1:257: error: nesting too deep (more than 256 levels)\n");
    memset(deep, '{', n);
    EXPECT_ERRORS(deep, n, "spec.yaml:1:257: error: nesting too deep (more than 256 levels)\n");

    /* exactly 256 levels are fine */
    memset(deep, '[', 256);
    memset(deep + 256, ']', 256);
    deep[512] = '\0';
    {
        node *root = parse_ok(deep);
        CHECK(root && root->kind == NODE_SEQ);
        node_free(root);
    }
    free(deep);
}

static void test_files(void)
{
    char path[] = "/tmp/specc-test-parse-XXXXXX";
    int fd = mkstemp(path);
    node *root;

    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK(write(fd, spec, sizeof spec - 1) == (ssize_t)(sizeof spec - 1));
    close(fd);
    capture_start();
    root = parse_file(path);
    CHECK_STR(capture_end(), "");
    capture_free();
    CHECK(root && root->count == 3);
    CHECK(root && root->where.file == path);
    node_free(root);
    remove(path);

    capture_start();
    root = parse_file("/nonexistent/specc.yaml");
    CHECK_STR(capture_end(),
              "/nonexistent/specc.yaml: error: cannot read: No such file or directory\n");
    capture_free();
    CHECK(root == NULL);

    capture_start();
    root = parse_file("/tmp");
    CHECK_STR(capture_end(), "/tmp: error: cannot read: Is a directory\n");
    capture_free();
    CHECK(root == NULL);
}

/* Mangled copies of a valid spec must never crash or leak (the sanitizer
 * or valgrind run says so); a small stand-in for the libFuzzer target. */
static void test_mutations(void)
{
    char buf[sizeof spec];
    FILE *sink = fopen("/dev/null", "w");

    srand(12345);
    diag_set_stream(sink);
    for (int round = 0; round < 3000; round++) {
        size_t len = sizeof spec - 1;
        memcpy(buf, spec, len);
        for (int k = rand() % 4; k >= 0; k--) {
            static const char pool[] = "[]{}:,-?&*!|>'\"#\n \t\\%@`\0\xff";
            buf[(size_t)rand() % len] = pool[(size_t)rand() % (sizeof pool - 1)];
        }
        if (rand() % 4 == 0)
            len = (size_t)rand() % len;
        node_free(parse_text("fuzz.yaml", buf, len));
    }
    diag_set_stream(NULL);
    if (sink)
        fclose(sink);
}

int main(void)
{
    test_diag();
    test_tree();
    test_nul_in_scalar();
    test_resolution();
    test_kind_names();
    test_syntax_errors();
    test_spec_errors();
    test_long_key();
    test_wide_map();
    test_nesting();
    test_files();
    test_mutations();
    if (failures) {
        printf("test_parse: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_parse: all checks passed\n");
    return 0;
}
