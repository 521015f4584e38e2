/*
 * import_check.c — every example of the description checked against the
 * draft (import_check.h): the draft loaded in-process (parse_text,
 * spec_check), the runtime's descriptors built (try_types), and each
 * example decoded, validated and re-encoded (try_check) as a response
 * body, a request body or its named type. Contradictions are warnings at
 * the example; with --fit-examples, the draft is loosened (import_loosen.c)
 * and checked again until every example fits.
 */
#include "import_check.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "strbuf.h"
#include "try_check.h"
#include "try_types.h"

#define FIT_ROUNDS 16

/* ---- the example as JSON text ------------------------------------------ */

/* Is s[0..n) a number as JSON spells it? */
static bool json_number_text(const char *s, size_t n)
{
    size_t i = 0, d;
    if (i < n && s[i] == '-')
        i++;
    if (i < n && s[i] == '0')
        i++;
    else if (i < n && s[i] >= '1' && s[i] <= '9')
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    else
        return false;
    if (i < n && s[i] == '.') {
        for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9';)
            i++;
        if (i == d)
            return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (d = i; i < n && s[i] >= '0' && s[i] <= '9';)
            i++;
        if (i == d)
            return false;
    }
    return i == n;
}

static void json_string_text(strbuf *b, const char *s, size_t n)
{
    size_t i;
    strbuf_append_char(b, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            strbuf_append_char(b, '\\');
            strbuf_append_char(b, (char)c);
        } else if (c < 0x20) {
            strbuf_printf(b, "\\u%04x", c);
        } else {
            strbuf_append_char(b, (char)c);
        }
    }
    strbuf_append_char(b, '"');
}

/* A scalar as JSON, by the plain-scalar rules (node_json), numbers spelled
 * as written when JSON can; false when JSON has no spelling for it. */
static bool scalar_text(strbuf *b, const node *n)
{
    bool v;
    int64_t i;
    double d;
    if (n->quoted || node_is_string(n))
        json_string_text(b, n->value, n->len);
    else if (node_is_null(n))
        strbuf_append(b, "null");
    else if (node_as_bool(n, &v))
        strbuf_append(b, v ? "true" : "false");
    else if (json_number_text(n->value, n->len))
        strbuf_append_bytes(b, n->value, n->len);
    else if (node_as_int(n, &i))
        strbuf_printf(b, "%" PRId64, i);
    else if (node_as_number(n, &d))
        strbuf_printf(b, "%.17g", d);
    else
        return false;
    return true;
}

static bool node_text(strbuf *b, const node *n, int depth)
{
    size_t i;
    bool ok = depth < 256;
    if (!ok || n->kind == NODE_SCALAR)
        return ok && scalar_text(b, n);
    strbuf_append_char(b, n->kind == NODE_MAP ? '{' : '[');
    for (i = 0; ok && i < n->count; i++) {
        if (i)
            strbuf_append_char(b, ',');
        if (n->kind == NODE_MAP) {
            json_string_text(b, n->keys[i]->value, n->keys[i]->len);
            strbuf_append_char(b, ':');
        }
        ok = node_text(b, n->items[i], depth + 1);
    }
    strbuf_append_char(b, n->kind == NODE_MAP ? '}' : ']');
    return ok;
}

/* ---- the draft, loaded ---------------------------------------------- */

typedef struct loaded {
    spec *s;
    try_types *tt;
} loaded;

/* The draft as a checked spec and its descriptors; false if the checker
 * refuses it (it never should: import.c checked it). */
static bool load(const char *text, size_t len, loaded *l)
{
    char *msgs = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&msgs, &size), *was = diag_get_stream();
    node *root;
    l->s = NULL;
    l->tt = NULL;
    if (!mem)
        return false;
    diag_set_stream(mem);
    root = parse_text("<draft>", text, len);
    if (root)
        l->s = spec_check("<draft>", root);
    diag_set_stream(was);
    fclose(mem);
    free(msgs);
    if (l->s)
        l->tt = try_types_build(l->s);
    return l->s != NULL;
}

