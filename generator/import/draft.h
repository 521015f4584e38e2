/*
 * draft.h — a mutable YAML tree for drafts (`specc import`): ordered
 * mappings, sequences and scalars, each node able to carry a comment.
 * Built in memory, changed freely (set, get, remove), emitted at the end
 * through libyaml (draft_emit.c).
 *
 * Memory: every node and string belongs to its draft and goes with
 * draft_free(). Allocation failure sets d->oom and makes the constructors
 * return NULL; every function takes NULL nodes and does nothing with them,
 * so builders check d->oom once, at the end. The node count is capped
 * (d->max_nodes): past it the draft is marked too large, like oom.
 */
#ifndef SPECC_DRAFT_H
#define SPECC_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "parse.h"

typedef enum draft_kind { DRAFT_SCALAR, DRAFT_MAP, DRAFT_SEQ } draft_kind;

typedef struct draft_node draft_node;
struct draft_node {
    draft_kind kind;
    bool string;  /* SCALAR: text is a string (quoted when plain would read otherwise) */
    bool flow;    /* MAP, SEQ: written in flow style ({a: b}, [a, b]) */
    bool droppable; /* may be left out when the checker refuses it (examples, defaults) */
    bool dropped;   /* left out: the emitter skips map entries whose value is dropped */
    bool shared;    /* SCALAR: draft_copy keeps this very node (a name that may change) */
    char *text;   /* SCALAR: the text (may hold NUL: use len) */
    size_t len;
    draft_node **keys;  /* MAP: key scalars */
    draft_node **items; /* MAP: values; SEQ: items */
    size_t count, cap;
    char *comment; /* written as `# comment` at the end of the node's line */
    void *owner;   /* free for the builder (what to tell when it is dropped) */
    int line, col; /* where draft_emit wrote it (nodes with a comment or droppable) */
};

typedef struct draft_block draft_block;
typedef struct draft {
    draft_block *blocks;
    bool oom;       /* out of memory (or too large) */
    bool too_large; /* the node cap was reached */
    size_t nodes, max_nodes;
} draft;

void draft_init(draft *d, size_t max_nodes);
void draft_free(draft *d);

/* Zeroed memory and copies, owned by the draft; NULL (and d->oom) on failure. */
void *draft_alloc(draft *d, size_t size);
char *draft_strndup(draft *d, const char *s, size_t len);
char *draft_strdup(draft *d, const char *s);
char *draft_printf(draft *d, const char *fmt, ...) DIAG_PRINTF(2, 3);

draft_node *draft_map(draft *d);
draft_node *draft_seq(draft *d);
draft_node *draft_str(draft *d, const char *s);            /* a string */
draft_node *draft_strn(draft *d, const char *s, size_t len);
draft_node *draft_lit(draft *d, const char *s);            /* a plain literal: 1, true, null */
/* A copy of a parsed YAML value: plain scalars that resolve to null, a
 * boolean or a number stay literals, everything else is a string. */
draft_node *draft_copy_node(draft *d, const node *n);
draft_node *draft_copy(draft *d, const draft_node *n); /* deep copy */

/* map[key] = value, replacing an existing key in place or appending. */
draft_node *draft_set(draft *d, draft_node *map, const char *key, draft_node *value);
draft_node *draft_set_str(draft *d, draft_node *map, const char *key, const char *value);
draft_node *draft_set_lit(draft *d, draft_node *map, const char *key, const char *value);
/* Appends even when a key of that text exists (callers keep keys unique). */
draft_node *draft_append(draft *d, draft_node *map, const char *key, size_t key_len,
                         draft_node *value);
draft_node *draft_get(const draft_node *map, const char *key);
bool draft_remove(draft_node *map, const char *key);
draft_node *draft_push(draft *d, draft_node *seq, draft_node *item);

/* Adds "text" to the node's comment ("; " between several). */
void draft_comment(draft *d, draft_node *n, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* Structural equality (kinds, texts, keys in order). */
bool draft_equal(const draft_node *a, const draft_node *b);

/* ---- draft_emit.c ---- */

/* The tree as YAML text (malloc'd, NUL-terminated; *len bytes) written by
 * libyaml's emitter, with each node's comment at the end of the line where
 * the node starts, and the line and column of every node that has a comment
 * or is droppable set. NULL when out of memory. */
char *draft_emit(draft_node *root, size_t *len);

#endif
