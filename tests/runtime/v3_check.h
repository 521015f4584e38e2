/*
 * v3_check.h — helpers for the tests of runtime version 3 (value types,
 * unions, element structs, constraints): decode / encode / validate /
 * equal checked together, expected errors with their path and message,
 * and every allocation made to fail in turn. Each test program includes it
 * once (it includes demo_types.h: CHECK, CHECK_STR, the counting
 * allocator).
 */
#ifndef V3_CHECK_H
#define V3_CHECK_H

#include "demo_types.h"

#define LIVE() ((long)alloc_count - (long)free_count)
#define CHECK_NO_LEAK() CHECK(LIVE() == 0)

static inline bool all_zero(const void *p, size_t n)
{
    const unsigned char *c = p;
    size_t i;
    for (i = 0; i < n; i++)
        if (c[i])
            return false;
    return true;
}

/* ------------------------------------------------------------ decoding */

static inline bool dec_ok_at(int line, const specc_type *t, const char *json, void *out)
{
    specc_error err;
    if (specc_decode_text(t, json, strlen(json), out, &err) == SPECC_OK)
        return true;
    failures++;
    printf("line %d: decode failed: %s %s: %s\n", line, specc_code_name(err.code),
           err.path, err.message);
    return false;
}
#define DEC_OK(t, json, out) dec_ok_at(__LINE__, (t), (json), (out))

/* Decoding must fail with `code` at `path` (path, message: exact, or NULL
 * for any). */
static inline void dec_err_at(int line, const specc_type *t, const char *json, specc_code code,
                       const char *path, const char *message)
{
    specc_error err;
    void *out = malloc(t->size);
    specc_code rc = specc_decode_text(t, json, strlen(json), out, &err);
    if (rc != code || err.code != code || (path && strcmp(err.path, path) != 0) ||
        (message && strcmp(err.message, message) != 0)) {
        failures++;
        printf("line %d: want %s %s: %s\n%*s got  %s %s: %s\n", line,
               specc_code_name(code), path ? path : "*", message ? message : "*",
               (int)strlen("line ") + 4,
               "", specc_code_name(rc), err.path, err.message);
    }
    if (rc == SPECC_OK)
        specc_clear(t, out);
    else if (!all_zero(out, t->size)) {
        failures++;
        printf("line %d: output not zeroed after a failed decode\n", line);
    }
    free(out);
}
#define DEC_ERR(t, json, code, path, message) dec_err_at(__LINE__, (t), (json), (code), (path), (message))

/* ---------------------------------------------------------- validating */

#define FOUND_MAX 16
typedef struct found {
    size_t n;
    specc_error e[FOUND_MAX];
} found;

static inline void collect(const specc_error *e, void *ctx)
{
    found *f = ctx;
    if (f->n < FOUND_MAX)
        f->e[f->n] = *e;
    f->n++;
}

static inline void print_found(const found *f)
{
    size_t i;
    for (i = 0; i < f->n && i < FOUND_MAX; i++)
        printf("    %s %s: %s\n", specc_code_name(f->e[i].code), f->e[i].path, f->e[i].message);
}

/* Exactly one violation, with this code, path and message (or any: NULL). */
static inline void val_one_at(int line, const specc_type *t, const void *v, specc_as as,
                       specc_code code, const char *path, const char *message)
{
    found f = {0, {{0, 0, 0, "", ""}}};
    size_t n = specc_validate_as(t, v, as, collect, &f);
    if (n != 1 || f.n != 1 || f.e[0].code != code || strcmp(f.e[0].path, path) != 0 ||
        (message && strcmp(f.e[0].message, message) != 0)) {
        failures++;
        printf("line %d: want one violation %s %s: %s, got %zu:\n", line,
               specc_code_name(code), path, message ? message : "*", n);
        print_found(&f);
    }
}
#define VAL_ONE(t, v, code, path, message) \
    val_one_at(__LINE__, (t), (v), SPECC_AS_ANY, (code), (path), (message))
#define VAL_ONE_AS(t, v, as, code, path, message) \
    val_one_at(__LINE__, (t), (v), (as), (code), (path), (message))

static inline void val_none_at(int line, const specc_type *t, const void *v, specc_as as)
{
    found f = {0, {{0, 0, 0, "", ""}}};
    size_t n = specc_validate_as(t, v, as, collect, &f);
    if (n) {
        failures++;
        printf("line %d: want no violation, got %zu:\n", line, n);
        print_found(&f);
    }
}
#define VAL_NONE(t, v) val_none_at(__LINE__, (t), (v), SPECC_AS_ANY)
#define VAL_NONE_AS(t, v, as) val_none_at(__LINE__, (t), (v), (as))

