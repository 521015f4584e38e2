/*
 * sample.c — one docs or real-world payload through the bindings:
 *   decode text → validate (no violation) → encode → the same JSON as the
 *   input (numbers by value, objects by key set, absent ≠ null, strings
 *   exact) → decode again → a struct equal to the first → encode again →
 *   the same bytes (a fixed point). Also decodes from a jansson tree and
 *   checks it agrees.
 * With --arena, both text decodes go into one arena (specc_decode_text_arena,
 * tools/decode_path.h), released together at the end.
 * usage: sample [--arena] TARGET FILE
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode_path.h"
#include "targets.h"

static int failures;

#define FAIL(...)                                                                                 \
    do {                                                                                          \
        fprintf(stderr, "FAIL: " __VA_ARGS__);                                                    \
        fputc('\n', stderr);                                                                      \
        failures++;                                                                               \
    } while (0)

static void report(const specc_error *e, void *ctx)
{
    (void)ctx;
    FAIL("validate: %s: %s [%s]", e->path, e->message, specc_code_name(e->code));
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        if (f)
            fclose(f);
        return NULL;
    }
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    const specc_type *type;
    char *text, *out1, *out2 = NULL, where[600];
    size_t len, len1, len2;
    void *first, *second, *from_json;
    specc_error err;
    json_t *in_json, *out_json, *tree;
    decode_path dp;

    if (!decode_path_open(&dp, decode_path_option(&argc, argv)) || argc != 3) {
        fputs("usage: sample [--arena] TARGET FILE\n", stderr);
        return 2;
    }
    type = targets_find(argv[1]);
    text = slurp(argv[2], &len);
    if (!type || !text) {
        fprintf(stderr, "unknown target %s or unreadable %s\n", argv[1], argv[2]);
        return 2;
    }
    first = malloc(type->size);
    second = malloc(type->size);
    from_json = malloc(type->size);
    if (!first || !second || !from_json)
        return 2;

    if (decode_path_text(&dp, type, text, len, first, &err) != SPECC_OK) {
        FAIL("decode: %s: %s (line %d, column %d)", err.path, err.message, err.line, err.column);
        return 1;
    }
    specc_validate(type, first, report, NULL);
    out1 = specc_encode_text(type, first, &len1, &err);
    if (!out1) {
        FAIL("encode: %s: %s", err.path, err.message);
        return 1;
    }
    in_json = json_loadb(text, len, 0, NULL);
    out_json = json_loadb(out1, len1, 0, NULL);
    if (!in_json || !out_json)
        FAIL("jansson cannot read the input or the output");
    else if (!targets_json_same(in_json, out_json, where, sizeof where))
        FAIL("round trip changed the JSON at %s\n  out: %s", where, out1);

    if (decode_path_text(&dp, type, out1, len1, second, &err) != SPECC_OK) {
        FAIL("decode of the output: %s: %s", err.path, err.message);
    } else {
        if (!specc_equal(type, first, second))
            FAIL("decode(encode(x)) is not equal to x");
        out2 = specc_encode_text(type, second, &len2, &err);
        if (!out2 || len2 != len1 || memcmp(out1, out2, len1) != 0)
            FAIL("encode is not a fixed point:\n  1: %s\n  2: %s", out1, out2 ? out2 : "(null)");
        decode_path_release(&dp, type, second);
    }

    /* From a jansson tree: same struct (decimal spellings aside, which the
     * tree cannot hold, so compare the re-encoded JSON by value). */
    tree = json_loadb(text, len, 0, NULL);
    if (tree && specc_decode_json(type, tree, from_json, &err) == SPECC_OK) {
        char *out3 = specc_encode_text(type, from_json, NULL, &err);
        json_t *j3 = out3 ? json_loads(out3, 0, NULL) : NULL;
        if (!j3 || !targets_json_same(in_json, j3, where, sizeof where))
            FAIL("decode from json_t lost something at %s", where);
        json_decref(j3);
        specc_free(out3);
        specc_clear(type, from_json);
    } else if (tree) {
        FAIL("decode from json_t: %s: %s", err.path, err.message);
    }
    json_decref(tree);
    json_decref(in_json);
    json_decref(out_json);
    specc_free(out1);
    specc_free(out2);
    decode_path_release(&dp, type, first);
    free(first);
    free(second);
    free(from_json);
    free(text);
    if (failures == 0)
        printf("ok %s %s (%s)\n", argv[1], argv[2], decode_path_name(&dp));
    decode_path_close(&dp);
    return failures ? 1 : 0;
}