static void unload(loaded *l)
{
    try_types_free(l->tt);
    spec_free(l->s);
    l->tt = NULL;
    l->s = NULL;
}

/* ---- what an example is an example of --------------------------------- */

/* Why an example is not checked. */
typedef enum skip_reason {
    SKIP_NONE,
    SKIP_NOT_JSON,      /* no JSON spelling (nested too deep) */
    SKIP_NOT_EXPRESSED, /* its target is `any`, or left out */
    SKIP_PARAMETER,     /* a parameter's (checked by the draft's own checker) */
    SKIP_INLINE,        /* a schema that no named type of the draft holds */
    SKIP_COUNT
} skip_reason;

static const char *const skip_words[SKIP_COUNT] = {
    "", "with no JSON spelling", "whose target is not expressed", "of parameters",
    "of schemas that are no type of the draft"};

typedef struct target {
    const specc_type *type;
    specc_as as;
    draft_node **root;
    bool root_is_type;
    skip_reason skip;
    /* An inline schema's example is checked inside the named type that
     * holds the schema: wrapped (`{"key": [EXAMPLE]}`), its problems those
     * under `prefix` ("$.key[0]"), round trip not asked (the wrapper lacks
     * the type's other keys). */
    bool wrapped;
    char prefix[SPECC_PATH_MAX];
    char *open, *close; /* the wrapper's text before and after (draft memory) */
    const char *name;   /* a schema's: the named type */
    const char *top;    /* the wrapper's outermost key, or NULL (an array) */
} target;

static long index_of(const draft_node *map, const char *key, bool nocase)
{
    size_t i;
    for (i = 0; map && map->kind == DRAFT_MAP && i < map->count; i++)
        if (nocase ? strcasecmp(map->keys[i]->text, key) == 0
                   : strcmp(map->keys[i]->text, key) == 0)
            return (long)i;
    return -1;
}

static const endpoint *model_endpoint(const spec *s, const char *name)
{
    size_t i;
    for (i = 0; name && i < s->endpoint_count; i++)
        if (strcmp(s->endpoints[i].name, name) == 0)
            return &s->endpoints[i];
    return NULL;
}

/* Is the draft's shape at *slot `type: any` (not expressed) or no body? */
static bool not_expressed(draft_node *const *slot)
{
    const draft_node *t = *slot && (*slot)->kind == DRAFT_MAP ? draft_get(*slot, "type") : *slot;
    return !t || t->kind != DRAFT_SCALAR || strcmp(t->text, "any") == 0 ||
           strcmp(t->text, "null") == 0;
}

static void response_target(importer *im, const loaded *l, const import_example *e, target *t)
{
    draft_node *ep = draft_get(im->endpoints, e->endpoint ? e->endpoint : "");
    draft_node *rs = draft_get(ep, "responses");
    long at = index_of(rs, e->status ? e->status : "", false);
    const endpoint *me = model_endpoint(l->s, e->endpoint);
    size_t i;
    if (at < 0)
        at = index_of(rs, e->status ? e->status : "", true);
    t->skip = SKIP_NOT_EXPRESSED;
    if (at < 0 || !me || not_expressed(&rs->items[at]))
        return;
    for (i = 0; i < me->response_count; i++)
        if (strcmp(me->responses[i].status_text, rs->keys[at]->text) == 0 &&
            me->responses[i].type) {
            t->type = try_types_of(l->tt, me->responses[i].type);
            t->as = SPECC_AS_RESPONSE;
            t->root = &rs->items[at];
            t->skip = SKIP_NONE;
        }
}

static void request_target(importer *im, const loaded *l, const import_example *e, target *t)
{
    draft_node *ep = draft_get(im->endpoints, e->endpoint ? e->endpoint : "");
    long at = index_of(ep, "body", false);
    const endpoint *me = model_endpoint(l->s, e->endpoint);
    t->skip = SKIP_NOT_EXPRESSED;
    if (at < 0 || !me || !me->body || !me->body->type || not_expressed(&ep->items[at]))
        return;
    t->type = try_types_of(l->tt, me->body->type);
    t->as = SPECC_AS_REQUEST;
    t->root = &ep->items[at];
    t->skip = SKIP_NONE;
}

