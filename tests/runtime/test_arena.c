/*
 * test_arena.c — specc_decode_text_arena against specc_decode_text: on the
 * kitchen2 payloads, every sample of specs/ and every negative and ajv case
 * the same value (specc_equal, the same encoded bytes, the same
 * violations) or the same error (code, path, message, line, column), with
 * the output left initialised; an arena reset and reused many times keeps
 * one block; strings larger than a block, huge arrays and maps; `any`
 * values held until reset and released by it; NULL arguments; the
 * alignment of what the arena holds; requests no block can hold.
 * usage: test_arena SOURCE_DIR
 */
#include <dirent.h>
#include <stdint.h>
#include <unistd.h>

#include "check.h"
#include "openwebui.h"
#include "specc_internal.h" /* speccp_arena_alloc, for the block limits */
#include "targets.h"
#include "read_file.h"

static const char *src_dir;

/* ------------------------------------------------------------- helpers */

static char *slurp(const char *path, size_t *len)
{
    char *buf = read_file(path, len);
    if (!buf)
        fprintf(stderr, "cannot read %s\n", path);
    CHECK(buf != NULL);
    return buf;
}

static bool is_initialised(const specc_type *type, const void *value)
{
    unsigned char *fresh = calloc(1, type->size);
    bool same;
    if (!fresh)
        abort();
    specc_init(type, fresh);
    same = memcmp(fresh, value, type->size) == 0;
    free(fresh);
    return same;
}

static void ignore(const specc_error *e, void *ctx)
{
    (void)e;
    (void)ctx;
}

static void same_encoding(const char *what, const specc_type *type, const void *a, const void *r)
{
    specc_error err;
    size_t la = 0, lr = 0;
    char *ta = specc_encode_text(type, a, &la, &err), *tr = specc_encode_text(type, r, &lr, &err);
    if (!ta || !tr || la != lr || memcmp(ta, tr, la) != 0) {
        fprintf(stderr, "%s: the arena value encodes differently\n  malloc: %s\n  arena:  %s\n",
                what, ta ? ta : "(null)", tr ? tr : "(null)");
        check_failures++;
    }
    specc_free(ta);
    specc_free(tr);
}

static void same_error(const char *what, const specc_error *m, const specc_error *a)
{
    if (m->code != a->code || m->line != a->line || m->column != a->column ||
        strcmp(m->path, a->path) != 0 || strcmp(m->message, a->message) != 0) {
        fprintf(stderr, "%s: errors differ\n  malloc: %s %s %d:%d %s\n  arena:  %s %s %d:%d %s\n",
                what, specc_code_name(m->code), m->path, m->line, m->column, m->message,
                specc_code_name(a->code), a->path, a->line, a->column, a->message);
        check_failures++;
    }
}

/* Decode text both ways; the same answer. Returns the code. */
static specc_code both_ways(const char *what, const specc_type *type, const char *text,
                            size_t len, specc_arena *arena)
{
    void *m = malloc(type->size), *r = malloc(type->size);
    specc_error merr, aerr;
    specc_code mrc, arc;
    if (!m || !r)
        abort();
    memset(r, 0x5a, type->size);
    mrc = specc_decode_text(type, text, len, m, &merr);
    arc = specc_decode_text_arena(type, text, len, r, arena, &aerr);
    if (mrc != arc) {
        fprintf(stderr, "%s: malloc %s, arena %s\n", what, specc_code_name(mrc),
                specc_code_name(arc));
        check_failures++;
    } else if (mrc != SPECC_OK) {
        same_error(what, &merr, &aerr);
        if (!is_initialised(type, r)) {
            fprintf(stderr, "%s: a failed arena decode left its output not initialised\n", what);
            check_failures++;
        }
    } else {
        if (!specc_equal(type, m, r)) {
            fprintf(stderr, "%s: the arena value is not specc_equal to the malloc one\n", what);
            check_failures++;
        }
        same_encoding(what, type, m, r);
        CHECK_INT(specc_validate(type, r, ignore, NULL), specc_validate(type, m, ignore, NULL));
    }
    specc_clear(type, m);
    free(m);
    free(r);
    return mrc == arc ? mrc : SPECC_ERR_INVALID;
}

