/*
 * negative.c — broken payloads must be refused with the right code and path.
 *
 * usage: negative [--arena] FILE.tsv
 *
 * Each line of FILE.tsv (empty lines and lines starting with '#' aside) is
 *   NAME <TAB> TARGET <TAB> STAGE <TAB> CODE <TAB> PATH <TAB> JSON
 * TARGET names a type as tools/targets.h does ("greenflash.get_model.200").
 *   STAGE decode:   specc_decode_text fails with exactly CODE (as
 *                   specc_code_name prints it) and err.path == PATH, with a
 *                   message and a position in the (one-line) text; the
 *                   value is left initialised (clearing it is safe).
 *   STAGE validate: specc_decode_text succeeds and specc_validate reports
 *                   exactly one violation, CODE at PATH.
 * --arena: every decode goes into one arena (specc_decode_text_arena, see
 * tools/decode_path.h), reset after each case; the same codes and paths.
 * One line per case on stdout: "ok NAME ..." or "FAIL NAME: expected ..., got ...".
 * Exit status: 0 when every case passed, 1 otherwise, 2 on a usage or file error.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode_path.h"
#include "targets.h"

#define MAX_VIOLATIONS 16
#define FIELD_COUNT 6

typedef struct violations {
    size_t count; /* all reported, even beyond MAX_VIOLATIONS */
    specc_error list[MAX_VIOLATIONS];
} violations;

static void collect(const specc_error *error, void *ctx)
{
    violations *v = ctx;
    if (v->count < MAX_VIOLATIONS)
        v->list[v->count] = *error;
    v->count++;
}

/* Split line in place at tabs into exactly FIELD_COUNT fields (the last one,
 * the JSON, may not hold a tab: JSON text never needs one). */
static int split(char *line, char **fields)
{
    int n = 0;
    char *s = line;
    for (;;) {
        char *tab = strchr(s, '\t');
        if (n == FIELD_COUNT)
            return -1;
        fields[n++] = s;
        if (!tab)
            break;
        *tab = '\0';
        s = tab + 1;
    }
    return n == FIELD_COUNT ? 0 : -1;
}

static decode_path dp; /* how every case decodes */

/* Is the value exactly as specc_init leaves it? */
static int is_initialised(const specc_type *type, const void *value)
{
    void *fresh = malloc(type->size);
    int same;
    if (!fresh) {
        fputs("out of memory\n", stderr);
        exit(2);
    }
    memset(fresh, 0, type->size);
    specc_init(type, fresh);
    same = memcmp(fresh, value, type->size) == 0;
    free(fresh);
    return same;
}

/* One decode-stage case: returns 1 when it passed. */
static int run_decode(const char *name, const specc_type *type, const char *code,
                      const char *path, const char *json, size_t len, void *value)
{
    specc_error err;
    specc_code rc;
    int ok = 1;

    memset(&err, 0, sizeof err);
    memset(value, 0x5a, type->size); /* not initialised */
    rc = decode_path_text(&dp, type, json, len, value, &err);
    if (rc == SPECC_OK) {
        printf("FAIL %s: expected decode to fail with %s at %s, got success\n", name, code, path);
        decode_path_release(&dp, type, value);
        return 0;
    }
    if (!is_initialised(type, value)) {
        printf("FAIL %s: a failed %s decode left its output not initialised\n", name,
               decode_path_name(&dp));
        ok = 0;
    }
    if (err.code != rc) {
        printf("FAIL %s: decode returned %s but err.code is %s\n", name, specc_code_name(rc),
               specc_code_name(err.code));
        ok = 0;
    }
    if (strcmp(specc_code_name(rc), code) != 0 || strcmp(err.path, path) != 0) {
        printf("FAIL %s: expected %s at %s, got %s at %s: %s\n", name, code, path,
               specc_code_name(rc), err.path, err.message);
        ok = 0;
    }
    if (err.message[0] == '\0') {
        printf("FAIL %s: %s at %s has an empty message\n", name, specc_code_name(rc), err.path);
        ok = 0;
    }
    /* The payload is one line of text: the position must be on it. */
    if (err.line != 1 || err.column < 1 || (size_t)err.column > len + 1) {
        printf("FAIL %s: %s at %s: position line %d, column %d is not in the 1-line, %zu-byte "
               "text\n",
               name, specc_code_name(rc), err.path, err.line, err.column, len);
        ok = 0;
    }
    /* Left initialised, owning nothing: clearing must be harmless (valgrind
     * would see a double free or a leak). */
    if (is_initialised(type, value))
        specc_clear(type, value);
    if (ok)
        printf("ok %s: %s at %s (line %d, column %d): %s\n", name, code, path, err.line,
               err.column, err.message);
    return ok;
}

