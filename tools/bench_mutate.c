/*
 * bench_mutate.c — varied and grown payloads for the bench corpus (see
 * bench_mutate.h).
 */
#define _POSIX_C_SOURCE 200809L

#include "bench_mutate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64
#define GROW_MIN_MAX_ITEMS 1000000u /* a maxItems at least this large is no bound here */

uint64_t rng_next(bench_rng *rng)
{
    uint64_t z = (rng->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

size_t rng_below(bench_rng *rng, size_t n)
{
    return n ? (size_t)(rng_next(rng) % n) : 0;
}

static double rng_unit(bench_rng *rng)
{
    return (double)(rng_next(rng) >> 11) / 9007199254740992.0;
}

static json_t *vary(json_t *v, const specc_shape *s, bench_rng *rng, int depth);

/* ------------------------------------------------------------ scalars */

/* Code points of UTF-8 text. */
static size_t code_points(const char *s, size_t len)
{
    size_t i, n = 0;
    for (i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Text of n code points: lower-case words, now and then an é, a quote, a
 * backslash or a newline (so the encoders have escapes to write). */
static json_t *some_text(size_t n, bench_rng *rng)
{
    static const char rare[] = "\"\\\n/";
    char *buf = malloc(2 * n + 1);
    size_t i, len = 0, word = 3 + rng_below(rng, 7);
    json_t *s;
    if (!buf)
        return NULL;
    for (i = 0; i < n; i++) {
        size_t r = rng_below(rng, 400);
        if (i + 1 < n && i > 0 && word-- == 0) {
            buf[len++] = ' ';
            word = 3 + rng_below(rng, 7);
        } else if (r < 8) {
            buf[len++] = (char)0xC3; /* é */
            buf[len++] = (char)0xA9;
        } else if (r < 10) {
            buf[len++] = rare[r - 8 + rng_below(rng, 3)];
        } else {
            buf[len++] = (char)('a' + rng_below(rng, 26));
        }
    }
    s = json_stringn(buf, len);
    free(buf);
    return s;
}

static json_t *vary_string(json_t *v, const specc_shape *s, bench_rng *rng)
{
    char buf[64];
    size_t n, lo, hi;
    if (!json_is_string(v) || s->pattern || (s->flags & SPECC_S_CONST))
        return NULL;
    switch (s->format) {
    case SPECC_FORMAT_DATE:
    case SPECC_FORMAT_DATE_TIME: {
        int y = 2015 + (int)rng_below(rng, 12), mo = 1 + (int)rng_below(rng, 12),
            d = 1 + (int)rng_below(rng, 28);
        if (s->format == SPECC_FORMAT_DATE)
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
        else
            snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d,
                     (int)rng_below(rng, 24), (int)rng_below(rng, 60), (int)rng_below(rng, 60));
        return json_string(buf);
    }
    case SPECC_FORMAT_UUID: {
        static const char hex[] = "0123456789abcdef";
        size_t i;
        for (i = 0; i < 36; i++)
            buf[i] = (i == 8 || i == 13 || i == 18 || i == 23) ? '-' : hex[rng_below(rng, 16)];
        buf[36] = '\0';
        return json_string(buf);
    }
    case SPECC_FORMAT_NONE:
        break;
    default:
        return NULL; /* uri, email, hostname, ip, byte: kept */
    }
    n = code_points(json_string_value(v), json_string_length(v));
    if (n == 0 && rng_below(rng, 4))
        return NULL;
    lo = n / 2;
    hi = n ? n + n / 2 : 8;
    if ((s->flags & SPECC_S_MIN_LENGTH) && lo < s->min_length)
        lo = s->min_length;
    if ((s->flags & SPECC_S_MAX_LENGTH) && hi > s->max_length)
        hi = s->max_length;
    if (lo > hi)
        return NULL;
    return some_text(lo + rng_below(rng, hi - lo + 1), rng);
}

static json_t *vary_integer(json_t *v, const specc_shape *s, bench_rng *rng)
{
    json_int_t x, y, lo = INT64_MIN, hi = INT64_MAX;
    double scaled;
    if (!json_is_integer(v) || (s->flags & (SPECC_S_MULTIPLE_OF | SPECC_S_CONST)))
        return NULL;
    if (s->flags & SPECC_S_INT_ENUM)
        return s->enum_count ? json_integer(s->enum_ints[rng_below(rng, s->enum_count)]) : NULL;
    x = json_integer_value(v);
    if (s->format == SPECC_FORMAT_UNIX_TIME)
        y = x + (json_int_t)rng_below(rng, 20000000) - 10000000;
    else if (x == 0)
        y = rng_below(rng, 4) ? 0 : (json_int_t)rng_below(rng, 100);
    else if (x > -16 && x < 16)
        y = x + (json_int_t)rng_below(rng, 5) - 2;
    else if ((scaled = (double)x * (0.5 + 1.5 * rng_unit(rng))) > -9e18 && scaled < 9e18)
        y = (json_int_t)scaled;
    else
        return NULL;
    if (x >= 0 && y < 0)
        y = 0;
    if (s->kind == SPECC_KIND_INT32) {
        lo = INT32_MIN;
        hi = INT32_MAX;
    }
    if ((s->flags & SPECC_S_MINIMUM) && s->min_int > lo)
        lo = s->min_int;
    if ((s->flags & SPECC_S_EXCLUSIVE_MINIMUM) && s->min_int >= lo)
        lo = s->min_int + 1;
    if ((s->flags & SPECC_S_MAXIMUM) && s->max_int < hi)
        hi = s->max_int;
    if ((s->flags & SPECC_S_EXCLUSIVE_MAXIMUM) && s->max_int <= hi)
        hi = s->max_int - 1;
    return y >= lo && y <= hi ? json_integer(y) : NULL;
}

/* NUMBER and DECIMAL (as a JSON number or, for a decimal, a string). */
static json_t *vary_number(json_t *v, const specc_shape *s, bench_rng *rng)
{
    double x, y;
    char buf[64], *end;
    if (s->flags & (SPECC_S_MULTIPLE_OF | SPECC_S_CONST))
        return NULL;
    if (json_is_number(v))
        x = json_number_value(v);
    else if (s->kind == SPECC_KIND_DECIMAL && json_is_string(v) && json_string_length(v)) {
        x = strtod(json_string_value(v), &end);
        if (*end)
            return NULL;
    } else
        return NULL;
    y = x * (0.5 + 1.5 * rng_unit(rng));
    y = fabs(y) >= 1 ? round(y * 100) / 100 : round(y * 10000) / 10000;
    if (((s->flags & SPECC_S_MINIMUM) && y < s->min_num) ||
        ((s->flags & SPECC_S_EXCLUSIVE_MINIMUM) && y <= s->min_num) ||
        ((s->flags & SPECC_S_MAXIMUM) && y > s->max_num) ||
        ((s->flags & SPECC_S_EXCLUSIVE_MAXIMUM) && y >= s->max_num) || !(fabs(y) < 1e15))
        return NULL;
    if (json_is_string(v)) {
        snprintf(buf, sizeof buf, "%.2f", y);
        return json_string(buf);
    }
    return json_is_integer(v) ? json_integer((json_int_t)y) : json_real(y);
}

/* --------------------------------------------------------- containers */

static void vary_object(json_t *obj, const specc_type *t, bench_rng *rng, int depth)
{
    size_t i;
    if (!json_is_object(obj) || !t || t->kind != SPECC_TYPE_OBJECT || depth > MAX_DEPTH)
        return;
    for (i = 0; i < t->field_count; i++) {
        const specc_field *f = &t->fields[i];
        json_t *v = json_object_getn(obj, f->name, f->name_len), *nv;
        if (!v)
            continue;
        if (!(f->flags & SPECC_F_REQUIRED) && rng_below(rng, 12) == 0)
            json_object_deln(obj, f->name, f->name_len);
        else if ((f->flags & SPECC_F_NULLABLE) && rng_below(rng, 24) == 0)
            json_object_setn_new(obj, f->name, f->name_len, json_null());
        else if ((nv = vary(v, &f->shape, rng, depth + 1)) != NULL)
            json_object_setn_new(obj, f->name, f->name_len, nv);
    }
}

/* A varied deep copy of v. */
static json_t *varied_copy(json_t *v, const specc_shape *s, bench_rng *rng, int depth)
{
    json_t *c = json_deep_copy(v), *nv;
    if (c && rng && (nv = vary(c, s, rng, depth)) != NULL) {
        json_decref(c);
        c = nv;
    }
    return c;
}

/* The count range [*lo, *hi] for a container of n entries. */
static int count_range(const specc_shape *s, size_t n, size_t *lo, size_t *hi)
{
    *lo = n / 2;
    *hi = n ? 2 * n + 1 : 0;
    if ((s->flags & SPECC_S_MIN_ITEMS) && *lo < s->min_items)
        *lo = s->min_items;
    if ((s->flags & SPECC_S_MAX_ITEMS) && *hi > s->max_items)
        *hi = s->max_items;
    if (s->flags & SPECC_S_UNIQUE_ITEMS && *hi > n)
        *hi = n;
    return *lo <= *hi;
}

static void vary_array(json_t *a, const specc_shape *s, bench_rng *rng, int depth)
{
    size_t n = json_array_size(a), i, lo, hi, want;
    json_t *nv;
    for (i = 0; i < n; i++)
        if ((nv = vary(json_array_get(a, i), s->items, rng, depth + 1)) != NULL)
            json_array_set_new(a, i, nv);
    if (rng_below(rng, 2) || !count_range(s, n, &lo, &hi))
        return;
    want = lo + rng_below(rng, hi - lo + 1);
    while (json_array_size(a) > want)
        json_array_remove(a, rng_below(rng, json_array_size(a)));
    while (json_array_size(a) < want)
        json_array_append_new(a, varied_copy(json_array_get(a, rng_below(rng, n)), s->items, rng,
                                             depth + 1));
}

/* A key not yet in the map: "<key>~<k>". */
static int fresh_key(const json_t *map, const char *key, size_t *counter, char *buf, size_t size)
{
    do
        if ((size_t)snprintf(buf, size, "%s~%zu", key, (*counter)++) >= size)
            return 0;
    while (json_object_get(map, buf));
    return 1;
}

static void vary_map(json_t *m, const specc_shape *s, bench_rng *rng, int depth)
{
    size_t n = json_object_size(m), lo, hi, want, counter = 1, i = 0;
    const char *key;
    const char **keys;
    json_t *v, *nv;
    char buf[256];
    json_object_foreach(m, key, v)
        if ((nv = vary(v, s->items, rng, depth + 1)) != NULL)
            json_object_set_new(m, key, nv);
    if (rng_below(rng, 2) || !count_range(s, n, &lo, &hi))
        return;
    want = lo + rng_below(rng, hi - lo + 1);
    if (!(keys = malloc((n ? n : 1) * sizeof *keys)))
        return;
    json_object_foreach(m, key, v)
        keys[i++] = key;
    if (want < n) {
        /* Drop n - want keys: a random choice of them, by name (copied,
         * as deleting frees the key). */
        char **gone = calloc(n - want, sizeof *gone);
        for (i = 0; gone && i < n - want; i++) {
            size_t k = i + rng_below(rng, n - i);
            const char *t = keys[k];
            keys[k] = keys[i];
            keys[i] = t;
            gone[i] = strdup(t);
        }
        for (i = 0; gone && i < n - want; i++) {
            if (gone[i])
                json_object_del(m, gone[i]);
            free(gone[i]);
        }
        free(gone);
    } else {
        for (i = n; i < want; i++) {
            const char *from = keys[rng_below(rng, n)];
            if (fresh_key(m, from, &counter, buf, sizeof buf))
                json_object_set_new(m, buf, varied_copy(json_object_get(m, from), s->items, rng,
                                                        depth + 1));
        }
    }
    free(keys);
}

/* A replacement for v (a new reference), or NULL: v kept (containers are
 * varied in place). */
static json_t *vary(json_t *v, const specc_shape *s, bench_rng *rng, int depth)
{
    if (!v || !s || json_is_null(v) || depth > MAX_DEPTH || rng_below(rng, 2))
        return NULL;
    switch (s->kind) {
    case SPECC_KIND_STRING:
        return vary_string(v, s, rng);
    case SPECC_KIND_ENUM:
        if (json_is_string(v) && s->enum_count && !(s->flags & SPECC_S_CONST))
            return json_string(s->enum_names[rng_below(rng, s->enum_count)]);
        return NULL;
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32:
        return vary_integer(v, s, rng);
    case SPECC_KIND_NUMBER:
    case SPECC_KIND_DECIMAL:
        return vary_number(v, s, rng);
    case SPECC_KIND_BOOLEAN:
        if (json_is_boolean(v) && !(s->flags & SPECC_S_CONST))
            return json_boolean(!json_is_true(v));
        return NULL;
    case SPECC_KIND_OBJECT:
        vary_object(v, s->type, rng, depth);
        return NULL;
    case SPECC_KIND_ARRAY:
        if (json_is_array(v) && s->items)
            vary_array(v, s, rng, depth);
        return NULL;
    case SPECC_KIND_MAP:
        if (json_is_object(v) && s->items)
            vary_map(v, s, rng, depth);
        return NULL;
    default: /* any, union: kept */
        return NULL;
    }
}

void mutate_document(json_t *doc, const specc_type *type, bench_rng *rng)
{
    if (type->kind == SPECC_TYPE_VALUE) {
        json_t *nv = NULL;
        /* A scalar root cannot be replaced in place: only containers vary. */
        if (type->value && (json_is_array(doc) || json_is_object(doc)))
            nv = vary(doc, type->value, rng, 0);
        json_decref(nv);
    } else {
        vary_object(doc, type, rng, 0);
    }
}

/* ------------------------------------------------------------ growing */

typedef struct growable {
    json_t *container;
    const specc_shape *shape;
    size_t original; /* entries before growing: copies are made of these */
} growable;

typedef struct growables {
    growable *list;
    size_t count, cap;
} growables;

static void find_in_object(json_t *obj, const specc_type *t, growables *g, int depth);

static void find_growable(json_t *v, const specc_shape *s, growables *g, int depth)
{
    size_t i;
    const char *key;
    json_t *item;
    int is_array, is_map;
    if (depth > MAX_DEPTH || !s)
        return;
    is_array = s->kind == SPECC_KIND_ARRAY && json_is_array(v);
    is_map = s->kind == SPECC_KIND_MAP && json_is_object(v);
    if ((is_array || is_map) && s->items) {
        size_t n = is_array ? json_array_size(v) : json_object_size(v);
        if (n && !(s->flags & SPECC_S_UNIQUE_ITEMS) &&
            (!(s->flags & SPECC_S_MAX_ITEMS) || s->max_items >= GROW_MIN_MAX_ITEMS)) {
            if (g->count == g->cap) {
                growable *grown = realloc(g->list, (g->cap = g->cap ? 2 * g->cap : 8) *
                                                       sizeof *grown);
                if (!grown)
                    return;
                g->list = grown;
            }
            g->list[g->count].container = v;
            g->list[g->count].shape = s;
            g->list[g->count++].original = n;
            return;
        }
        if (is_array)
            for (i = 0; i < json_array_size(v); i++)
                find_growable(json_array_get(v, i), s->items, g, depth + 1);
        else
            json_object_foreach(v, key, item)
                find_growable(item, s->items, g, depth + 1);
    } else if (s->kind == SPECC_KIND_OBJECT) {
        find_in_object(v, s->type, g, depth + 1);
    }
}

static void find_in_object(json_t *obj, const specc_type *t, growables *g, int depth)
{
    size_t i;
    if (!json_is_object(obj) || !t || t->kind != SPECC_TYPE_OBJECT || depth > MAX_DEPTH)
        return;
    for (i = 0; i < t->field_count; i++) {
        json_t *v = json_object_getn(obj, t->fields[i].name, t->fields[i].name_len);
        if (v)
            find_growable(v, &t->fields[i].shape, g, depth + 1);
    }
}

static void find_document(json_t *doc, const specc_type *type, growables *g)
{
    if (type->kind == SPECC_TYPE_VALUE) {
        if (type->value)
            find_growable(doc, type->value, g, 0);
    } else {
        find_in_object(doc, type, g, 0);
    }
}

static size_t dumped_size(const json_t *v)
{
    return json_dumpb(v, NULL, 0, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
}

size_t growable_bytes(const json_t *doc, const specc_type *type)
{
    growables g = {NULL, 0, 0};
    size_t i, bytes = 0;
    find_document((json_t *)doc, type, &g);
    for (i = 0; i < g.count; i++)
        bytes += dumped_size(g.list[i].container);
    free(g.list);
    return bytes;
}

size_t grow_document(json_t *doc, const specc_type *type, size_t bytes, bench_rng *rng,
                     int vary_copies)
{
    bench_rng *copies = vary_copies ? rng : NULL;
    growables g = {NULL, 0, 0};
    size_t size = dumped_size(doc), i = 0, counter = 1;
    char buf[256];
    find_document(doc, type, &g);
    while (g.count && size < bytes) {
        growable *c = &g.list[i++ % g.count];
        json_t *item;
        if (json_is_array(c->container)) {
            item = varied_copy(json_array_get(c->container, rng_below(rng, c->original)),
                               c->shape->items, copies, 1);
            size += dumped_size(item) + 1;
            json_array_append_new(c->container, item);
        } else {
            /* The map's first `original` keys are its own (new ones go last). */
            void *it = json_object_iter(c->container);
            size_t k = rng_below(rng, c->original);
            const char *from;
            while (k--)
                it = json_object_iter_next(c->container, it);
            from = json_object_iter_key(it);
            item = varied_copy(json_object_iter_value(it), c->shape->items, copies, 1);
            if (!fresh_key(c->container, from, &counter, buf, sizeof buf)) {
                json_decref(item);
                break;
            }
            size += dumped_size(item) + strlen(buf) + 4;
            json_object_set_new(c->container, buf, item);
        }
    }
    free(g.list);
    return g.count;
}
