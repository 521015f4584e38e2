/* test_limits.c — hostile sizes: nesting 100 000 deep, 16 MB strings and
 * keys, a million array elements, 200 000 map keys, numbers beyond double
 * and int64, 100 000-digit decimals. Each must end in the exact error (code
 * and path) or decode exactly and re-encode byte for byte, without a stack
 * overflow, and fast: every operation is timed and must stay under
 * LIMIT_SECONDS, so that hostile input cannot stall a client.
 *
 * Documented behaviour checked here:
 *   - SPECC_MAX_DEPTH counts every array and object, the document's own
 *     object included: 512 nested containers decode (and validate and
 *     encode), 513 are SPECC_ERR_DEPTH at the 513th one's path; the
 *     decoder never recurses further, whatever the input's depth.
 *   - A path too long for specc_error.path keeps its start and its end
 *     with "..." between.
 *   - 1e999999 and -1e999999 are SPECC_ERR_RANGE for number fields and for
 *     `any` values; 1e-999999 underflows and is accepted as 0 (+0.0;
 *     -1e-999999 gives -0.0), strtod's nearest value; re-encoded, a number
 *     field writes 0 and an `any` real -0.0.
 *   - A 10 000-digit integer is SPECC_ERR_RANGE in an integer field and in
 *     `any` (int64 only); in a number field it is beyond double: RANGE too.
 *   - A decimal keeps its spelling whatever its length (100 000 digits).
 */
#include <float.h>
#include <math.h>
#include <time.h>

#include "check.h"

/* Generous: these all take milliseconds. Scaled up under sanitizers and
 * valgrind, which are 2x to 50x slower. */
#define LIMIT_SECONDS 5.0

static double time_factor = 1.0;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double started;

static void start(void)
{
    started = now();
}

/* The time since start() must be under the limit. */
#define STOP(what) stop_at(__FILE__, __LINE__, (what))

static void stop_at(const char *file, int line, const char *what)
{
    double took = now() - started;
    printf("  %-58s %8.3f s\n", what, took);
    if (took >= LIMIT_SECONDS * time_factor) {
        fprintf(stderr, "%s:%d: %s took %.3f s, limit %.1f s\n", file, line, what, took,
                LIMIT_SECONDS * time_factor);
        check_failures++;
    }
}

/* ---------------------------------------------------------- text buffer */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void reserve(buf *b, size_t more)
{
    if (b->len + more + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        char *n;
        while (cap < b->len + more + 1)
            cap *= 2;
        n = realloc(b->s, cap);
        if (!n) {
            fputs("out of memory building a test input\n", stderr);
            exit(2);
        }
        b->s = n;
        b->cap = cap;
    }
}

static void put(buf *b, const char *s)
{
    size_t n = strlen(s);
    reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void put_repeat(buf *b, const char *s, size_t times)
{
    size_t n = strlen(s), i;
    reserve(b, n * times);
    for (i = 0; i < times; i++) {
        memcpy(b->s + b->len, s, n);
        b->len += n;
    }
    b->s[b->len] = '\0';
}

static void put_fmt(buf *b, const char *fmt, unsigned long v)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, fmt, v);
    put(b, tmp);
}

