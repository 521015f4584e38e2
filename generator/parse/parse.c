/*
 * parse.c — YAML text to a node tree (see parse.h), using libyaml's event
 * API. Each collection is built by one recursive call, so nesting is bounded
 * (MAX_DEPTH) before it can exhaust the stack. Errors that leave the event
 * stream usable (duplicate keys, anchors, tags) are reported and parsing goes
 * on, so one run shows them all; the result is then still NULL.
 */
#include "parse.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Deepest nesting of collections accepted; specs need well under 10. */
#define MAX_DEPTH 256

/* Keys are quoted in messages up to this many bytes. */
#define SHOWN_MAX 64

typedef struct parser {
    yaml_parser_t yaml;
    const char *path; /* borrowed: every node's `where.file` points here */
    const char *text; /* the input, to place reader errors (byte offsets) */
    size_t len;
    bool failed;  /* an error was reported, but events can still be read */
    bool stopped; /* no further events can be read (or trusted) */
} parser;

/* ---- positions and messages ---------------------------------------- */

static int one_based(size_t zero_based)
{
    return zero_based < (size_t)INT_MAX - 1 ? (int)zero_based + 1 : INT_MAX;
}

static loc mark_loc(const parser *p, yaml_mark_t mark)
{
    loc where = {p->path, one_based(mark.line), one_based(mark.column)};
    return where;
}

static loc file_loc(const parser *p)
{
    loc where = {p->path, 0, 0};
    return where;
}

/* Reader errors (bad UTF-8, control characters) come with a byte offset
 * only; turn it into line and column (columns count characters, as
 * libyaml's marks do, so UTF-8 continuation bytes are skipped). */
static loc offset_loc(const parser *p, size_t offset)
{
    loc where = {p->path, 1, 1};

    if (offset > p->len)
        offset = p->len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)p->text[i];
        if (c == '\n') {
            where.line += where.line < INT_MAX;
            where.col = 1;
        } else if ((c & 0xC0) != 0x80 && where.col < INT_MAX) {
            where.col++;
        }
    }
    return where;
}

static void out_of_memory(parser *p)
{
    diag_error(file_loc(p), "out of memory");
    p->stopped = true;
}

/* libyaml could not produce the next event: say why, where. */
static void report_yaml_error(parser *p)
{
    const yaml_parser_t *y = &p->yaml;
    const char *problem = y->problem ? y->problem : "unreadable YAML";

    p->stopped = true;
    if (y->error == YAML_MEMORY_ERROR) {
        out_of_memory(p);
        return;
    }
    if (y->error == YAML_READER_ERROR) {
        diag_error(offset_loc(p, y->problem_offset), "YAML syntax: %s", problem);
        return;
    }
    diag_error(mark_loc(p, y->problem_mark), "YAML syntax: %s", problem);
    if (y->context)
        diag_note(mark_loc(p, y->context_mark), "%s", y->context);
}

/* A key as it can safely be quoted in a message: control bytes become '?',
 * long keys are cut (at a UTF-8 character boundary) and end in "...". */
static const char *shown(const node *key, char buf[SHOWN_MAX + 4])
{
    size_t n = key->len;

    if (n > SHOWN_MAX) {
        n = SHOWN_MAX;
        while (n > 0 && ((unsigned char)key->value[n] & 0xC0) == 0x80)
            n--;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)key->value[i];
        buf[i] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    strcpy(buf + n, n < key->len ? "..." : "");
    return buf;
}

/* ---- nodes ---------------------------------------------------------- */

void node_free(node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++) {
        if (n->keys)
            node_free(n->keys[i]);
        node_free(n->items[i]);
    }
    free(n->keys);
    free(n->items);
    free(n->value);
    free(n);
}

static node *new_node(parser *p, node_kind kind, yaml_mark_t start)
{
    node *n = calloc(1, sizeof *n);

    if (!n) {
        out_of_memory(p);
        return NULL;
    }
    n->kind = kind;
    n->where = mark_loc(p, start);
    return n;
}

/* Make room for one more entry in *array (holding `count`, room for *cap). */
static bool reserve(parser *p, node ***array, size_t *cap, size_t count)
{
    if (count < *cap)
        return true;
    size_t new_cap = *cap ? *cap * 2 : 4;
    node **grown = new_cap <= SIZE_MAX / sizeof *grown
        ? realloc(*array, new_cap * sizeof *grown) : NULL;
    if (!grown) {
        out_of_memory(p);
        return false;
    }
    *array = grown;
    *cap = new_cap;
    return true;
}