/* The node a JSON pointer ("#/a/b~1c/0") points to in the description. */
static const node *at_pointer(const node *n, const char *ptr)
{
    char key[1024];
    if (*ptr == '#')
        ptr++;
    while (n && *ptr == '/') {
        size_t k = 0;
        for (ptr++; *ptr && *ptr != '/' && k + 1 < sizeof key; ptr++) {
            if (ptr[0] == '~' && (ptr[1] == '0' || ptr[1] == '1'))
                key[k++] = *++ptr == '0' ? '~' : '/';
            else
                key[k++] = *ptr;
        }
        key[k] = '\0';
        if (n->kind == NODE_SEQ) {
            char *end;
            unsigned long i = strtoul(key, &end, 10);
            n = *end || !*key || i >= n->count ? NULL : n->items[i];
        } else {
            n = node_get(n, key);
        }
    }
    return n;
}

/* The pointer of the schema an example belongs to: its pointer without
 * "/example" or "/examples/N" (malloc'd). */
static char *schema_pointer(const import_example *e)
{
    char *p = strdup(e->pointer), *cut;
    if (!p)
        return NULL;
    cut = strrchr(p, '/');
    if (cut && strcmp(cut, "/example") != 0) {
        *cut = '\0';
        cut = strrchr(p, '/');
    }
    if (cut)
        *cut = '\0';
    return p;
}

/* The named type (an object or a value type, in the draft; a union too
 * when `unions`) made from the schema at pointer p, or NULL. */
static imp_type *named_at(importer *im, const char *p, bool unions, long *at)
{
    const node *schema = at_pointer(im->root, p);
    imp_type *it = schema ? imp_known(im, schema) : NULL;
    if (!it || it->dropped || it->alias || (it->is_union && !unions))
        return NULL;
    *at = index_of(im->types, it->name, false);
    return *at < 0 || im->types->items[*at]->dropped ? NULL : it;
}

/* An unescaped JSON pointer segment ("a~1b" → "a/b") into out. */
static void unescape(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        out[n++] = s[0] == '~' && (s[1] == '0' || s[1] == '1') ? (*++s == '0' ? '~' : '/') : *s;
    out[n] = '\0';
}

/* One step up from an inline schema (p shortened): properties/KEY and
 * items wrap the example in its holder's value, allOf/N, oneOf/N and
 * anyOf/N do not (a variant's value is the union's); false for anything
 * else. */
static bool climb(importer *im, char *p, target *t, char *inner)
{
    char *last = strrchr(p, '/'), *before, key[SPECC_PATH_MAX];
    size_t n = strlen(inner);
    if (!last || n + 4 >= SPECC_PATH_MAX)
        return false;
    *last = '\0';
    before = strrchr(p, '/');
    if (strcmp(last + 1, "items") == 0) {
        memmove(inner + 4, inner + 1, n);
        memcpy(inner, "$[0]", 4);
        t->top = NULL;
        t->open = draft_printf(&im->d, "[%s", t->open);
        t->close = draft_printf(&im->d, "%s]", t->close);
        return t->open && t->close;
    }
    if (before && (strcmp(before + 1, "allOf") == 0 || strcmp(before + 1, "oneOf") == 0 ||
                   strcmp(before + 1, "anyOf") == 0)) {
        *before = '\0';
        return true;
    }
    if (!before || strcmp(before + 1, "properties") != 0)
        return false;
    *before = '\0';
    unescape(last + 1, key, sizeof key);
    {
        strbuf b = STRBUF_INIT;
        char path[SPECC_PATH_MAX] = "";
        imp_path_key(path, sizeof path, key, strlen(key));
        if (n + strlen(path) + 1 >= SPECC_PATH_MAX)
            return false;
        memmove(inner + strlen(path) + 1, inner + 1, n);
        memcpy(inner + 1, path, strlen(path));
        json_string_text(&b, key, strlen(key));
        t->open = draft_printf(&im->d, "{%s:%s", b.value ? b.value : "\"\"", t->open);
        t->top = draft_strdup(&im->d, key);
        t->close = draft_printf(&im->d, "%s}", t->close);
        strbuf_free(&b);
    }
    return t->open && t->close;
}