static void reset(buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

/* Encode `value` and require exactly `want[0..want_len)`. */
static void check_bytes(const specc_type *type, const void *value, const char *want,
                        size_t want_len, const char *what)
{
    specc_error err;
    size_t len = 0;
    char *out;
    start();
    out = specc_encode_text(type, value, &len, &err);
    STOP(what);
    if (!out) {
        fprintf(stderr, "%s: encoding failed: %s at %s: %s\n", what, specc_code_name(err.code),
                err.path, err.message);
        check_failures++;
        return;
    }
    if (len != want_len || memcmp(out, want, len) != 0) {
        size_t i = 0;
        while (i < len && i < want_len && out[i] == want[i])
            i++;
        fprintf(stderr, "%s: re-encoded text differs at byte %zu (%zu bytes, want %zu)\n", what,
                i, len, want_len);
        check_failures++;
    }
    specc_free(out);
}

/* Decode must fail with `code` at `path`, in time, leaving the output
 * initialised. (Not CHECK_DECODE_FAILS: it would print megabytes.) */
static void fails(const specc_type *type, const buf *b, specc_code code, const char *path,
                  const char *what)
{
    void *out = calloc(1, type->size), *zero = calloc(1, type->size);
    specc_error err;
    specc_code rc;
    if (!out || !zero) {
        fputs("out of memory\n", stderr);
        exit(2);
    }
    memset(&err, 0x5a, sizeof err);
    start();
    rc = specc_decode_text(type, b->s, b->len, out, &err);
    STOP(what);
    if (rc != code || err.code != code || strcmp(err.path, path) != 0) {
        fprintf(stderr, "%s: got %s (err.code %s) at %s: %s\n  want %s at %s\n", what,
                specc_code_name(rc), specc_code_name(err.code), err.path, err.message,
                specc_code_name(code), path);
        check_failures++;
    }
    specc_init(type, zero);
    if (rc != SPECC_OK && memcmp(out, zero, type->size) != 0) {
        fprintf(stderr, "%s: failed but left the output not initialised\n", what);
        check_failures++;
    }
    specc_clear(type, out);
    free(out);
    free(zero);
}

/* A path as the runtime shortens it: `head` then `unit` n_head times,
 * "...", then `unit` n_tail times. */
static char *cut_path(const char *head, const char *unit, size_t n_head, size_t n_tail)
{
    buf p = {NULL, 0, 0};
    put(&p, head);
    put_repeat(&p, unit, n_head);
    put(&p, "...");
    put_repeat(&p, unit, n_tail);
    return p.s;
}

/* A Thing's required members in the encoder's order (the spec's), split
 * around where the containers under test go: HEAD ... TAIL. */
#define THING_HEAD                                                                                 \
    "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\",\"count\":1,"       \
    "\"flag\":false,\"cost\":\"1\",\"blob\":{}"
#define THING_TAIL ",\"part\":{\"sku\":\"ABC-1\"}}"

/* ---------------------------------------------------------------- depth */

static void test_depth(void)
{
    const size_t deep = 100000;
    buf b = {NULL, 0, 0};
    kitchen_scalars_t s;
    kitchen_thing_t t;
    char *path;

    /* 100 000 arrays in an `any` value: stopped at the 513th container,
     * whose path is $.a then 512 [0] (the document is the first). */
    path = cut_path("$.a", "[0]", 41, 42);
    CHECK_INT(strlen(path), SPECC_PATH_MAX - 1);
    put(&b, "{\"a\":");
    put_repeat(&b, "[", deep);
    put_repeat(&b, "]", deep);
    put(&b, "}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_DEPTH, path, "decode: 100 000 [ in any");
    /* Unterminated: the depth error comes first, all the same. */
    reset(&b);
    put(&b, "{\"a\":");
    put_repeat(&b, "[", deep);
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_DEPTH, path, "decode: 100 000 [ unterminated");
    /* In an unknown field (kept as `any`) and in an ignored one (skipped). */
    reset(&b);
    put(&b, "{\"zz\":");
    put_repeat(&b, "[", deep);
    put_repeat(&b, "]", deep);
    put(&b, "}");
    free(path);
    path = cut_path("$.zz", "[0]", 41, 41);
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_DEPTH, path, "decode: 100 000 [ in unknown");
    free(path);
    reset(&b);
    put(&b, "{\"sku\":\"ABC-1\",\"zz\":");
    put_repeat(&b, "{\"k\":", deep);
    put(&b, "1");
    put_repeat(&b, "}", deep);
    put(&b, "}");
    path = cut_path("$.zz", ".k", 61, 63);
    fails(&kitchen_part_desc, &b, SPECC_ERR_DEPTH, path, "decode: 100 000 { in ignored");
    free(path);

    /* 100 000 objects down the recursive parent chain. */
    reset(&b);
    put_repeat(&b, "{\"parent\":", deep);
    put(&b, "null");
    put_repeat(&b, "}", deep);
    path = cut_path("$", ".parent", 18, 17);
    fails(&kitchen_thing_desc, &b, SPECC_ERR_DEPTH, path, "decode: 100 000 { in parent");
    free(path);

    /* Exactly SPECC_MAX_DEPTH containers: the document and 511 arrays.
     * Decodes, validates, encodes to the same bytes. One more is too deep. */
    reset(&b);
    put(&b, "{\"a\":");
    put_repeat(&b, "[", SPECC_MAX_DEPTH - 1);
    put_repeat(&b, "]", SPECC_MAX_DEPTH - 1);
    put(&b, "}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        json_t *j = s.a;
        size_t levels = 0;
        STOP("decode: 511 [ in any (the limit)");
        while (json_is_array(j)) {
            levels++;
            j = json_array_size(j) ? json_array_get(j, 0) : NULL;
        }
        CHECK_INT(levels, SPECC_MAX_DEPTH - 1);
        CHECK_INT(kitchen_scalars_validate(&s, NULL, NULL), 0);
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len, "encode: 511 [ in any");
        kitchen_scalars_clear(&s);
    }
    reset(&b);
    put(&b, "{\"a\":");
    put_repeat(&b, "[", SPECC_MAX_DEPTH);
    put_repeat(&b, "]", SPECC_MAX_DEPTH);
    put(&b, "}");
    path = cut_path("$.a", "[0]", 41, 42);
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_DEPTH, path, "decode: 512 [ in any");
    free(path);

    /* A parent chain at the limit: 511 Things (each with the required
     * members; each one's `part` object is one level further down). */
    reset(&b);
    put_repeat(&b, THING_HEAD ",\"parent\":", SPECC_MAX_DEPTH - 1);
    put(&b, "null");
    put_repeat(&b, THING_TAIL, SPECC_MAX_DEPTH - 1);
    start();
    if (CHECK_DECODES(&kitchen_thing_desc, b.s, &t)) {
        const kitchen_thing_t *p;
        size_t chain = 0;
        violations v;
        STOP("decode: 511 Things in a parent chain (the limit)");
        for (p = &t; p; p = p->parent)
            chain++;
        CHECK_INT(chain, SPECC_MAX_DEPTH - 1);
        start();
        VALIDATE(&kitchen_thing_desc, &t, &v, 0);
        STOP("validate: 511 Things in a parent chain");
        check_bytes(&kitchen_thing_desc, &t, b.s, b.len, "encode: 511 Things in a parent chain");
        kitchen_thing_clear(&t);
    }
    reset(&b);
    put_repeat(&b, THING_HEAD ",\"parent\":", SPECC_MAX_DEPTH);
    put(&b, "null");
    put_repeat(&b, THING_TAIL, SPECC_MAX_DEPTH);
    /* The 512th Thing's blob is the 513th container. */
    path = cut_path("$", ".parent", 18, 17);
    {
        buf full = {NULL, 0, 0};
        put(&full, path);
        put(&full, ".blob");
        fails(&kitchen_thing_desc, &b, SPECC_ERR_DEPTH, full.s, "decode: 512 Things");
        free(full.s);
    }
    free(path);
    free(b.s);
}