static const specc_type *kitchen2_type(const char *name, size_t len)
{
    size_t i;
    for (i = 0; i < kitchen2_type_count; i++)
        if (strlen(kitchen2_types[i]->name) == len && !memcmp(kitchen2_types[i]->name, name, len))
            return kitchen2_types[i];
    return NULL;
}

/* "kitchen2.Full@request" or "github.get_repo.200". */
static const specc_type *find_target(const char *target)
{
    size_t len = strcspn(target, "@");
    if (strncmp(target, "kitchen2.", 9) == 0)
        return kitchen2_type(target + 9, len - 9);
    return targets_find(target);
}

/* Each *.json file of dir/ through both_ways as the type `typer` names
 * (NULL: skipped); every one must decode. Returns the number of files. */
static int each_json(const char *dir, specc_arena *arena,
                     const specc_type *(*typer)(const char *api, const char *file),
                     const char *api)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int count = 0;
    CHECK(d != NULL);
    while (d && (e = readdir(d)) != NULL) {
        char path[1700];
        const specc_type *type;
        size_t n = strlen(e->d_name), len;
        char *text;
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        type = typer(api, e->d_name);
        if (!type) {
            fprintf(stderr, "%s: no type\n", path);
            check_failures++;
            continue;
        }
        if ((text = slurp(path, &len)) != NULL)
            CHECK_CODE(both_ways(path, type, text, len, arena), SPECC_OK);
        free(text);
        count++;
    }
    if (d)
        closedir(d);
    return count;
}

/* kitchen2/payloads/<Type>[.<variant>].json */
static const specc_type *payload_type(const char *api, const char *file)
{
    (void)api;
    return kitchen2_type(file, strcspn(file, "."));
}

/* samples/<api>/<endpoint>.<status>[.<variant>].json → api.endpoint.status */
static const specc_type *sample_type(const char *api, const char *file)
{
    char target[256];
    size_t endpoint = strcspn(file, ".");
    if (strlen(file) < endpoint + 4)
        return NULL;
    snprintf(target, sizeof target, "%s.%.*s", api, (int)(endpoint + 4), file);
    return targets_find(target);
}

static void test_payloads_and_samples(specc_arena *arena)
{
    char dir[1024];
    DIR *d;
    struct dirent *e;
    int samples = 0;
    snprintf(dir, sizeof dir, "%s/tests/kitchen2/payloads", src_dir);
    CHECK(each_json(dir, arena, payload_type, NULL) >= 11);
    snprintf(dir, sizeof dir, "%s/specs/samples", src_dir);
    d = opendir(dir);
    CHECK(d != NULL);
    while (d && (e = readdir(d)) != NULL) {
        char sub[1400];
        DIR *probe;
        if (e->d_name[0] == '.')
            continue;
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        if (!(probe = opendir(sub)))
            continue; /* README.md, LICENSES */
        closedir(probe);
        samples += each_json(sub, arena, sample_type, e->d_name);
    }
    if (d)
        closedir(d);
    CHECK(samples >= 47); /* specs/samples/API/NAME.json */
    printf("%d samples both ways\n", samples);
    specc_arena_reset(arena);
}

/* Every case of a TSV file (negative/API.tsv: NAME TARGET STAGE CODE PATH
 * JSON; kitchen2/ajv-cases.tsv: NAME TARGET EXPECT JSON): the JSON is the
 * last field, the target the second. Returns how many failed to decode. */
