/* check.h — tiny assertion helpers shared by the kitchen-sink tests.
 *
 * Every failed check prints file:line and what differed, the test goes on,
 * and CHECK_DONE() makes main return 1 if anything failed. */
#ifndef KITCHEN_CHECK_H
#define KITCHEN_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* The bindings under test: kitchen.h, or another (kitchen2.h) named by
 * CHECK_API_HEADER before this file is included. */
#ifndef CHECK_API_HEADER
#define CHECK_API_HEADER "kitchen.h"
#endif
#include CHECK_API_HEADER

static int check_failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            check_failures++;                                                                      \
        }                                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long got_ = (long long)(got), want_ = (long long)(want);                              \
        if (got_ != want_) {                                                                       \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, got_,      \
                    want_);                                                                        \
            check_failures++;                                                                      \
        }                                                                                          \
    } while (0)

#define CHECK_CODE(got, want)                                                                      \
    do {                                                                                           \
        specc_code got_ = (got), want_ = (want);                                                   \
        if (got_ != want_) {                                                                       \
            fprintf(stderr, "%s:%d: %s is %s (%d), want %s (%d)\n", __FILE__, __LINE__, #got,      \
                    specc_code_name(got_), (int)got_, specc_code_name(want_), (int)want_);         \
            check_failures++;                                                                      \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want) check_str_at(__FILE__, __LINE__, #got, (got), (want))
#define CHECK_JSON(got_text, want_text) check_json_at(__FILE__, __LINE__, (got_text), (want_text))
#define CHECK_DONE() return check_failures ? (fprintf(stderr, "%d check(s) failed\n", \
                                                     check_failures), 1) : 0

static inline void check_str_at(const char *file, int line, const char *what, const char *got,
                                const char *want)
{
    if (got == want)
        return;
    if (!got || !want || strcmp(got, want) != 0) {
        fprintf(stderr, "%s:%d: %s is %s%s%s, want %s%s%s\n", file, line, what,
                got ? "\"" : "", got ? got : "NULL", got ? "\"" : "", want ? "\"" : "",
                want ? want : "NULL", want ? "\"" : "");
        check_failures++;
    }
}

/* Are two JSON texts the same JSON (jansson json_equal)? */
static inline void check_json_at(const char *file, int line, const char *got, const char *want)
{
    json_error_t e1, e2;
    json_t *a = got ? json_loads(got, JSON_DECODE_ANY, &e1) : NULL;
    json_t *b = json_loads(want, JSON_DECODE_ANY, &e2);
    if (!b) {
        fprintf(stderr, "%s:%d: expected JSON does not parse: %s (%s)\n", file, line, want,
                e2.text);
        check_failures++;
    } else if (!a) {
        fprintf(stderr, "%s:%d: got %s, which is not JSON, want %s\n", file, line,
                got ? got : "NULL", want);
        check_failures++;
    } else if (!json_equal(a, b)) {
        fprintf(stderr, "%s:%d: JSON differs\n  got:  %s\n  want: %s\n", file, line, got, want);
        check_failures++;
    }
    json_decref(a);
    json_decref(b);
}

/* Decoding `text` as `type` must fail with `code` at `path` (and, when not
 * NULL, exactly `message`); the output must be left owning nothing. */
#define CHECK_DECODE_FAILS(type, text, code, path, message)                                        \
    check_decode_fails_at(__FILE__, __LINE__, (type), (text), (code), (path), (message))

static inline void check_decode_fails_at(const char *file, int line, const specc_type *type,
                                         const char *text, specc_code code, const char *path,
                                         const char *message)
{
    void *out = calloc(1, type->size), *zero = calloc(1, type->size);
    specc_error err;
    specc_code rc;

    memset(&err, 0x5a, sizeof err);
    rc = specc_decode_text(type, text, strlen(text), out, &err);
    if (rc != code || err.code != code) {
        fprintf(stderr, "%s:%d: decoding %s: got %s (err.code %s: %s %s), want %s\n", file, line,
                text, specc_code_name(rc), specc_code_name(err.code), err.path, err.message,
                specc_code_name(code));
        check_failures++;
    } else {
        if (path && strcmp(err.path, path) != 0) {
            fprintf(stderr, "%s:%d: decoding %s: path %s, want %s (%s)\n", file, line, text,
                    err.path, path, err.message);
            check_failures++;
        }
        if (message && strcmp(err.message, message) != 0) {
            fprintf(stderr, "%s:%d: decoding %s: message \"%s\", want \"%s\"\n", file, line,
                    text, err.message, message);
            check_failures++;
        }
    }
    /* "left initialised with nothing allocated": init is all-zero here. */
    specc_init(type, zero);
    if (rc != SPECC_OK && memcmp(out, zero, type->size) != 0) {
        fprintf(stderr, "%s:%d: decoding %s failed but left the output not initialised\n", file,
                line, text);
        check_failures++;
    }
    specc_clear(type, out);
    free(out);
    free(zero);
}

