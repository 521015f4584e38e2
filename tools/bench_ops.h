/*
 * bench_ops.h — the operations `bench` times, each over every payload of a
 * case, and what they need made beforehand (outside the timed runs).
 */
#ifndef SPECC_BENCH_OPS_H
#define SPECC_BENCH_OPS_H

#include <stddef.h>

#include "specc.h"

/* One payload: its target's type and its JSON text. */
typedef struct bench_payload {
    const specc_type *type;
    const char *text;
    size_t len;
} bench_payload;

/* The operations, in the order of the output. */
typedef enum bench_op {
    OP_DECODE,         /* specc_decode_text + specc_clear */
    OP_DECODE_ARENA,   /* specc_decode_text_arena + specc_arena_reset */
    OP_ENCODE,         /* specc_encode_text + specc_free */
    OP_DECODE_JANSSON, /* json_loadb + specc_decode_json + specc_clear + json_decref */
    OP_ENCODE_JANSSON, /* specc_encode_json + json_dumps + frees */
    OP_JANSSON_PARSE,  /* json_loadb + json_decref */
    OP_JANSSON_DUMP,   /* json_dumps of a loaded tree + free */
    OP_CJSON_PARSE,    /* cJSON_ParseWithLength + cJSON_Delete */
    OP_CJSON_PRINT,    /* cJSON_PrintUnformatted of a parsed tree + cJSON_free */
    OP_SIMDJSON_PARSE, /* simdjson::dom::parser::parse of a padded copy */
    OP_COUNT
} bench_op;

/* "decode", "decode_arena" ... (the JSON keys). */
extern const char *const bench_op_names[OP_COUNT];

/* Why an operation cannot run in this build (a library missing at configure
 * time), or NULL when it can. */
const char *bench_op_missing(bench_op op);

typedef struct bench_state bench_state;

/* Everything the operations need for these payloads (decoded values,
 * jansson and cJSON trees, simdjson's padded copies, an arena), made now.
 * NULL when out of memory. A payload that does not decode, or that a
 * library refuses, makes that operation fail (bench_run answers -1). */
bench_state *bench_state_new(const bench_payload *payloads, size_t count);
void bench_state_free(bench_state *st);

/* Run op once over every payload; 0, or -1 when one failed. */
int bench_run(bench_state *st, bench_op op);

#endif
