/*
 * test_render.c — the template engine (generator/render.c) against small
 * templates and views. Exits 0 when every check passes; prints each failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diag.h"
#include "render.h"

static int failures;

/* Parses the JSON text of a view; a broken test view is a test bug. */
static json_t *view_of(const char *json)
{
    json_error_t err;
    json_t *v = json_loads(json, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);

    if (v == NULL) {
        fprintf(stderr, "bad test view %s: %s\n", json, err.text);
        exit(2);
    }
    return v;
}

/* Renders `tmpl` against `json` as "t.tmpl". Returns the output (or NULL)
 * and stores everything diag printed in *diag_text (malloc'd). */
static char *run(const char *tmpl, const char *json, size_t *out_len, char **diag_text)
{
    char *text = NULL;
    size_t text_len = 0;
    FILE *stream = open_memstream(&text, &text_len);
    json_t *view = view_of(json);
    int errors_before = diag_errors();

    if (stream == NULL) {
        perror("open_memstream");
        exit(2);
    }
    diag_set_stream(stream);
    char *out = render_template("t.tmpl", tmpl, strlen(tmpl), view, out_len);
    diag_set_stream(NULL);
    fclose(stream);
    json_decref(view);

    int new_errors = diag_errors() - errors_before;
    if ((out == NULL) != (new_errors == 1)) {
        printf("FAIL %s: returned %s after %d errors\n", tmpl, out ? "output" : "NULL", new_errors);
        failures++;
    }
    *diag_text = text;
    return out;
}

static void expect_output(int line, const char *tmpl, const char *json, const char *want)
{
    size_t len = 0;
    char *diag_text;
    char *out = run(tmpl, json, &len, &diag_text);

    if (out == NULL) {
        printf("FAIL line %d: %s\n  unexpected error: %s", line, tmpl, diag_text);
        failures++;
    } else if (len != strlen(want) || memcmp(out, want, len) != 0 || out[len] != '\0') {
        printf("FAIL line %d: %s\n  want [%s]\n  got  [%.*s]\n", line, tmpl, want, (int)len, out);
        failures++;
    }
    free(out);
    free(diag_text);
}

static void expect_error(int line, const char *tmpl, const char *json, const char *want)
{
    size_t len = 12345;
    char *diag_text;
    char *out = run(tmpl, json, &len, &diag_text);

    if (out != NULL) {
        printf("FAIL line %d: %s\n  want error %s  got output [%s]\n", line, tmpl, want, out);
        failures++;
    } else if (strcmp(diag_text, want) != 0) {
        printf("FAIL line %d: %s\n  want %s  got  %s", line, tmpl, want, diag_text);
        failures++;
    }
    free(out);
    free(diag_text);
}

#define OUT(tmpl, json, want) expect_output(__LINE__, tmpl, json, want)
#define ERR(tmpl, json, want) expect_error(__LINE__, tmpl, json, want)

static void test_substitution(void)
{
    OUT("", "{}", "");
    OUT("plain text\n", "{}", "plain text\n");
    OUT("[{{s}}]", "{\"s\": \"hi \\\"there\\\" <&>\"}", "[hi \"there\" <&>]");
    OUT("[{{s}}]", "{\"s\": \"\"}", "[]");
    OUT("{{i}} {{n}}", "{\"i\": 42, \"n\": -9223372036854775807}", "42 -9223372036854775807");
    OUT("{{r}} {{q}} {{w}}", "{\"r\": 0.5, \"q\": 0.1, \"w\": 1e300}",
        "0.5 0.10000000000000001 1.0000000000000001e+300");
    OUT("{{t}}/{{f}}/[{{z}}]", "{\"t\": true, \"f\": false, \"z\": null}", "true/false/[]");
    OUT("{{ s }}|{{\ts\t}}", "{\"s\": \"x\"}", "x|x");
    OUT("{{a.b.c}}", "{\"a\": {\"b\": {\"c\": \"deep\"}}}", "deep");
    OUT("{{x-y}}{{x_1}}", "{\"x-y\": \"A\", \"x_1\": \"B\"}", "AB");
    OUT("a { b } {c} }} x", "{}", "a { b } {c} }} x");
    /* Strings are copied as bytes, even a NUL inside one. */
    size_t len;
    char *diag_text;
    char *out = run("<{{s}}>", "{\"s\": \"a\\u0000b\"}", &len, &diag_text);
    if (out == NULL || len != 5 || memcmp(out, "<a\0b>", 5) != 0) {
        printf("FAIL: NUL byte in a string\n");
        failures++;
    }
    free(out);
    free(diag_text);
}