/* -------------------------------------------------------------- strings */

#define BIG (16u * 1024u * 1024u)

static void test_huge_strings(void)
{
    buf b = {NULL, 0, 0};
    kitchen_scalars_t s;
    size_t i;
    char *value = malloc(BIG + 1);

    if (!value)
        return;
    /* Printable ASCII (no quote, no backslash) with UTF-8 in it: the
     * encoder writes all of it unescaped, so the text must come back
     * byte for byte. */
    for (i = 0; i < BIG; i++)
        value[i] = (char)('a' + i % 26);
    for (i = 1000; i + 2 < BIG; i += 1000003) {
        value[i] = '\xc3';
        value[i + 1] = '\xa9'; /* é */
    }
    value[BIG] = '\0';

    put(&b, "{\"s\":\"");
    put(&b, value);
    put(&b, "\"}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: 16 MB string");
        CHECK_INT(s.s_state, SPECC_PRESENT);
        CHECK(s.s && strlen(s.s) == BIG && memcmp(s.s, value, BIG) == 0);
        start();
        CHECK_INT(kitchen_scalars_validate(&s, NULL, NULL), 0);
        STOP("validate: 16 MB string");
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len, "encode: 16 MB string");
        kitchen_scalars_clear(&s);
    }

    /* The same bytes as the key of an unknown field: kept, exactly. */
    reset(&b);
    put(&b, "{\"");
    put(&b, value);
    put(&b, "\":1}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: 16 MB key (unknown field)");
        CHECK(s._unknown.count == 1);
        if (s._unknown.count == 1) {
            const specc_unknown_member *m = &s._unknown.members[0];
            CHECK(m->key_len == BIG && memcmp(m->key, value, BIG) == 0);
            CHECK_STR(m->json, "1");
        }
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len, "encode: 16 MB key");
        kitchen_scalars_clear(&s);
    }
    /* And a 16 MB key that is not closed: a syntax error at the start. */
    reset(&b);
    put(&b, "{\"");
    put(&b, value);
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_SYNTAX, "$", "decode: 16 MB key, unterminated");
    /* A 16 MB string where an integer belongs: a type error, quoted short. */
    reset(&b);
    put(&b, "{\"i\":\"");
    put(&b, value);
    put(&b, "\"}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_TYPE, "$.i", "decode: 16 MB string for integer");
    free(value);
    free(b.s);
}

