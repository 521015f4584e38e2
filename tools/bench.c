/*
 * bench — how fast the bindings decode and encode, next to jansson itself.
 *
 * For each payload (sample files, by target), in one process, on the same
 * bytes: specc_decode_text + specc_clear, specc_encode_text, and as the
 * baseline jansson's json_loadb + json_decref and json_dumps — the DOM parse
 * and dump that every jansson-based binding pays before it copies a single
 * field into a struct (so the baseline favours jansson). Each measurement is
 * repeated RUNS times, each run long enough to time (>= 50 ms); the median
 * run is reported in MB/s of JSON text.
 *
 * With --json the columns are the jansson-value entry points instead, on the
 * same bytes: specc_decode_json from the loaded value + specc_clear,
 * specc_encode_json + json_decref, and specc_encode_json + json_dumps (what
 * a caller that wants text through jansson pays); each next to the way they
 * worked before runtime 3 walked jansson values directly ("via text": the
 * value dumped with json_dump_callback then specc_decode_text; the struct
 * encoded with specc_encode_text then read with specc_decode_any_text), in
 * the same process, so that the comparison does not depend on the load of
 * the machine.
 *
 * usage: bench [--quick] [--json] [--unknown N] TARGET FILE [TARGET FILE ...]
 *        (--quick: one short run each, for a smoke test; --unknown N: add N
 *        undeclared keys of varied values to each payload, see variants.h)
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "targets.h"
#include "variants.h"

#define RUNS 7

static int quick, json_columns;

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

typedef struct job {
    const specc_type *type;
    const char *text;
    size_t len;
    void *value;   /* decoded once, for the encode measurements */
    json_t *dom;   /* loaded once, for json_dumps */
} job;

typedef int op_fn(const job *j); /* one operation; nonzero on failure */

static int op_specc_decode(const job *j)
{
    specc_error err;
    char buf[1024];
    void *v = j->type->size <= sizeof buf ? buf : malloc(j->type->size);
    int bad = specc_decode_text(j->type, j->text, j->len, v, &err) != SPECC_OK;
    specc_clear(j->type, v);
    if (v != buf)
        free(v);
    return bad;
}

static int op_jansson_load(const job *j)
{
    json_t *dom = json_loadb(j->text, j->len, 0, NULL);
    json_decref(dom);
    return dom == NULL;
}

static int op_specc_encode(const job *j)
{
    char *text = specc_encode_text(j->type, j->value, NULL, NULL);
    specc_free(text);
    return text == NULL;
}

static int op_jansson_dump(const job *j)
{
    char *text = json_dumps(j->dom, JSON_COMPACT);
    free(text);
    return text == NULL;
}

static int op_specc_decode_json(const job *j)
{
    specc_error err;
    char buf[1024];
    void *v = j->type->size <= sizeof buf ? buf : malloc(j->type->size);
    int bad = specc_decode_json(j->type, j->dom, v, &err) != SPECC_OK;
    specc_clear(j->type, v);
    if (v != buf)
        free(v);
    return bad;
}

static int op_specc_encode_json(const job *j)
{
    json_t *dom = specc_encode_json(j->type, j->value, NULL);
    json_decref(dom);
    return dom == NULL;
}

/* The text of a jansson value, as the old specc_decode_json made it. */
typedef struct sink {
    char *data;
    size_t len, cap;
} sink;

static int sink_put(const char *bytes, size_t size, void *data)
{
    sink *s = data;
    if (s->len + size + 1 > s->cap) {
        size_t cap = (s->len + size + 1) * 2;
        char *grown = realloc(s->data, cap);
        if (!grown)
            return -1;
        s->data = grown;
        s->cap = cap;
    }
    memcpy(s->data + s->len, bytes, size);
    s->len += size;
    return 0;
}

static int op_decode_json_via_text(const job *j)
{
    specc_error err;
    char buf[1024];
    sink s = {NULL, 0, 0};
    void *v = j->type->size <= sizeof buf ? buf : malloc(j->type->size);
    int bad = json_dump_callback(j->dom, sink_put, &s, JSON_ENCODE_ANY | JSON_COMPACT) != 0 ||
              specc_decode_text(j->type, s.data, s.len, v, &err) != SPECC_OK;
    specc_clear(j->type, v);
    if (v != buf)
        free(v);
    free(s.data);
    return bad;
}

static json_t *encode_json_via_text(const job *j)
{
    size_t len;
    json_t *dom = NULL;
    char *text = specc_encode_text(j->type, j->value, &len, NULL);
    if (text && specc_decode_any_text(text, len, &dom, NULL) != SPECC_OK)
        dom = NULL;
    specc_free(text);
    return dom;
}

static int op_encode_json_via_text(const job *j)
{
    json_t *dom = encode_json_via_text(j);
    json_decref(dom);
    return dom == NULL;
}