/* ---- events to nodes ------------------------------------------------ */

static bool next_event(parser *p, yaml_event_t *ev)
{
    if (p->stopped)
        return false;
    if (!yaml_parser_parse(&p->yaml, ev)) {
        report_yaml_error(p);
        return false;
    }
    return true;
}

/* Anchors and tags are legal YAML, but a spec is plain data: refuse them
 * rather than half-support them. */
static void refuse_properties(parser *p, const yaml_event_t *ev,
                              const yaml_char_t *anchor, const yaml_char_t *tag)
{
    static const char core[] = "tag:yaml.org,2002:";

    if (anchor) {
        diag_error(mark_loc(p, ev->start_mark),
                   "anchors and aliases are not supported in specs");
        p->failed = true;
    }
    if (tag) {
        const char *t = (const char *)tag;
        bool short_form = strncmp(t, core, sizeof core - 1) == 0;
        diag_error(mark_loc(p, ev->start_mark),
                   "YAML tags are not supported in specs (found '%s%s')",
                   short_form ? "!!" : "", short_form ? t + sizeof core - 1 : t);
        p->failed = true;
    }
}

static node *parse_node(parser *p, const yaml_event_t *ev, int depth);

static node *parse_scalar(parser *p, const yaml_event_t *ev)
{
    size_t len = ev->data.scalar.length;
    node *n;

    refuse_properties(p, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
    n = new_node(p, NODE_SCALAR, ev->start_mark);
    if (!n)
        return NULL;
    n->value = malloc(len + 1);
    if (!n->value) {
        out_of_memory(p);
        free(n);
        return NULL;
    }
    memcpy(n->value, ev->data.scalar.value, len);
    n->value[len] = '\0';
    n->len = len;
    n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    return n;
}

/* An alias is refused; an empty scalar stands in for it so parsing can go
 * on and report the rest of the file. */
static node *parse_alias(parser *p, const yaml_event_t *ev)
{
    node *n = new_node(p, NODE_SCALAR, ev->start_mark);

    diag_error(mark_loc(p, ev->start_mark),
               "anchors and aliases are not supported in specs");
    p->failed = true;
    if (n && !(n->value = calloc(1, 1))) {
        out_of_memory(p);
        free(n);
        n = NULL;
    }
    return n;
}

/* Reads the events of one child node (the next in the stream). */
static node *parse_child(parser *p, int depth, yaml_event_type_t end, bool *ended)
{
    yaml_event_t ev;
    node *child = NULL;

    *ended = false;
    if (!next_event(p, &ev))
        return NULL;
    if (ev.type == end)
        *ended = true;
    else
        child = parse_node(p, &ev, depth);
    yaml_event_delete(&ev);
    return child;
}

static node *parse_sequence(parser *p, const yaml_event_t *start, int depth)
{
    node *seq = new_node(p, NODE_SEQ, start->start_mark);
    size_t cap = 0;
    bool ended;

    if (!seq)
        return NULL;
    for (;;) {
        node *item = parse_child(p, depth, YAML_SEQUENCE_END_EVENT, &ended);
        if (ended)
            return seq;
        if (!item || !reserve(p, &seq->items, &cap, seq->count)) {
            node_free(item);
            node_free(seq);
            return NULL;
        }
        seq->items[seq->count++] = item;
    }
}

/* ---- mappings and duplicate keys ------------------------------------ */

/* The keys seen so far in one mapping, as an open-addressing hash set of
 * indices into map->keys (stored + 1; 0 marks an empty slot). Linear scans
 * would make a hostile file with 100k keys take minutes. */
typedef struct keyset {
    size_t *slots;
    size_t cap; /* a power of two, at least twice the number of keys */
} keyset;

static bool same_key(const node *a, const node *b)
{
    return a->len == b->len && memcmp(a->value, b->value, a->len) == 0;
}

static size_t hash_key(const node *key) /* FNV-1a */
{
    uint64_t h = UINT64_C(14695981039346656037);

    for (size_t i = 0; i < key->len; i++)
        h = (h ^ (unsigned char)key->value[i]) * UINT64_C(1099511628211);
    return (size_t)h;
}

/* The slot holding key, or the empty slot where it belongs. */
static size_t *keyset_slot(const keyset *set, const node *map, const node *key)
{
    size_t mask = set->cap - 1;
    size_t i = hash_key(key) & mask;

    while (set->slots[i] && !same_key(map->keys[set->slots[i] - 1], key))
        i = (i + 1) & mask;
    return &set->slots[i];
}

/* Room for one more key than map holds; rehashes when growing. */
static bool keyset_reserve(parser *p, keyset *set, const node *map)
{
    keyset grown;

    if (set->cap / 2 > map->count)
        return true;
    grown.cap = set->cap ? set->cap * 2 : 16;
    grown.slots = grown.cap < SIZE_MAX / sizeof *grown.slots
        ? calloc(grown.cap, sizeof *grown.slots) : NULL;
    if (!grown.slots) {
        out_of_memory(p);
        return false;
    }
    for (size_t i = 0; i < map->count; i++)
        *keyset_slot(&grown, map, map->keys[i]) = i + 1;
    free(set->slots);
    *set = grown;
    return true;
}

/* What parse_mapping keeps while it fills one map. */
typedef struct map_builder {
    size_t key_cap, item_cap; /* allocated room in map->keys, map->items */
    keyset seen;
} map_builder;

/* Reports why key cannot go into map, if it cannot. *slot is where a new
 * key's index goes. Returns false only when parsing cannot go on. */
static bool check_key(parser *p, node *map, keyset *seen, const node *key,
                      size_t **slot)
{
    char buf[SHOWN_MAX + 4];

    *slot = NULL;
    if (key->kind != NODE_SCALAR) {
        diag_error(key->where, "mapping keys must be scalars, not a %s",
                   node_kind_name(key));
        p->failed = true;
        return true;
    }
    if (!keyset_reserve(p, seen, map))
        return false;
    *slot = keyset_slot(seen, map, key);
    if (**slot) {
        diag_error(key->where, "duplicate key '%s'", shown(key, buf));
        diag_note(map->keys[**slot - 1]->where, "first defined here");
        p->failed = true;
        *slot = NULL;
    }
    return true;
}

/* The map owns keys and items once they are stored; a refused entry is
 * freed here. Returns false when parsing cannot go on. */
static bool add_entry(parser *p, node *map, map_builder *b, node *key, node *value)
{
    size_t *slot;
    bool go_on = check_key(p, map, &b->seen, key, &slot);

    if (go_on && slot)
        go_on = reserve(p, &map->keys, &b->key_cap, map->count) &&
                reserve(p, &map->items, &b->item_cap, map->count);
    if (!go_on || !slot) {
        node_free(key);
        node_free(value);
        return go_on;
    }
    map->keys[map->count] = key;
    map->items[map->count++] = value;
    *slot = map->count; /* index + 1 */
    return true;
}

static node *parse_mapping(parser *p, const yaml_event_t *start, int depth)
{
    node *map = new_node(p, NODE_MAP, start->start_mark);
    map_builder b = {0, 0, {NULL, 0}};
    bool ended;

    if (!map)
        return NULL;
    for (;;) {
        node *key = parse_child(p, depth, YAML_MAPPING_END_EVENT, &ended);
        node *value;
        if (ended)
            break;
        if (!key)
            goto fail;
        /* libyaml always sends a value event after a key, even if empty,
         * so no end event is expected here */
        value = parse_child(p, depth, YAML_NO_EVENT, &ended);
        if (!value) {
            node_free(key);
            goto fail;
        }
        if (!add_entry(p, map, &b, key, value))
            goto fail;
    }
    free(b.seen.slots);
    return map;
fail:
    free(b.seen.slots);
    node_free(map);
    return NULL;
}

/* ---- dispatch and the stream ---------------------------------------- */

/* `depth` counts the collections around ev. */
static node *parse_node(parser *p, const yaml_event_t *ev, int depth)
{
    bool collection = ev->type == YAML_SEQUENCE_START_EVENT ||
                      ev->type == YAML_MAPPING_START_EVENT;

    if (collection && depth >= MAX_DEPTH) {
        diag_error(mark_loc(p, ev->start_mark),
                   "nesting too deep (more than %d levels)", MAX_DEPTH);
        p->stopped = true;
        return NULL;
    }
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        return parse_scalar(p, ev);
    case YAML_ALIAS_EVENT:
        return parse_alias(p, ev);
    case YAML_SEQUENCE_START_EVENT:
        refuse_properties(p, ev, ev->data.sequence_start.anchor,
                          ev->data.sequence_start.tag);
        return parse_sequence(p, ev, depth + 1);
    case YAML_MAPPING_START_EVENT:
        refuse_properties(p, ev, ev->data.mapping_start.anchor,
                          ev->data.mapping_start.tag);
        return parse_mapping(p, ev, depth + 1);
    default:
        /* libyaml's grammar sends no other event here */
        diag_error(mark_loc(p, ev->start_mark), "YAML syntax: unexpected event");
        p->stopped = true;
        return NULL;
    }
}