/* --------------------------------------------------------------- arrays */

static void test_huge_arrays(void)
{
    const size_t n = 1000000;
    buf b = {NULL, 0, 0};
    kitchen_scalars_t s;
    kitchen_thing_t t;
    size_t i;

    /* A million strings in an `any` array. */
    put(&b, "{\"a\":[");
    for (i = 0; i < n; i++)
        put_fmt(&b, i ? ",\"s%lu\"" : "\"s%lu\"", (unsigned long)i);
    put(&b, "]}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: 1 000 000 strings in any");
        CHECK(json_is_array(s.a) && json_array_size(s.a) == n);
        CHECK_STR(json_string_value(json_array_get(s.a, 0)), "s0");
        CHECK_STR(json_string_value(json_array_get(s.a, n - 1)), "s999999");
        start();
        CHECK_INT(kitchen_scalars_validate(&s, NULL, NULL), 0);
        STOP("validate: 1 000 000 strings in any");
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len, "encode: 1 000 000 strings in any");
        kitchen_scalars_clear(&s);
    }
    /* The millionth-and-first is broken: found, at its index. */
    b.len -= 2;
    put(&b, ",\"x]}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_SYNTAX, "$.a[1000000]",
          "decode: 1 000 000 strings, then a broken one");

    /* A million integers in one row of `matrix` (a typed array). */
    reset(&b);
    put(&b, THING_HEAD ",\"matrix\":[[");
    for (i = 0; i < n; i++)
        put_fmt(&b, i ? ",%lu" : "%lu", (unsigned long)i);
    put(&b, "],[]]" THING_TAIL);
    start();
    if (CHECK_DECODES(&kitchen_thing_desc, b.s, &t)) {
        violations v;
        STOP("decode: 1 000 000 integers in matrix");
        CHECK_INT(t.matrix.count, 2);
        if (t.matrix.count == 2) {
            CHECK_INT(t.matrix.items[0].count, n);
            CHECK_INT(t.matrix.items[0].items[n - 1], n - 1);
            CHECK_INT(t.matrix.items[1].count, 0);
        }
        start();
        VALIDATE(&kitchen_thing_desc, &t, &v, 0);
        STOP("validate: 1 000 000 integers in matrix");
        check_bytes(&kitchen_thing_desc, &t, b.s, b.len, "encode: 1 000 000 integers in matrix");
        kitchen_thing_clear(&t);
    }
    /* One bad element at the end of the row: its exact path. */
    b.len -= 5 + strlen(THING_TAIL);
    put(&b, ",1.5],[]]" THING_TAIL);
    fails(&kitchen_thing_desc, &b, SPECC_ERR_TYPE, "$.matrix[0][1000000]",
          "decode: 1 000 000 integers, then 1.5");
    free(b.s);
}

/* ----------------------------------------------------------------- maps */