/* Decoding must succeed; prints the error otherwise. */
#define CHECK_DECODES(type, text, out)                                                             \
    check_decodes_at(__FILE__, __LINE__, (type), (text), (out))

static inline int check_decodes_at(const char *file, int line, const specc_type *type,
                                   const char *text, void *out)
{
    specc_error err;
    specc_code rc = specc_decode_text(type, text, strlen(text), out, &err);
    if (rc != SPECC_OK) {
        fprintf(stderr, "%s:%d: decoding %s failed: %s at %s: %s\n", file, line, text,
                specc_code_name(rc), err.path, err.message);
        check_failures++;
        return 0;
    }
    return 1;
}

/* Encode and compare as JSON with `want`. */
#define CHECK_ENCODES(type, value, want) check_encodes_at(__FILE__, __LINE__, (type), (value), (want))

static inline void check_encodes_at(const char *file, int line, const specc_type *type,
                                    const void *value, const char *want)
{
    specc_error err;
    size_t len = 0;
    char *text = specc_encode_text(type, value, &len, &err);
    if (!text) {
        fprintf(stderr, "%s:%d: encoding failed: %s at %s: %s\n", file, line,
                specc_code_name(err.code), err.path, err.message);
        check_failures++;
        return;
    }
    if (len != strlen(text)) {
        fprintf(stderr, "%s:%d: encode length %zu, strlen %zu\n", file, line, len, strlen(text));
        check_failures++;
    }
    check_json_at(file, line, text, want);
    specc_free(text);
}

/* ------------------------------------------------------- a valid Thing */

#define THING_ID "123e4567-e89b-12d3-a456-426614174000"
/* The required members of Thing, all valid. */
#define THING_REQ                                                                                  \
    "\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\",\"count\":1,"           \
    "\"flag\":false,\"cost\":\"1\",\"blob\":{},\"part\":{\"sku\":\"ABC-1\"}"
/* A Thing text: the required members plus `members` (",\"x\":1,..." or ""). */
#define THING(members) "{" THING_REQ members "}"

/* ------------------------------------------------ collected violations */

#define MAX_VIOLATIONS 64

typedef struct violations {
    size_t count;
    specc_error e[MAX_VIOLATIONS];
} violations;

static inline void collect(const specc_error *error, void *ctx)
{
    violations *v = ctx;
    if (v->count < MAX_VIOLATIONS)
        v->e[v->count] = *error;
    v->count++;
}

static inline void print_violations(const violations *v)
{
    size_t i;
    for (i = 0; i < v->count && i < MAX_VIOLATIONS; i++)
        fprintf(stderr, "    %s %s: %s\n", specc_code_name(v->e[i].code), v->e[i].path,
                v->e[i].message);
}

/* Validate and expect exactly `count` violations; returns the list. */
#define VALIDATE(type, value, v, want)                                                             \
    validate_at(__FILE__, __LINE__, (type), (value), (v), (want))

static inline void validate_at(const char *file, int line, const specc_type *type,
                               const void *value, violations *v, size_t want)
{
    size_t n;
    memset(v, 0, sizeof *v);
    n = specc_validate(type, value, collect, v);
    if (n != v->count || n != want) {
        fprintf(stderr, "%s:%d: validate returned %zu (%zu reported), want %zu\n", file, line, n,
                v->count, want);
        print_violations(v);
        check_failures++;
    }
}

/* The list holds a violation with this code and path (message too when not
 * NULL). */
#define CHECK_VIOLATION(v, code, path, message)                                                    \
    check_violation_at(__FILE__, __LINE__, (v), (code), (path), (message))

static inline void check_violation_at(const char *file, int line, const violations *v,
                                      specc_code code, const char *path, const char *message)
{
    size_t i;
    for (i = 0; i < v->count && i < MAX_VIOLATIONS; i++) {
        if (v->e[i].code == code && strcmp(v->e[i].path, path) == 0) {
            if (message && strcmp(v->e[i].message, message) != 0) {
                fprintf(stderr, "%s:%d: %s at %s: message \"%s\", want \"%s\"\n", file, line,
                        specc_code_name(code), path, v->e[i].message, message);
                check_failures++;
            }
            return;
        }
    }
    fprintf(stderr, "%s:%d: no %s violation at %s; got:\n", file, line, specc_code_name(code),
            path);
    print_violations(v);
    check_failures++;
}

#endif /* KITCHEN_CHECK_H */
