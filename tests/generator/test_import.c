/*
 * test_import.c — unit tests for generator/import/: the public entry point
 * (import.h) on small descriptions, the ECMA-262 → POSIX pattern
 * translation (each result also run through regexec), and the draft tree's
 * emitter (every tricky scalar reads back as itself, comments land at the
 * end of their node's line, even when a scalar holds the marker text).
 * Prints every failed check; exits 1 if any failed.
 */
#include "draft.h"
#include "import.h"
#include "import_internal.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond) check((cond), __FILE__, __LINE__, #cond)

static void check(int ok, const char *file, int line, const char *what)
{
    if (!ok) {
        printf("%s:%d: check failed: %s\n", file, line, what);
        failures++;
    }
}

/* ---- the entry point ------------------------------------------------ */

static const char minimal[] =
    "openapi: 3.1.0\n"
    "info: {title: Tiny API, version: '1'}\n"
    "paths:\n"
    "  /a:\n"
    "    get:\n"
    "      operationId: getA\n"
    "      responses:\n"
    "        '200':\n"
    "          description: OK\n"
    "          content:\n"
    "            application/json:\n"
    "              schema: {type: object, properties: {x: {not: {}}}}\n"
    "  /b:\n"
    "    get:\n"
    "      operationId: getB\n"
    "      responses: {'204': {description: none}}\n";

static int run(const char *text, size_t len, const import_options *o, char **out)
{
    size_t out_len = 0;
    int status = import_openapi_text("mem.yaml", text, len, o, out, &out_len);
    CHECK(status != 0 || (*out && strlen(*out) == out_len));
    return status;
}

static void test_entry(void)
{
    import_options o;
    const char *ops[] = {"getB"};
    char *out = NULL;
    memset(&o, 0, sizeof o);
    CHECK(run(minimal, sizeof minimal - 1, &o, &out) == 0);
    CHECK(out && strstr(out, "specc: 2\napi: tiny\n"));
    CHECK(out && strstr(out, "get_a:") && strstr(out, "get_b:"));
    CHECK(out && strstr(out, "# not expressed: the keyword 'not' (#/paths/~1a/get/responses/200/"
                             "content/application~1json/schema/properties/x)"));
    free(out);
    o.operations = ops;
    o.operation_count = 1;
    o.api = "mine";
    CHECK(run(minimal, sizeof minimal - 1, &o, &out) == 0);
    CHECK(out && strstr(out, "api: mine\n") && !strstr(out, "get_a:") && strstr(out, "get_b:"));
    free(out);
    memset(&o, 0, sizeof o);
    CHECK(run("openapi: 2.0\n", 13, &o, &out) == 1 && out == NULL);
    CHECK(run("{\"openapi\": \"3.0.0\", \"paths\": {", 31, &o, &out) == 1 && out == NULL);
    CHECK(run("- a\n", 4, &o, &out) == 1 && out == NULL);
    /* the size is refused before the text is read */
    CHECK(run(minimal, IMPORT_MAX_BYTES + 1, &o, &out) == 1 && out == NULL);
}

/* ---- the examples list --------------------------------------------- */

static const char with_examples[] =
    "openapi: 3.0.3\n"
    "info: {title: Ex, version: '1'}\n"
    "paths:\n"
    "  /a/{id}:\n"
    "    post:\n"
    "      operationId: postA\n"
    "      parameters:\n"
    "        - {name: id, in: path, required: true, schema: {type: integer}, example: 7}\n"
    "      requestBody:\n"
    "        content:\n"
    "          application/json:\n"
    "            schema: {$ref: '#/components/schemas/A'}\n"
    "            examples: {one: {value: {n: 1}}, two: {$ref: '#/components/examples/Two'}}\n"
    "      responses:\n"
    "        '200':\n"
    "          description: OK\n"
    "          content:\n"
    "            application/json:\n"
    "              schema: {type: array, items: {type: string, example: s}}\n"
    "              example: [x, y]\n"
    "components:\n"
    "  examples:\n"
    "    Two: {value: {n: 2}}\n"
    "  schemas:\n"
    "    A: {type: object, properties: {n: {type: integer, example: 3}}, example: {n: 4}}\n";

static void test_examples(void)
{
    importer im;
    import_examples list = {NULL, 0, 0};
    const import_example *e;
    memset(&im, 0, sizeof im);
    im.file = "ex.yaml";
    draft_init(&im.d, 100000);
    im.root = parse_text("ex.yaml", with_examples, sizeof with_examples - 1);
    im.refs = json_object();
    im.endpoint_of = json_object();
    CHECK(im.root != NULL);
    CHECK(im.root && import_collect_examples(&im, &list));
    CHECK(list.count == 7);
    if (list.count == 7) {
        e = &list.items[0];
        CHECK(e->kind == IMPORT_EXAMPLE_PARAMETER && strcmp(e->param, "id") == 0 &&
              strcmp(e->json, "7") == 0 && strcmp(e->operation, "postA") == 0 &&
              strcmp(e->pointer, "#/paths/~1a~1{id}/post/parameters/0/example") == 0);
        e = &list.items[2];
        CHECK(e->kind == IMPORT_EXAMPLE_REQUEST && strcmp(e->json, "{\"n\":2}") == 0 &&
              strcmp(e->pointer, "#/components/examples/Two/value") == 0 && e->schema);
        e = &list.items[3];
        CHECK(e->kind == IMPORT_EXAMPLE_RESPONSE && strcmp(e->status, "200") == 0 &&
              strcmp(e->json, "[\"x\",\"y\"]") == 0);
        e = &list.items[4];
        CHECK(e->kind == IMPORT_EXAMPLE_SCHEMA && strcmp(e->json, "\"s\"") == 0);
        e = &list.items[5];
        CHECK(e->kind == IMPORT_EXAMPLE_SCHEMA && e->operation == NULL &&
              strcmp(e->pointer, "#/components/schemas/A/example") == 0);
    }
    import_examples_free(&list);
    json_decref(im.refs);
    json_decref(im.endpoint_of);
    json_decref(im.components);
    node_free(im.root);
    draft_free(&im.d);
}

