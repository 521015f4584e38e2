/*
 * try_locate.c — a path back to its place in the text. The text was
 * accepted by the runtime's scanner before this runs, so this walk only
 * has to follow well-formed JSON; paths are spelled by the runtime's own
 * speccp_path_format, so they compare equal byte for byte.
 */
#include "try_locate.h"

#include <string.h>

#include "specc_internal.h"

typedef struct locator {
    const char *text, *end, *p;
    const char *want;  /* the path looked for */
    const char *found; /* the deepest value whose path is a prefix of want */
    size_t found_len;  /* ... and the length of that path */
} locator;

static void skip_ws(locator *l)
{
    while (l->p < l->end && (*l->p == ' ' || *l->p == '\t' || *l->p == '\n' || *l->p == '\r'))
        l->p++;
}

/* Past a string whose opening quote is at the cursor. */
static void skip_string(locator *l)
{
    for (l->p++; l->p < l->end && *l->p != '"'; l->p++)
        if (*l->p == '\\')
            l->p++;
    l->p++;
}

/* Does the value's path lead towards the one wanted? "$.a" leads to "$.a",
 * "$.a.b" and "$.a[0]", not to "$.ab". */
static bool leads_to(const locator *l, const char *path, size_t n)
{
    char next;
    if (strncmp(path, l->want, n) != 0)
        return false;
    next = l->want[n];
    return next == '\0' || next == '.' || next == '[';
}

static void walk(locator *l, const speccp_path *path, unsigned depth);

/* An object's members; a key is compared as the runtime decodes it. */
static void walk_members(locator *l, const speccp_path *path, unsigned depth)
{
    for (l->p++, skip_ws(l); l->p < l->end && *l->p != '}';) {
        const char *key = l->p + 1;
        speccp_path child = {path, NULL, 0, 0};
        json_t *decoded = NULL;
        skip_string(l);
        if (memchr(key, '\\', (size_t)(l->p - 1 - key)) &&
            specc_decode_any_text(key - 1, (size_t)(l->p - key + 1), &decoded, NULL) == SPECC_OK) {
            child.key = json_string_value(decoded);
            child.key_len = json_string_length(decoded);
        } else {
            child.key = key;
            child.key_len = (size_t)(l->p - 1 - key);
        }
        skip_ws(l);
        l->p++; /* ':' */
        skip_ws(l);
        walk(l, &child, depth + 1);
        json_decref(decoded);
        skip_ws(l);
        if (l->p < l->end && *l->p == ',')
            l->p++;
        skip_ws(l);
    }
    l->p++;
}

static void walk_items(locator *l, const speccp_path *path, unsigned depth)
{
    speccp_path child = {path, NULL, 0, 0};
    for (l->p++, skip_ws(l); l->p < l->end && *l->p != ']'; child.index++) {
        walk(l, &child, depth + 1);
        skip_ws(l);
        if (l->p < l->end && *l->p == ',')
            l->p++;
        skip_ws(l);
    }
    l->p++;
}

/* One value at the cursor; notes it when its path leads to the one wanted,
 * and goes inside only then (a skipped container is scanned flat). */
static void walk(locator *l, const speccp_path *path, unsigned depth)
{
    char buf[SPECC_PATH_MAX];
    size_t n;
    speccp_path_format(path, buf, sizeof buf);
    n = strlen(buf);
    if (depth <= SPECC_MAX_DEPTH && leads_to(l, buf, n) && n >= l->found_len) {
        l->found = l->p;
        l->found_len = n;
        if (*l->p == '{') {
            walk_members(l, path, depth);
            return;
        }
        if (*l->p == '[') {
            walk_items(l, path, depth);
            return;
        }
    }
    if (*l->p == '"') {
        skip_string(l);
        return;
    }
    if (*l->p == '{' || *l->p == '[') { /* flat: count brackets outside strings */
        long open = 0;
        do {
            if (*l->p == '"') {
                skip_string(l);
                continue;
            }
            open += (*l->p == '{' || *l->p == '[') - (*l->p == '}' || *l->p == ']');
            l->p++;
        } while (open > 0 && l->p < l->end);
        return;
    }
    while (l->p < l->end && !strchr(",]} \t\r\n", *l->p))
        l->p++;
}

void try_locate(const char *text, size_t len, const char *path, int *line, int *column)
{
    locator l = {text, text + len, text, path, NULL, 0};
    const char *q, *line_start = text;
    *line = *column = 1;
    skip_ws(&l);
    if (l.p < l.end)
        walk(&l, NULL, 0);
    if (!l.found)
        return;
    for (q = text; q < l.found; q++) {
        if (*q == '\n') {
            ++*line;
            line_start = q + 1;
        }
    }
    *column = (int)(l.found - line_start + 1);
}