static void schema_target(importer *im, const loaded *l, const import_example *e, target *t)
{
    char *p = schema_pointer(e);
    imp_type *it = NULL;
    long at = -1;
    int up;
    t->skip = SKIP_INLINE;
    t->open = t->close = "";
    strcpy(t->prefix, "$");
    for (up = 0; p && up < 16 && !(it = named_at(im, p, strcmp(t->prefix, "$") == 0, &at));
         up++)
        if (!climb(im, p, t, t->prefix))
            break;
    free(p);
    t->wrapped = up > 0;
    if (!it || !(t->type = try_types_find(l->tt, it->name)))
        return;
    t->skip = not_expressed(&im->types->items[at]) && !draft_get(im->types->items[at], "fields") &&
                      !draft_get(im->types->items[at], "allOf")
                  ? SKIP_NOT_EXPRESSED
                  : SKIP_NONE;
    t->as = SPECC_AS_ANY;
    t->root = &im->types->items[at];
    t->root_is_type = true;
    t->name = it->name;
}

static void find_target(importer *im, const loaded *l, const import_example *e, target *t)
{
    memset(t, 0, sizeof *t);
    strcpy(t->prefix, "$");
    switch (e->kind) {
    case IMPORT_EXAMPLE_RESPONSE:
        response_target(im, l, e, t);
        break;
    case IMPORT_EXAMPLE_REQUEST:
        request_target(im, l, e, t);
        break;
    case IMPORT_EXAMPLE_PARAMETER:
        t->skip = SKIP_PARAMETER;
        break;
    case IMPORT_EXAMPLE_SCHEMA:
        if (e->param)
            t->skip = SKIP_PARAMETER; /* the schema of a parameter */
        else
            schema_target(im, l, e, t);
        break;
    }
}

/* ---- one example ---------------------------------------------------- */

/* "createThing (200)" for warnings, "createThing 200" for comments. */
static char *label(importer *im, const import_example *e, const target *t, bool comment)
{
    const char *op = e->operation;
    if (!op)
        return draft_printf(&im->d, comment ? "schema %s" : "%s (schema)",
                            t->name ? t->name : e->pointer);
    switch (e->kind) {
    case IMPORT_EXAMPLE_RESPONSE:
        return draft_printf(&im->d, comment ? "%s %s" : "%s (%s)", op, e->status);
    case IMPORT_EXAMPLE_REQUEST:
        return draft_printf(&im->d, comment ? "%s %s" : "%s (%s)", op, "request body");
    case IMPORT_EXAMPLE_PARAMETER:
        return draft_printf(&im->d, comment ? "%s parameter %s" : "%s (parameter %s)", op,
                            e->param ? e->param : "?");
    case IMPORT_EXAMPLE_SCHEMA:
        break;
    }
    return draft_printf(&im->d, comment ? "%s schema" : "%s (schema)", op);
}

typedef struct tally {
    size_t checked, contradict, skipped[SKIP_COUNT];
    size_t changes;  /* places loosened this round */
    size_t stuck;    /* failing examples no rule could loosen */
    size_t deferred; /* problems at places loosened this round already */
} tally;

typedef struct round_ctx {
    importer *im;
    const loaded *l;
    bool report; /* warnings for each problem */
    bool fit;    /* loosen each problem's place */
    bool *failing; /* [examples.count]: failed in this round */
    json_t *touched; /* nodes loosened this round (imp_problem) */
    const char *parsed_text; /* the text `parsed` is (one parse a check) */
    json_t *parsed;
    struct pending *pending; /* wrapped examples, checked in batches */
    size_t pending_count, pending_cap;
    tally t;
} round_ctx;