/* Reads one event, checks its type and drops it. */
static bool expect_event(parser *p, yaml_event_type_t type, yaml_event_t *ev)
{
    if (!next_event(p, ev))
        return false;
    if (ev->type == type)
        return true;
    yaml_event_delete(ev);
    return false;
}

/* STREAM-START, DOCUMENT-START, root node, DOCUMENT-END, STREAM-END. */
static node *parse_stream(parser *p)
{
    yaml_event_t ev;
    node *root;

    if (!expect_event(p, YAML_STREAM_START_EVENT, &ev))
        return NULL;
    yaml_event_delete(&ev);
    if (!next_event(p, &ev))
        return NULL;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        diag_error(file_loc(p), "empty spec file");
        return NULL;
    }
    yaml_event_delete(&ev);
    if (!next_event(p, &ev))
        return NULL;
    root = parse_node(p, &ev, 0);
    yaml_event_delete(&ev);
    if (root && expect_event(p, YAML_DOCUMENT_END_EVENT, &ev)) {
        yaml_event_delete(&ev);
        if (next_event(p, &ev)) {
            if (ev.type == YAML_DOCUMENT_START_EVENT) {
                diag_error(mark_loc(p, ev.start_mark),
                           "more than one document in a spec file");
                p->failed = true;
            }
            yaml_event_delete(&ev);
        }
    }
    return root;
}