static int op_encode_json_via_text_dump(const job *j)
{
    json_t *dom = encode_json_via_text(j);
    char *text = dom ? json_dumps(dom, JSON_COMPACT) : NULL;
    free(text);
    json_decref(dom);
    return text == NULL;
}

static int op_specc_encode_json_dump(const job *j)
{
    json_t *dom = specc_encode_json(j->type, j->value, NULL);
    char *text = dom ? json_dumps(dom, JSON_COMPACT) : NULL;
    free(text);
    json_decref(dom);
    return text == NULL;
}

/* Median MB/s of RUNS runs of op on the job's text. */
static double measure(op_fn *op, const job *j)
{
    double rates[RUNS];
    size_t reps = 1, r, i;
    int runs = quick ? 1 : RUNS, k;

    /* Calibrate: enough repetitions for a run of >= 50 ms. */
    for (;;) {
        double t0 = now(), t;
        for (i = 0; i < reps; i++)
            if (op(j))
                return -1;
        t = now() - t0;
        if (quick || t >= 0.05)
            break;
        reps *= t > 0.005 ? 2 : 10;
    }
    for (k = 0; k < runs; k++) {
        double t0 = now(), t;
        for (r = 0; r < reps; r++)
            op(j);
        t = now() - t0;
        rates[k] = (double)j->len * (double)reps / t / 1e6;
    }
    qsort(rates, (size_t)runs, sizeof rates[0], compare_double);
    return rates[runs / 2];
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        buf[n] = '\0';
        *len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    int i = 1, status = 0;
    size_t unknown = 0;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0)
            quick = 1;
        else if (strcmp(argv[i], "--json") == 0)
            json_columns = 1;
        else if (strcmp(argv[i], "--unknown") == 0 && i + 1 < argc)
            unknown = strtoul(argv[++i], NULL, 10);
        else
            break;
    }
    if (argc - i < 2 || (argc - i) % 2) {
        fputs("usage: bench [--quick] [--json] [--unknown N] TARGET FILE [TARGET FILE ...]\n", stderr);
        return 2;
    }
    if (json_columns)
        printf("%-36s %7s  %13s %13s  %13s %13s  %13s %13s\n", "payload", "bytes",
               "decode_json", "via text", "encode_json", "via text", "enc_json+dump",
               "via text");
    else
        printf("%-36s %7s  %13s %13s  %13s %13s\n", "payload", "bytes", "specc decode",
               "jansson load", "specc encode", "jansson dump");
    for (; i + 1 < argc; i += 2) {
        job j;
        specc_error err;
        const char *name = argv[i + 1], *p;
        /* Show "api/file": the last two parts of the path. */
        for (p = argv[i + 1]; *p; p++)
            if (*p == '/' && strchr(p + 1, '/'))
                name = p + 1;
        j.type = targets_find(argv[i]);
        j.text = slurp(argv[i + 1], &j.len);
        if (!j.type || !j.text) {
            fprintf(stderr, "bench: unknown target %s or unreadable %s\n", argv[i], argv[i + 1]);
            return 2;
        }
        if (unknown) {
            size_t wide_len;
            char *wide = variant_widen(j.text, j.len, unknown, &wide_len);
            free((char *)j.text);
            if (!wide) {
                fprintf(stderr, "bench: %s is not a JSON object\n", argv[i + 1]);
                return 2;
            }
            j.text = wide;
            j.len = wide_len;
        }
        j.value = malloc(j.type->size);
        j.dom = json_loadb(j.text, j.len, 0, NULL);
        if (!j.value || !j.dom ||
            specc_decode_text(j.type, j.text, j.len, j.value, &err) != SPECC_OK) {
            fprintf(stderr, "bench: %s does not decode\n", argv[i + 1]);
            return 1;
        }
        if (json_columns)
            printf("%-36.36s %7zu  %8.1f MB/s %8.1f MB/s  %8.1f MB/s %8.1f MB/s  %8.1f MB/s "
                   "%8.1f MB/s\n",
                   name, j.len, measure(op_specc_decode_json, &j),
                   measure(op_decode_json_via_text, &j), measure(op_specc_encode_json, &j),
                   measure(op_encode_json_via_text, &j), measure(op_specc_encode_json_dump, &j),
                   measure(op_encode_json_via_text_dump, &j));
        else
            printf("%-36.36s %7zu  %8.1f MB/s %8.1f MB/s  %8.1f MB/s %8.1f MB/s\n", name, j.len,
                   measure(op_specc_decode, &j), measure(op_jansson_load, &j),
                   measure(op_specc_encode, &j), measure(op_jansson_dump, &j));
        specc_clear(j.type, j.value);
        free(j.value);
        json_decref(j.dom);
        free((char *)j.text);
    }
    return status;
}