static size_t loosen(round_ctx *c, const import_example *e, const target *t, const char *text,
                     specc_code code, const char *path, const char *message)
{
    imp_problem p;
    bool later = false;
    size_t n;
    if (c->parsed_text != text) {
        json_decref(c->parsed);
        c->parsed = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
        c->parsed_text = text;
    }
    if (!c->parsed)
        return 0;
    p.who = label(c->im, e, t, true);
    p.root = t->root;
    p.root_is_type = t->root_is_type;
    p.value = c->parsed;
    p.code = code;
    p.path = path;
    p.message = message;
    p.touched = c->touched;
    n = p.who ? imp_loosen(c->im, &p, &later) : 0;
    c->t.deferred += later;
    return n;
}

/* Forget the parsed text (before it is freed). */
static void drop_parsed(round_ctx *c)
{
    json_decref(c->parsed);
    c->parsed = NULL;
    c->parsed_text = NULL;
}

/* The first place where re-encoding changed the example, into path. */
static void changed_at(const char *text, const try_result *r, char *path, size_t size)
{
    json_t *in = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    json_t *out = json_loadb(r->encoded, r->encoded_len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!in || !out || !imp_json_diff(in, out, path, size))
        snprintf(path, size, "$");
    json_decref(in);
    json_decref(out);
}

/* Warnings (and loosenings) for one checked example; true if it fits. */
/* Is path the prefix, or inside it? */
static bool under(const char *prefix, const char *path)
{
    size_t n = strlen(prefix);
    return strncmp(prefix, path, n) == 0 && (!path[n] || path[n] == '.' || path[n] == '[');
}

/* The findings of r to look at: `only` (indexes, in order) when not NULL. */
typedef struct picked {
    const size_t *only;
    size_t count;
} picked;

static bool verdict(round_ctx *c, const import_example *e, const target *t, const char *text,
                    const try_result *r, picked pick)
{
    char *who = c->report ? label(c->im, e, t, false) : NULL;
    size_t j, changed = 0, problems = 0, deferred = c->t.deferred;
    for (j = 0; j < (pick.only ? pick.count : r->count); j++) {
        const try_finding *f = &r->findings[pick.only ? pick.only[j] : j];
        if (f->note || !under(t->prefix, f->path))
            continue;
        problems++;
        if (who)
            diag_warning(e->where, "example of %s at %s: %s", who, f->path, f->message);
        if (c->fit)
            changed += loosen(c, e, t, text, f->code, f->path, f->message);
    }
    if (t->wrapped) {
        c->t.changes += changed;
        c->t.stuck += problems && c->fit && !changed && deferred == c->t.deferred;
        return problems == 0;
    }
    if (r->problems == 0 && !r->round_trips) {
        char path[SPECC_PATH_MAX];
        changed_at(text, r, path, sizeof path);
        if (who)
            diag_warning(e->where, "example of %s at %s: decoding and encoding it again "
                                   "changes it (%.*s%s)",
                         who, path, r->encoded_len > 120 ? 120 : (int)r->encoded_len, r->encoded,
                         r->encoded_len > 120 ? "..." : "");
        if (c->fit)
            changed += loosen(c, e, t, text, SPECC_OK, path,
                              "decoding and encoding it again changes it");
    }
    c->t.changes += changed;
    if ((r->problems || !r->round_trips) && c->fit && !changed && deferred == c->t.deferred)
        c->t.stuck++;
    return r->problems == 0 && r->round_trips;
}

/* ---- wrapped examples, in batches ------------------------------------ */

/* An inline schema's example wrapped as {"key": ...} in an object type:
 * checked together with the others of that type, each under its own key
 * (a key taken in a batch goes to the next batch), so that a type of many
 * fields is decoded once, not once per field (imp_try_light: the work
 * stays linear in the fields and the problems). */
typedef struct pending {
    size_t k;
    target t;
    char *part;    /* the wrapped text without its braces: "\"key\":..." */
    size_t batch;
} pending;