node *parse_text(const char *path, const char *text, size_t len)
{
    parser p;
    node *root;

    memset(&p, 0, sizeof p);
    p.path = path;
    p.text = text ? text : "";
    p.len = text ? len : 0;
    if (!yaml_parser_initialize(&p.yaml)) {
        out_of_memory(&p);
        return NULL;
    }
    yaml_parser_set_input_string(&p.yaml, (const unsigned char *)p.text, p.len);
    root = parse_stream(&p);
    yaml_parser_delete(&p.yaml);
    if (p.failed || p.stopped) {
        node_free(root);
        return NULL;
    }
    return root;
}

/* ---- files ---------------------------------------------------------- */

/* Whole contents of f, or NULL with errno set. */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 0, used = 0;
    char *buf = NULL;

    for (;;) {
        if (used == cap) {
            char *grown = cap < SIZE_MAX / 2 ? realloc(buf, cap ? cap * 2 : 65536) : NULL;
            if (!grown) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = grown;
            cap = cap ? cap * 2 : 65536;
        }
        errno = 0;
        used += fread(buf + used, 1, cap - used, f);
        if (ferror(f)) {
            int saved = errno ? errno : EIO;
            free(buf);
            errno = saved;
            return NULL;
        }
        if (feof(f))
            break;
    }
    *len = used;
    return buf;
}

node *parse_file(const char *path)
{
    loc whole = {path, 0, 0};
    FILE *f = fopen(path, "rb");
    size_t len = 0;
    char *text;
    node *root;

    if (!f) {
        diag_error(whole, "cannot read: %s", strerror(errno));
        return NULL;
    }
    text = read_all(f, &len);
    if (!text) {
        diag_error(whole, "cannot read: %s", strerror(errno));
        fclose(f);
        return NULL;
    }
    fclose(f);
    root = parse_text(path, text, len);
    free(text);
    return root;
}

/* ---- lookups and scalar resolution ---------------------------------- */

