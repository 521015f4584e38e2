/*
 * bench — how fast the bindings decode and encode, next to jansson, cJSON
 * and simdjson, in one process and on the same bytes.
 *
 * usage: bench [--json] [--quick] [--only TEXT] [--samples DIR] [--corpus DIR]
 *              [--unknown N] [TARGET FILE ...]
 *
 * Cases (bench_cases.h): every sample under the samples directory (default:
 * the source tree's specs/samples), then per API its generated corpus of
 * varied payloads and its large payload (default: the build's bench-corpus/,
 * made by tools/bench_corpus.c at build time); or, given TARGET FILE pairs,
 * those files only. --only keeps the cases whose name holds TEXT; --unknown
 * N adds N undeclared keys to each sample (variants.h).
 *
 * For each case and each operation (bench_ops.h: decode, decode_arena,
 * encode, decode_jansson, encode_jansson, jansson_parse, jansson_dump,
 * cjson_parse, cjson_print, simdjson_parse), over all of the case's
 * payloads: RUNS runs, each repeating the pass over the payloads enough
 * times to last at least 50 ms; the median run is reported in MB/s of the
 * case's JSON text (its bytes, for every operation, encoders included: so
 * two operations' ratio is the inverse ratio of their times). Decoding
 * includes freeing the value. Then, outside the timed runs, peak_bytes
 * (bench_alloc.h): for the payload of the case whose decode peaks highest
 * (a sample's only payload; in a corpus the one that needs the most memory
 * to decode), "decode" is the most heap bytes live at once during
 * specc_decode_text and "structs" the heap bytes live once it returned (the
 * decoded value); both count what specc and jansson request through
 * jansson's allocator, not the caller's top-level struct nor malloc's own
 * overhead.
 *
 * Output: a table, or with --json one JSON document:
 *   {"build": {"type", "runs", "min_run_ms", "quick"},
 *    "missing": {OP: why} (only when an operation is not built in),
 *    "cases": [{"name", "kind", "target", "bytes", "count",
 *               "mb_s": {OP: MB/s or null}, "peak_bytes": {"decode", "structs"}}]}
 * null: the operation failed on a payload or is not built in (stderr says
 * which). --quick: one pass of each operation, no warm-up, no repeats (a
 * smoke test: the numbers mean little).
 * tools/bench_targets.py reads the JSON and checks the targets.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_alloc.h"
#include "bench_cases.h"
#include "bench_ops.h"

#ifndef SPECC_BENCH_SAMPLES
#define SPECC_BENCH_SAMPLES "specs/samples"
#endif
#ifndef SPECC_BENCH_CORPUS
#define SPECC_BENCH_CORPUS "build/bench-corpus"
#endif
#ifndef SPECC_BENCH_BUILD_TYPE
#define SPECC_BENCH_BUILD_TYPE ""
#endif

#define RUNS 5
#define MIN_RUN 0.05 /* seconds */

static int quick;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median MB/s of RUNS runs of op over the case; -1 when it fails. */
static double measure(bench_state *st, bench_op op, size_t bytes)
{
    double rates[RUNS];
    size_t reps = 1, r;
    int k;

    /* Calibrate (and warm up): enough passes for a run of >= MIN_RUN. */
    for (;;) {
        double t0 = now(), t;
        for (r = 0; r < reps; r++)
            if (bench_run(st, op))
                return -1;
        t = now() - t0;
        if (quick) /* that pass is the one run */
            return (double)bytes * (double)reps / t / 1e6;
        if (t >= MIN_RUN)
            break;
        if (t < MIN_RUN / 100)
            reps *= 10;
        else
            reps = (size_t)((double)reps * MIN_RUN * 1.2 / t) + 1;
    }
    for (k = 0; k < RUNS; k++) {
        double t0 = now(), t;
        for (r = 0; r < reps; r++)
            bench_run(st, op);
        t = now() - t0;
        rates[k] = (double)bytes * (double)reps / t / 1e6;
    }
    qsort(rates, RUNS, sizeof rates[0], compare_double);
    return rates[RUNS / 2];
}

/* peak_bytes of the case (see the top comment); -1 when a payload does not
 * decode. */
static int measure_peak(const bench_case *c, size_t *decode, size_t *structs)
{
    size_t i, largest = 1;
    void *out;
    int status = 0;
    *decode = *structs = 0;
    for (i = 0; i < c->count; i++)
        if (c->payloads[i].type->size > largest)
            largest = c->payloads[i].type->size;
    if (!(out = malloc(largest)))
        return -1;
    for (i = 0; i < c->count && status == 0; i++) {
        const bench_payload *p = &c->payloads[i];
        specc_error err;
        size_t live, peak;
        alloc_count_begin();
        status = specc_decode_text(p->type, p->text, p->len, out, &err) == SPECC_OK ? 0 : -1;
        live = alloc_live();
        peak = alloc_peak();
        specc_clear(p->type, out);
        if (alloc_count_end()) {
            fprintf(stderr, "bench: %s: memory still held after specc_clear\n", c->name);
            exit(1);
        }
        if (peak > *decode) {
            *decode = peak;
            *structs = live;
        }
    }
    free(out);
    return status;
}

static void print_header(void)
{
    static const char *const short_names[OP_COUNT] = {
        "decode", "arena", "encode", "dec_jsn", "enc_jsn",
        "jsn_prs", "jsn_dmp", "cj_prs", "cj_prt", "simd"};
    int op;
    printf("MB/s of each case's JSON text (median of %d runs of >= %.0f ms); peak: heap bytes "
           "live during a decode, structs: after it\n",
           quick ? 1 : RUNS, MIN_RUN * 1000);
    printf("%-48s %10s %5s", "case", "bytes", "count");
    for (op = 0; op < OP_COUNT; op++)
        printf(" %7s", short_names[op]);
    printf(" %10s %10s\n", "peak", "structs");
}

