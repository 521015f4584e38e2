/*
 * import_refs.c — local `$ref`s: JSON pointers into the description
 * (`#/components/schemas/Pet`, nested ones such as
 * `#/components/schemas/Pet/properties/owner`, with ~0 ~1 and %-escapes),
 * chains of them, and loops among them. External references (another file
 * or URL) are never read.
 */
#include "import_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most $refs one schema may go through before it is a loop. */
#define MAX_HOPS 64

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* One reference token, unescaped (%XX, then ~1 and ~0) into buf. */
static bool unescape(const char *s, size_t len, char *buf)
{
    size_t i, n = 0;
    char *tmp = buf;
    for (i = 0; i < len; i++) {
        if (s[i] == '%' && i + 2 < len && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            tmp[n++] = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            tmp[n++] = s[i];
        }
    }
    for (i = 0, len = n, n = 0; i < len; i++) {
        if (tmp[i] == '~' && i + 1 < len && (tmp[i + 1] == '0' || tmp[i + 1] == '1')) {
            buf[n++] = tmp[i + 1] == '0' ? '~' : '/';
            i++;
        } else if (tmp[i] == '~') {
            return false;
        } else {
            buf[n++] = tmp[i];
        }
    }
    buf[n] = '\0';
    return true;
}

static const node *step(const node *at, const char *token)
{
    size_t i;
    char *end;
    unsigned long idx;
    if (!at)
        return NULL;
    if (at->kind == NODE_MAP)
        return node_get(at, token);
    if (at->kind != NODE_SEQ || !*token || (token[0] == '0' && token[1]))
        return NULL;
    for (i = 0; token[i]; i++)
        if (token[i] < '0' || token[i] > '9')
            return NULL;
    idx = strtoul(token, &end, 10);
    return idx < at->count ? at->items[idx] : NULL;
}

static const node *walk(importer *im, const node *ref)
{
    const char *p = ref->value + 1; /* after '#' */
    const node *at = im->root;
    char *buf = malloc(ref->len + 1);
    if (!buf) {
        im->oom = true;
        return NULL;
    }
    if (*p && *p != '/') {
        diag_error(ref->where, "$ref '%s': not a JSON pointer (#/...)", ref->value);
        im->failed = true;
        free(buf);
        return NULL;
    }
    while (at && *p == '/') {
        const char *next = strchr(p + 1, '/');
        size_t len = next ? (size_t)(next - p - 1) : strlen(p + 1);
        if (!unescape(p + 1, len, buf)) {
            at = NULL;
            break;
        }
        at = step(at, buf);
        p += 1 + len;
    }
    if (!at) {
        diag_error(ref->where, "broken $ref '%s': nothing there in this description", ref->value);
        im->failed = true;
    }
    free(buf);
    return at;
}

const node *imp_resolve(importer *im, const node *ref, bool *external)
{
    json_t *memo;
    const node *at;
    *external = false;
    if (ref->kind != NODE_SCALAR || strlen(ref->value) != ref->len) {
        diag_error(ref->where, "$ref: expected a string");
        im->failed = true;
        return NULL;
    }
    if (ref->value[0] != '#') {
        *external = true;
        return NULL;
    }
    if ((memo = json_object_get(im->refs, ref->value)))
        return (const node *)(intptr_t)json_integer_value(memo);
    at = walk(im, ref);
    if (at && json_object_set_new(im->refs, ref->value, json_integer((json_int_t)(intptr_t)at)))
        im->oom = true;
    return at;
}

const node *imp_follow(importer *im, const node *schema, char **ptr, bool *external)
{
    int hops;
    *external = false;
    for (hops = 0; schema && schema->kind == NODE_MAP && node_get(schema, "$ref"); hops++) {
        const node *ref = node_get(schema, "$ref");
        if (hops == MAX_HOPS) {
            diag_error(ref->where, "$ref loop: more than %d references in a row", MAX_HOPS);
            im->failed = true;
            return NULL;
        }
        schema = imp_resolve(im, ref, external);
        if (schema)
            *ptr = draft_strdup(&im->d, ref->value);
    }
    return schema;
}

const char *imp_component_name(importer *im, const node *n)
{
    const node *schemas = node_get(node_get(im->root, "components"), "schemas");
    size_t i;
    char key[32];
    json_t *v;
    if (!schemas || schemas->kind != NODE_MAP)
        return NULL;
    if (!im->components) { /* a linear scan per call would be quadratic */
        if (!(im->components = json_object())) {
            im->oom = true;
            return NULL;
        }
        for (i = 0; i < schemas->count; i++) {
            snprintf(key, sizeof key, "%p", (const void *)schemas->items[i]);
            json_object_set_new(im->components, key, json_integer((json_int_t)i));
        }
    }
    snprintf(key, sizeof key, "%p", (const void *)n);
    v = json_object_get(im->components, key);
    return v ? schemas->keys[json_integer_value(v)]->value : NULL;
}
