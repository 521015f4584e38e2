/*
 * reformat.c — write a spec again with the same meaning and another look,
 * for the test that `specc diff` sees no change in it: every mapping's keys
 * in reverse order, mappings in block style and sequences in flow style
 * (the specs mostly do the opposite), every key and every scalar that is a
 * string double-quoted, block scalars as quoted strings, comments dropped,
 * and every description, title and docs text reworded.
 *
 * usage: reformat_spec SPEC > COPY
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"

/* Text escaped for a double-quoted YAML scalar. */
static void put_escaped(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
}

static void put_quoted(const char *s, size_t len)
{
    putchar('"');
    put_escaped(s, len);
    putchar('"');
}

/* A value scalar: strings quoted, null as null, numbers and booleans as
 * written (plain). */
static void put_scalar(const node *n)
{
    if (!n->quoted && node_is_null(n))
        fputs("null", stdout);
    else if (n->quoted || node_is_string(n))
        put_quoted(n->value, n->len);
    else
        fputs(n->value, stdout);
}

/* description, title, docs: text, unless the key is a mapping's (a
 * discriminator's mapping names types, whatever its keys). */
static bool is_text_key(const node *key, const node *value, const char *parent)
{
    return value->kind == NODE_SCALAR && strcmp(parent, "mapping") != 0 &&
           (strcmp(key->value, "description") == 0 || strcmp(key->value, "title") == 0 ||
            strcmp(key->value, "docs") == 0);
}

static bool is_text_key(const node *key, const node *value, const char *parent);

/* Flow style: [a, {"k": v}, ...], on one line. */
static void put_flow(const node *n, const char *parent)
{
    size_t i;
    if (n->kind == NODE_SCALAR) {
        put_scalar(n);
        return;
    }
    putchar(n->kind == NODE_SEQ ? '[' : '{');
    for (i = 0; i < n->count; i++) {
        size_t k = n->kind == NODE_MAP ? n->count - 1 - i : i;
        if (i)
            fputs(", ", stdout);
        if (n->kind == NODE_MAP) {
            put_quoted(n->keys[k]->value, n->keys[k]->len);
            fputs(": ", stdout);
            if (is_text_key(n->keys[k], n->items[k], parent)) {
                fputs("\"Reworded: ", stdout);
                put_escaped(n->items[k]->value, n->items[k]->len);
                putchar('"');
                continue;
            }
        }
        put_flow(n->items[k], n->kind == NODE_MAP ? n->keys[k]->value : parent);
    }
    putchar(n->kind == NODE_SEQ ? ']' : '}');
}

/* A block mapping, keys last to first, or anything else in flow style. */
static void put_node(const node *n, int indent, const char *parent)
{
    size_t i;
    if (n->kind != NODE_MAP || n->count == 0) {
        put_flow(n, parent);
        putchar('\n');
        return;
    }
    putchar('\n');
    for (i = n->count; i-- > 0;) {
        const node *key = n->keys[i], *value = n->items[i];
        printf("%*s", indent, "");
        put_quoted(key->value, key->len);
        fputs(": ", stdout);
        if (is_text_key(key, value, parent)) {
            fputs("\"Reworded: ", stdout);
            put_escaped(value->value, value->len);
            fputs("\" # a new comment\n", stdout);
            continue;
        }
        put_node(value, indent + 2, key->value);
    }
}

int main(int argc, char **argv)
{
    node *root;
    if (argc != 2) {
        fputs("usage: reformat_spec SPEC\n", stderr);
        return 2;
    }
    root = parse_file(argv[1]);
    if (!root)
        return 1;
    fputs("# reformatted by tests/diff/reformat.c: same meaning, another look\n", stdout);
    put_node(root, 0, "");
    node_free(root);
    return 0;
}