/* Keeps a wrapped example for check_pending; false when it cannot. */
static bool defer(round_ctx *c, size_t k, const target *t, char *text, size_t len)
{
    pending *p;
    if (len < 2 || text[0] != '{' || text[len - 1] != '}')
        return false;
    if (c->pending_count == c->pending_cap) {
        size_t cap = c->pending_cap ? 2 * c->pending_cap : 32;
        pending *g = realloc(c->pending, cap * sizeof *g);
        if (!g)
            return false;
        c->pending = g;
        c->pending_cap = cap;
    }
    p = &c->pending[c->pending_count++];
    p->k = k;
    p->t = *t;
    text[len - 1] = '\0';
    memmove(text, text + 1, len - 1);
    p->part = text;
    c->t.checked++;
    return true;
}

static int by_holder(const void *a, const void *b)
{
    const pending *x = a, *y = b;
    int n = strcmp(x->t.name, y->t.name);
    return n ? n : (x->k > y->k) - (x->k < y->k);
}

/* Batch numbers for group[0..n): the i-th example of a key goes to batch i. */
static void number_batches(pending *group, size_t n)
{
    json_t *seen = json_object();
    size_t i;
    for (i = 0; i < n; i++) {
        json_t *count = json_object_get(seen, group[i].t.top);
        group[i].batch = count ? (size_t)json_integer_value(count) : 0;
        if (!seen || json_object_set_new(seen, group[i].t.top,
                                         json_integer((json_int_t)group[i].batch + 1)))
            group[i].batch = i; /* out of memory: one a batch */
    }
    json_decref(seen);
}

/* A finding's path, to find those under a prefix by bisection. */
typedef struct by_path {
    const char *path;
    size_t index;
} by_path;

static int path_order(const void *a, const void *b)
{
    const by_path *x = a, *y = b;
    int n = strcmp(x->path, y->path);
    return n ? n : (x->index > y->index) - (x->index < y->index);
}

static int index_order(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    return (*x > *y) - (*x < *y);
}

/* The findings whose path is under prefix (indexes in text order) into
 * out (room for all); how many. */
static size_t findings_under(const by_path *sorted, size_t n, const char *prefix, size_t *out)
{
    size_t lo = 0, hi = n, len = strlen(prefix), count = 0;
    while (lo < hi) { /* the first path >= prefix */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(sorted[mid].path, prefix) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && strncmp(sorted[lo].path, prefix, len) == 0; lo++)
        if (under(prefix, sorted[lo].path))
            out[count++] = sorted[lo].index;
    qsort(out, count, sizeof *out, index_order);
    return count;
}

/* Every example of the batch against its findings. */
static void batch_verdicts(round_ctx *c, pending *group, size_t n, const char *text,
                           const try_result *r)
{
    by_path *sorted = malloc((r->count ? r->count : 1) * sizeof *sorted);
    size_t *only = malloc((r->count ? r->count : 1) * sizeof *only), i;
    if (!sorted || !only) {
        c->im->oom = true;
        free(sorted);
        free(only);
        return;
    }
    for (i = 0; i < r->count; i++) {
        sorted[i].path = r->findings[i].path;
        sorted[i].index = i;
    }
    qsort(sorted, r->count, sizeof *sorted, path_order);
    for (i = 0; i < n; i++) {
        picked pick;
        pick.only = only;
        pick.count = findings_under(sorted, r->count, group[i].t.prefix, only);
        c->failing[group[i].k] =
            !verdict(c, &c->im->examples.items[group[i].k], &group[i].t, text, r, pick);
        c->t.contradict += c->failing[group[i].k];
    }
    free(sorted);
    free(only);
}