static void test_sections(void)
{
    const char *people = "{\"xs\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]}";

    OUT("{{#xs}}<{{name}}>{{/xs}}", people, "<a><b><c>");
    OUT("{{#xs}}<{{name}}>{{/xs}}", "{\"xs\": []}", "");
    OUT("{{#o}}{{k}}{{/o}}", "{\"o\": {\"k\": \"v\"}}", "v");
    OUT("{{#o}}once{{/o}}", "{\"o\": {}}", "once");
    OUT("{{#t}}yes{{/t}}{{#f}}no{{/f}}{{#z}}null{{/z}}", "{\"t\": true, \"f\": false, \"z\": null}",
        "yes");
    OUT("{{#s}}[{{s}}]{{/s}}{{#e}}empty{{/e}}", "{\"s\": \"str\", \"e\": \"\"}", "[str]");
    OUT("{{#i}}i{{/i}}{{#z}}z{{/z}}{{#r}}r{{/r}}{{#q}}q{{/q}}",
        "{\"i\": 3, \"z\": 0, \"r\": 0.5, \"q\": 0.0}", "ir");
    OUT("{{#a.b}}{{c}}{{/a.b}}", "{\"a\": {\"b\": [{\"c\": 1}, {\"c\": 2}]}}", "12");
    /* Nested arrays, and the outer context seen from inside. */
    OUT("{{#ts}}{{#fs}}{{t}}.{{f}} {{/fs}}{{/ts}}",
        "{\"ts\": [{\"t\": \"A\", \"fs\": [{\"f\": 1}, {\"f\": 2}]}, {\"t\": \"B\", \"fs\": []}]}",
        "A.1 A.2 ");
    OUT("{{#xs}}{{prefix}}{{name}} {{/xs}}",
        "{\"prefix\": \"p_\", \"xs\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}", "p_a p_b ");
    /* The innermost context wins. */
    OUT("{{name}}:{{#xs}}{{name}}{{/xs}}:{{name}}",
        "{\"name\": \"outer\", \"xs\": [{\"name\": \"inner\"}]}", "outer:inner:outer");
    /* A dotted name does not fall back outwards once its first part is found. */
    ERR("{{#o}}{{a.b}}{{/o}}", "{\"a\": {\"b\": 1}, \"o\": {\"a\": {}}}",
        "t.tmpl:1:7: error: unknown name 'a.b'\n");
    /* A section whose body never runs does not look up the names inside. */
    OUT("{{#xs}}{{nope}}{{/xs}}{{#f}}{{nope}}{{/f}}{{^t}}{{nope}}{{/t}}",
        "{\"xs\": [], \"f\": false, \"t\": true}", "");
    /* Scalars inside an array become the (memberless) context. */
    OUT("{{#xs}}{{-index}}{{/xs}}", "{\"xs\": [\"a\", 7, null]}", "012");
}

static void test_inverted(void)
{
    OUT("{{^xs}}none{{/xs}}", "{\"xs\": []}", "none");
    OUT("{{^xs}}none{{/xs}}", "{\"xs\": [1]}", "");
    OUT("{{^f}}F{{/f}}{{^z}}Z{{/z}}{{^e}}E{{/e}}{{^n}}N{{/n}}{{^r}}R{{/r}}",
        "{\"f\": false, \"z\": null, \"e\": \"\", \"n\": 0, \"r\": 0.0}", "FZENR");
    OUT("{{^t}}T{{/t}}{{^o}}O{{/o}}{{^s}}S{{/s}}{{^i}}I{{/i}}",
        "{\"t\": true, \"o\": {}, \"s\": \"x\", \"i\": 1}", "");
    /* An inverted section pushes no context. */
    OUT("{{^f}}{{g}}{{/f}}", "{\"f\": false, \"g\": \"G\"}", "G");
}

static void test_first_last_index(void)
{
    const char *people = "{\"xs\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]}";

    OUT("{{#xs}}{{name}}{{^-last}}, {{/-last}}{{/xs}}", people, "a, b, c");
    OUT("{{#xs}}{{#-first}}[{{/-first}}{{name}}{{/xs}}", people, "[abc");
    OUT("{{#xs}}{{-index}}={{name}}{{#-last}}.{{/-last}} {{/xs}}", people, "0=a 1=b 2=c. ");
    OUT("{{#xs}}{{-first}},{{-last}};{{/xs}}", people, "true,false;false,false;false,true;");
    OUT("{{#xs}}{{-first}}{{-last}}{{/xs}}", "{\"xs\": [{}]}", "truetrue");
    /* From an object pushed inside an array section, the array's -index. */
    OUT("{{#xs}}{{#o}}{{-index}}{{v}}{{/o}}{{/xs}}",
        "{\"xs\": [{\"o\": {\"v\": \"a\"}}, {\"o\": {\"v\": \"b\"}}]}", "0a1b");
    /* Nested arrays: the innermost array's position. */
    OUT("{{#a}}{{#b}}{{-index}}{{/b}}|{{-index}};{{/a}}",
        "{\"a\": [{\"b\": [1, 2]}, {\"b\": [3]}]}", "01|0;0|1;");
    ERR("{{-first}}", "{}", "t.tmpl:1:1: error: unknown name '-first'\n");
    ERR("{{#o}}{{-index}}{{/o}}", "{\"o\": {}}", "t.tmpl:1:7: error: unknown name '-index'\n");
}