/* One validate-stage case: returns 1 when it passed. */
static int run_validate(const char *name, const specc_type *type, const char *code,
                        const char *path, const char *json, size_t len, void *value)
{
    specc_error err;
    violations v;
    size_t i, n, shown;
    int found = 0;

    memset(&err, 0, sizeof err);
    if (decode_path_text(&dp, type, json, len, value, &err) != SPECC_OK) {
        printf("FAIL %s: expected decode to succeed (then %s at %s from validate), got %s at %s: "
               "%s\n",
               name, code, path, specc_code_name(err.code), err.path, err.message);
        return 0;
    }
    memset(&v, 0, sizeof v);
    n = specc_validate(type, value, collect, &v);
    decode_path_release(&dp, type, value);
    if (n != v.count) {
        printf("FAIL %s: validate returned %zu but reported %zu violations\n", name, n, v.count);
        return 0;
    }
    shown = v.count < MAX_VIOLATIONS ? v.count : MAX_VIOLATIONS;
    for (i = 0; i < shown; i++)
        if (strcmp(specc_code_name(v.list[i].code), code) == 0 && strcmp(v.list[i].path, path) == 0)
            found = 1;
    if (found && v.count == 1 && v.list[0].message[0] != '\0') {
        printf("ok %s: validate: %s at %s: %s\n", name, code, path, v.list[0].message);
        return 1;
    }
    if (v.count == 0) {
        printf("FAIL %s: expected validate to report %s at %s, got no violation\n", name, code,
               path);
        return 0;
    }
    printf("FAIL %s: expected exactly one violation, %s at %s, with a message; got %zu:\n", name,
           code, path, v.count);
    for (i = 0; i < shown; i++)
        printf("    %s at %s: %s\n", specc_code_name(v.list[i].code), v.list[i].path,
               v.list[i].message);
    return 0;
}

int main(int argc, char **argv)
{
    FILE *f;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long lineno = 0;
    int cases = 0, failures = 0;

    if (!decode_path_open(&dp, decode_path_option(&argc, argv)) || argc != 2) {
        fputs("usage: negative [--arena] FILE.tsv\n", stderr);
        return 2;
    }
    f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    while ((got = getline(&line, &cap, f)) != -1) {
        char *fields[FIELD_COUNT];
        const specc_type *type;
        void *value;
        size_t len;
        int ok;

        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (got == 0 || line[0] == '#')
            continue;
        cases++;
        if (split(line, fields) != 0) {
            printf("FAIL %s:%ld: not NAME TARGET STAGE CODE PATH JSON (6 tab-separated fields)\n",
                   argv[1], lineno);
            failures++;
            continue;
        }
        type = targets_find(fields[1]);
        if (!type) {
            printf("FAIL %s: unknown target %s\n", fields[0], fields[1]);
            failures++;
            continue;
        }
        value = malloc(type->size);
        if (!value) {
            fputs("out of memory\n", stderr);
            return 2;
        }
        len = strlen(fields[5]);
        if (strcmp(fields[2], "decode") == 0) {
            ok = run_decode(fields[0], type, fields[3], fields[4], fields[5], len, value);
        } else if (strcmp(fields[2], "validate") == 0) {
            ok = run_validate(fields[0], type, fields[3], fields[4], fields[5], len, value);
        } else {
            printf("FAIL %s: stage must be decode or validate, not %s\n", fields[0], fields[2]);
            ok = 0;
        }
        free(value);
        decode_path_reset(&dp); /* the arena, reused by the next case */
        if (!ok)
            failures++;
    }
    free(line);
    fclose(f);
    decode_path_close(&dp);
    if (cases == 0) {
        printf("FAIL %s: no cases\n", argv[1]);
        return 1;
    }
    printf("%s: %d cases (%s path), %d failed\n", argv[1], cases, decode_path_name(&dp),
           failures);
    return failures ? 1 : 0;
}
