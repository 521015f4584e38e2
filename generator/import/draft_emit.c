/*
 * draft_emit.c — a draft tree as YAML text, written by libyaml's emitter so
 * that every scalar is quoted as YAML needs (draft.h).
 *
 * libyaml's emitter writes no comments. Each node that carries a comment
 * (or whose position the caller wants: droppable ones) is given an anchor,
 * `&<marker><n>`, which the emitter writes right where the node starts;
 * the text is then scanned once: each anchor is taken out again, its line
 * and column recorded, and the node's comment written at the end of that
 * line (` # ...`). The marker is chosen so that no scalar of the tree holds
 * `&<marker>`: the emitter writes a scalar's characters as themselves or as
 * escapes that never produce `&`, so every `&<marker>` in the text is one
 * of ours. The emitter is given no line width (no scalar or flow collection
 * is ever folded), so a line only goes on after such a node inside a
 * literal block scalar's header (`|-`), where a comment is allowed too.
 */
#include "draft.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "strbuf.h"

typedef struct emit_ctx {
    yaml_emitter_t y;
    strbuf out;
    char marker[32];
    draft_node **marked; /* index = anchor number */
    size_t marked_count, marked_cap;
    bool failed;
} emit_ctx;

static int write_out(void *data, unsigned char *buffer, size_t size)
{
    emit_ctx *e = data;
    return strbuf_append_bytes(&e->out, (const char *)buffer, size);
}

/* ---- the marker ----------------------------------------------------- */

static bool holds(const draft_node *n, const char *needle)
{
    size_t nl = strlen(needle), i;
    if (!n)
        return false;
    if (n->kind == DRAFT_SCALAR) {
        for (i = 0; n->len >= nl && i <= n->len - nl; i++)
            if (n->text[i] == '&' && memcmp(n->text + i, needle, nl) == 0)
                return true;
        return false;
    }
    for (i = 0; i < n->count; i++)
        if ((n->kind == DRAFT_MAP && holds(n->keys[i], needle)) || holds(n->items[i], needle))
            return true;
    return false;
}

static void choose_marker(emit_ctx *e, const draft_node *root)
{
    char needle[40];
    size_t len;
    strcpy(e->marker, "specc");
    for (;;) {
        snprintf(needle, sizeof needle, "&%s", e->marker);
        if (!holds(root, needle))
            return;
        len = strlen(e->marker);
        if (len + 1 >= sizeof e->marker)
            return; /* cannot happen: each try needs a longer run in the text */
        e->marker[len] = 'x';
        e->marker[len + 1] = '\0';
    }
}

/* ---- events --------------------------------------------------------- */

/* Would a plain scalar of this text read back as this string? Not when
 * it reads as null, a boolean or a number (YAML 1.2 core schema, as
 * parse.c reads it), nor as a YAML 1.1 boolean (y, yes, on, ...). */
static bool plain_reads_as_string(const draft_node *n)
{
    static const char *const words[] = {"y", "n", "yes", "no", "on", "off", NULL};
    node probe;
    size_t i, j;
    memset(&probe, 0, sizeof probe);
    probe.kind = NODE_SCALAR;
    probe.value = n->text;
    probe.len = n->len;
    if (!node_is_string(&probe))
        return false;
    for (i = 0; words[i]; i++) {
        if (strlen(words[i]) != n->len)
            continue;
        for (j = 0; j < n->len && (n->text[j] | 0x20) == words[i][j]; j++)
            ;
        if (j == n->len)
            return false;
    }
    return true;
}

static yaml_char_t *anchor_for(emit_ctx *e, draft_node *n, char *buf, size_t size)
{
    if (!n->comment && !n->droppable)
        return NULL;
    if (e->marked_count == e->marked_cap) {
        size_t cap = e->marked_cap ? e->marked_cap * 2 : 64;
        draft_node **grown = realloc(e->marked, cap * sizeof *grown);
        if (!grown) {
            e->failed = true;
            return NULL;
        }
        e->marked = grown;
        e->marked_cap = cap;
    }
    snprintf(buf, size, "%s%zu", e->marker, e->marked_count);
    e->marked[e->marked_count++] = n;
    return (yaml_char_t *)buf;
}

static bool emit_event(emit_ctx *e, yaml_event_t *ev, int made)
{
    if (!made || !yaml_emitter_emit(&e->y, ev))
        e->failed = true;
    return !e->failed;
}

static bool emit_scalar(emit_ctx *e, draft_node *n, yaml_char_t *anchor, bool in_flow)
{
    yaml_event_t ev;
    yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
    if (n->string && memchr(n->text, '\n', n->len) && !in_flow)
        style = YAML_LITERAL_SCALAR_STYLE;
    else if (n->string && !plain_reads_as_string(n))
        style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    return emit_event(e, &ev,
                      yaml_scalar_event_initialize(&ev, anchor, NULL, (yaml_char_t *)n->text,
                                                   (int)n->len, 1, 1, style));
}