static void test_comments(void)
{
    OUT("a{{! a comment }}b", "{}", "ab");
    OUT("a{{!}}b", "{}", "ab");
    OUT("a{{! {{nope}} is not looked up }}}b", "{}", "a is not looked up }}}b");
    OUT("a{{! multi\nline }}b", "{}", "ab");
    OUT("x\n{{! a standalone\n    multi-line comment }}\ny\n", "{}", "x\ny\n");
    /* A comment does not shift the positions of later tags. */
    ERR("{{! one\ntwo }}\n  {{bad}}", "{}", "t.tmpl:3:3: error: unknown name 'bad'\n");
}

static void test_standalone(void)
{
    const char *view = "{\"xs\": [{\"n\": \"a\"}, {\"n\": \"b\"}], \"t\": true, \"f\": false}";

    OUT("begin\n{{#xs}}\n  item {{n}}\n{{/xs}}\nend\n", view, "begin\n  item a\n  item b\nend\n");
    OUT("begin\n  {{#xs}}  \n\t{{n}}\n \t{{/xs}}\t\nend\n", view, "begin\n\ta\n\tb\nend\n");
    OUT("{{#t}}\nT\n{{/t}}\n{{^t}}\nnot T\n{{/t}}\n", view, "T\n");
    OUT("{{#f}}\nF\n{{/f}}\n{{^f}}\nnot F\n{{/f}}\n", view, "not F\n");
    OUT("a\n  {{! note }}\nb\n", view, "a\nb\n");
    /* CRLF line ends go with the line. */
    OUT("begin\r\n{{#xs}}\r\n{{n}}\r\n{{/xs}}\r\nend\r\n", view, "begin\r\na\r\nb\r\nend\r\n");
    /* A standalone tag on the last line, without a newline. */
    OUT("{{#t}}\nT\n{{/t}}", view, "T\n");
    OUT("{{#t}}\nT\n  {{/t}}  ", view, "T\n");
    OUT("only\n{{! end }}", view, "only\n");
    /* Substitutions never make a line standalone... */
    OUT("a\n{{n}}\nb\n", "{\"n\": \"\"}", "a\n\nb\n");
    OUT("a\n  {{n}}  \nb\n", "{\"n\": \"\"}", "a\n    \nb\n");
    /* ...nor does text or a second tag on the line. */
    OUT("x {{#t}}\ny\n{{/t}} z\n", view, "x \ny\n z\n");
    OUT("{{#t}}{{/t}}\nx\n", view, "\nx\n");
    OUT("{{#t}}\n{{#t}}{{/t}}\n{{/t}}\n", view, "\n");
    /* A lone CR is not a line end. */
    OUT("{{#t}}\r x\n{{/t}}\n", view, "\r x\n");
    /* Blank lines next to standalone tags stay. */
    OUT("a\n\n{{#t}}\n\nb\n{{/t}}\n", view, "a\n\n\nb\n");
}

