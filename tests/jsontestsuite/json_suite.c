/*
 * json_suite.c — the decoder's JSON parser against JSONTestSuite
 * (github.com/nst/JSONTestSuite, test_parsing/, MIT licensed: LICENSE and
 * COMMIT beside this file): a check against inputs the project did not write.
 *
 *   y_*.json  must parse: no syntax or depth error as the document, and as
 *             the value of an undeclared key ({"v": <file>}) it must be
 *             kept byte for byte (the file without the whitespace around it)
 *             and written back so;
 *   n_*.json  must be rejected with a syntax or depth error;
 *   i_*.json  may go either way, but must not crash or leak.
 *
 * Exception, by design: specc rejects duplicate keys, which RFC 8259 allows
 * but leaves meaningless (y_object_duplicated_key*.json).
 *
 * Usage: json_suite DIR (tests/jsontestsuite/test_parsing).
 */
#define _POSIX_C_SOURCE 200809L
#include "specc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
static long alloc_live;

static void *t_malloc(size_t size)
{
    alloc_live++;
    return malloc(size);
}

static void t_free(void *p)
{
    if (p)
        alloc_live--;
    free(p);
}

/* Any object: every key is unknown and kept. */
typedef struct t_empty {
    specc_unknown _unknown;
} t_empty_t;
static const specc_type empty_desc = {.name = "Empty",
                                      .size = sizeof(t_empty_t),
                                      .unknown = SPECC_UNKNOWN_PRESERVE,
                                      .unknown_offset = offsetof(t_empty_t, _unknown)};

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *s;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = malloc((size_t)n + 16);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return s;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Decode; with `value` (the file inside {"v": ...}), the kept text of "v"
 * and the re-encoded object must be that value exactly. */
static specc_code decode(const char *text, size_t len, const char *value, size_t vlen,
                         specc_error *err)
{
    t_empty_t out;
    specc_code rc = specc_decode_text(&empty_desc, text, len, &out, err);
    if (rc != SPECC_OK)
        return rc;
    if (value) {
        const specc_unknown_member *m = specc_unknown_find(&out._unknown, "v");
        char *again = specc_encode_text(&empty_desc, &out, NULL, NULL);
        while (vlen && is_ws(value[vlen - 1]))
            vlen--;
        while (vlen && is_ws(*value)) {
            value++;
            vlen--;
        }
        if (!m || m->json_len != vlen || memcmp(m->json, value, vlen) != 0 || !again ||
            strlen(again) != vlen + 6 || memcmp(again + 5, value, vlen) != 0) {
            failures++;
            printf("as a value, not kept byte for byte: %.*s\n", (int)(vlen > 80 ? 80 : vlen),
                   value);
        }
        specc_free(again);
    }
    specc_clear(&empty_desc, &out);
    return rc;
}

static bool is_text_error(specc_code rc)
{
    return rc == SPECC_ERR_SYNTAX || rc == SPECC_ERR_DEPTH;
}

static void check_file(const char *dir, const char *name, int *counts)
{
    char path[1024], *text, *wrapped;
    specc_code direct, inner;
    specc_error err, err2;
    size_t len;

    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        failures++;
        printf("%s/%s: path too long\n", dir, name);
        return;
    }
    text = read_file(path, &len);
    if (!text) {
        failures++;
        printf("%s: cannot read\n", path);
        return;
    }
    wrapped = malloc(len + 8);
    memcpy(wrapped, "{\"v\":", 5);
    memcpy(wrapped + 5, text, len);
    wrapped[len + 5] = '}';
    direct = decode(text, len, NULL, 0, &err);
    inner = decode(wrapped, len + 6, name[0] == 'y' ? text : NULL, len, &err2);
    if (strstr(name, "duplicated_key")) { /* valid JSON that specc rejects on purpose */
        if (direct != SPECC_ERR_DUPLICATE_KEY || inner != SPECC_ERR_DUPLICATE_KEY) {
            failures++;
            printf("%s: not a duplicate key: %s / %s\n", name, specc_code_name(direct),
                   specc_code_name(inner));
        }
    } else if (name[0] == 'y' &&
               (is_text_error(direct) || inner != SPECC_OK)) {
        failures++;
        printf("%s: rejected: %s %s / %s %s\n", name, specc_code_name(direct), err.message,
               specc_code_name(inner), err2.message);
    } else if (name[0] == 'n' && !is_text_error(direct)) {
        failures++;
        printf("%s: accepted (%s)\n", name, specc_code_name(direct));
    } else if (name[0] == 'i') {
        printf("%s: %s / as a value: %s%s%s\n", name, specc_code_name(direct),
               specc_code_name(inner), inner ? " " : "", inner ? err2.message : "");
    }
    counts[name[0] == 'y' ? 0 : name[0] == 'n' ? 1 : 2]++;
    if (alloc_live) {
        failures++;
        printf("%s: %ld allocations leaked\n", name, alloc_live);
        alloc_live = 0;
    }
    free(wrapped);
    free(text);
}

int main(int argc, char **argv)
{
    char dir[1024];
    int counts[3] = {0, 0, 0};
    struct dirent *e;
    DIR *d;

    json_set_alloc_funcs(t_malloc, t_free);
    if (argc != 2 || snprintf(dir, sizeof dir, "%s", argv[1]) >= (int)sizeof dir) {
        printf("usage: json_suite DIR\n");
        return 2;
    }
    d = opendir(dir);
    if (!d) {
        printf("json_suite: no suite at %s\n", dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0 && strchr("yni", e->d_name[0]))
            check_file(dir, e->d_name, counts);
    }
    closedir(d);
    printf("json_suite: %d y, %d n, %d i files; %d failed\n", counts[0], counts[1], counts[2],
           failures);
    if (counts[0] < 50 || counts[1] < 100) {
        printf("test_json_suite: too few files found in %s\n", dir);
        return 1;
    }
    return failures ? 1 : 0;
}