static int tsv_cases(const char *file, specc_arena *arena, int *cases)
{
    size_t len;
    char *all = slurp(file, &len), *line, *next;
    int refused = 0;
    for (line = all; line && *line; line = next) {
        char *nl = strchr(line, '\n'), *target, *json, *tab;
        const specc_type *type;
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        if (line[0] == '#' || !(tab = strchr(line, '\t')) || !(json = strrchr(line, '\t')))
            continue;
        target = tab + 1;
        target[strcspn(target, "\t")] = '\0';
        if (!(type = find_target(target))) {
            fprintf(stderr, "%s: unknown target %s\n", file, target);
            check_failures++;
            continue;
        }
        (*cases)++;
        if (both_ways(line, type, json + 1, strlen(json + 1), arena) != SPECC_OK)
            refused++;
        if (*cases % 50 == 0)
            specc_arena_reset(arena);
    }
    free(all);
    return refused;
}

static void test_negative_cases(specc_arena *arena)
{
    static const char *const files[] = {"baseten",   "github", "greenflash", "llmstats",
                                        "openwebui", "respan", "stripe"};
    char path[1024];
    int cases = 0, refused = 0;
    size_t i;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/tests/negative/%s.tsv", src_dir, files[i]);
        refused += tsv_cases(path, arena, &cases);
    }
    snprintf(path, sizeof path, "%s/tests/kitchen2/ajv-cases.tsv", src_dir);
    refused += tsv_cases(path, arena, &cases);
    printf("%d cases both ways, %d refused\n", cases, refused);
    CHECK(cases > 400);
    CHECK(refused > 150); /* the decode-stage cases fail, the same way */
    specc_arena_reset(arena);
}

/* -------------------------------------------------- reuse, size, limits */

/* Decoded, reset, again, many times: after the first rounds the arena
 * holds one block of a fixed size. */
static void test_reuse(void)
{
    static const char full[] = "{\"id\":2,\"note\":\"n\",\"owner\":{\"id\":\"a\"},"
                               "\"maybe\":[1,null],"
                               "\"pets\":[{\"name\":\"Tom\"},{\"kind\":\"dog\",\"name\":\"Rex\"}],"
                               "\"refs\":{\"a\":\"c\",\"b\":{\"name\":\"K\"}},\"zz\":[1.0E+2]}";
    specc_arena *arena = specc_arena_new();
    size_t kept = 0, peak = 0;
    int i, j;
    CHECK(arena != NULL);
    CHECK_INT(specc_arena_size(arena), 0); /* no block before the first decode */
    for (i = 0; arena && i < 400; i++) {
        for (j = 0; j <= i % 40; j++) { /* up to 40 values between resets */
            kitchen2_full_t f;
            CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, full, sizeof full - 1, &f,
                                               arena, NULL),
                       SPECC_OK);
            CHECK_INT(f.refs.count, 2);
        }
        if (specc_arena_size(arena) > peak)
            peak = specc_arena_size(arena);
        specc_arena_reset(arena);
        if (i == 40)
            kept = specc_arena_size(arena);
        else if (i > 40 && specc_arena_size(arena) != kept) {
            fprintf(stderr, "round %d: %zu bytes held after reset, %zu before\n", i,
                    specc_arena_size(arena), kept);
            check_failures++;
            break;
        }
    }
    CHECK(kept > 0 && kept <= peak);
    CHECK(peak < 1024 * 1024); /* 40 small values never need a megabyte */
    specc_arena_free(arena);
}

/* Strings larger than a block (plain and escaped), between small ones: the
 * same values; a reset gives their blocks back. */