static void test_errors(void)
{
    const char *view = "{\"o\": {\"k\": 1}, \"xs\": [{}], \"s\": \"x\"}";

    ERR("line one\n  {{feilds}} here", view, "t.tmpl:2:3: error: unknown name 'feilds'\n");
    ERR("{{#nope}}{{/nope}}", view, "t.tmpl:1:1: error: unknown name 'nope'\n");
    ERR("{{^nope}}{{/nope}}", view, "t.tmpl:1:1: error: unknown name 'nope'\n");
    ERR("{{o.missing}}", view, "t.tmpl:1:1: error: unknown name 'o.missing'\n");
    ERR("{{s.x}}", view, "t.tmpl:1:1: error: unknown name 's.x'\n");
    ERR("{{#xs}}\n{{missing}}\n{{/xs}}", view, "t.tmpl:2:1: error: unknown name 'missing'\n");
    ERR("ab {{#xs}}\n  {{/ys}}\n", view,
        "t.tmpl:2:3: error: closing tag '{{/ys}}' does not match '{{#xs}}'\n"
        "t.tmpl:1:4: note: section 'xs' opened here\n");
    ERR("{{^xs}}{{/o}}", view,
        "t.tmpl:1:8: error: closing tag '{{/o}}' does not match '{{^xs}}'\n"
        "t.tmpl:1:1: note: section 'xs' opened here\n");
    ERR("x\n{{/xs}}", view, "t.tmpl:2:1: error: closing tag '{{/xs}}' without an open section\n");
    ERR("{{#o}}\n{{#xs}}\n{{/xs}}\n", view, "t.tmpl:1:1: error: unclosed section '{{#o}}'\n");
    ERR("{{#o}}{{^xs}}{{/o}}", view,
        "t.tmpl:1:14: error: closing tag '{{/o}}' does not match '{{^xs}}'\n"
        "t.tmpl:1:7: note: section 'xs' opened here\n");
    ERR("{{#o}}{{^xs}}", view, "t.tmpl:1:7: error: unclosed section '{{^xs}}'\n");
    ERR("a\nb {{s", view, "t.tmpl:2:3: error: '{{' without a matching '}}'\n");
    ERR("{{s}} {{! never closed", view, "t.tmpl:1:7: error: '{{' without a matching '}}'\n");
    ERR("{{s}", view, "t.tmpl:1:1: error: '{{' without a matching '}}'\n");
    ERR("x{{}}", view, "t.tmpl:1:2: error: empty tag name\n");
    ERR("{{  }}", view, "t.tmpl:1:1: error: empty tag name\n");
    ERR("{{#}}{{/}}", view, "t.tmpl:1:1: error: empty tag name\n");
    ERR("{{#o}}{{/ }}", view, "t.tmpl:1:7: error: empty tag name\n");
    ERR("{{.}}", view,
        "t.tmpl:1:1: error: malformed name '.' (a name is letters, digits, '_' and '-', parts "
        "joined by '.')\n");
    ERR("{{a..b}}", view,
        "t.tmpl:1:1: error: malformed name 'a..b' (a name is letters, digits, '_' and '-', parts "
        "joined by '.')\n");
    ERR("{{a b}}", view,
        "t.tmpl:1:1: error: malformed name 'a b' (a name is letters, digits, '_' and '-', parts "
        "joined by '.')\n");
    ERR("{{{s}}}", view,
        "t.tmpl:1:1: error: malformed name '{s' (a name is letters, digits, '_' and '-', parts "
        "joined by '.')\n");
    ERR("{{o}}", view,
        "t.tmpl:1:1: error: cannot substitute 'o': it is an object (use a section)\n");
    ERR("\t{{xs}}", view,
        "t.tmpl:1:2: error: cannot substitute 'xs': it is an array (use a section)\n");
    /* Syntax errors are found before rendering, even in sections that do not run. */
    ERR("{{#s}}{{/s}}{{^s}}{{bad name}}{{/s}}", view,
        "t.tmpl:1:19: error: malformed name 'bad name' (a name is letters, digits, '_' and '-', "
        "parts joined by '.')\n");
    /* An error after some output has been produced leaks nothing. */
    ERR("{{#xs}}lots of text {{s}} {{#o}}{{k}}{{nope}}{{/o}}{{/xs}}", view,
        "t.tmpl:1:38: error: unknown name 'nope'\n");
}

/* A template and view big enough to make the buffers grow many times. */
static void test_large(void)
{
    json_t *view = json_object();
    json_t *xs = json_array();
    for (int i = 0; i < 2000; i++)
        json_array_append_new(xs, json_pack("{s:i}", "v", i));
    json_object_set_new(view, "xs", xs);

    const char *tmpl = "{{#xs}}\n{{v}}{{^-last}},{{/-last}}\n{{/xs}}\n";
    size_t len;
    char *out = render_template("big.tmpl", tmpl, strlen(tmpl), view, &len);
    char *want = malloc(2000 * 8);
    size_t n = 0;
    for (int i = 0; i < 2000; i++)
        n += (size_t)sprintf(want + n, "%d%s\n", i, i < 1999 ? "," : "");
    if (out == NULL || len != n || strcmp(out, want) != 0) {
        printf("FAIL: large render\n");
        failures++;
    }
    free(want);
    free(out);
    json_decref(view);
}

int main(void)
{
    test_substitution();
    test_sections();
    test_inverted();
    test_first_last_index();
    test_comments();
    test_standalone();
    test_errors();
    test_large();
    if (failures > 0) {
        printf("test_render: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_render: ok\n");
    return 0;
}