node *node_get(const node *map, const char *key)
{
    size_t len;

    if (!map || map->kind != NODE_MAP || !key)
        return NULL;
    len = strlen(key);
    for (size_t i = 0; i < map->count; i++) {
        const node *k = map->keys[i];
        if (k->len == len && memcmp(k->value, key, len) == 0)
            return map->items[i];
    }
    return NULL;
}

/* Only plain scalars resolve to anything but a string. */
static bool is_plain(const node *n)
{
    return n && n->kind == NODE_SCALAR && !n->quoted;
}

static bool is_one_of(const node *n, const char *const *words)
{
    for (; *words; words++) {
        if (strlen(*words) == n->len && memcmp(*words, n->value, n->len) == 0)
            return true;
    }
    return false;
}

static size_t skip_digits(const char *s, size_t len, size_t *i)
{
    size_t start = *i;

    while (*i < len && s[*i] >= '0' && s[*i] <= '9')
        ++*i;
    return *i - start;
}

static size_t skip_sign(const char *s, size_t len, size_t i)
{
    return i < len && (s[i] == '-' || s[i] == '+') ? i + 1 : i;
}

/* [-+]?[0-9]+ */
static bool int_syntax(const char *s, size_t len)
{
    size_t i = skip_sign(s, len, 0);

    return skip_digits(s, len, &i) > 0 && i == len;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool number_syntax(const char *s, size_t len)
{
    size_t i = skip_sign(s, len, 0);
    size_t digits = skip_digits(s, len, &i);

    if (i < len && s[i] == '.') {
        i++;
        digits += skip_digits(s, len, &i);
    }
    if (digits == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i = skip_sign(s, len, i + 1);
        if (skip_digits(s, len, &i) == 0)
            return false;
    }
    return i == len;
}

bool node_is_null(const node *n)
{
    static const char *const words[] = {"null", "Null", "NULL", "~", "", NULL};

    return is_plain(n) && is_one_of(n, words);
}

bool node_as_bool(const node *n, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", NULL};
    static const char *const no[] = {"false", "False", "FALSE", NULL};

    if (!is_plain(n))
        return false;
    if (is_one_of(n, yes))
        *out = true;
    else if (is_one_of(n, no))
        *out = false;
    else
        return false;
    return true;
}

bool node_as_int(const node *n, int64_t *out)
{
    const uint64_t max = INT64_MAX;
    uint64_t limit, magnitude = 0;
    bool negative;

    if (!is_plain(n) || !int_syntax(n->value, n->len))
        return false;
    negative = n->value[0] == '-';
    limit = negative ? max + 1 : max;
    for (size_t i = skip_sign(n->value, n->len, 0); i < n->len; i++) {
        unsigned digit = (unsigned)(n->value[i] - '0');
        if (magnitude > (limit - digit) / 10)
            return false;
        magnitude = magnitude * 10 + digit;
    }
    if (!negative)
        *out = (int64_t)magnitude;
    else
        *out = magnitude == max + 1 ? INT64_MIN : -(int64_t)magnitude;
    return true;
}

/* strtod follows LC_NUMERIC; specc never calls setlocale, so it reads '.'. */
bool node_as_number(const node *n, double *out)
{
    double d;

    if (!is_plain(n) || !number_syntax(n->value, n->len))
        return false;
    d = strtod(n->value, NULL); /* the syntax check stopped at NUL or end */
    if (isinf(d))
        return false; /* 1e999: out of range */
    *out = d;
    return true;
}

bool node_is_string(const node *n)
{
    bool b;

    if (!n || n->kind != NODE_SCALAR)
        return false;
    return !is_plain(n) ||
           (!node_is_null(n) && !node_as_bool(n, &b) &&
            !number_syntax(n->value, n->len));
}

/* Out-of-range numbers are still named "integer"/"number" (by syntax), so
 * callers can say "out of range" rather than "got a string". */
const char *node_kind_name(const node *n)
{
    bool b;

    if (!n)
        return "nothing";
    if (n->kind == NODE_MAP)
        return "mapping";
    if (n->kind == NODE_SEQ)
        return "sequence";
    if (!is_plain(n))
        return "string";
    if (node_is_null(n))
        return "null";
    if (node_as_bool(n, &b))
        return "boolean";
    if (int_syntax(n->value, n->len))
        return "integer";
    if (number_syntax(n->value, n->len))
        return "number";
    return "string";
}
