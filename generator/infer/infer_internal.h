/*
 * infer_internal.h — shared by the infer_*.c files: the tree of what the
 * samples held at each place (a "place" is the root, a key of an object,
 * the items of an array or the values of a map), and what the draft makes
 * of it. The chain: infer_load.c reads a sample into the tree through
 * infer_merge.c; infer_decide.c decides maps, numbers, formats and how each
 * place is written; infer_names.c names the types, infer_members.c the
 * fields' C members, and infer_claims.c (which knows every C name specc
 * derives) finds what would still clash; infer_emit.c writes the YAML with
 * infer_yaml.c's quoting.
 */
#ifndef SPECC_INFER_INTERNAL_H
#define SPECC_INFER_INTERNAL_H

#include <jansson.h>

#include "infer.h"
#include "strbuf.h"

/* String formats a place can have, one bit each, in the order of
 * preference when several hold. */
enum {
    IF_DATE_TIME = 1,
    IF_DATE = 2,
    IF_UUID = 4,
    IF_EMAIL = 8,
    IF_URI = 16,
    IF_ALL = 31
};

/* The number kind of a place (infer_decide.c). */
typedef enum num_kind {
    NUM_NONE,    /* no number seen */
    NUM_INTEGER, /* integer literals within int64 only */
    NUM_NUMBER,  /* every number survives a double exactly */
    NUM_DECIMAL  /* some do not: exact text */
} num_kind;

/* How a place is written (infer_decide.c). */
typedef enum rep_kind {
    REP_ANY,   /* type: any, with `why` as a comment */
    REP_ONE,   /* one JSON kind (null aside): its type */
    REP_UNION, /* several: a named oneOf type */
    REP_LOST   /* no type keeps it exactly: a field is left undeclared (kept
                  as an unknown field), anywhere else `any` with a WARNING */
} rep_kind;

/* What the spec says at a place: the kind of one part, or a reference. */
typedef enum ekind {
    E_ANY,
    E_STRING,
    E_INTEGER,
    E_NUMBER,
    E_DECIMAL,
    E_BOOLEAN,
    E_OBJECT, /* a named object type */
    E_MAP,
    E_ARRAY,
    E_UNION /* a named oneOf type */
} ekind;

/* The first non-null scalar seen at a place. */
typedef enum ex_kind { EX_NONE, EX_STRING, EX_NUMBER, EX_BOOLEAN } ex_kind;

typedef struct ishape ishape;
typedef struct named named;

typedef struct ifield {
    char *key; /* decoded, NUL-terminated; key_len bytes (U+0000 possible) */
    size_t key_len;
    size_t present; /* objects at this place that had the key */
    ishape *value;
    char *c_name;   /* infer_members.c: only when the derived one would clash */
    unsigned c_number; /* 0, or the least number its c_name may have (a clash
                          of the element structs named after it asked) */
    bool declared;  /* infer_decide.c: written in the draft */
} ifield;

struct ishape {
    /* what the samples held here, by JSON kind */
    size_t nulls, bools, strings, objects, arrays;
    size_t filled;    /* objects with at least one key */
    size_t ints;      /* integer literals within int64 */
    size_t bigints;   /* integer literals beyond int64 */
    size_t fracs;     /* literals with a fraction or an exponent */
    size_t inexact;   /* numbers that do not survive a double */
    size_t fracs_inexact; /* of them, fracs (jansson, for `any`, holds the others) */
    unsigned formats; /* IF_* that every string had */
    bool nul_string;  /* a string held U+0000 */
    /* objects: their keys, in first-seen order */
    ifield *fields;
    size_t field_count, field_cap;
    json_t *index; /* key → position in fields */
    ishape *items; /* arrays: all their items, merged */
    ex_kind ex;
    char *example; /* decoded string, number literal or true/false */
    size_t example_len;

    /* infer_decide.c */
    bool is_map;     /* the objects are maps: values is their values merged */
    ishape *values;
    num_kind num;
    unsigned format; /* one IF_* bit, or 0 */
    rep_kind rep;
    const char *why; /* REP_ANY, REP_LOST: the comment */

    /* infer_names.c */
    named *object_type; /* the objects, when not a map */
    named *union_type;  /* REP_UNION */
};

/* -------------------------------------------------- infer_merge.c */