/* group[0..n): one batch. */
static void check_batch(round_ctx *c, pending *group, size_t n)
{
    strbuf b = STRBUF_INIT;
    const pending *first = NULL;
    try_result r;
    size_t i;
    strbuf_append_char(&b, '{');
    for (i = 0; i < n; i++) {
        if (first)
            strbuf_append_char(&b, ',');
        strbuf_append(&b, group[i].part);
        first = first ? first : &group[i];
    }
    strbuf_append_char(&b, '}');
    if (b.failed || !first) {
        c->im->oom = c->im->oom || b.failed;
        strbuf_free(&b);
        return;
    }
    imp_try_light(first->t.type, b.value, b.length, &r);
    batch_verdicts(c, group, n, b.value, &r);
    drop_parsed(c);
    try_result_free(&r);
    strbuf_free(&b);
}

static int by_batch(const void *a, const void *b)
{
    const pending *x = a, *y = b;
    if (x->batch != y->batch)
        return x->batch < y->batch ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);
}

static void check_pending(round_ctx *c)
{
    size_t i, j, b, k;
    if (!c->pending_count) /* no batch: pending may be NULL, which qsort may not take */
        return;
    qsort(c->pending, c->pending_count, sizeof *c->pending, by_holder);
    for (i = 0; i < c->pending_count; i = j) {
        for (j = i + 1; j < c->pending_count && c->pending[j].t.type == c->pending[i].t.type;)
            j++;
        number_batches(c->pending + i, j - i);
        qsort(c->pending + i, j - i, sizeof *c->pending, by_batch);
        for (b = i; b < j && !c->im->oom; b = k) {
            for (k = b + 1; k < j && c->pending[k].batch == c->pending[b].batch;)
                k++;
            check_batch(c, c->pending + b, k - b);
        }
    }
    for (i = 0; i < c->pending_count; i++)
        free(c->pending[i].part);
    c->pending_count = 0;
}

static void check_one(round_ctx *c, size_t k)
{
    const import_example *e = &c->im->examples.items[k];
    strbuf b = STRBUF_INIT;
    target t;
    try_result r;
    size_t len;
    char *text;
    c->failing[k] = false;
    if (e->operation && !e->endpoint && c->im->o->operation_count)
        return; /* an operation --operation did not choose */
    if (!node_text(&b, e->value, 0)) {
        strbuf_free(&b);
        c->t.skipped[SKIP_NOT_JSON]++;
        return;
    }
    if (!(text = strbuf_steal(&b, &len))) {
        c->im->oom = true;
        return;
    }
    find_target(c->im, c->l, e, &t);
    if (t.skip == SKIP_NONE && t.wrapped) {
        char *w = str_printf("%s%s%s", t.open, text, t.close);
        free(text);
        if (!(text = w)) {
            c->im->oom = true;
            return;
        }
        len = strlen(text);
    }
    if (t.skip == SKIP_NONE && t.top && defer(c, k, &t, text, len))
        return; /* checked with others of its holder (check_pending) */
    if (t.skip == SKIP_NONE) {
        c->t.checked++;
        try_check(t.type, t.as, text, len, &r);
        c->failing[k] = !verdict(c, e, &t, text, &r, (picked){NULL, 0});
        drop_parsed(c);
        c->t.contradict += c->failing[k];
        try_result_free(&r);
    } else if (t.skip != SKIP_INLINE || !c->im->o->operation_count) {
        c->t.skipped[t.skip]++; /* (with --operation, most schemas are not reached) */
    }
    free(text);
}

static void run_round(round_ctx *c)
{
    size_t k;
    memset(&c->t, 0, sizeof c->t);
    json_object_clear(c->touched);
    for (k = 0; k < c->im->examples.count && !c->im->oom; k++)
        check_one(c, k);
    check_pending(c);
}

/* "specc: N examples checked, M contradict the draft (not checked: ...)". */
static void summary(const tally *t)
{
    size_t i;
    bool any = false;
    fprintf(stderr, "specc: %zu example%s checked, %zu contradict%s the draft", t->checked,
            t->checked == 1 ? "" : "s", t->contradict, t->contradict == 1 ? "s" : "");
    for (i = 1; i < SKIP_COUNT; i++) {
        if (!t->skipped[i])
            continue;
        fprintf(stderr, "%s%zu %s", any ? ", " : " (not checked: ", t->skipped[i], skip_words[i]);
        any = true;
    }
    fputs(any ? ")\n" : "\n", stderr);
}