static bool emit_node(emit_ctx *e, draft_node *n, bool in_flow, int depth)
{
    yaml_event_t ev;
    char buf[64];
    yaml_char_t *anchor = anchor_for(e, n, buf, sizeof buf);
    size_t i;
    bool flow = in_flow || n->flow;
    if (e->failed || depth > 1000)
        return false;
    if (n->kind == DRAFT_SCALAR)
        return emit_scalar(e, n, anchor, in_flow);
    if (n->kind == DRAFT_MAP) {
        if (!emit_event(e, &ev, yaml_mapping_start_event_initialize(
                                    &ev, anchor, NULL, 1,
                                    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)))
            return false;
        for (i = 0; i < n->count; i++)
            if (!n->items[i]->dropped && (!emit_scalar(e, n->keys[i], NULL, true) ||
                                          !emit_node(e, n->items[i], flow, depth + 1)))
                return false;
        return emit_event(e, &ev, yaml_mapping_end_event_initialize(&ev));
    }
    if (!emit_event(e, &ev, yaml_sequence_start_event_initialize(
                                &ev, anchor, NULL, 1,
                                flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)))
        return false;
    for (i = 0; i < n->count; i++)
        if (!emit_node(e, n->items[i], flow, depth + 1))
            return false;
    return emit_event(e, &ev, yaml_sequence_end_event_initialize(&ev));
}

static bool emit_document(emit_ctx *e, draft_node *root)
{
    yaml_event_t ev;
    return emit_event(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING)) &&
           emit_event(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1)) &&
           emit_node(e, root, false, 0) &&
           emit_event(e, &ev, yaml_document_end_event_initialize(&ev, 1)) &&
           emit_event(e, &ev, yaml_stream_end_event_initialize(&ev)) &&
           yaml_emitter_flush(&e->y);
}

/* ---- markers out, comments in --------------------------------------- */

/* The anchor number at text[i] ("&<marker>12"), or -1; *end after it. */
static long marker_at(const emit_ctx *e, const char *text, size_t len, size_t i, size_t *end)
{
    size_t ml = strlen(e->marker), j;
    unsigned long v = 0;
    if (text[i] != '&' || i + 1 + ml >= len || memcmp(text + i + 1, e->marker, ml) != 0)
        return -1;
    for (j = i + 1 + ml; j < len && text[j] >= '0' && text[j] <= '9'; j++)
        v = v * 10 + (unsigned long)(text[j] - '0');
    if (j == i + 1 + ml || v >= e->marked_count)
        return -1;
    *end = j;
    return (long)v;
}

static void put_comment(strbuf *b, const char *c)
{
    strbuf_append(b, " # ");
    for (; c && *c; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch == '#' && b->length && b->value[b->length - 1] == '#')
            continue;
        strbuf_append_char(b, ch < 0x20 || ch == 0x7F ? '?' : (char)ch);
    }
}

/* Ends the current line: the comments of the nodes that start on it. */
static void end_line(strbuf *b, draft_node **pending, size_t *count)
{
    size_t i;
    for (i = 0; i < *count; i++)
        if (pending[i]->comment)
            put_comment(b, pending[i]->comment);
    *count = 0;
}

static char *place_comments(emit_ctx *e, size_t *out_len)
{
    const char *t = e->out.value ? e->out.value : "";
    size_t len = e->out.length, i = 0, end, npending = 0;
    draft_node **pending = calloc(e->marked_count + 1, sizeof *pending);
    strbuf b = STRBUF_INIT;
    int line = 1, col = 1;
    if (!pending)
        return NULL;
    while (i < len) {
        long id = marker_at(e, t, len, i, &end);
        if (id >= 0) {
            draft_node *n = e->marked[id];
            if (end < len && t[end] == ' ')
                end++;
            else if (b.length && b.value[b.length - 1] == ' ')
                b.length--, col--;
            n->line = line;
            n->col = col;
            pending[npending++] = n;
            i = end;
            continue;
        }
        if (t[i] == '\n') {
            end_line(&b, pending, &npending);
            line++;
            col = 1;
        } else if (((unsigned char)t[i] & 0xC0) != 0x80) {
            col++;
        }
        strbuf_append_char(&b, t[i++]);
    }
    end_line(&b, pending, &npending);
    free(pending);
    if (b.failed) {
        strbuf_free(&b);
        return NULL;
    }
    strbuf_append_char(&b, '\0'); /* terminated after the last byte, then not counted */
    if (b.failed) {
        strbuf_free(&b);
        return NULL;
    }
    b.length--;
    return strbuf_steal(&b, out_len);
}

char *draft_emit(draft_node *root, size_t *len)
{
    emit_ctx e;
    char *text = NULL;
    memset(&e, 0, sizeof e);
    if (!root || !yaml_emitter_initialize(&e.y))
        return NULL;
    choose_marker(&e, root);
    yaml_emitter_set_output(&e.y, write_out, &e);
    yaml_emitter_set_unicode(&e.y, 1);
    yaml_emitter_set_width(&e.y, -1);
    yaml_emitter_set_indent(&e.y, 2);
    yaml_emitter_set_break(&e.y, YAML_LN_BREAK);
    if (emit_document(&e, root) && !e.out.failed)
        text = place_comments(&e, len);
    yaml_emitter_delete(&e.y);
    strbuf_free(&e.out);
    free(e.marked);
    return text;
}