ishape *ishape_new(void);
void ishape_free(ishape *sh);
/* The field for key in sh (added last when new); NULL when out of memory. */
ifield *ishape_field(ishape *sh, const char *key, size_t len);
/* Record a value seen at sh. */
bool ishape_note_string(ishape *sh, const char *s, size_t len);
bool ishape_note_number(ishape *sh, const char *literal, size_t len);
bool ishape_note_literal(ishape *sh, char c); /* 't', 'f' or 'n' */
/* Add everything src saw to dst (src unchanged); false when out of memory. */
bool ishape_merge(ishape *dst, const ishape *src);

/* -------------------------------------------------- infer_load.c */

/* Read one document into root (see infer_add). */
bool infer_load(ishape *root, const char *text, size_t len, specc_error *err);

/* -------------------------------------------------- infer_decide.c */

/* Decide the whole tree from the document's place; false when out of
 * memory. */
bool infer_decide(ishape *root);
/* How many JSON kinds (null aside) a place held. */
unsigned ishape_parts(const ishape *sh);
/* What the spec says at a decided place. */
ekind place_kind(const ishape *sh);
/* The element (items, values) of sh written as kind k (E_ARRAY, E_MAP). */
const ishape *part_element(const ishape *sh, ekind k);
/* Is an element written nullable? */
bool element_nullable(const ishape *el);
/* A union's variants in order (at most 5): kinds into out; returns the count. */
size_t union_variants(const ishape *sh, ekind *out);
/* The kind a single part of sh is written as (E_OBJECT / E_MAP for the
 * objects). */
ekind part_kind(const ishape *sh, ekind part);
/* "string", "integer", ... for the kinds that are words. */
const char *ekind_word(ekind k);
/* Was the key in every object at the place obj? Has the field seen null
 * (and is written nullable)? */
bool field_required(const ishape *obj, const ifield *f);
bool field_nullable(const ifield *f);

/* -------------------------------------------------- infer_names.c */

typedef enum named_kind { NAMED_OBJECT, NAMED_UNION, NAMED_VALUE } named_kind;

struct named {
    named_kind kind;
    ishape *sh;
    char *base;      /* preferred name */
    unsigned number; /* 1: base itself; n >= 2: base + n */
    char *name;
    bool fixed;      /* the document's type: named by the user */
};

typedef struct names {
    const char *api;
    named **types; /* in the order they are written */
    size_t count, cap;
    json_t *taken; /* snake names of the types, as they were first named */
    json_t *next;  /* base → the next number to try */
} names;

/* Name every type and every C member that would clash; false when out of
 * memory or when no clash-free names were found. */
bool infer_names(names *nm, ishape *root, const char *type_name);
void infer_names_free(names *nm);

/* -------------------------------------------------- infer_members.c */

/* The C members of an object type's fields: c_name set where the derived
 * one would clash in the struct; false when out of memory. */
bool infer_members(ishape *sh);
/* A field's C member name (its c_name, or the derived one), malloc'd. */
char *members_field_name(const ifield *f);
/* A C member name without the '_' that makes a keyword safe, malloc'd. */
char *members_base_name(const char *c_name);

/* -------------------------------------------------- infer_claims.c */

/* What to change after a clash: a type's name (the next number), or the
 * c_name of one field of an object type (the next number). */
typedef struct claims_fix {
    named *type;
    ishape *object;
    size_t field;
} claims_fix;

/* Would two things of nm claim one C name, as specc's checker derives them
 * (check_names.c)? 0: no; 1: yes, with *fix saying what to change (never a
 * fixed type; nothing when only fixed names clash); -1: out of memory. */
int claims_clash(const names *nm, claims_fix *fix);

/* -------------------------------------------------- infer_yaml.c */

/* s[0..len) as a YAML key: plain when that reads back as the same string,
 * else double-quoted with escapes (see infer_yaml.c). */
void yaml_key(strbuf *b, const char *s, size_t len);
/* s[0..len) as a double-quoted YAML scalar. */
void yaml_quoted(strbuf *b, const char *s, size_t len);
/* Text for a comment: one line, printable (anything else becomes '?'). */
void yaml_comment_text(strbuf *b, const char *s, size_t max);

/* -------------------------------------------------- infer_emit.c */

/* Write the draft of named types (see infer_draft). */
bool infer_emit(strbuf *b, const names *nm, const char *const *sources, size_t count,
                size_t *warnings);

#endif