static void print_row(const bench_case *c, const double *rates, size_t peak, size_t structs)
{
    int op;
    printf("%-48.48s %10zu %5zu", c->name, c->bytes, c->count);
    for (op = 0; op < OP_COUNT; op++)
        if (rates[op] < 0)
            printf(" %7s", "-");
        else
            printf(" %7.1f", rates[op]);
    printf(" %10zu %10zu\n", peak, structs);
    fflush(stdout);
}

static json_t *case_json(const bench_case *c, const double *rates, size_t peak, size_t structs)
{
    json_t *mb_s = json_object();
    int op;
    for (op = 0; op < OP_COUNT; op++)
        json_object_set_new(mb_s, bench_op_names[op],
                            rates[op] < 0 ? json_null() : json_real(rates[op]));
    return json_pack("{s:s, s:s, s:s, s:I, s:I, s:o, s:{s:I, s:I}}", "name", c->name, "kind",
                     bench_kind_names[c->kind], "target", c->target, "bytes",
                     (json_int_t)c->bytes, "count", (json_int_t)c->count, "mb_s", mb_s,
                     "peak_bytes", "decode", (json_int_t)peak, "structs", (json_int_t)structs);
}

static int usage(void)
{
    fputs("usage: bench [--json] [--quick] [--only TEXT] [--samples DIR] [--corpus DIR]\n"
          "             [--unknown N] [TARGET FILE ...]\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *samples = SPECC_BENCH_SAMPLES, *corpus = SPECC_BENCH_CORPUS;
    int i = 1, as_json = 0, status = 0, op;
    size_t unknown = 0, c;
    bench_cases cases = {NULL, 0, 0, NULL};
    json_t *doc = NULL, *list = NULL;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0)
            quick = 1;
        else if (strcmp(argv[i], "--json") == 0)
            as_json = 1;
        else if (strcmp(argv[i], "--unknown") == 0 && i + 1 < argc)
            unknown = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            cases.only = argv[++i];
        else if (strcmp(argv[i], "--samples") == 0 && i + 1 < argc)
            samples = argv[++i];
        else if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc)
            corpus = argv[++i];
        else if (argv[i][0] == '-')
            return usage();
        else
            break;
    }
    if ((argc - i) % 2)
        return usage();
    if (i < argc) {
        for (; i + 1 < argc && status == 0; i += 2)
            status = cases_add_file(&cases, argv[i], argv[i + 1], unknown);
    } else {
        status = cases_add_samples(&cases, samples, unknown);
        if (status == 0)
            status = cases_add_corpus(&cases, corpus);
    }
    if (status) {
        cases_free(&cases);
        return 2;
    }

    if (strcmp(SPECC_BENCH_BUILD_TYPE, "Release") != 0 &&
        strcmp(SPECC_BENCH_BUILD_TYPE, "RelWithDebInfo") != 0 &&
        strcmp(SPECC_BENCH_BUILD_TYPE, "MinSizeRel") != 0)
        fprintf(stderr, "bench: warning: built as \"%s\", not optimised: the numbers say little\n",
                SPECC_BENCH_BUILD_TYPE);
    for (op = 0; op < OP_COUNT; op++)
        if (bench_op_missing((bench_op)op))
            fprintf(stderr, "bench: no %s case: %s\n", bench_op_names[op],
                    bench_op_missing((bench_op)op));
    if (as_json) {
        json_t *missing = json_object();
        for (op = 0; op < OP_COUNT; op++)
            if (bench_op_missing((bench_op)op))
                json_object_set_new(missing, bench_op_names[op],
                                    json_string(bench_op_missing((bench_op)op)));
        list = json_array();
        doc = json_pack("{s:{s:s, s:i, s:i, s:b}}", "build", "type", SPECC_BENCH_BUILD_TYPE,
                        "runs", quick ? 1 : RUNS, "min_run_ms", quick ? 0 : (int)(MIN_RUN * 1000),
                        "quick", quick);
        if (json_object_size(missing))
            json_object_set(doc, "missing", missing);
        json_object_set_new(doc, "cases", list);
        json_decref(missing);
    } else {
        print_header();
    }

    for (c = 0; c < cases.count; c++) {
        const bench_case *bc = &cases.list[c];
        double rates[OP_COUNT];
        size_t peak = 0, structs = 0;
        bench_state *st = bench_state_new(bc->payloads, bc->count);
        if (!st) {
            fprintf(stderr, "bench: %s: out of memory\n", bc->name);
            status = 1;
            break;
        }
        for (op = 0; op < OP_COUNT; op++) {
            rates[op] = measure(st, (bench_op)op, bc->bytes);
            if (rates[op] < 0 && !bench_op_missing((bench_op)op)) {
                fprintf(stderr, "bench: %s: %s failed on a payload\n", bc->name,
                        bench_op_names[op]);
                status = 1;
            }
        }
        bench_state_free(st);
        if (measure_peak(bc, &peak, &structs)) {
            fprintf(stderr, "bench: %s does not decode\n", bc->name);
            status = 1;
        }
        if (as_json)
            json_array_append_new(list, case_json(bc, rates, peak, structs));
        else
            print_row(bc, rates, peak, structs);
    }
    if (as_json) {
        if (json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) || fputc('\n', stdout) == EOF)
            status = 1;
        json_decref(doc);
    }
    cases_free(&cases);
    return status;
}
