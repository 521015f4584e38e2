/* {{banner}} */
/*
 * specc_unknown.c — keys the spec does not declare, kept exactly as sent.
 *
 * A type that preserves unknown keys has a `specc_unknown _unknown` member:
 * an array of (key, JSON text) members in input order. The decoder checks a
 * preserved value like any other text (syntax, depth, duplicate keys) and
 * keeps the slice it spans, so numbers of any size and strings with their
 * escapes come back byte for byte, and no such value can fail a decode.
 * Reading one as a jansson value is a separate, explicit step
 * (specc_unknown_json), where jansson's limits apply.
 *
 * Storage: each member's key and text are one block (key, NUL, text, NUL)
 * owned through `key`. The members array has no capacity field: its
 * capacity is always at least capacity(count) below, which only grows with
 * count, so removals never need a reallocation and appends know when to
 * grow.
 */
#include "specc_internal.h"

/* Smallest capacity an array of `count` members is known to have. */
static size_t capacity(size_t count)
{
    size_t cap = 4;
    if (count == 0)
        return 0;
    while (cap < count)
        cap *= 2;
    return cap;
}

/* One block holding key, NUL, json, NUL (from the arena when not NULL);
 * false when out of memory. */
static bool fill_member_in(specc_arena *arena, specc_unknown_member *m, const char *key,
                           size_t key_len, const char *json, size_t json_len)
{
    size_t size = key_len + json_len + 2;
    char *block;
    if (key_len > SIZE_MAX / 2 - 2 || json_len > SIZE_MAX / 2)
        return false;
    block = arena ? speccp_arena_alloc(arena, size, 1) : specc_alloc(size);
    if (!block)
        return false;
    memcpy(block, key, key_len);
    block[key_len] = '\0';
    memcpy(block + key_len + 1, json, json_len);
    block[key_len + 1 + json_len] = '\0';
    m->key = block;
    m->key_len = key_len;
    m->json = block + key_len + 1;
    m->json_len = json_len;
    return true;
}

static bool fill_member(specc_unknown_member *m, const char *key, size_t key_len,
                        const char *json, size_t json_len)
{
    return fill_member_in(NULL, m, key, key_len, json, json_len);
}

/* The members array grown to capacity(count + 1), from the arena when not
 * NULL (its old capacity is capacity(count)); NULL when out of memory, the
 * old array then untouched. */
static specc_unknown_member *grow_members(specc_arena *arena, const specc_unknown *unknown)
{
    size_t cap = unknown->count, esz = sizeof *unknown->members;
    if (!arena)
        return speccp_grow(unknown->members, unknown->count, &cap, unknown->count + 1, esz);
    cap = capacity(unknown->count + 1);
    if (cap > SIZE_MAX / esz)
        return NULL;
    return speccp_arena_grow(arena, unknown->members, capacity(unknown->count) * esz, cap * esz,
                             sizeof(void *));
}

bool speccp_unknown_append(specc_arena *arena, specc_unknown *unknown, const char *key,
                           size_t key_len, const char *json, size_t json_len)
{
    specc_unknown_member m, *members = unknown->members;

    if (!fill_member_in(arena, &m, key, key_len, json, json_len))
        return false;
    if (unknown->count == capacity(unknown->count)) { /* full: grows to capacity(count + 1) */
        if (!(members = grow_members(arena, unknown))) {
            if (!arena)
                specc_free(m.key);
            return false;
        }
        unknown->members = members;
    }
    members[unknown->count++] = m;
    return true;
}

/* Index of the member with this key, or count (also for a broken list). */
static size_t find_index(const specc_unknown *unknown, const char *key, size_t len)
{
    size_t i;
    if (!unknown->members)
        return unknown->count;
    for (i = 0; i < unknown->count; i++) {
        const specc_unknown_member *m = &unknown->members[i];
        if (m->key && m->key_len == len && memcmp(m->key, key, len) == 0)
            return i;
    }
    return unknown->count;
}

const specc_unknown_member *specc_unknown_find(const specc_unknown *unknown, const char *key)
{
    size_t i;
    if (!unknown || !key)
        return NULL;
    i = find_index(unknown, key, strlen(key));
    return i < unknown->count ? &unknown->members[i] : NULL;
}

specc_code specc_unknown_set(specc_unknown *unknown, const char *key, const char *json,
                             specc_error *err)
{
    speccp_path here;
    specc_unknown_member m;
    specc_code rc;
    size_t i;
    char q[SPECCP_SHOW_MAX];

    if (!unknown || !key || !json)
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no list, key or JSON text given");
    if (unknown->count && !unknown->members)
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "_unknown has members NULL with a count");
    here.parent = NULL;
    here.key = key;
    here.key_len = strlen(key);
    here.index = 0;
    if (!speccp_utf8_valid(key, here.key_len)) {
        speccp_quote(key, here.key_len, q, sizeof q);
        return speccp_fail(err, SPECC_ERR_FORMAT, &here, "key is not valid UTF-8: %s", q);
    }
    if ((rc = speccp_json_check(json, strlen(json), &here, 1, err)) != SPECC_OK)
        return rc;
    i = find_index(unknown, key, here.key_len);
    if (i == unknown->count) {
        if (!speccp_unknown_append(NULL, unknown, key, here.key_len, json, strlen(json)))
            return speccp_fail(err, SPECC_ERR_NOMEM, &here, "out of memory");
    } else {
        if (!fill_member(&m, key, here.key_len, json, strlen(json)))
            return speccp_fail(err, SPECC_ERR_NOMEM, &here, "out of memory");
        specc_free(unknown->members[i].key);
        unknown->members[i] = m;
    }
    if (err) {
        err->code = SPECC_OK;
        err->line = err->column = 0;
        err->path[0] = err->message[0] = '\0';
    }
    return SPECC_OK;
}

