/*
 * parse.h — YAML syntax only: libyaml events become a tree of nodes that
 * remember where they came from. What the nodes mean is check.c's business.
 */
#ifndef SPECC_PARSE_H
#define SPECC_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef enum node_kind { NODE_SCALAR, NODE_MAP, NODE_SEQ } node_kind;

typedef struct node {
    node_kind kind;
    loc where;     /* start of the node (for map values: of the value) */
    char *value;   /* SCALAR: text, NUL-terminated (may hold NULs: use len) */
    size_t len;    /* SCALAR: bytes in value */
    bool quoted;   /* SCALAR: written quoted or as a block: always a string */
    struct node **keys;  /* MAP: key scalars, in file order */
    struct node **items; /* MAP: values (items[i] belongs to keys[i]); SEQ: items */
    size_t count;
} node;

/* Parse one spec file. Returns its root node, or NULL after reporting the
 * problem through diag (unreadable file, YAML syntax error with its position,
 * duplicate keys in a mapping (the second one, with a note at the first),
 * non-scalar keys, anchors/aliases/tags (not supported in specs), more than
 * one document, an empty file). */
node *parse_file(const char *path);

/* Parse YAML text held in memory; `path` names it in diagnostics. */
node *parse_text(const char *path, const char *text, size_t len);

void node_free(node *n);

/* Value in a MAP node by key, or NULL. */
node *node_get(const node *map, const char *key);

/* Plain-scalar resolution (YAML 1.2 core schema). Quoted scalars are
 * always strings, so `"true"` is not a boolean and `"200"` not an integer. */
bool node_is_null(const node *n);              /* null, Null, NULL, ~, empty */
bool node_as_bool(const node *n, bool *out);   /* true/false, any case of True/TRUE */
bool node_as_int(const node *n, int64_t *out); /* [-+]?[0-9]+ in int64 range */
bool node_as_number(const node *n, double *out); /* int or float (.inf/.nan excluded) */
bool node_is_string(const node *n);            /* a scalar that resolves to none of the above */

/* "mapping", "sequence", "string", "integer", "number", "boolean", "null"
 * — for messages like "expected a mapping, got a sequence". */
const char *node_kind_name(const node *n);

#endif
