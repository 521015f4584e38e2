/*
 * unknown.c — a sample payload with undeclared keys whose values jansson
 * cannot hold or would respell (tools/variants.h), added at the top level
 * and in every object that keeps unknown keys. For each value and place:
 *
 *   decode (must succeed) -> validate (no violation) -> encode: the key's
 *   value is written back byte for byte, once per object that got it ->
 *   decode the output -> specc_equal to the first -> encode: same bytes.
 *
 * usage: unknown TARGET FILE
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "targets.h"
#include "variants.h"
#include "read_file.h"

static int failures;

#define FAIL(...)                                                                                 \
    do {                                                                                          \
        fprintf(stderr, "FAIL: " __VA_ARGS__);                                                    \
        fputc('\n', stderr);                                                                      \
        failures++;                                                                               \
    } while (0)

static void report(const specc_error *e, void *ctx)
{
    FAIL("%s: validate: %s: %s [%s]", (const char *)ctx, e->path, e->message,
         specc_code_name(e->code));
}

/* Occurrences of needle in s. */
static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (s = strstr(s, needle); s; s = strstr(s + 1, needle))
        n++;
    return n;
}

/* One variant through the bindings; `want` objects must carry the member. */
static void check(const specc_type *type, const char *name, const char *text, size_t len,
                  const char *member, size_t want)
{
    void *a = malloc(type->size), *b = malloc(type->size);
    char *one = NULL, *two = NULL;
    size_t len1 = 0, len2 = 0;
    specc_error err;

    if (!a || !b) {
        FAIL("%s: out of memory", name);
        goto done;
    }
    if (specc_decode_text(type, text, len, a, &err) != SPECC_OK) {
        FAIL("%s: decode: %s: %s [%s]", name, err.path, err.message, specc_code_name(err.code));
        free(a);
        free(b);
        return;
    }
    specc_validate(type, a, report, (void *)name);
    if (!(one = specc_encode_text(type, a, &len1, &err))) {
        FAIL("%s: encode: %s: %s", name, err.path, err.message);
        goto clear_a;
    }
    if (count(one, member) != want)
        FAIL("%s: %s written %zu times, want %zu, in %s", name, member, count(one, member), want,
             one);
    if (specc_decode_text(type, one, len1, b, &err) != SPECC_OK) {
        FAIL("%s: decode again: %s: %s", name, err.path, err.message);
        goto clear_a;
    }
    if (!specc_equal(type, a, b))
        FAIL("%s: decoded again, not equal to the first", name);
    if (!(two = specc_encode_text(type, b, &len2, &err)) || len1 != len2 ||
        memcmp(one, two, len1) != 0)
        FAIL("%s: not a fixed point:\n  %s\n  %s", name, one, two ? two : "(failed)");
    specc_clear(type, b);
clear_a:
    specc_clear(type, a);
done:
    specc_free(one);
    specc_free(two);
    free(a);
    free(b);
}

int main(int argc, char **argv)
{
    const specc_type *type;
    char *text, *variant, member[256], name[512];
    size_t len, vlen, i, objects;

    if (argc != 3) {
        fputs("usage: unknown TARGET FILE\n", stderr);
        return 2;
    }
    if (!(type = targets_find(argv[1])) || !(text = read_file(argv[2], &len))) {
        fprintf(stderr, "unknown: no target %s or cannot read %s\n", argv[1], argv[2]);
        return 2;
    }
    for (i = 0; i < variant_value_count; i++) {
        snprintf(member, sizeof member, "\"%s\":%s", VARIANT_KEY, variant_values[i]);
        snprintf(name, sizeof name, "top %s", variant_values[i]);
        if (!(variant = variant_top(text, len, VARIANT_KEY, variant_values[i], &vlen))) {
            FAIL("%s: the sample is not an object", name);
            continue;
        }
        check(type, name, variant, vlen, member, 1);
        free(variant);

        snprintf(name, sizeof name, "nested %s", variant_values[i]);
        variant = variant_nested(type, text, len, VARIANT_KEY, variant_values[i], &vlen, &objects);
        if (!variant) {
            FAIL("%s: could not build the variant", name);
            continue;
        }
        if (objects < 1)
            FAIL("%s: no object keeps unknown keys", name);
        check(type, name, variant, vlen, member, objects);
        printf("%s: %zu object(s)\n", name, objects);
        specc_free(variant);
    }
    free(text);
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
