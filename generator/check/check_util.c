/*
 * check_util.c — small helpers every check_*.c file uses: what a node is,
 * expected kinds, known keys, strings, booleans, names. The first link of
 * the chain check_util -> check_shape -> check -> check_endpoints ->
 * check_names -> check_example; nothing here calls the later ones.
 */
#define _POSIX_C_SOURCE 200809L

#include "check_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naming.h"

const char *ck_what(const node *n, char *buf, size_t size)
{
    const char *kind = node_kind_name(n);
    if (n->kind == NODE_MAP)
        return "a mapping";
    if (n->kind == NODE_SEQ)
        return "a sequence";
    if (strcmp(kind, "null") == 0)
        return "null";
    if (n->quoted && !node_is_string(n))
        kind = "string";
    snprintf(buf, size, "%s %s%s%.40s%s%s", strcmp(kind, "integer") == 0 ? "an" : "a", kind,
             n->quoted || strcmp(kind, "string") == 0 ? " '" : " ", n->value,
             n->quoted || strcmp(kind, "string") == 0 ? "'" : "", n->len > 40 ? "..." : "");
    return buf;
}

const char *ck_what_tmp(const node *n)
{
    static char bufs[4][96];
    static unsigned next;
    char *b = bufs[next++ % 4];
    return ck_what(n, b, sizeof bufs[0]);
}

bool ck_expect(const node *n, node_kind kind, const char *what)
{
    static const char *const names[] = {"a scalar", "a mapping", "a sequence"};
    if (n->kind == kind)
        return true;
    diag_error(n->where, "%s: expected %s, got %s", what, names[kind], WHAT(n));
    return false;
}

void ck_known_keys(const node *map, const char *const *allowed, const char *what)
{
    size_t i, j;
    for (i = 0; i < map->count; i++) {
        const node *k = map->keys[i];
        const char *hint;
        bool ok = false;
        for (j = 0; allowed[j]; j++)
            if (strlen(allowed[j]) == k->len && memcmp(allowed[j], k->value, k->len) == 0)
                ok = true;
        if (ok)
            continue;
        hint = naming_suggest(k->value, allowed);
        if (hint)
            diag_error(k->where, "unknown key '%s' in %s; did you mean '%s'?", k->value, what,
                       hint);
        else
            diag_error(k->where, "unknown key '%s' in %s", k->value, what);
    }
}

char *ck_string(checker *ck, const node *n, const char *what)
{
    if (!ck_expect(n, NODE_SCALAR, what))
        return NULL;
    if (!node_is_string(n)) {
        diag_error(n->where, "%s: expected a string, got %s (quote it if it is text)", what,
                   WHAT(n));
        return NULL;
    }
    if (strlen(n->value) != n->len) {
        diag_error(n->where, "%s: text may not contain NUL characters", what);
        return NULL;
    }
    return arena_strndup(ck->a, n->value, n->len);
}

bool ck_bool(const node *n, const char *what, bool *out)
{
    if (n->kind == NODE_SCALAR && node_as_bool(n, out))
        return true;
    diag_error(n->where, "%s: expected true or false, got %s", what, WHAT(n));
    return false;
}

type_def *ck_find_type(const checker *ck, const char *name)
{
    const json_t *index = json_object_get(ck->type_index, name);
    return index ? &ck->s->types[json_integer_value(index)] : NULL;
}

void ck_index_type(checker *ck, const type_def *t)
{
    if (!json_object_get(ck->type_index, t->name))
        json_object_set_new(ck->type_index, t->name, json_integer(t - ck->s->types));
}

char *ck_optional_string(checker *ck, const node *map, const char *key, const char *what)
{
    const node *v = node_get(map, key);
    char buf[256];
    if (!v)
        return NULL;
    snprintf(buf, sizeof buf, "%s: %s", what, key);
    return ck_string(ck, v, buf);
}

bool ck_is_snake_name(const char *s)
{
    size_t i;
    if (!(s[0] >= 'a' && s[0] <= 'z'))
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return s[i - 1] != '_';
}

bool ck_is_type_name(const char *s)
{
    size_t i;
    if (!(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

char *ck_c_name(checker *ck, const node *key, const node *def, const char *noun)
{
    const node *v = node_get(def, "c_name");
    char *c, *snake;
    if (v) {
        if (!(c = ck_string(ck, v, "c_name")))
            return NULL;
        if (!naming_is_identifier(c))
            diag_error(v->where, "c_name '%s' is not a valid C identifier", c);
        else if (naming_is_reserved(c))
            diag_error(v->where, "c_name '%s' is reserved in C (a keyword or a standard macro)",
                       c);
        else
            return c;
        return NULL;
    }
    if (!(snake = naming_snake(key->value, key->len))) {
        diag_error(key->where,
                   "%s '%s' has no letters or digits to make a C name from; give it a c_name",
                   noun, key->value);
        return NULL;
    }
    c = arena_own(ck->a, naming_safe(snake));
    free(snake);
    return c;
}

bool ck_needs_version(checker *ck, const node *key, int version)
{
    if (ck->s->version >= version)
        return true;
    diag_error(key->where, "'%s' needs specc: %d (this spec says specc: %d)", key->value,
               version, ck->s->version);
    return false;
}

char *ck_node_json(checker *ck, const node *n)
{
    json_t *j = node_json(n);
    char *text = j ? json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    char *out = text ? arena_strdup(ck->a, text) : NULL;
    free(text);
    json_decref(j);
    if (!out)
        diag_error(n->where, "cannot write this value as JSON");
    return out;
}

type_def *ck_add_type(checker *ck, const char *name, loc where)
{
    spec *s = ck->s;
    type_def *t;
    if (ck_find_type(ck, name)) {
        diag_error(where, "the inline type here would be named '%s', which is taken; "
                          "name it in 'types:' and refer to it",
                   name);
        return NULL;
    }
    if (s->type_count >= s->type_cap) { /* room is counted before; never here */
        diag_error(where, "too many inline types");
        return NULL;
    }
    t = &s->types[s->type_count++];
    t->name = arena_strdup(ck->a, name);
    t->where = where;
    t->is_inline = true;
    ck_index_type(ck, t);
    return t;
}

char *ck_camel_join(checker *ck, const char *prefix, const char *name)
{
    char *out = arena_alloc(ck->a, strlen(prefix) + strlen(name) + 1);
    size_t n = strlen(prefix);
    bool upper = true;
    memcpy(out, prefix, n);
    for (; *name; name++) {
        char c = *name;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            upper = true;
            continue;
        }
        out[n++] = upper && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
        upper = false;
    }
    out[n] = '\0';
    return out;
}

const node *ck_key(const node *map, const char *key)
{
    size_t i;
    for (i = 0; map->kind == NODE_MAP && i < map->count; i++)
        if (strcmp(map->keys[i]->value, key) == 0)
            return map->keys[i];
    return NULL;
}