static void test_huge_maps(void)
{
    const size_t n = 200000;
    buf b = {NULL, 0, 0};
    kitchen_thing_t t;
    kitchen_scalars_t s;
    size_t i;

    /* 200 000 keys in `scores` (no maxItems). */
    put(&b, THING_HEAD ",\"scores\":{");
    for (i = 0; i < n; i++)
        put_fmt(&b, i ? ",\"k%lu\":1.5" : "\"k%lu\":1.5", (unsigned long)i);
    put(&b, "}" THING_TAIL);
    start();
    if (CHECK_DECODES(&kitchen_thing_desc, b.s, &t)) {
        violations v;
        STOP("decode: 200 000 keys in scores");
        CHECK_INT(t.scores.count, n);
        if (t.scores.count == n) {
            CHECK_STR(t.scores.keys[0], "k0");
            CHECK_STR(t.scores.keys[n - 1], "k199999"); /* input order */
            CHECK(t.scores.values[n - 1] == 1.5);
        }
        start();
        VALIDATE(&kitchen_thing_desc, &t, &v, 0);
        STOP("validate: 200 000 keys in scores");
        check_bytes(&kitchen_thing_desc, &t, b.s, b.len, "encode: 200 000 keys in scores");
        /* The validator and the encoder find a repeated key among them. */
        if (t.scores.count == n) {
            char *saved = t.scores.keys[n - 1];
            specc_error err;
            char *out;
            t.scores.keys[n - 1] = t.scores.keys[3];
            start();
            VALIDATE(&kitchen_thing_desc, &t, &v, 1);
            STOP("validate: 200 000 keys, the last repeats one");
            CHECK_VIOLATION(&v, SPECC_ERR_DUPLICATE_KEY, "$.scores.k3", NULL);
            start();
            out = kitchen_thing_encode_text(&t, NULL, &err);
            STOP("encode: 200 000 keys, the last repeats one");
            CHECK(out == NULL);
            if (!out) {
                CHECK_CODE(err.code, SPECC_ERR_DUPLICATE_KEY);
                CHECK_STR(err.path, "$.scores.k3");
            }
            specc_free(out);
            t.scores.keys[n - 1] = saved;
        }
        kitchen_thing_clear(&t);
    }
    /* One more key repeating the first: a duplicate, found in linear time. */
    b.len -= 1 + strlen(THING_TAIL);
    put(&b, ",\"k0\":2}" THING_TAIL);
    fails(&kitchen_thing_desc, &b, SPECC_ERR_DUPLICATE_KEY, "$.scores.k0",
          "decode: 200 000 keys, then a duplicate");

    /* 200 000 unknown fields: kept in order. */
    reset(&b);
    put(&b, "{");
    for (i = 0; i < n; i++)
        put_fmt(&b, i ? ",\"u%lu\":true" : "\"u%lu\":true", (unsigned long)i);
    put(&b, "}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: 200 000 unknown fields");
        CHECK(s._unknown.count == n);
        CHECK(s._unknown.count == n && strcmp(s._unknown.members[n - 1].key, "u199999") == 0 &&
              strcmp(s._unknown.members[n - 1].json, "true") == 0);
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len, "encode: 200 000 unknown fields");
        kitchen_scalars_clear(&s);
    }
    b.len -= 1;
    put(&b, ",\"u100000\":false}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_DUPLICATE_KEY, "$.u100000",
          "decode: 200 000 unknown fields, then a duplicate");
    free(b.s);
}

/* -------------------------------------------------------------- numbers */