/* ------------------------------------------------------------ encoding */

static inline void enc_is_at(int line, const specc_type *t, const void *v, const char *want)
{
    specc_error err;
    size_t len = 0;
    char *got = specc_encode_text(t, v, &len, &err);
    if (!got) {
        failures++;
        printf("line %d: encode failed: %s %s: %s\n", line, specc_code_name(err.code),
               err.path, err.message);
        return;
    }
    if (strcmp(got, want) != 0 || len != strlen(got)) {
        failures++;
        printf("line %d: encoded %s\n%*s want    %s\n", line, got,
               (int)strlen("line ") + 4, "", want);
    }
    specc_free(got);
}
#define ENC_IS(t, v, want) enc_is_at(__LINE__, (t), (v), (want))

static inline void enc_err_at(int line, const specc_type *t, const void *v, specc_code code,
                       const char *path, const char *message)
{
    specc_error err;
    char *got = specc_encode_text(t, v, NULL, &err);
    json_t *j;
    if (got || err.code != code || strcmp(err.path, path) != 0 ||
        (message && strcmp(err.message, message) != 0)) {
        failures++;
        printf("line %d: want encode error %s %s: %s, got %s %s %s: %s\n", line,
               specc_code_name(code), path, message ? message : "*", got ? got : "(null)",
               specc_code_name(err.code), err.path, err.message);
    }
    specc_free(got);
    j = specc_encode_json(t, v, &err); /* the same answer through jansson */
    if (j || err.code != code) {
        failures++;
        printf("line %d: encode_json: want %s, got %s\n", line, specc_code_name(code),
               j ? "a value" : specc_code_name(err.code));
    }
    json_decref(j);
}
#define ENC_ERR(t, v, code, path, message) enc_err_at(__LINE__, (t), (v), (code), (path), (message))

/* ---------------------------------------------------------- round trips */

/*
 * Decode `json`; it must validate cleanly; encode_text must give `want`
 * (NULL: the input itself); decoding that again gives an equal value;
 * encode_json and decode_json give an equal value too; clear frees all.
 */
static inline void roundtrip_at(int line, const specc_type *t, const char *json, const char *want)
{
    void *a = malloc(t->size), *b = malloc(t->size);
    specc_error err;
    json_t *j;
    char *text;
    size_t len;

    if (!dec_ok_at(line, t, json, a))
        goto out;
    val_none_at(line, t, a, SPECC_AS_ANY);
    enc_is_at(line, t, a, want ? want : json);
    text = specc_encode_text(t, a, &len, &err);
    if (text && dec_ok_at(line, t, text, b)) {
        if (!specc_equal(t, a, b)) {
            failures++;
            printf("line %d: not equal after a round trip: %s\n", line, text);
        }
        specc_clear(t, b);
    }
    specc_free(text);
    j = specc_encode_json(t, a, &err);
    if (!j) {
        failures++;
        printf("line %d: encode_json failed: %s: %s\n", line, err.path, err.message);
    } else {
        if (specc_decode_json(t, j, b, &err) != SPECC_OK || !specc_equal(t, a, b)) {
            failures++;
            printf("line %d: decode_json gave another value (%s)\n", line, err.message);
        }
        specc_clear(t, b);
        json_decref(j);
    }
    specc_clear(t, a);
    CHECK(all_zero(a, t->size));
out:
    free(a);
    free(b);
}
#define ROUNDTRIP(t, json, want) roundtrip_at(__LINE__, (t), (json), (want))

/* ------------------------------------------------ allocation failures */

/*
 * Decode `json` with the N-th allocation failing, for every N until a run
 * needs fewer: each failed run must end in SPECC_ERR_NOMEM (or `final`,
 * the answer without failures), output zeroed, nothing leaked. Then
 * encode_text, encode_json and validate of the decoded value, the same
 * way (validate reports SPECC_ERR_NOMEM as a violation). Returns the
 * number of allocations a decode makes.
 */
