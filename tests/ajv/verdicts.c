/*
 * verdicts.c — specc's verdict on many payloads, for the ajv differential
 * test (tests/ajv/differential.mjs). Built twice: as ajv_verdicts with
 * tools/targets.c (the APIs in specs/, committed bindings) and as
 * ajv_verdicts_kitchen2 with tests/kitchen2/targets_kitchen2.c (the v2
 * kitchen sink, "kitchen2.Full").
 *
 * usage: ajv_verdicts < CASES
 *
 * Each input line is one of
 *   ID <TAB> TARGET <TAB> JSON   a case: TARGET as targets_find names it
 *                                ("greenflash.get_model.200"), JSON on one line
 *   ? <TAB> TARGET               a question: which type does TARGET name?
 * A TARGET may end in "@request" or "@response": the value is then checked
 * with specc_validate_as in that direction (readOnly / writeOnly fields),
 * otherwise with specc_validate.
 * and gets one output line:
 *   ID <TAB> valid <TAB> -
 *   ID <TAB> invalid <TAB> STAGE CODE PATH: MESSAGE [(+N more)]
 *   ID <TAB> error <TAB> WHY     (unknown target, malformed line)
 *   ? <TAB> TARGET <TAB> NAME    (NAME empty when TARGET names nothing)
 * valid means specc_decode_text returned SPECC_OK and specc_validate (or
 * specc_validate_as) reported no violation. STAGE is "decode" or "validate"; for validate, CODE PATH and
 * MESSAGE are the first violation's. Tabs and line breaks in a message are
 * written as spaces, so every answer is one line.
 *
 * Exit status: 0 when every line was answered (whatever the verdicts), 1 when
 * a line was malformed or named an unknown target, 2 on an I/O error.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "targets.h"

typedef struct first_violation {
    size_t count;
    specc_error first;
} first_violation;

static void keep_first(const specc_error *error, void *ctx)
{
    first_violation *v = ctx;
    if (v->count == 0)
        v->first = *error;
    v->count++;
}

/* Write s with tabs, CR and LF as spaces. */
static void put_clean(const char *s)
{
    for (; *s; s++)
        putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void put_error(const char *stage, const specc_error *err)
{
    printf("%s %s ", stage, specc_code_name(err->code));
    put_clean(err->path);
    fputs(": ", stdout);
    put_clean(err->message);
}

/* The type TARGET names, with its direction suffix ("@request",
 * "@response") read into *as; NULL when it names none. */
static const specc_type *find_target(const char *target, specc_as *as)
{
    static const char *const suffixes[] = {"@request", "@response"};
    static const specc_as directions[] = {SPECC_AS_REQUEST, SPECC_AS_RESPONSE};
    const char *at = strchr(target, '@');
    char name[256];
    size_t i;

    *as = SPECC_AS_ANY;
    if (!at)
        return targets_find(target);
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        if (strcmp(at, suffixes[i]) == 0 && (size_t)(at - target) < sizeof name) {
            memcpy(name, target, (size_t)(at - target));
            name[at - target] = '\0';
            *as = directions[i];
            return targets_find(name);
        }
    }
    return NULL;
}

/* One case; returns 0 when answered, 1 when the target is unknown. */
static int run_case(const char *id, const char *target, const char *json, size_t len)
{
    specc_as as;
    const specc_type *type = find_target(target, &as);
    specc_error err;
    first_violation v;
    void *value;
    size_t n;

    put_clean(id);
    if (!type) {
        fputs("\terror\tunknown target ", stdout);
        put_clean(target);
        putchar('\n');
        return 1;
    }
    value = malloc(type->size ? type->size : 1);
    if (!value) {
        fputs("\terror\tout of memory\n", stdout);
        return 1;
    }
    memset(&err, 0, sizeof err);
    if (specc_decode_text(type, json, len, value, &err) != SPECC_OK) {
        fputs("\tinvalid\t", stdout);
        put_error("decode", &err);
        putchar('\n');
        specc_clear(type, value); /* initialised and empty: harmless */
        free(value);
        return 0;
    }
    memset(&v, 0, sizeof v);
    n = specc_validate_as(type, value, as, keep_first, &v);
    specc_clear(type, value);
    free(value);
    if (n == 0) {
        fputs("\tvalid\t-\n", stdout);
        return 0;
    }
    fputs("\tinvalid\t", stdout);
    put_error("validate", &v.first);
    if (n > 1)
        printf(" (+%zu more)", n - 1);
    putchar('\n');
    return 0;
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int status = 0;

    while ((got = getline(&line, &cap, stdin)) != -1) {
        size_t len = (size_t)got;
        char *target, *json, *tab;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0)
            continue;
        tab = strchr(line, '\t');
        if (!tab) {
            fputs("?\terror\tline without a tab\n", stdout);
            status = 1;
            continue;
        }
        *tab = '\0';
        target = tab + 1;
        if (strcmp(line, "?") == 0) {
            specc_as as;
            const specc_type *type = find_target(target, &as);
            fputs("?\t", stdout);
            put_clean(target);
            printf("\t%s\n", type ? type->name : "");
            if (!type)
                status = 1;
            continue;
        }
        tab = strchr(target, '\t');
        if (!tab) {
            put_clean(line);
            fputs("\terror\tno JSON field\n", stdout);
            status = 1;
            continue;
        }
        *tab = '\0';
        json = tab + 1;
        if (run_case(line, target, json, len - (size_t)(json - line)) != 0)
            status = 1;
    }
    free(line);
    if (ferror(stdin) || fflush(stdout) != 0) {
        fputs("ajv_verdicts: I/O error\n", stderr);
        return 2;
    }
    return status;
}