static void test_huge_numbers(void)
{
    buf b = {NULL, 0, 0}, digits = {NULL, 0, 0};
    kitchen_scalars_t s;

    /* Beyond double: RANGE, for a number field and for `any`. */
    put(&b, "{\"n\":1e999999}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.n", "decode: n 1e999999");
    reset(&b);
    put(&b, "{\"n\":-1e999999}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.n", "decode: n -1e999999");
    reset(&b);
    put(&b, "{\"a\":[0,{\"x\":1e999999}]}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.a[1].x", "decode: any 1e999999");
    reset(&b);
    put(&b, "{\"a\":-1e999999}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.a", "decode: any -1e999999");
    reset(&b);
    put(&b, "{\"zz\":1e999999}"); /* unknown fields keep their text: no range */
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len, "encode: unknown 1e999999");
        kitchen_scalars_clear(&s);
    }

    /* Underflow: the nearest double, 0 (with its sign). */
    reset(&b);
    put(&b, "{\"n\":1e-999999,\"a\":-1e-999999}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: 1e-999999");
        CHECK_INT(s.n_state, SPECC_PRESENT);
        CHECK(s.n == 0.0 && !signbit(s.n));
        CHECK(json_is_real(s.a) && json_real_value(s.a) == 0.0 && signbit(json_real_value(s.a)));
        CHECK_INT(kitchen_scalars_validate(&s, NULL, NULL), 0);
        /* A number field writes 0; an `any` real keeps its sign and a '.'. */
        check_bytes(&kitchen_scalars_desc, &s, "{\"n\":0,\"a\":-0.0}", 16,
                    "encode: 1e-999999 as 0");
        kitchen_scalars_clear(&s);
    }

    /* A 10 000-digit integer: beyond int64 (and beyond double). */
    put_repeat(&digits, "9876543210", 1000);
    reset(&b);
    put(&b, "{\"i\":");
    put(&b, digits.s);
    put(&b, "}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.i", "decode: integer, 10 000 digits");
    reset(&b);
    put(&b, "{\"a\":-");
    put(&b, digits.s);
    put(&b, "}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.a", "decode: any, 10 000 digits");
    reset(&b);
    put(&b, "{\"n\":");
    put(&b, digits.s);
    put(&b, "}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_RANGE, "$.n", "decode: number, 10 000 digits");
    /* ... but 10 000 digits that are mostly a fraction fit a double. */
    reset(&b);
    put(&b, "{\"n\":0.");
    put(&b, digits.s);
    put(&b, "}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: number 0.<10 000 digits>");
        CHECK(s.n == 0.9876543210987654);
        kitchen_scalars_clear(&s);
    }

    /* A 100 000-digit decimal, as a string and as a number: kept exactly. */
    reset(&digits);
    put(&digits, "-");
    put_repeat(&digits, "1234567890", 5000);
    put(&digits, ".");
    put_repeat(&digits, "0987654321", 5000);
    put(&digits, "e-7");
    reset(&b);
    put(&b, "{\"d\":\"");
    put(&b, digits.s);
    put(&b, "\"}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: decimal string, 100 000 digits");
        CHECK(s.d.is_string);
        CHECK(s.d.text && strcmp(s.d.text, digits.s) == 0);
        start();
        CHECK_INT(kitchen_scalars_validate(&s, NULL, NULL), 0);
        STOP("validate: decimal string, 100 000 digits");
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len,
                    "encode: decimal string, 100 000 digits");
        kitchen_scalars_clear(&s);
    }
    reset(&b);
    put(&b, "{\"d\":");
    put(&b, digits.s);
    put(&b, "}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: decimal number, 100 000 digits");
        CHECK(!s.d.is_string);
        CHECK(s.d.text && strcmp(s.d.text, digits.s) == 0);
        check_bytes(&kitchen_scalars_desc, &s, b.s, b.len,
                    "encode: decimal number, 100 000 digits");
        kitchen_scalars_clear(&s);
    }
    /* A decimal with a 1 000 000-digit exponent is still just a spelling. */
    reset(&b);
    put(&b, "{\"d\":\"1e");
    put_repeat(&b, "9", 1000000);
    put(&b, "\"}");
    start();
    if (CHECK_DECODES(&kitchen_scalars_desc, b.s, &s)) {
        STOP("decode: decimal 1e<1 000 000 nines>");
        CHECK(s.d.text && strlen(s.d.text) == 1000002);
        kitchen_scalars_clear(&s);
    }
    /* A bad character at the end of 100 000 digits: a format error. */
    reset(&b);
    put(&b, "{\"d\":\"");
    put(&b, digits.s);
    put(&b, "x\"}");
    fails(&kitchen_scalars_desc, &b, SPECC_ERR_FORMAT, "$.d",
          "decode: decimal string, 100 000 digits then x");
    free(digits.s);
    free(b.s);
}

int main(void)
{
    const char *preload = getenv("LD_PRELOAD");
#if defined(__SANITIZE_ADDRESS__)
    time_factor = 4.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    time_factor = 4.0;
#endif
#endif
    if (preload && strstr(preload, "vgpreload")) /* under valgrind */
        time_factor = 40.0;
    printf("time limit per operation: %.1f s\n", LIMIT_SECONDS * time_factor);
    test_depth();
    test_huge_strings();
    test_huge_arrays();
    test_huge_maps();
    test_huge_numbers();
    CHECK_DONE();
}
