/*
 * chaos.c — allocation-failure injection over the whole life of a payload.
 *
 * usage: chaos TARGET FILE        one payload that must decode and validate
 *        chaos --unknown TARGET FILE   its variants with undeclared keys whose
 *                                 values jansson cannot hold (see variants.h),
 *                                 at the top level and in every object
 *        chaos --tsv FILE.tsv     every case of a negative file (format of
 *                                 tests/negative/negative.c)
 *        chaos --arena ...        any of these, with decode-text and
 *                                 decode-again decoding into one arena made
 *                                 for the run (specc_arena_new is part of
 *                                 decode-text, so its failure is tried too)
 *                                 and freed at its end (tools/decode_path.h)
 *
 * Counting allocation functions are installed with json_set_alloc_funcs()
 * before anything allocates, so they see every block of the runtime and of
 * jansson. One run is the sequence
 *
 *   decode text -> validate -> encode text -> encode json -> decode json
 *   -> decode the encoded text again -> specc_equal -> clear/free everything
 *
 * First a baseline run without failures records every result. Then, for
 * N = 1, 2, ..., the sequence runs again with the N-th allocation failing
 * ("single" pass) and, in a second pass, with every allocation from the N-th
 * on failing ("from" pass); a pass stops at the first run in which the
 * injected failure never fired. In every run:
 *
 *   - the call during which an allocation failed must fail cleanly with
 *     SPECC_ERR_NOMEM (NULL + err.code NOMEM from the encoders; for
 *     specc_validate, at least one NOMEM violation and otherwise only
 *     violations the baseline has), and the run ends there;
 *   - a call that saw no failure must give exactly the baseline result:
 *     same code and path, same violations, byte-identical encoded text,
 *     byte-identical dump of the encoded jansson value, same equality;
 *   - a failed decode must leave its output initialised;
 *   - with --arena, a failure in specc_arena_new, in an arena block or in
 *     the arena's list of `any` references is such a failure too;
 *   - once everything is freed, no block may be live (checked after every N);
 *   - a negative payload gives its own error in the baseline and in the last
 *     run of each pass.
 *
 * Verification work (dumping a jansson value, re-encoding a decoded copy to
 * compare bytes) runs with injection paused: it is counted for leaks but
 * never fails and does not move N.
 *
 * Output: one "ok" line per payload (allocations of one run, runs made) or
 * "FAIL <payload> [<pass> N=<n>] <operation>: ..." lines; exit 0 when all
 * is well, 1 on any problem, 2 on a usage or file error. A crash prints the
 * payload, pass, N and operation it happened in.
 */
#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decode_path.h"
#include "fail_alloc.h"
#include "targets.h"
#include "variants.h"

/* ------------------------------------------------------------ allocator */

typedef enum pass_kind { PASS_NONE, PASS_SINGLE, PASS_FROM } pass_kind;

static pass_kind pass;         /* how allocations at or after N fail */

/* ------------------------------------------------- context and problems */

static const char *const op_names[] = {
    "decode-text", "validate", "encode-text", "encode-json",
    "decode-json", "decode-again", "equal",    "clear",
};
typedef enum op_id {
    OP_DECODE_TEXT,
    OP_VALIDATE,
    OP_ENCODE_TEXT,
    OP_ENCODE_JSON,
    OP_DECODE_JSON,
    OP_DECODE_AGAIN,
    OP_EQUAL,
    OP_CLEAR
} op_id;

static bool use_arena;            /* --arena: the text decodes go into an arena */
static const char *payload = "?"; /* name of the payload being run */
static op_id current_op;
static int problems;          /* of the current payload */
static int total_problems;
#define MAX_SHOWN 25          /* problems printed per payload */

static const char *pass_name(pass_kind k)
{
    return k == PASS_SINGLE ? "single" : k == PASS_FROM ? "from" : "baseline";
}

#if defined(__GNUC__) || defined(__clang__)
static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif

static void problem(const char *fmt, ...)
{
    va_list ap;
    problems++;
    total_problems++;
    if (problems > MAX_SHOWN) {
        if (problems == MAX_SHOWN + 1)
            printf("FAIL %s: more problems not shown\n", payload);
        return;
    }
    if (pass == PASS_NONE)
        printf("FAIL %s [baseline] %s: ", payload, op_names[current_op]);
    else
        printf("FAIL %s [%s N=%lu] %s: ", payload, pass_name(pass), fa.fail_at,
               op_names[current_op]);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

/* A crash names where it happened. Under AddressSanitizer its own report
 * is kept (its handlers stay installed) and __asan_on_error adds ours. */
static void put_str(const char *s)
{
    ssize_t r = write(STDERR_FILENO, s, strlen(s));
    (void)r;
}

static void put_ulong(unsigned long v)
{
    char buf[32];
    size_t i = sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v && i > 0);
    put_str(buf + i);
}

static void say_where(void)
{
    put_str("chaos: died in payload ");
    put_str(payload);
    put_str(" [");
    put_str(pass_name(pass));
    put_str(" N=");
    put_ulong(fa.fail_at);
    put_str("] ");
    put_str(op_names[current_op]);
    put_str("\n");
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHAOS_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CHAOS_ASAN 1
#endif

#ifdef CHAOS_ASAN
void __asan_on_error(void);
void __asan_on_error(void)
{
    say_where();
}
static void install_crash_handlers(void)
{
}
#else
static void on_crash(int sig)
{
    say_where();
    signal(sig, SIG_DFL);
    raise(sig);
}
static void install_crash_handlers(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
    size_t i;
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_crash;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = (int)SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
}
#endif

/* ------------------------------------------------------------ one case */

typedef enum expect_kind { EXPECT_OK, EXPECT_DECODE, EXPECT_VALIDATE } expect_kind;

typedef struct kase {
    const char *name;
    const specc_type *type;
    const char *text;
    size_t len;
    expect_kind expect;
    specc_code code; /* EXPECT_DECODE / EXPECT_VALIDATE */
    const char *path;
    /* Kept unknown values may hold numbers jansson cannot: encode-json may
     * then fail with SPECC_ERR_RANGE (and decode-json is skipped). */
    bool json_may_range;
} kase;

#define MAX_VIOLATIONS 64

typedef struct violations {
    size_t count;
    specc_error e[MAX_VIOLATIONS];
} violations;

static void collect(const specc_error *error, void *ctx)
{
    violations *v = ctx;
    if (v->count < MAX_VIOLATIONS)
        v->e[v->count] = *error;
    v->count++;
}

/* What one run produced. Owned buffers (bytes) are plain malloc, taken
 * while paused and copied out of the counting allocator, so a result can
 * outlive the run's frees. */
typedef struct outcome {
    op_id last;           /* the operation the run ended at */
    specc_code decode_rc; /* of decode-text */
    specc_error decode_err;
    violations v;
    char *text;           /* encode-text */
    size_t text_len;
    char *json_dump;      /* encode-json, dumped compactly */
    bool json_range;      /* encode-json failed with range, as allowed */
    char *b_text;         /* decode-json's value, encoded */
    char *c_text;         /* decode-again's value, encoded */
    bool equal_ab, equal_ac;
    bool complete;        /* got to the end */
    bool nomem;           /* ended by an allocation failure (at `last`) */
} outcome;

static void outcome_free(outcome *o)
{
    free(o->text);
    free(o->json_dump);
    free(o->b_text);
    free(o->c_text);
    memset(o, 0, sizeof *o);
}

static char *copy_bytes(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (!p) {
        fputs("chaos: out of memory\n", stderr);
        exit(2);
    }
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

/* Encode `value` with injection paused: a plain-malloc copy, or NULL. */
static char *encode_paused(const specc_type *type, const void *value)
{
    specc_error err;
    size_t len = 0;
    char *s, *copy = NULL;
    fa.paused++;
    s = specc_encode_text(type, value, &len, &err);
    fa.paused--;
    if (s) {
        copy = copy_bytes(s, len);
        specc_free(s);
    } else {
        problem("re-encoding for comparison failed: %s at %s: %s", specc_code_name(err.code),
                err.path, err.message);
    }
    return copy;
}

static char *dump_paused(const json_t *j)
{
    char *s, *copy = NULL;
    fa.paused++;
    s = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
    fa.paused--;
    if (s) {
        copy = copy_bytes(s, strlen(s));
        specc_free(s);
    } else {
        problem("json_dumps for comparison failed");
    }
    return copy;
}

static bool is_initialised(const specc_type *type, const void *value)
{
    unsigned char *zero = calloc(1, type->size ? type->size : 1);
    bool same;
    if (!zero) {
        fputs("chaos: out of memory\n", stderr);
        exit(2);
    }
    specc_init(type, zero);
    same = memcmp(zero, value, type->size) == 0;
    free(zero);
    return same;
}

static void *new_value(const specc_type *type)
{
    void *p = calloc(1, type->size ? type->size : 1);
    if (!p) {
        fputs("chaos: out of memory\n", stderr);
        exit(2);
    }
    specc_init(type, p);
    return p;
}

/* Did an allocation fail since `before` (a value of `injected`)? */
#define FIRED(before) (fa.injected != (before))

/* A failed call of an operation that saw an allocation fail: it must say
 * NOMEM, with a message. */
static void want_nomem(specc_code got, const specc_error *err)
{
    if (got != SPECC_ERR_NOMEM)
        problem("an allocation failed but the call returned %s (at %s: %s), not nomem",
                specc_code_name(got), err->path, err->message);
    else if (err->code != SPECC_ERR_NOMEM)
        problem("returned nomem but err.code is %s", specc_code_name(err->code));
    else if (err->message[0] == '\0')
        problem("nomem with an empty message");
}

static bool same_error(const specc_error *a, const specc_error *b)
{
    return a->code == b->code && strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0 && a->line == b->line && a->column == b->column;
}

/* Run the sequence once. `base` is the baseline outcome (NULL while making
 * it): every call that saw no allocation failure must match it. */
static void run(const kase *k, const outcome *base, outcome *out)
{
    const specc_type *type = k->type;
    void *a = new_value(type), *b = new_value(type), *c = new_value(type);
    specc_error err;
    unsigned long before;
    char *text = NULL;
    size_t text_len = 0;
    json_t *json = NULL;
    decode_path dp = {false, NULL};
    specc_code rc;
    size_t n;

    memset(out, 0, sizeof *out);

    /* ---- decode text */
    out->last = current_op = OP_DECODE_TEXT;
    memset(&err, 0, sizeof err);
    before = fa.injected;
    if (!decode_path_open(&dp, use_arena)) {
        out->decode_rc = SPECC_ERR_NOMEM;
        if (!FIRED(before))
            problem("specc_arena_new returned NULL, but no allocation failed");
        goto done;
    }
    rc = decode_path_text(&dp, type, k->text, k->len, a, &err);
    out->decode_rc = rc;
    out->decode_err = err;
    if (rc != SPECC_OK && !is_initialised(type, a))
        problem("failed with %s but left its output not initialised", specc_code_name(rc));
    if (FIRED(before)) {
        want_nomem(rc, &err);
        goto done;
    }
    if (base) {
        if (rc != base->decode_rc)
            problem("returned %s (at %s: %s), baseline %s", specc_code_name(rc), err.path,
                    err.message, specc_code_name(base->decode_rc));
        else if (rc != SPECC_OK && !same_error(&err, &base->decode_err))
            problem("%s at %s (%d:%d) \"%s\", baseline at %s (%d:%d) \"%s\"",
                    specc_code_name(rc), err.path, err.line, err.column, err.message,
                    base->decode_err.path, base->decode_err.line, base->decode_err.column,
                    base->decode_err.message);
    }
    if (rc != SPECC_OK)
        goto done; /* a payload refused by the decoder ends here */

    /* ---- validate */
    out->last = current_op = OP_VALIDATE;
    before = fa.injected;
    n = specc_validate(type, a, collect, &out->v);
    if (n != out->v.count)
        problem("returned %zu but reported %zu violations", n, out->v.count);
    if (FIRED(before)) {
        size_t i, j, nomem = 0;
        for (i = 0; i < out->v.count && i < MAX_VIOLATIONS; i++) {
            const specc_error *e = &out->v.e[i];
            bool known = false;
            if (e->code == SPECC_ERR_NOMEM) {
                nomem++;
                continue;
            }
            for (j = 0; base && j < base->v.count && j < MAX_VIOLATIONS; j++)
                if (same_error(e, &base->v.e[j]))
                    known = true;
            if (base && !known)
                problem("an allocation failed and it reported %s at %s (\"%s\"), which the "
                        "baseline does not",
                        specc_code_name(e->code), e->path, e->message);
        }
        if (nomem == 0)
            problem("an allocation failed but no nomem violation was reported (%zu others)",
                    out->v.count);
        goto done;
    }
    if (base) {
        size_t i;
        if (out->v.count != base->v.count)
            problem("%zu violations, baseline %zu", out->v.count, base->v.count);
        else
            for (i = 0; i < out->v.count && i < MAX_VIOLATIONS; i++)
                if (!same_error(&out->v.e[i], &base->v.e[i]))
                    problem("violation %zu is %s at %s, baseline %s at %s", i,
                            specc_code_name(out->v.e[i].code), out->v.e[i].path,
                            specc_code_name(base->v.e[i].code), base->v.e[i].path);
    }

    /* ---- encode text */
    out->last = current_op = OP_ENCODE_TEXT;
    memset(&err, 0, sizeof err);
    before = fa.injected;
    text = specc_encode_text(type, a, &text_len, &err);
    if (FIRED(before)) {
        if (text) {
            problem("an allocation failed but it returned text");
        } else {
            want_nomem(err.code, &err);
            if (text_len != 0)
                problem("failed but *len is %zu, not 0", text_len);
        }
        goto done;
    }
    if (!text) {
        problem("failed with %s at %s: %s", specc_code_name(err.code), err.path, err.message);
        goto done;
    }
    if (strlen(text) != text_len)
        problem("length %zu, strlen %zu", text_len, strlen(text));
    fa.paused++;
    out->text = copy_bytes(text, text_len);
    fa.paused--;
    out->text_len = text_len;
    if (base && base->text &&
        (text_len != base->text_len || memcmp(text, base->text, text_len) != 0))
        problem("encoded text differs from the baseline (%zu bytes, baseline %zu)", text_len,
                base->text_len);

    /* ---- encode json */
    out->last = current_op = OP_ENCODE_JSON;
    memset(&err, 0, sizeof err);
    before = fa.injected;
    json = specc_encode_json(type, a, &err);
    if (FIRED(before)) {
        if (json) {
            char *dump = dump_paused(json);
            if (dump && base && base->json_dump && strcmp(dump, base->json_dump) != 0)
                problem("an allocation failed but it returned a value, and a different one "
                        "(silently wrong):\n  got:      %s\n  baseline: %s",
                        dump, base->json_dump);
            else
                problem("an allocation failed but it returned a value (the same as the "
                        "baseline's)");
            free(dump);
        } else
            want_nomem(err.code, &err);
        goto done;
    }
    out->json_range = !json && k->json_may_range && err.code == SPECC_ERR_RANGE;
    if (base && out->json_range != base->json_range)
        problem("encode-json %s with range, the baseline %s", out->json_range ? "failed" : "did not fail",
                base->json_range ? "did" : "did not");
    if (!json && !out->json_range) {
        problem("failed with %s at %s: %s", specc_code_name(err.code), err.path, err.message);
        goto done;
    }
    if (out->json_range)
        goto decode_again;
    out->json_dump = dump_paused(json);
    if (base && base->json_dump && out->json_dump &&
        strcmp(out->json_dump, base->json_dump) != 0)
        problem("encoded value differs from the baseline:\n  got:      %s\n  baseline: %s",
                out->json_dump, base->json_dump);

    /* ---- decode json */
    out->last = current_op = OP_DECODE_JSON;
    memset(&err, 0, sizeof err);
    before = fa.injected;
    rc = specc_decode_json(type, json, b, &err);
    if (rc != SPECC_OK && !is_initialised(type, b))
        problem("failed with %s but left its output not initialised", specc_code_name(rc));
    if (FIRED(before)) {
        want_nomem(rc, &err);
        goto done;
    }
    if (rc != SPECC_OK) {
        problem("failed with %s at %s: %s", specc_code_name(rc), err.path, err.message);
        goto done;
    }
    out->b_text = encode_paused(type, b);
    if (base && base->b_text && out->b_text && strcmp(out->b_text, base->b_text) != 0)
        problem("value decoded from the encoded json re-encodes differently from the "
                "baseline:\n  got:      %s\n  baseline: %s",
                out->b_text, base->b_text);

    /* ---- decode the encoded text again */
decode_again:
    out->last = current_op = OP_DECODE_AGAIN;
    memset(&err, 0, sizeof err);
    before = fa.injected;
    rc = decode_path_text(&dp, type, text, text_len, c, &err);
    if (rc != SPECC_OK && !is_initialised(type, c))
        problem("failed with %s but left its output not initialised", specc_code_name(rc));
    if (FIRED(before)) {
        want_nomem(rc, &err);
        goto done;
    }
    if (rc != SPECC_OK) {
        problem("failed with %s at %s: %s", specc_code_name(rc), err.path, err.message);
        goto done;
    }
    out->c_text = encode_paused(type, c);
    if (out->c_text && strcmp(out->c_text, out->text) != 0)
        problem("the encoded text does not re-encode to itself:\n  got:   %s\n  first: %s",
                out->c_text, out->text);

    /* ---- equal: no way to report NOMEM, so it must not depend on memory */
    out->last = current_op = OP_EQUAL;
    before = fa.injected;
    out->equal_ac = specc_equal(type, a, c);
    out->equal_ab = specc_equal(type, a, b);
    if (!out->equal_ac)
        problem("the value decoded from its own encoded text is not specc_equal to it%s",
                FIRED(before) ? " (an allocation failed during specc_equal)" : "");
    if (base && out->equal_ab != base->equal_ab)
        problem("specc_equal(decoded, decoded from json) is %s, baseline %s%s",
                out->equal_ab ? "true" : "false", base->equal_ab ? "true" : "false",
                FIRED(before) ? " (an allocation failed during specc_equal)" : "");
    out->complete = true;

done:
    out->nomem = fa.injected != 0 && !out->complete;
    current_op = OP_CLEAR;
    specc_free(text);
    json_decref(json);
    decode_path_release(&dp, type, a);
    specc_clear(type, b);
    decode_path_release(&dp, type, c);
    decode_path_close(&dp);
    free(a);
    free(b);
    free(c);
    if (fa.live != 0)
        problem("%ld block(s) still allocated after freeing everything (run ended at %s)", fa.live,
                op_names[out->last]);
    fa.live = 0; /* do not blame the next run */
}

/* The baseline meets the payload's expectation? */
static void check_expectation(const kase *k, const outcome *o)
{
    current_op = OP_DECODE_TEXT;
    if (k->expect == EXPECT_DECODE) {
        if (o->decode_rc != k->code || strcmp(o->decode_err.path, k->path) != 0)
            problem("expected %s at %s, got %s at %s: %s", specc_code_name(k->code), k->path,
                    specc_code_name(o->decode_rc), o->decode_err.path, o->decode_err.message);
        return;
    }
    if (o->decode_rc != SPECC_OK) {
        problem("expected success, got %s at %s: %s", specc_code_name(o->decode_rc),
                o->decode_err.path, o->decode_err.message);
        return;
    }
    current_op = OP_VALIDATE;
    if (k->expect == EXPECT_VALIDATE) {
        if (o->v.count != 1 || o->v.e[0].code != k->code || strcmp(o->v.e[0].path, k->path) != 0)
            problem("expected exactly one violation, %s at %s; got %zu, the first %s at %s",
                    specc_code_name(k->code), k->path, o->v.count,
                    o->v.count ? specc_code_name(o->v.e[0].code) : "-",
                    o->v.count ? o->v.e[0].path : "-");
    } else if (o->v.count != 0) {
        problem("expected no violation, got %zu, the first %s at %s: %s", o->v.count,
                specc_code_name(o->v.e[0].code), o->v.e[0].path, o->v.e[0].message);
    }
    if (!o->complete)
        problem("the baseline run stopped at %s", op_names[o->last]);
}

#define OP_COUNT (OP_CLEAR + 1)

typedef struct totals {
    unsigned long payloads, allocations, runs, max_allocations;
    unsigned long ended_at[OP_COUNT]; /* runs ended by nomem, by operation */
} totals;

/* The baseline, then both passes. Returns 1 when the payload passed. */
static int chaos_case(const kase *k, totals *t)

{
    static const pass_kind passes[] = {PASS_SINGLE, PASS_FROM};
    outcome base, o;
    unsigned long allocs, runs = 1, p, ended_at[OP_COUNT];
    char where[256];
    size_t wlen = 0;
    int before_problems, i;

    memset(ended_at, 0, sizeof ended_at);
    payload = k->name;
    problems = 0;
    before_problems = total_problems;

    pass = PASS_NONE;
    fa.fail_at = 0;
    fa.fail_from = false;
    fa.seen = fa.injected = 0;
    fa.live = 0;
    run(k, NULL, &base);
    allocs = fa.seen;
    check_expectation(k, &base);

    for (p = 0; p < sizeof passes / sizeof passes[0]; p++) {
        unsigned long limit = allocs * 4 + 1000;
        pass = passes[p];
        fa.fail_from = pass == PASS_FROM;
        for (fa.fail_at = 1;; fa.fail_at++) {
            fa.seen = fa.injected = 0;
            run(k, &base, &o);
            runs++;
            if (fa.injected == 0) {
                /* Nothing failed: the full baseline result, after all the
                 * failed runs before it. */
                if (o.last != base.last || o.complete != base.complete)
                    problem("a run without failure ended at %s, baseline at %s",
                            op_names[o.last], op_names[base.last]);
                if (fa.seen != allocs)
                    problem("a run without failure made %lu allocations, baseline %lu", fa.seen,
                            allocs);
                check_expectation(k, &o);
                outcome_free(&o);
                break;
            }
            if (o.nomem)
                ended_at[o.last]++;
            outcome_free(&o);
            if (fa.fail_at > limit) {
                problem("still failing allocations after %lu runs (baseline made %lu): giving "
                        "up",
                        fa.fail_at, allocs);
                break;
            }
        }
    }
    pass = PASS_NONE;
    fa.fail_at = 0;
    fa.fail_from = false;
    outcome_free(&base);

    t->payloads++;
    t->allocations += allocs;
    t->runs += runs;
    if (allocs > t->max_allocations)
        t->max_allocations = allocs;
    where[0] = '\0';
    for (i = 0; i < OP_COUNT; i++) {
        t->ended_at[i] += ended_at[i];
        if (ended_at[i] && wlen < sizeof where)
            wlen += (size_t)snprintf(where + wlen, sizeof where - wlen, " %s %lu",
                                     op_names[i], ended_at[i]);
    }
    if (total_problems == before_problems)
        printf("ok %s: %lu allocations per run, %lu runs; nomem at:%s\n", k->name, allocs,
               runs, where);
    fflush(stdout);
    return total_problems == before_problems;
}

/* ---------------------------------------------------------------- input */

static char *read_file(const char *name, size_t *len)
{
    FILE *f = fopen(name, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) {
        perror(name);
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            char *nb;
            cap = cap ? cap * 2 : 65536;
            nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        perror(name);
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool code_by_name(const char *name, specc_code *out)
{
    int c;
    /* Every code has a name; past the last one specc_code_name says "unknown". */
    for (c = SPECC_OK; strcmp(specc_code_name((specc_code)c), "unknown") != 0; c++)
        if (strcmp(specc_code_name((specc_code)c), name) == 0) {
            *out = (specc_code)c;
            return true;
        }
    return false;
}

#define FIELD_COUNT 6

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

static int run_tsv(const char *file, totals *t)
{
    size_t len, cases = 0, failed = 0;
    char *all = read_file(file, &len), *line, *next;
    long lineno = 0;
    if (!all)
        return 2;
    for (line = all; line && *line; line = next) {
        char *fields[FIELD_COUNT], *nl = strchr(line, '\n');
        char name[512];
        size_t l;
        kase k;
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        l = strlen(line);
        while (l > 0 && line[l - 1] == '\r')
            line[--l] = '\0';
        if (l == 0 || line[0] == '#')
            continue;
        cases++;
        if (split(line, fields) != 0) {
            printf("FAIL %s:%ld: not NAME TARGET STAGE CODE PATH JSON\n", file, lineno);
            failed++;
            continue;
        }
        memset(&k, 0, sizeof k);
        snprintf(name, sizeof name, "%s:%s", file, fields[0]);
        k.name = name;
        k.type = targets_find(fields[1]);
        k.text = fields[5];
        k.len = strlen(fields[5]);
        k.path = fields[4];
        if (strcmp(fields[2], "decode") == 0)
            k.expect = EXPECT_DECODE;
        else if (strcmp(fields[2], "validate") == 0)
            k.expect = EXPECT_VALIDATE;
        else {
            printf("FAIL %s: stage must be decode or validate, not %s\n", name, fields[2]);
            failed++;
            continue;
        }
        if (!k.type || !code_by_name(fields[3], &k.code)) {
            printf("FAIL %s: unknown target %s or code %s\n", name, fields[1], fields[3]);
            failed++;
            continue;
        }
        if (!chaos_case(&k, t))
            failed++;
    }
    free(all);
    if (cases == 0) {
        printf("FAIL %s: no cases\n", file);
        return 1;
    }
    printf("%s: %zu cases, %zu failed\n", file, cases, failed);
    return failed ? 1 : 0;
}

/* The payload's variants with VARIANT_KEY at the top level and in every
 * object, for each of variant_values. Built with injection off. */
static int run_unknown(const kase *sample, totals *t)
{
    size_t i, objects;
    int ok = 1, nested;
    for (i = 0; i < variant_value_count; i++) {
        for (nested = 0; nested < 2; nested++) {
            char name[512];
            kase k = *sample;
            char *text;
            size_t len = 0;
            fa.paused++;
            text = nested ? variant_nested(k.type, k.text, k.len, VARIANT_KEY,
                                           variant_values[i], &len, &objects)
                          : variant_top(k.text, k.len, VARIANT_KEY, variant_values[i], &len);
            fa.paused--;
            snprintf(name, sizeof name, "%s +%s %s", sample->name, nested ? "nested" : "top",
                     variant_values[i]);
            if (!text) {
                printf("FAIL %s: cannot build the variant\n", name);
                total_problems++;
                ok = 0;
                continue;
            }
            k.name = name;
            k.text = text;
            k.len = len;
            k.json_may_range = true;
            ok &= chaos_case(&k, t);
            fa.paused++;
            if (nested)
                specc_free(text);
            else
                free(text);
            fa.paused--;
        }
    }
    payload = sample->name;
    return ok;
}

int main(int argc, char **argv)
{
    totals t;
    int status;

    memset(&t, 0, sizeof t);
    /* Before anything can allocate through jansson or the runtime. */
    fail_alloc_install();
    install_crash_handlers();
    use_arena = decode_path_option(&argc, argv);

    if (argc == 3 && strcmp(argv[1], "--tsv") == 0) {
        status = run_tsv(argv[2], &t);
    } else if ((argc == 3 && argv[1][0] != '-') ||
               (argc == 4 && strcmp(argv[1], "--unknown") == 0)) {
        int unknown = argc == 4;
        kase k;
        size_t len;
        char *text = read_file(argv[2 + unknown], &len);
        if (!text)
            return 2;
        memset(&k, 0, sizeof k);
        k.name = argv[2 + unknown];
        k.type = targets_find(argv[1 + unknown]);
        k.text = text;
        k.len = len;
        k.expect = EXPECT_OK;
        if (!k.type) {
            fprintf(stderr, "chaos: unknown target %s\n", argv[1 + unknown]);
            free(text);
            return 2;
        }
        status = (unknown ? run_unknown(&k, &t) : chaos_case(&k, &t)) ? 0 : 1;
        free(text);
    } else {
        fputs("usage: chaos [--arena] TARGET FILE\n       chaos [--arena] --unknown TARGET FILE\n"
              "       chaos [--arena] --tsv FILE.tsv\n",
              stderr);
        return 2;
    }
    printf("chaos (%s path): %lu payload(s), %lu allocations per run in all (at most %lu), "
           "%lu runs, %d problem(s); runs ended by nomem at:",
           use_arena ? "arena" : "malloc", t.payloads, t.allocations, t.max_allocations, t.runs,
           total_problems);
    {
        int i;
        for (i = 0; i < OP_COUNT; i++)
            if (t.ended_at[i])
                printf(" %s %lu", op_names[i], t.ended_at[i]);
        putchar('\n');
    }
    if (total_problems && status == 0)
        status = 1;
    return status;
}