static void test_large_strings(void)
{
    static const size_t sizes[] = {100, 16 * 1024, 40 * 1024, 1024 * 1024, 5 * 1024 * 1024};
    specc_arena *arena = specc_arena_new();
    size_t i, held, small;
    char *text = malloc(sizes[4] + 64);
    if (!arena || !text)
        abort();
    CHECK_CODE(both_ways("small", &kitchen2_token_desc, "\"tok_1\"", 7, arena), SPECC_OK);
    small = specc_arena_size(arena);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i], k;
        memcpy(text, "\"tok_", 5);
        for (k = 0; k < n; k++)
            text[5 + k] = (char)('a' + k % 26);
        if (i % 2) /* escapes: decoded into the arena too */
            memcpy(text + 5 + n / 2, "\\n\\u00e9\\\"", 10);
        text[5 + n] = '"';
        CHECK_CODE(both_ways("large string", &kitchen2_token_desc, text, n + 6, arena), SPECC_OK);
        CHECK_CODE(both_ways("small", &kitchen2_token_desc, "\"tok_2\"", 7, arena), SPECC_OK);
    }
    held = specc_arena_size(arena);
    CHECK(held > sizes[4] + sizes[3]);
    specc_arena_reset(arena);
    CHECK(specc_arena_size(arena) < held / 2);
    CHECK(specc_arena_size(arena) >= small);
    free(text);
    specc_arena_free(arena);
}

/* n copies of item (joined by commas) between open and close. */
static char *repeat(const char *open, const char *item, size_t n, const char *close, size_t *len)
{
    size_t il = strlen(item), ol = strlen(open), cl = strlen(close), i;
    char *text = malloc(ol + n * (il + 1) + cl + 1), *p = text;
    if (!text)
        abort();
    memcpy(p, open, ol);
    p += ol;
    for (i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        memcpy(p, item, il);
        p += il;
    }
    memcpy(p, close, cl + 1);
    *len = (size_t)(p - text) + cl;
    return text;
}

/* Arrays and maps far larger than a block, as the whole value and inside
 * one; the same values both ways. */
static void test_huge_containers(void)
{
    specc_arena *arena = specc_arena_new();
    size_t len;
    char *text;
    CHECK(arena != NULL);
    text = repeat("[", "{\"name\":\"Tom\",\"lives\":3}", 100000, "]", &len);
    CHECK_CODE(both_ways("huge PetList", &kitchen2_pet_list_desc, text, len, arena), SPECC_OK);
    free(text);
    text = repeat("{\"id\":1,\"maybe\":[", "7,null", 100000, "],\"zz\":1}", &len);
    CHECK_CODE(both_ways("huge Full.maybe", &kitchen2_full_desc, text, len, arena), SPECC_OK);
    free(text);
    {
        char *p;
        size_t i;
        text = repeat("{", "\"k000000\":1.5", 50000, "}", &len);
        for (i = 0, p = text; (p = strstr(p, "k000000")) != NULL; p += 7, i++) {
            char digits[8];
            snprintf(digits, sizeof digits, "%06zu", i);
            memcpy(p + 1, digits, 6);
        }
        CHECK_CODE(both_ways("huge Scores", &kitchen2_scores_desc, text, len, arena), SPECC_OK);
        free(text);
    }
    text = repeat("{\"id\":1,\"maybe\":[", "7", 100000, "],\"pets\":[1]}", &len);
    CHECK_CODE(both_ways("huge, then an error", &kitchen2_full_desc, text, len, arena),
               SPECC_ERR_TYPE);
    free(text);
    specc_arena_free(arena);
}

/* ------------------------------------------------------------- any */

/* An `any` value decoded into an arena lives until the reset, through other
 * decodes into the arena, and the reset drops the arena's reference; so
 * does a failed decode's. */
