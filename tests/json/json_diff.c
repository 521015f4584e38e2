/*
 * json_diff.c — specc_decode_json and specc_encode_json against the text
 * entry points, on every input the other suites use.
 *
 * usage: json_diff [--nomem] INPUT...
 *   specs/samples/API/ENDPOINT.STATUS[.V].json   a sample (tools/targets.h)
 *   FILE.tsv                                     negative cases (NAME TARGET
 *                                                STAGE CODE PATH JSON), or
 *                                                kitchen2 cases (NAME TARGET
 *                                                EXPECT JSON)
 *   .../kitchen2/payloads/TYPE[.V].json          a kitchen2 value
 *   anything else                                a fuzz_decode input (the
 *                                                first byte picks the type)
 * Every sample is also run widened with undeclared keys (variants.h), and
 * every input is also run with a 600-deep array added as an undeclared key.
 *
 * For each text: specc_decode_text, and json_loadb (JSON_REJECT_DUPLICATES
 * | JSON_DECODE_ANY | JSON_ALLOW_NUL) + specc_decode_json, must give the
 * same verdict, code, path and message (line and column 0 from the json
 * side), and specc_equal values. Left out, by design, are texts whose
 * meaning jansson changes or cannot hold:
 *   - texts jansson refuses: integers beyond int64, numbers beyond double,
 *     a U+0000 in a key, nesting deeper than jansson's 2048, and everything
 *     that is not JSON (syntax and duplicate keys: nothing to compare);
 *   - texts with a number not spelled as the decoders spell what jansson
 *     holds (its digits, or speccp_format_double's shortest text for a
 *     real): "-0", "1.50", "1E2", "1e-400" ... A decimal field keeps the
 *     spelling, and messages show it, so these differ by design.
 * Then, where the text decodes: specc_encode_json's tree must equal
 * specc_decode_any_text(specc_encode_text(...)), except that decimals
 * written as numbers are jansson reals (specc.h): an integer there may be
 * a real of the same value on the json side, nothing else.
 *
 * --nomem: for each kept text, the N-th allocation fails during
 * specc_decode_json (then every one from the N-th on), for N = 1, 2, ...
 * until a run sees no failure; the same for specc_encode_json. A run with
 * a failure must report SPECC_ERR_NOMEM, leave the output initialised (or
 * return NULL) and leak nothing; the run without must give the baseline.
 *
 * Output: a "FAIL ..." line per problem, then one summary line. Exit 0
 * when all is well, 1 on a problem, 2 on a usage or file error.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fail_alloc.h"
#include "kitchen2.h"
#include "specc_internal.h"
#include "targets.h"
#include "variants.h"
#include "read_file.h"

/* ------------------------------------------------------------ allocator */

/* -------------------------------------------------------------- results */

static int nomem_mode;
static unsigned long problems, compared, refused, respelled, real_decimals, sweeps;
static const char *current = "?";

#if defined(__GNUC__) || defined(__clang__)
static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif

static void problem(const char *fmt, ...)
{
    va_list ap;
    problems++;
    if (problems > 50)
        return;
    printf("FAIL %s: ", current);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static void *new_value(const specc_type *type)
{
    void *p = calloc(1, type->size ? type->size : 1);
    if (!p) {
        fputs("json_diff: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t i;
    for (i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* ------------------------------------------------------- lossless texts */

/* The next number token of a JSON text from *i on (strings skipped), or
 * false at the end. */
static bool next_number(const char *t, size_t len, size_t *i, const char **s, size_t *n)
{
    size_t k = *i;
    while (k < len) {
        char c = t[k];
        if (c == '"') {
            for (k++; k < len && t[k] != '"'; k++)
                if (t[k] == '\\')
                    k++;
            k++;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            *s = t + k;
            while (k < len && strchr("+-.eE0123456789", t[k]))
                k++;
            *n = (size_t)(t + k - *s);
            *i = k;
            return true;
        } else {
            k++;
        }
    }
    *i = k;
    return false;
}

/* Do the numbers of j, in document order, have the spelling the number
 * tokens of text[*i..] have, one by one? */
static bool numbers_match(const json_t *j, const char *text, size_t len, size_t *i)
{
    char buf[40];
    const char *s;
    size_t n, k;
    void *it;
    if (json_is_object(j)) {
        for (it = json_object_iter((json_t *)j); it; it = json_object_iter_next((json_t *)j, it))
            if (!numbers_match(json_object_iter_value(it), text, len, i))
                return false;
    } else if (json_is_array(j)) {
        for (k = 0; k < json_array_size(j); k++)
            if (!numbers_match(json_array_get(j, k), text, len, i))
                return false;
    } else if (json_is_number(j)) {
        if (json_is_real(j))
            k = speccp_format_double(json_real_value(j), buf, sizeof buf);
        else
            k = speccp_int_text((int64_t)json_integer_value(j), buf);
        return next_number(text, len, i, &s, &n) && n == k && memcmp(s, buf, n) == 0;
    }
    return true;
}

/* Does every number of text read back with its spelling from what jansson
 * holds? */
static bool numbers_kept(const char *text, size_t len, const json_t *j)
{
    size_t i = 0, n;
    const char *s;
    return numbers_match(j, text, len, &i) && !next_number(text, len, &i, &s, &n);
}

/* ---------------------------------------------------------- comparisons */

static bool same_error(const specc_error *t, const specc_error *j)
{
    return t->code == j->code && strcmp(t->path, j->path) == 0 &&
           strcmp(t->message, j->message) == 0 && j->line == 0 && j->column == 0;
}

/* got equals want, but for reals in got where want has an integer of the
 * same value (decimals written as numbers); *reals counts them. */
static bool same_tree(const json_t *got, const json_t *want, unsigned long *reals)
{
    size_t i;
    void *it;
    if (json_is_real(got) && json_is_integer(want) &&
        json_real_value(got) == (double)json_integer_value(want)) {
        ++*reals;
        return true;
    }
    if (json_typeof(got) != json_typeof(want))
        return false;
    if (json_is_array(got)) {
        if (json_array_size(got) != json_array_size(want))
            return false;
        for (i = 0; i < json_array_size(got); i++)
            if (!same_tree(json_array_get(got, i), json_array_get(want, i), reals))
                return false;
        return true;
    }
    if (!json_is_object(got))
        return json_equal(got, want);
    if (json_object_size(got) != json_object_size(want))
        return false;
    for (it = json_object_iter((json_t *)got); it; it = json_object_iter_next((json_t *)got, it)) {
        const json_t *w =
            json_object_getn(want, json_object_iter_key(it), json_object_iter_key_len(it));
        if (!w || !same_tree(json_object_iter_value(it), w, reals))
            return false;
    }
    return true;
}

/* specc_encode_json(a) against specc_decode_any_text(specc_encode_text(a)). */
static void compare_encode(const specc_type *type, const void *a)
{
    specc_error err, err2;
    size_t len;
    char *text = specc_encode_text(type, a, &len, &err);
    json_t *want = NULL, *got = specc_encode_json(type, a, &err2);
    unsigned long reals = 0;

    if (!text) {
        problem("encode_text failed: %s at %s: %s", specc_code_name(err.code), err.path,
                err.message);
    } else if (specc_decode_any_text(text, len, &want, &err) != SPECC_OK) {
        problem("decode_any_text of the encoded text failed: %s", err.message);
    } else if (!got) {
        problem("encode_json failed: %s at %s: %s", specc_code_name(err2.code), err2.path,
                err2.message);
    } else if (!json_equal(got, want) && !same_tree(got, want, &reals)) {
        char *g = json_dumps(got, JSON_COMPACT | JSON_ENCODE_ANY);
        problem("encode_json gave %.300s\n  encode_text %.300s", g ? g : "?", text);
        free(g);
    }
    real_decimals += reals;
    json_decref(got);
    json_decref(want);
    specc_free(text);
}

/* ------------------------------------------------------ allocation sweep */

/* Decode (encode when `encode`) with allocation N failing, for every N,
 * single then from N on. */
static void sweep(const specc_type *type, const json_t *j, const void *a, bool encode,
                  specc_code base_rc, const specc_error *base_err)
{
    void *out = new_value(type);
    int pass;
    for (pass = 0; pass < 2; pass++) {
        for (fa.fail_at = 1;; fa.fail_at++) {
            long before = fa.live;
            specc_error err;
            specc_code rc;
            json_t *got = NULL;
            fa.fail_from = pass == 1;
            fa.injected = 0;
            fa.seen = 0;
            if (encode) {
                got = specc_encode_json(type, a, &err);
                rc = got ? SPECC_OK : err.code;
            } else {
                rc = specc_decode_json(type, j, out, &err);
            }
            if (fa.injected && (rc != SPECC_ERR_NOMEM || err.code != SPECC_ERR_NOMEM || got ||
                          (!encode && !all_zero(out, type->size))))
                problem("%s, allocation %lu failing: %s (%s) with output %s",
                        encode ? "encode_json" : "decode_json", fa.fail_at, specc_code_name(rc),
                        err.message, got || !all_zero(out, type->size) ? "set" : "clear");
            if (!fa.injected && (rc != base_rc || (rc && !same_error(base_err, &err))))
                problem("%s without failures: %s, baseline %s",
                        encode ? "encode_json" : "decode_json", specc_code_name(rc),
                        specc_code_name(base_rc));
            json_decref(got);
            if (!encode && rc == SPECC_OK)
                specc_clear(type, out);
            if (fa.live != before)
                problem("%s, allocation %lu failing: %ld blocks leaked",
                        encode ? "encode_json" : "decode_json", fa.fail_at, fa.live - before);
            sweeps++;
            if (!fa.injected)
                break;
        }
    }
    fa.fail_at = 0;
    fa.fail_from = false;
    free(out);
}

/* ------------------------------------------------------------- one text */

static void run_text(const char *name, const specc_type *type, const char *text, size_t len)
{
    void *a = new_value(type), *b = new_value(type);
    specc_error et, ej;
    specc_code rt, rj;
    json_t *j;

    current = name;
    rt = specc_decode_text(type, text, len, a, &et);
    j = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!j) {
        refused++;
    } else if (!numbers_kept(text, len, j)) {
        respelled++;
        if (getenv("JSON_DIFF_VERBOSE"))
            printf("left out (respelled): %s\n", name);
    } else {
        compared++;
        rj = specc_decode_json(type, j, b, &ej);
        if (getenv("JSON_DIFF_VERBOSE"))
            printf("compared %s: %s %s %s\n", name, specc_code_name(rj), rj ? ej.path : "",
                   rj ? ej.message : "");
        if (rt != rj || (rt && !same_error(&et, &ej)))
            problem("text %s at %s \"%s\"; json %s at %s (%d:%d) \"%s\"", specc_code_name(rt),
                    rt ? et.path : "", rt ? et.message : "", specc_code_name(rj),
                    rj ? ej.path : "", ej.line, ej.column, rj ? ej.message : "");
        else if (rt == SPECC_OK && !specc_equal(type, a, b))
            problem("decode_json gave a value not specc_equal to decode_text's");
        if (rj != SPECC_OK && !all_zero(b, type->size))
            problem("decode_json failed but left its output set");
        if (rt == SPECC_OK)
            compare_encode(type, a);
        if (nomem_mode) {
            sweep(type, j, a, false, rj, &ej);
            if (rt == SPECC_OK)
                sweep(type, j, a, true, SPECC_OK, &et);
        }
        if (rj == SPECC_OK)
            specc_clear(type, b);
    }
    json_decref(j);
    if (rt == SPECC_OK)
        specc_clear(type, a);
    free(a);
    free(b);
}

/* The text, then with a 600-deep array as an undeclared first key. */
static void run_all(const char *name, const specc_type *type, const char *text, size_t len)
{
    char deep[1300], label[600];
    size_t i, n;
    char *v;
    run_text(name, type, text, len);
    for (i = 0; i < 600; i++) {
        deep[i] = '[';
        deep[600 + i] = ']';
    }
    deep[1200] = '\0';
    if ((v = variant_top(text, len, "zzDeep", deep, &n)) != NULL) {
        snprintf(label, sizeof label, "%s +deep", name);
        run_text(label, type, v, n);
        free(v);
    }
}

/* ---------------------------------------------------------------- input */

/* samples/<api>/<endpoint>.<status>... → "<api>.<endpoint>.<status>" */
static const specc_type *sample_type(const char *path)
{
    const char *file = strrchr(path, '/'), *api = file;
    char target[200], ep[64];
    int status;
    if (!file)
        return NULL;
    while (api > path && api[-1] != '/')
        api--;
    if (sscanf(file + 1, "%63[a-z0-9_].%d", ep, &status) != 2)
        return NULL;
    snprintf(target, sizeof target, "%.*s.%s.%d", (int)(file - api), api, ep, status);
    return targets_find(target);
}

/* kitchen2/payloads/<Type>[.<variant>].json */
static const specc_type *kitchen2_type(const char *path)
{
    const char *file = strrchr(path, '/') + 1;
    size_t n = strcspn(file, "."), i;
    for (i = 0; i < kitchen2_type_count; i++)
        if (strlen(kitchen2_types[i]->name) == n && !strncmp(kitchen2_types[i]->name, file, n))
            return kitchen2_types[i];
    return NULL;
}

static int run_sample(const char *path, const specc_type *type, bool widen)
{
    size_t len, wlen;
    char *text = read_file(path, &len), *wide, label[600];
    if (!text || !type) {
        fprintf(stderr, "json_diff: cannot read %s or find its type\n", path);
        free(text);
        return 2;
    }
    run_all(path, type, text, len);
    if (widen && (wide = variant_widen(text, len, 16, &wlen)) != NULL) {
        snprintf(label, sizeof label, "%s +widened", path);
        run_all(label, type, wide, wlen);
        free(wide);
    }
    free(text);
    return 0;
}

/* "kitchen2.Type" or "kitchen2.Type@request" → the kitchen2 type. */
static const specc_type *kitchen2_find(const char *target)
{
    size_t n, i;
    if (strncmp(target, "kitchen2.", 9) != 0)
        return NULL;
    target += 9;
    n = strcspn(target, "@");
    for (i = 0; i < kitchen2_type_count; i++)
        if (strlen(kitchen2_types[i]->name) == n && !strncmp(kitchen2_types[i]->name, target, n))
            return kitchen2_types[i];
    return NULL;
}

/* One case a line: NAME TARGET STAGE CODE PATH JSON (tests/negative), or
 * NAME TARGET EXPECT JSON (tests/kitchen2/ajv-cases.tsv); the JSON last. */
static int run_tsv(const char *path)
{
    size_t len;
    char *all = read_file(path, &len), *line, *next, label[600];
    if (!all)
        return 2;
    for (line = all; line && *line; line = next) {
        char *f[6], *nl = strchr(line, '\n');
        const specc_type *type;
        int n = 0;
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        if (*line == '#' || *line == '\0')
            continue;
        for (f[n++] = line; n < 6 && (f[n] = strchr(f[n - 1], '\t')) != NULL; n++)
            *f[n]++ = '\0';
        type = n >= 4 ? targets_find(f[1]) : NULL;
        if (!type && n >= 4)
            type = kitchen2_find(f[1]);
        if ((n != 6 && n != 4) || !type) {
            fprintf(stderr, "json_diff: %s: bad line %s\n", path, line);
            free(all);
            return 2;
        }
        snprintf(label, sizeof label, "%s:%s", path, f[0]);
        run_all(label, type, f[n - 1], strlen(f[n - 1]));
    }
    free(all);
    return 0;
}

static int run_fuzz_input(const char *path)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data || len < 1) { /* unreadable, or empty (.keep): no type byte */
        free(data);
        return data ? 0 : 2;
    }
    run_all(path, targets_type((unsigned char)data[0] % targets_type_count(), NULL), data + 1,
            len - 1);
    free(data);
    return 0;
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

int main(int argc, char **argv)
{
    int i = 1, status = 0;
    fail_alloc_install();
    if (i < argc && strcmp(argv[i], "--nomem") == 0) {
        nomem_mode = 1;
        i++;
    }
    if (i >= argc) {
        fputs("usage: json_diff [--nomem] INPUT...\n", stderr);
        return 2;
    }
    for (; i < argc && status != 2; i++) {
        const char *p = argv[i];
        if (ends_with(p, ".tsv"))
            status = run_tsv(p);
        else if (strstr(p, "/kitchen2/payloads/"))
            status = run_sample(p, kitchen2_type(p), false);
        else if (ends_with(p, ".json") && strstr(p, "/samples/"))
            status = run_sample(p, sample_type(p), true);
        else
            status = run_fuzz_input(p);
    }
    if (fa.live != 0)
        problem("%ld blocks still allocated at the end", fa.live);
    printf("json_diff: %lu texts compared, %lu refused by jansson, %lu with numbers jansson "
           "respells (left out); %lu decimals as reals; %lu allocation-failure runs; %lu "
           "problem(s)\n",
           compared, refused, respelled, real_decimals, sweeps, problems);
    return status ? status : problems ? 1 : 0;
}
