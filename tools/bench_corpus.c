/*
 * bench_corpus — the bench's generated payloads, made at build time from the
 * samples (nothing of it is committed).
 *
 * usage: bench_corpus OUTDIR COUNT LARGE_BYTES SAMPLE.json...
 *
 * Per API (the samples' directory names), into OUTDIR:
 *   <api>.corpus  COUNT payloads: each a sample of the API (any of its
 *                 targets, picked at random) varied by mutate_document
 *                 (bench_mutate.h), written compact or indented by two
 *                 spaces (half each), and kept only when it decodes as its
 *                 target and validates with no violation (otherwise another
 *                 try; after 8 failed tries the sample itself is used).
 *   <api>.large   one payload of at least LARGE_BYTES: the sample with the
 *                 most bytes in growable arrays and maps (grow_document),
 *                 those grown with varied copies of their items, written
 *                 compact, checked the same way (if the varied copies fail,
 *                 plain copies). An API none of whose samples has such an
 *                 array or map would get its largest sample with undeclared
 *                 keys added up to the size (variant_widen); none of the
 *                 seven needs it.
 * Files are in bench_corpus_io.h's format. Deterministic: a fixed seed per
 * API, so the same samples give the same bytes.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_corpus_io.h"
#include "bench_mutate.h"
#include "targets.h"
#include "variants.h"
#include "read_file.h"

#define SEED 0x5eedC0DEB3A7C0DEull
#define TRIES 8

typedef struct sample {
    char api[64];
    char target[128];
    const specc_type *type;
    char *text;
    size_t len;
    json_t *dom; /* NULL when jansson cannot hold it (then used as it is) */
} sample;

static int valid(const specc_type *type, const char *text, size_t len)
{
    specc_error err;
    void *v = calloc(1, type->size ? type->size : 1);
    int ok = v && specc_decode_text(type, text, len, v, &err) == SPECC_OK &&
             specc_validate(type, v, NULL, NULL) == 0;
    if (v)
        specc_clear(type, v);
    free(v);
    return ok;
}

static FILE *open_out(const char *dir, const char *api, const char *ext)
{
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s.%s", dir, api, ext);
    if (!(f = fopen(path, "wb")) || fputs(CORPUS_MAGIC, f) == EOF) {
        fprintf(stderr, "bench_corpus: cannot write %s\n", path);
        exit(1);
    }
    return f;
}

static void close_out(FILE *f)
{
    if (ferror(f) || fclose(f) != 0) {
        fputs("bench_corpus: write error\n", stderr);
        exit(1);
    }
}

static uint64_t seed_of(const char *api)
{
    uint64_t h = 1469598103934665603ull;
    for (; *api; api++)
        h = (h ^ (unsigned char)*api) * 1099511628211ull;
    return SEED ^ h;
}

/* COUNT varied payloads of the API's samples s[0..n). */
static void write_corpus(const char *dir, const sample *s, size_t n, size_t count)
{
    bench_rng rng = {seed_of(s[0].api)};
    FILE *f = open_out(dir, s[0].api, "corpus");
    size_t i, bytes = 0, rejected = 0, verbatim = 0;
    for (i = 0; i < count; i++) {
        const sample *p = &s[rng_below(&rng, n)];
        char *text = NULL;
        int t;
        for (t = 0; p->dom && t < TRIES && !text; t++) {
            json_t *doc = json_deep_copy(p->dom);
            size_t flags = rng_below(&rng, 2) ? JSON_COMPACT : JSON_INDENT(2);
            mutate_document(doc, p->type, &rng);
            text = json_dumps(doc, flags | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
            json_decref(doc);
            if (text && !valid(p->type, text, strlen(text))) {
                free(text);
                text = NULL;
                rejected++;
            }
        }
        if (text) {
            corpus_write(f, p->target, text, strlen(text));
            bytes += strlen(text);
            free(text);
        } else {
            corpus_write(f, p->target, p->text, p->len);
            bytes += p->len;
            verbatim++;
        }
    }
    close_out(f);
    printf("bench_corpus: %-10s %zu payloads, %.1f MB (%zu varied tries rejected, %zu samples "
           "as they are)\n",
           s[0].api, count, (double)bytes / 1e6, rejected, verbatim);
}

/* One payload of at least `bytes`. */
static void write_large(const char *dir, const sample *s, size_t n, size_t bytes)
{
    bench_rng rng = {seed_of(s[0].api) ^ 0x1a59e};
    const sample *best = NULL, *largest = &s[0];
    size_t i, most = 0;
    char *text = NULL;
    const char *how = "";
    FILE *f;
    for (i = 0; i < n; i++) {
        size_t g = s[i].dom ? growable_bytes(s[i].dom, s[i].type) : 0;
        if (g > most) {
            most = g;
            best = &s[i];
        }
        if (s[i].len > largest->len)
            largest = &s[i];
    }
    for (i = 0; best && i < 2 && !text; i++) {
        json_t *doc = json_deep_copy(best->dom);
        grow_document(doc, best->type, bytes, &rng, i == 0);
        text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
        json_decref(doc);
        how = i == 0 ? "arrays and maps grown with varied copies" : "arrays and maps grown";
        if (text && !valid(best->type, text, strlen(text))) {
            free(text);
            text = NULL;
        }
    }
    if (!text) {
        /* No growable array or map: undeclared keys, about 50 bytes each. */
        size_t len = 0, keys = bytes / 40;
        best = largest;
        text = variant_widen(best->text, best->len, keys, &len);
        how = "undeclared keys added";
        if (!text || !valid(best->type, text, len)) {
            fprintf(stderr, "bench_corpus: no large payload for %s\n", best->api);
            exit(1);
        }
    }
    f = open_out(dir, s[0].api, "large");
    corpus_write(f, best->target, text, strlen(text));
    close_out(f);
    printf("bench_corpus: %-10s large payload %.1f MB from %s (%s)\n", s[0].api,
           (double)strlen(text) / 1e6, best->target, how);
    free(text);
}

int main(int argc, char **argv)
{
    sample *samples;
    size_t n = 0, count, large, i, j;
    if (argc < 5) {
        fputs("usage: bench_corpus OUTDIR COUNT LARGE_BYTES SAMPLE.json...\n", stderr);
        return 2;
    }
    count = strtoul(argv[2], NULL, 10);
    large = strtoul(argv[3], NULL, 10);
    if (!(samples = calloc((size_t)argc, sizeof *samples)))
        return 1;
    for (i = 4; i < (size_t)argc; i++) {
        sample *s = &samples[n];
        if (!sample_target(argv[i], s->target, sizeof s->target, s->api, sizeof s->api) ||
            !(s->type = targets_find(s->target)) || !(s->text = read_file(argv[i], &s->len)) ||
            !valid(s->type, s->text, s->len)) {
            fprintf(stderr, "bench_corpus: %s is not a valid sample of a known target\n",
                    argv[i]);
            return 1;
        }
        s->dom = json_loadb(s->text, s->len, JSON_DECODE_ANY, NULL);
        n++;
    }
    /* One API's samples come together (paths in order). */
    for (i = 0; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(samples[j].api, samples[i].api) == 0; j++)
            ;
        if (j < n && i > 0 && strcmp(samples[j].api, samples[i - 1].api) == 0) {
            fputs("bench_corpus: give each API's samples together\n", stderr);
            return 2;
        }
        write_corpus(argv[1], &samples[i], j - i, count);
        write_large(argv[1], &samples[i], j - i, large);
    }
    for (i = 0; i < n; i++) {
        json_decref(samples[i].dom);
        free(samples[i].text);
    }
    free(samples);
    return 0;
}