/* ---- the loop ------------------------------------------------------- */

/* One round on the draft `text`; false if the checker refuses it (then
 * `loud`: an internal error, as import.c checked it). */
static bool round_on(round_ctx *c, const char *text, size_t len, bool loud)
{
    loaded l;
    if (!load(text, len, &l)) {
        if (loud) {
            fputs("specc: internal error: the draft does not load for checking its examples\n",
                  stderr);
            c->im->failed = true;
        }
        return false;
    }
    c->l = &l;
    run_round(c);
    c->l = NULL;
    unload(&l);
    return !c->im->oom;
}

/* The loosened draft emitted and checked again: emitted as it is and
 * loaded (the checker passes it: that text is the draft); only when the
 * checker refuses it, through import.c's loop, which leaves out the
 * defaults and examples it refuses. NULL after an error. */
static char *again(round_ctx *c, size_t *len, imp_emit_fn *emit)
{
    char *text = draft_emit(c->im->spec, len);
    if (!text) {
        c->im->oom = true;
        return NULL;
    }
    if (round_on(c, text, *len, false) || c->im->oom)
        return text;
    free(text);
    if ((text = emit(c->im, len)) && !round_on(c, text, *len, true)) {
        free(text);
        text = NULL;
    }
    return text;
}

static size_t count_fitting(const round_ctx *c, const bool *was_failing)
{
    size_t k, n = 0;
    for (k = 0; k < c->im->examples.count; k++)
        n += was_failing[k] && !c->failing[k];
    return n;
}

/* --fit-examples: after a round that loosened the draft, emit it and
 * check again (loosening on), until nothing fails, nothing more can be
 * loosened, or FIT_ROUNDS. */
static char *fit(round_ctx *c, char *text, size_t *len, imp_emit_fn *emit, const bool *first)
{
    size_t changes = c->t.changes, fitting;
    int round = 1;
    c->report = false;
    while (c->t.contradict && c->t.changes && round < FIT_ROUNDS) {
        free(text);
        if (!(text = again(c, len, emit)) || c->im->oom)
            return text;
        changes += c->t.changes;
        round++;
    }
    fitting = count_fitting(c, first);
    fprintf(stderr, "specc: loosened %zu place%s so that %zu example%s fit\n", changes,
            changes == 1 ? "" : "s", fitting, fitting == 1 ? "" : "s");
    if (c->t.contradict) {
        diag_error((loc){c->im->file, 0, 0},
                   "--fit-examples: %zu example%s still contradict%s the draft after %d "
                   "round%s: %s",
                   c->t.contradict, c->t.contradict == 1 ? "" : "s",
                   c->t.contradict == 1 ? "s" : "", round, round == 1 ? "" : "s",
                   c->t.changes ? "the loosening does not converge"
                                : "no rule loosens the draft for them (see the warnings)");
        c->im->failed = true;
    }
    return text;
}

char *imp_check_examples(importer *im, char *text, size_t *len, imp_emit_fn *emit)
{
    round_ctx c;
    bool *first;
    if (!text || !im->examples.count)
        return text;
    memset(&c, 0, sizeof c);
    c.im = im;
    c.failing = calloc(im->examples.count, sizeof *c.failing);
    first = calloc(im->examples.count, sizeof *first);
    c.touched = json_object();
    if (!c.failing || !first || !c.touched) {
        im->oom = true;
    } else {
        c.report = true;
        c.fit = im->o->fit_examples;
        if (round_on(&c, text, *len, true))
            summary(&c.t);
        memcpy(first, c.failing, im->examples.count * sizeof *first);
        if (c.fit && !im->failed && !im->oom)
            text = fit(&c, text, len, emit, first);
    }
    free(c.failing);
    free(first);
    free(c.pending);
    json_decref(c.touched);
    if (im->failed || im->oom) {
        free(text);
        return NULL;
    }
    return text;
}
