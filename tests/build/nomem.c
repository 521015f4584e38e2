/* The allocation-failure sweep of the builders (issue 14: every helper
 * leaves the value valid and unchanged on failure). Counting allocation
 * functions go to jansson (json_set_alloc_funcs), which the runtime
 * allocates through. For N = 1, 2, ... each builder runs with the N-th
 * allocation failing (pass "one"), then with every allocation from the N-th
 * on failing (pass "rest"), until a run sees no failure. Around each helper
 * call (STEP in build_cases.h) the value is encoded with injection paused;
 * a call that fails must be the one during which an allocation failed, and
 * the value must then encode exactly as before it and validate. Every run
 * must end with no block left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_cases.h"
#include "fail_alloc.h"

static int errors;

/* ------------------------------------------------------- around a step */

static const build_case *cur_case;
static void *cur_value;
static char *snapshot;               /* the value before this step, plain malloc */
static unsigned long injected_before; /* injected when the step began */

static unsigned long cur_n; /* this run's N, for messages */

static void fail(const char *what, const char *call)
{
    fprintf(stderr, "FAIL %s, fail_at %lu%s: %s: %s\n", cur_case->name, cur_n,
            fa.fail_from ? " and on" : "", call, what);
    errors++;
}

static void add_violation(const specc_error *e, void *ctx)
{
    char **text = ctx;
    size_t len = strlen(*text), more = strlen(e->path) + strlen(e->message) + 32;
    char *grown = realloc(*text, len + more);
    if (!grown)
        abort();
    snprintf(grown + len, more, "\n%s %s: %s", specc_code_name(e->code), e->path, e->message);
    *text = grown;
}

/* What the value is, as a plain-malloc string, with injection paused: its
 * encoded text (or, for a value not complete enough to encode, the error),
 * then every violation validate reports. */
static char *snapshot_text(void)
{
    fa.paused++;
    specc_error err;
    char *text = specc_encode_text(cur_case->type, cur_value, NULL, &err);
    size_t size = text ? strlen(text) + 1 : strlen(err.path) + strlen(err.message) + 32;
    char *copy = malloc(size);
    if (!copy)
        abort();
    if (text)
        memcpy(copy, text, size);
    else
        snprintf(copy, size, "(no encoding: %s: %s)", err.path, err.message);
    specc_free(text);
    (void)specc_validate(cur_case->type, cur_value, add_violation, &copy); /* must not crash */
    fa.paused--;
    return copy;
}

void step_before(void)
{
    free(snapshot);
    snapshot = snapshot_text();
    injected_before = fa.injected;
}

bool step_after(bool ok, const char *call)
{
    bool failed_here = fa.injected != injected_before;
    if (ok) {
        if (failed_here)
            fail("succeeded although an allocation failed", call);
        return true;
    }
    if (!failed_here)
        fail("failed with no allocation failing", call);
    char *now = snapshot_text();
    if (strcmp(now, snapshot) != 0) {
        fail("the value changed", call);
        fprintf(stderr, "  before: %s\n  after:  %s\n", snapshot, now);
    }
    free(now);
    return false;
}

/* ------------------------------------------------------------- one run */

/* Run the builder once; the number of failures injected. */
static unsigned long run_once(const build_case *c, unsigned long n, bool rest)
{
    void *v = malloc(c->type->size);
    if (!v)
        abort();
    specc_init(c->type, v);
    cur_case = c;
    cur_value = v;
    fa.seen = fa.injected = 0;
    fa.fail_at = cur_n = n;
    fa.fail_from = rest;
    int rc = c->build(v);
    fa.fail_at = 0;
    if (rc == 0 && fa.injected)
        fail("built although an allocation failed", "(builder)");
    if (rc != 0 && !fa.injected)
        fail("stopped with no allocation failing", "(builder)");
    specc_clear(c->type, v);
    free(v);
    free(snapshot);
    snapshot = NULL;
    if (fa.live != 0) {
        fail("blocks left after clear", "(run)");
        fa.live = 0;
    }
    return fa.injected;
}

/* Both passes over one case; the number of runs. */
static unsigned long sweep(const build_case *c, unsigned long *allocations)
{
    unsigned long runs = 0;
    for (int rest = 0; rest <= 1; rest++) {
        for (unsigned long n = 1;; n++) {
            runs++;
            if (run_once(c, n, rest) == 0)
                break;
        }
        *allocations = fa.seen;
    }
    return runs;
}

int main(void)
{
    fail_alloc_install();
    for (size_t i = 0; i < build_case_count; i++) {
        unsigned long allocations = 0;
        int before = errors;
        unsigned long runs = sweep(&build_cases[i], &allocations);
        printf("%s %s (%lu allocations, %lu runs)\n", errors == before ? "ok" : "FAIL",
               build_cases[i].name, allocations, runs);
    }
    if (errors) {
        fprintf(stderr, "%d error(s)\n", errors);
        return 1;
    }
    return 0;
}