static void test_any(void)
{
    char path[1024], *text, *bad;
    size_t len;
    specc_arena *arena = specc_arena_new();
    openwebui_model_t m, copy;
    json_t *params;
    int i;
    snprintf(path, sizeof path, "%s/specs/samples/openwebui/get_model.200.json", src_dir);
    if (!arena || !(text = slurp(path, &len)))
        return;
    CHECK_CODE(openwebui_model_decode_text(text, len, &copy, NULL), SPECC_OK);
    CHECK_CODE(specc_decode_text_arena(&openwebui_model_desc, text, len, &m, arena, NULL),
               SPECC_OK);
    params = m.params;
    CHECK(params != NULL && json_is_object(params));
    CHECK_INT(params ? params->refcount : 0, 1); /* the arena's */
    json_incref(params);
    for (i = 0; i < 50; i++) { /* more values in the arena, the first untouched */
        openwebui_model_t other;
        CHECK_CODE(specc_decode_text_arena(&openwebui_model_desc, text, len, &other, arena, NULL),
                   SPECC_OK);
    }
    CHECK(json_equal(params, copy.params));
    CHECK(specc_equal(&openwebui_model_desc, &m, &copy));
    CHECK_INT(params->refcount, 2);
    specc_arena_reset(arena);
    CHECK_INT(params->refcount, 1); /* released: only ours is left */
    CHECK(json_equal(params, copy.params));
    json_decref(params);
    /* A decode that fails after its `any` values: the reset releases them
     * (ASan and valgrind see a leak otherwise). */
    bad = malloc(len + 16);
    if (bad) {
        size_t end = len;
        while (end > 0 && text[end - 1] != '}')
            end--;
        memcpy(bad, text, end - 1);
        memcpy(bad + end - 1, ",\"zz\":[1,}", 10);
        CHECK_CODE(both_ways("any, then an error", &openwebui_model_desc, bad, end + 9, arena),
                   SPECC_ERR_SYNTAX);
        free(bad);
    }
    openwebui_model_clear(&copy);
    free(text);
    specc_arena_free(arena);
}

/* ------------------------------------------------ arguments, alignment */

static void test_arguments(void)
{
    specc_arena *arena = specc_arena_new();
    kitchen2_full_t f;
    specc_error err;
    memset(&f, 0x5a, sizeof f);
    memset(&err, 0, sizeof err);
    CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, "{\"id\":1}", 8, &f, NULL, &err),
               SPECC_ERR_INVALID);
    CHECK_CODE(err.code, SPECC_ERR_INVALID);
    CHECK(err.message[0] != '\0');
    CHECK(is_initialised(&kitchen2_full_desc, &f));
    CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, "{\"id\":1}", 8, &f, NULL, NULL),
               SPECC_ERR_INVALID);
    CHECK_CODE(specc_decode_text_arena(NULL, "{}", 2, &f, arena, NULL), SPECC_ERR_INVALID);
    CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, "{}", 2, NULL, arena, NULL),
               SPECC_ERR_INVALID);
    CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, NULL, 3, &f, arena, NULL),
               SPECC_ERR_INVALID);
    CHECK(is_initialised(&kitchen2_full_desc, &f));
    CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, NULL, 0, &f, arena, &err),
               SPECC_ERR_SYNTAX); /* no text at all: as specc_decode_text says */
    specc_arena_free(NULL);
    specc_arena_reset(NULL);
    CHECK_INT(specc_arena_size(NULL), 0);
    specc_arena_free(arena);
}

struct align_double { char c; double v; };
struct align_int64 { char c; int64_t v; };
struct align_ptr { char c; void *v; };

static bool aligned(const void *p)
{
    size_t a = offsetof(struct align_double, v), b = offsetof(struct align_int64, v),
           c = offsetof(struct align_ptr, v), most = a > b ? a : b;
    most = most > c ? most : c;
    return p && (uintptr_t)p % most == 0;
}

/* Structs holding doubles, int64s and pointers, placed after strings of
 * every odd length: each aligned (and read through its type: UBSan checks). */
