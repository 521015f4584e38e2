/*
 * bench_ops.c — the timed operations (see bench_ops.h).
 */
#include "bench_ops.h"

#include <stdlib.h>
#include <string.h>

#include "bench_simdjson.h"
#ifdef SPECC_BENCH_CJSON
#include <cjson/cJSON.h>
#endif

const char *const bench_op_names[OP_COUNT] = {
    "decode",        "decode_arena",  "encode",      "decode_jansson", "encode_jansson",
    "jansson_parse", "jansson_dump", "cjson_parse", "cjson_print",    "simdjson_parse",
};

const char *bench_op_missing(bench_op op)
{
#ifndef SPECC_BENCH_CJSON
    if (op == OP_CJSON_PARSE || op == OP_CJSON_PRINT)
        return "cJSON (libcjson-dev) was not found when the build was configured";
#endif
#ifndef SPECC_BENCH_SIMDJSON
    if (op == OP_SIMDJSON_PARSE)
        return "simdjson (libsimdjson-dev, and a C++ compiler) was not found when the build was "
               "configured";
#endif
    (void)op;
    return NULL;
}

struct bench_state {
    const bench_payload *payloads;
    size_t count;
    void *scratch;   /* a decode target as large as the largest type */
    void **values;   /* each payload decoded (NULL: it does not) */
    json_t **doms;   /* each payload loaded by jansson (NULL: refused) */
    specc_arena *arena;
#ifdef SPECC_BENCH_CJSON
    cJSON **cjsons; /* each payload parsed by cJSON (NULL: refused) */
#endif
#ifdef SPECC_BENCH_SIMDJSON
    bench_simdjson *simd;
#endif
};

bench_state *bench_state_new(const bench_payload *payloads, size_t count)
{
    bench_state *st = calloc(1, sizeof *st);
    size_t i, largest = 1;
    if (!st)
        return NULL;
    st->payloads = payloads;
    st->count = count;
    for (i = 0; i < count; i++)
        if (payloads[i].type->size > largest)
            largest = payloads[i].type->size;
    st->scratch = malloc(largest);
    st->values = calloc(count ? count : 1, sizeof *st->values);
    st->doms = calloc(count ? count : 1, sizeof *st->doms);
    st->arena = specc_arena_new();
    if (!st->scratch || !st->values || !st->doms || !st->arena) {
        bench_state_free(st);
        return NULL;
    }
    for (i = 0; i < count; i++) {
        const bench_payload *p = &payloads[i];
        specc_error err;
        void *v = malloc(p->type->size ? p->type->size : 1);
        if (v && specc_decode_text(p->type, p->text, p->len, v, &err) == SPECC_OK) {
            st->values[i] = v;
        } else {
            free(v);
        }
        st->doms[i] = json_loadb(p->text, p->len, JSON_DECODE_ANY, NULL);
    }
#ifdef SPECC_BENCH_CJSON
    if (!(st->cjsons = calloc(count ? count : 1, sizeof *st->cjsons))) {
        bench_state_free(st);
        return NULL;
    }
    for (i = 0; i < count; i++)
        st->cjsons[i] = cJSON_ParseWithLength(payloads[i].text, payloads[i].len);
#endif
#ifdef SPECC_BENCH_SIMDJSON
    {
        const char **texts = malloc((count ? count : 1) * sizeof *texts);
        size_t *lens = malloc((count ? count : 1) * sizeof *lens);
        for (i = 0; texts && lens && i < count; i++) {
            texts[i] = payloads[i].text;
            lens[i] = payloads[i].len;
        }
        st->simd = texts && lens ? bench_simdjson_new(texts, lens, count) : NULL;
        free(texts);
        free(lens);
        if (!st->simd) {
            bench_state_free(st);
            return NULL;
        }
    }
#endif
    return st;
}

void bench_state_free(bench_state *st)
{
    size_t i;
    if (!st)
        return;
    for (i = 0; i < st->count; i++) {
        if (st->values && st->values[i]) {
            specc_clear(st->payloads[i].type, st->values[i]);
            free(st->values[i]);
        }
        if (st->doms)
            json_decref(st->doms[i]);
#ifdef SPECC_BENCH_CJSON
        if (st->cjsons)
            cJSON_Delete(st->cjsons[i]);
#endif
    }
#ifdef SPECC_BENCH_CJSON
    free(st->cjsons);
#endif
#ifdef SPECC_BENCH_SIMDJSON
    bench_simdjson_free(st->simd);
#endif
    if (st->arena)
        specc_arena_free(st->arena);
    free(st->values);
    free(st->doms);
    free(st->scratch);
    free(st);
}

/* One operation on payload i; nonzero on failure. */
static int run_one(bench_state *st, bench_op op, size_t i)
{
    const bench_payload *p = &st->payloads[i];
    specc_error err;
    char *text;
    json_t *dom;
    int bad;
    switch (op) {
    case OP_DECODE:
        bad = specc_decode_text(p->type, p->text, p->len, st->scratch, &err) != SPECC_OK;
        specc_clear(p->type, st->scratch);
        return bad;
    case OP_DECODE_ARENA:
        bad = specc_decode_text_arena(p->type, p->text, p->len, st->scratch, st->arena, &err) !=
              SPECC_OK;
        specc_arena_reset(st->arena);
        return bad;
    case OP_ENCODE:
        if (!st->values[i])
            return 1;
        text = specc_encode_text(p->type, st->values[i], NULL, NULL);
        specc_free(text);
        return text == NULL;
    case OP_DECODE_JANSSON:
        if (!(dom = json_loadb(p->text, p->len, JSON_DECODE_ANY, NULL)))
            return 1;
        bad = specc_decode_json(p->type, dom, st->scratch, &err) != SPECC_OK;
        specc_clear(p->type, st->scratch);
        json_decref(dom);
        return bad;
    case OP_ENCODE_JANSSON:
        if (!st->values[i] || !(dom = specc_encode_json(p->type, st->values[i], NULL)))
            return 1;
        text = json_dumps(dom, JSON_COMPACT | JSON_ENCODE_ANY);
        free(text);
        json_decref(dom);
        return text == NULL;
    case OP_JANSSON_PARSE:
        dom = json_loadb(p->text, p->len, JSON_DECODE_ANY, NULL);
        json_decref(dom);
        return dom == NULL;
    case OP_JANSSON_DUMP:
        if (!st->doms[i])
            return 1;
        text = json_dumps(st->doms[i], JSON_COMPACT | JSON_ENCODE_ANY);
        free(text);
        return text == NULL;
#ifdef SPECC_BENCH_CJSON
    case OP_CJSON_PARSE: {
        cJSON *tree = cJSON_ParseWithLength(p->text, p->len);
        cJSON_Delete(tree);
        return tree == NULL;
    }
    case OP_CJSON_PRINT:
        if (!st->cjsons[i])
            return 1;
        text = cJSON_PrintUnformatted(st->cjsons[i]);
        cJSON_free(text);
        return text == NULL;
#endif
    default:
        return 1;
    }
}

int bench_run(bench_state *st, bench_op op)
{
    size_t i;
    int bad = 0;
    if (bench_op_missing(op))
        return -1;
#ifdef SPECC_BENCH_SIMDJSON
    if (op == OP_SIMDJSON_PARSE)
        return bench_simdjson_parse_all(st->simd) ? -1 : 0;
#endif
    for (i = 0; i < st->count; i++)
        bad |= run_one(st, op, i);
    return bad ? -1 : 0;
}