bool specc_unknown_remove(specc_unknown *unknown, const char *key)
{
    size_t i;
    if (!unknown || !key)
        return false;
    i = find_index(unknown, key, strlen(key));
    if (i == unknown->count)
        return false;
    specc_free(unknown->members[i].key);
    memmove(&unknown->members[i], &unknown->members[i + 1],
            (unknown->count - i - 1) * sizeof *unknown->members);
    unknown->count--;
    return true;
}

specc_code specc_unknown_json(const specc_unknown_member *member, json_t **out, specc_error *err)
{
    speccp_path here;
    specc_code rc;
    specc_error local, *e = err ? err : &local;
    char path[SPECC_PATH_MAX];

    if (out)
        *out = NULL;
    if (!member || !member->json || !out)
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no member or output given");
    rc = specc_decode_any_text(member->json, member->json_len, out, e);
    if (rc == SPECC_OK)
        return rc;
    /* The path so far is inside the value: put the member's key before it. */
    here.parent = NULL;
    here.key = member->key;
    here.key_len = member->key ? member->key_len : 0;
    here.index = 0;
    speccp_path_format(&here, path, sizeof path);
    if (strlen(path) + strlen(e->path) < sizeof path)
        strcat(path, e->path + 1); /* drop the inner "$" */
    memcpy(e->path, path, sizeof path);
    return rc;
}

void specc_unknown_clear(specc_unknown *unknown)
{
    size_t i;
    if (!unknown)
        return;
    for (i = 0; unknown->members && i < unknown->count; i++)
        specc_free(unknown->members[i].key);
    specc_free(unknown->members);
    unknown->members = NULL;
    unknown->count = 0;
}

/* ---------------------------------------------------------- encode/validate */

/* Report one problem; false when the caller should stop. */
static bool problem(specc_error_fn *each, void *ctx, size_t *count, bool all, specc_code code,
                    const speccp_path *path, const char *message)
{
    specc_error e;
    speccp_fail(&e, code, path, "%s", message);
    (*count)++;
    if (each)
        each(&e, ctx);
    return all;
}

/* One member: key and text present, key UTF-8 and not a declared field,
 * text well-formed. Returns false when the caller should stop. */
static bool check_member(const specc_type *type, const specc_unknown_member *m,
                         const speccp_path *here, unsigned depth, bool all, specc_error_fn *each,
                         void *ctx, size_t *count)
{
    specc_error e;
    if (!m->key || !m->json)
        return problem(each, ctx, count, all, SPECC_ERR_INVALID, here,
                       "unknown member has a NULL key or JSON text");
    if (!speccp_utf8_valid(m->key, m->key_len))
        if (!problem(each, ctx, count, all, SPECC_ERR_FORMAT, here, "key is not valid UTF-8"))
            return false;
    if (speccp_is_declared(type, m->key, m->key_len))
        if (!problem(each, ctx, count, all, SPECC_ERR_DUPLICATE_KEY, here,
                     "_unknown repeats a declared field"))
            return false;
    if (speccp_json_check(m->json, m->json_len, here, depth, &e) != SPECC_OK) {
        (*count)++;
        if (each)
            each(&e, ctx);
        return all;
    }
    return true;
}

#define SMALL_LIST 8

/* Does member i's key equal an earlier member's? */
static bool repeats_earlier(const specc_unknown *unknown, size_t i)
{
    const specc_unknown_member *m = &unknown->members[i];
    size_t j;
    for (j = 0; j < i; j++) {
        const specc_unknown_member *o = &unknown->members[j];
        if (o->key && o->key_len == m->key_len && memcmp(o->key, m->key, m->key_len) == 0)
            return true;
    }
    return false;
}

size_t speccp_unknown_check(const specc_type *type, const specc_unknown *unknown,
                            const speccp_path *path, unsigned depth, bool all,
                            specc_error_fn *each, void *ctx)
{
    speccp_keyset set = {NULL, 0, 0};
    size_t count = 0, i;

    if (unknown->count && !unknown->members) {
        problem(each, ctx, &count, all, SPECC_ERR_INVALID, path,
                "_unknown has members NULL with a count");
        return count;
    }
    /* Repeated keys: a few are compared in pairs (encode runs this for
     * every object, so small lists allocate nothing), more go in a set. */
    if (unknown->count > SMALL_LIST && !speccp_keyset_init(&set, unknown->count)) {
        problem(each, ctx, &count, all, SPECC_ERR_NOMEM, path, "out of memory");
        return count;
    }
    for (i = 0; i < unknown->count; i++) {
        const specc_unknown_member *m = &unknown->members[i];
        speccp_path here = {path, m->key, m->key ? m->key_len : 0, i};
        bool repeated;
        if (!check_member(type, m, &here, depth, all, each, ctx, &count))
            break;
        if (!m->key)
            continue;
        repeated = set.slots ? !speccp_keyset_add(&set, m->key, m->key_len)
                             : repeats_earlier(unknown, i);
        if (repeated && !problem(each, ctx, &count, all, SPECC_ERR_DUPLICATE_KEY, &here,
                                 "_unknown repeats a key"))
            break;
    }
    speccp_keyset_free(&set);
    return count;
}