static void test_alignment(void)
{
    static const char full[] = "{\"id\":9,\"note\":\"abc\",\"owner\":{\"id\":\"x\",\"zz\":1},"
                               "\"step\":1.5,\"maybe\":[1,null,3],\"pets\":[{\"name\":\"T\","
                               "\"lives\":4},{\"kind\":\"dog\",\"name\":\"R\",\"tricks\":"
                               "[\"sit\",\"hop\"]}],"
                               "\"refs\":{\"a\":\"c\",\"b\":{\"name\":\"K\"}},\"list\":[{"
                               "\"name\":\"L\"}],\"q\":2}";
    specc_arena *arena = specc_arena_new();
    int shift;
    CHECK(arena != NULL);
    for (shift = 0; arena && shift < 16; shift++) {
        char token[32] = "\"tok_";
        kitchen2_token_t t;
        kitchen2_full_t f;
        kitchen2_scores_t s;
        memset(token + 5, 'y', (size_t)shift);
        strcpy(token + 5 + shift, "\"");
        CHECK_CODE(specc_decode_text_arena(&kitchen2_token_desc, token, strlen(token), &t, arena,
                                           NULL),
                   SPECC_OK);
        CHECK_CODE(specc_decode_text_arena(&kitchen2_full_desc, full, sizeof full - 1, &f, arena,
                                           NULL),
                   SPECC_OK);
        CHECK(aligned(f.owner.as.account) && aligned(f.maybe.items) && aligned(f.pets.items));
        CHECK(aligned(f.refs.keys) && aligned(f.refs.values) && aligned(f.list.items));
        CHECK(aligned(f._unknown.members) && aligned(f.owner.as.account->_unknown.members));
        CHECK(aligned(f.pets.items[0].as.cat) && aligned(f.pets.items[1].as.dog));
        CHECK(aligned(f.refs.values[1].as.cat) && aligned(f.pets.items[1].as.dog->tricks.items));
        CHECK_INT(f.maybe.items[2].value + f.pets.items[0].as.cat->lives, 3 + 4);
        CHECK_STR(f.refs.values[1].as.cat->name, "K");
        CHECK_CODE(specc_decode_text_arena(&kitchen2_scores_desc, "{\"a\":2.5,\"b\":7}", 15, &s,
                                           arena, NULL),
                   SPECC_OK);
        CHECK(aligned(s.values) && aligned(s.keys));
        CHECK(s.count == 2 && s.values[0] + s.values[1] == 9.5);
    }
    specc_arena_free(arena);
}

/* The arena's own allocator: a request no block can hold is NULL (it once
 * looped forever as the first request of a fresh arena) and the arena goes
 * on working; every alignment after every odd size, in one block and
 * across blocks. */
static void test_blocks(void)
{
    static const size_t aligns[] = {1, 2, 4, 8, 16};
    static const size_t huge[] = {SIZE_MAX, SIZE_MAX - 16, SIZE_MAX / 2 + 2, SIZE_MAX / 4 * 3};
    size_t i, k;
    for (i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        specc_arena *arena = specc_arena_new();
        if (!arena)
            abort();
        /* Fresh: its first block would double past SIZE_MAX (no malloc is
         * tried, which ASan and valgrind would report). */
        CHECK(speccp_arena_alloc(arena, huge[i], 8) == NULL);
        CHECK(speccp_arena_alloc(arena, 3, 1) != NULL);
        for (k = 0; k < 5000; k++) {
            size_t align = aligns[k % 5], size = k % 7 == 6 ? 20000 + k : 1 + k % 13;
            char *p = speccp_arena_alloc(arena, size, align);
            CHECK(p != NULL && (uintptr_t)p % align == 0);
            if (p)
                memset(p, 0x5a, size);
        }
        specc_arena_free(arena);
    }
}

int main(int argc, char **argv)
{
    specc_arena *arena;
    if (argc != 2) {
        fputs("usage: test_arena SOURCE_DIR\n", stderr);
        return 2;
    }
    src_dir = argv[1];
    alarm(600); /* a hang is a failure */
    test_blocks();
    arena = specc_arena_new();
    CHECK(arena != NULL);
    test_payloads_and_samples(arena);
    test_negative_cases(arena);
    specc_arena_free(arena);
    test_reuse();
    test_large_strings();
    test_huge_containers();
    test_any();
    test_arguments();
    test_alignment();
    CHECK_DONE();
}