static inline long sweep_decode(int line, const specc_type *t, const char *json, specc_code final)
{
    void *out = malloc(t->size);
    long n, base = LIVE();
    for (n = 1;; n++) {
        specc_error err;
        specc_code rc;
        alloc_calls = 0;
        alloc_fail_at = (size_t)n;
        rc = specc_decode_text(t, json, strlen(json), out, &err);
        alloc_fail_at = 0;
        if ((long)alloc_calls < n) {
            if (rc != final) {
                failures++;
                printf("line %d: without failures got %s %s: %s\n", line,
                       specc_code_name(rc), err.path, err.message);
            }
            if (rc == SPECC_OK)
                specc_clear(t, out);
            break;
        }
        if ((rc != SPECC_ERR_NOMEM && rc != final) || rc == SPECC_OK || err.code != rc) {
            failures++;
            printf("line %d: allocation %ld failing gave %s %s: %s\n", line, n,
                   specc_code_name(rc), err.path, err.message);
        }
        if (!all_zero(out, t->size)) {
            failures++;
            printf("line %d: allocation %ld failing: output not zeroed\n", line, n);
            specc_clear(t, out);
        }
        if (LIVE() != base) {
            failures++;
            printf("line %d: allocation %ld failing: %ld leaked\n", line, n,
                   LIVE() - base);
        }
    }
    free(out);
    return n - 1;
}

static inline void sweep_encode(int line, const specc_type *t, const void *v)
{
    long n, base = LIVE();
    int which;
    for (which = 0; which < 2; which++) {
        for (n = 1;; n++) {
            specc_error err;
            char *text = NULL;
            json_t *j = NULL;
            bool ok;
            alloc_calls = 0;
            alloc_fail_at = (size_t)n;
            if (which == 0)
                ok = (text = specc_encode_text(t, v, NULL, &err)) != NULL;
            else
                ok = (j = specc_encode_json(t, v, &err)) != NULL;
            alloc_fail_at = 0;
            specc_free(text);
            json_decref(j);
            if ((long)alloc_calls < n) {
                if (!ok) {
                    failures++;
                    printf("line %d: encode failed without failures: %s\n", line,
                           err.message);
                }
                break;
            }
            if (ok || err.code != SPECC_ERR_NOMEM) {
                failures++;
                printf("line %d: encode %d with allocation %ld failing: %s\n", line,
                       which, n, ok ? "succeeded" : specc_code_name(err.code));
            }
            if (LIVE() != base) {
                failures++;
                printf("line %d: encode with allocation %ld failing leaked\n", line, n);
            }
        }
    }
}

static inline void sweep_validate(int line, const specc_type *t, const void *v, size_t want)
{
    long n, base = LIVE();
    for (n = 1;; n++) {
        found f = {0, {{0, 0, 0, "", ""}}};
        size_t count, i, nomem = 0;
        alloc_calls = 0;
        alloc_fail_at = (size_t)n;
        count = specc_validate(t, v, collect, &f);
        alloc_fail_at = 0;
        for (i = 0; i < f.n && i < FOUND_MAX; i++)
            nomem += f.e[i].code == SPECC_ERR_NOMEM;
        if ((long)alloc_calls < n) {
            if (count != want) {
                failures++;
                printf("line %d: validate found %zu, want %zu\n", line, count, want);
            }
            break;
        }
        if (!nomem) {
            failures++;
            printf("line %d: validate with allocation %ld failing reported no nomem\n", line,
                   n);
        }
        if (LIVE() != base) {
            failures++;
            printf("line %d: validate with allocation %ld failing leaked\n", line, n);
        }
    }
}

/* Every allocation of decode, then of encode and validate, failing in turn. */
static inline void sweep_all_at(int line, const specc_type *t, const char *json)
{
    void *v = malloc(t->size);
    sweep_decode(line, t, json, SPECC_OK);
    if (dec_ok_at(line, t, json, v)) {
        sweep_encode(line, t, v);
        sweep_validate(line, t, v, 0);
        specc_clear(t, v);
    }
    free(v);
}
#define SWEEP(t, json) sweep_all_at(__LINE__, (t), (json))

/* Text nested `depth` times: prefix^depth core suffix^depth (malloc'd). */
static inline char *nested(const char *prefix, const char *core, const char *suffix, size_t depth)
{
    size_t lp = strlen(prefix), lc = strlen(core), ls = strlen(suffix), i;
    char *s = malloc(depth * (lp + ls) + lc + 1), *p = s;
    for (i = 0; i < depth; i++, p += lp)
        memcpy(p, prefix, lp);
    memcpy(p, core, lc);
    p += lc;
    for (i = 0; i < depth; i++, p += ls)
        memcpy(p, suffix, ls);
    *p = '\0';
    return s;
}

#endif /* V3_CHECK_H */