/* ---- patterns -------------------------------------------------------- */

static void pattern(const char *ecma, const char *want, const char *yes, const char *no)
{
    char *got = imp_pattern(ecma, strlen(ecma));
    regex_t re;
    if (want ? !got || strcmp(got, want) != 0 : got != NULL) {
        printf("pattern %s: got %s, want %s\n", ecma, got ? got : "(none)", want ? want : "(none)");
        failures++;
    }
    if (got && regcomp(&re, got, REG_EXTENDED | REG_NOSUB) == 0) {
        CHECK(!yes || regexec(&re, yes, 0, NULL, 0) == 0);
        CHECK(!no || regexec(&re, no, 0, NULL, 0) != 0);
        regfree(&re);
    }
    free(got);
}

static void test_patterns(void)
{
    pattern("^\\d{3}$", "^[0-9]{3}$", "123", "12a");
    pattern("\\w+@\\W", "[A-Za-z0-9_]+@[^A-Za-z0-9_]", "a_1@.", "a@b");
    pattern("^\\s\\S$", "^[[:space:]][^[:space:]]$", " x", "  ");
    pattern("^[\\w.-]+$", "^[A-Za-z0-9_.-]+$", "a.b-c", "a b");
    pattern("^[\\]a]$", "^[]a]$", "]", "b");
    pattern("^[^\\d]$", "^[^0-9]$", "a", "1");
    pattern("^a\\.b\\/c$", "^a\\.b/c$", "a.b/c", "axb/c");
    pattern("^(?:ab)+$", "^(ab)+$", "abab", "aba");
    pattern("^(?<y>\\d{4})$", "^([0-9]{4})$", "2024", "24");
    pattern("^.$", "^[^\n\r]$", "x", "\n");
    pattern("(?=a)", NULL, NULL, NULL);
    pattern("(?!a)", NULL, NULL, NULL);
    pattern("(?<=a)b", NULL, NULL, NULL);
    pattern("(a)\\1", NULL, NULL, NULL);
    pattern("\\bword", NULL, NULL, NULL);
    pattern("a*?", NULL, NULL, NULL);
    pattern("\\p{L}", NULL, NULL, NULL);
    pattern("[é]", NULL, NULL, NULL);
    pattern("a{", NULL, NULL, NULL);
    pattern("[[:alpha:]]", NULL, NULL, NULL);
}

/* ---- the emitter ----------------------------------------------------- */

static const char *const tricky[] = {
    "yes", "No", "null", "~", "", "1", "-2.5e3", "true", "# x", "a: b", "- a", "[x]", "{y}",
    "&specc0 x", "&specc0", "line\nbreak", "  lead", "trail ", "'q'", "\"dq\"", "tab\there",
    "caf\xc3\xa9", "%x", "@at", "`tick`", "!bang", "*star", "|pipe", ">gt", "? q", NULL};

static void test_emit(void)
{
    draft d;
    draft_node *root, *seq, *m;
    node *back;
    char *text;
    size_t len, i;
    draft_init(&d, 100000);
    root = draft_map(&d);
    seq = draft_seq(&d);
    for (i = 0; tricky[i]; i++)
        draft_push(&d, seq, draft_str(&d, tricky[i]));
    draft_set(&d, root, "values", seq);
    m = draft_map(&d);
    m->flow = true;
    draft_set_str(&d, m, "type", "any");
    draft_comment(&d, m, "not expressed: x (#/a)");
    draft_comment(&d, m, "and # more");
    draft_set(&d, root, "&specc0 key", m);
    draft_set_lit(&d, root, "number", "12");
    text = draft_emit(root, &len);
    CHECK(text != NULL && !d.oom);
    back = text ? parse_text("emitted", text, len) : NULL;
    CHECK(back != NULL);
    if (back) {
        const node *vals = node_get(back, "values");
        for (i = 0; vals && tricky[i]; i++)
            CHECK(i < vals->count && vals->items[i]->len == strlen(tricky[i]) &&
                  memcmp(vals->items[i]->value, tricky[i], vals->items[i]->len) == 0 &&
                  node_is_string(vals->items[i]));
        CHECK(node_get(node_get(back, "&specc0 key"), "type") != NULL);
        CHECK(!node_is_string(node_get(back, "number")));
        node_free(back);
    }
    CHECK(text && strstr(text, "{type: any} # not expressed: x (#/a); and # more\n"));
    CHECK(m->line > 0);
    if (!text || failures)
        printf("%s", text ? text : "(no text)\n");
    free(text);
    draft_free(&d);
}

int main(void)
{
    FILE *sink = tmpfile();
    diag_set_stream(sink);
    test_entry();
    test_examples();
    test_patterns();
    test_emit();
    diag_set_stream(NULL);
    if (sink)
        fclose(sink);
    if (failures)
        printf("%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
