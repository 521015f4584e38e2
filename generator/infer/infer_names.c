/*
 * infer_names.c — names for the draft's types, breadth first from the
 * document (so shallow places get the plain names): an object is named
 * after its key (`owner` → Owner), array items and map values after the
 * singular of theirs (`products` → Product, else + Item / Value), a union
 * after its place + OneOf. A name already taken, or whose C names would
 * clash with anything else the draft makes (infer_claims.c), gets the
 * next number: Owner2, Owner3 ...
 */
#include "infer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

/* A type name from a key: the snake-case words, capitalised (`owner_id`,
 * `ownerId` → OwnerId). A key with no letters or digits gives
 * PARENT + Field, one starting with a digit PARENT + it (Root404). */
static char *pascal(const char *key, size_t len, const char *parent)
{
    char *snake = naming_snake(key, len), *out;
    size_t i, n = 0;
    bool up = true;
    if (!snake)
        return str_printf("%sField", parent);
    out = malloc(strlen(snake) + 1);
    for (i = 0; out && snake[i]; i++) {
        if (snake[i] == '_') {
            up = true;
            continue;
        }
        out[n++] = up && snake[i] >= 'a' && snake[i] <= 'z' ? (char)(snake[i] - 'a' + 'A') : snake[i];
        up = false;
    }
    free(snake);
    if (!out)
        return NULL;
    out[n] = '\0';
    if (out[0] >= '0' && out[0] <= '9') {
        char *joined = str_printf("%s%s", parent, out);
        free(out);
        return joined;
    }
    return out;
}

static bool ends(const char *s, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len > n && memcmp(s + len - n, tail, n) == 0;
}

/* The name of an element of base: its singular when base looks plural
 * (Categories → Category, Boxes → Box, Products → Product), else base +
 * suffix (Status → StatusItem, Data → DataItem). */
static char *element_base(const char *base, const char *suffix)
{
    size_t len = strlen(base);
    int n = (int)len;
    if (ends(base, len, "ies"))
        return str_printf("%.*sy", n - 3, base);
    if (ends(base, len, "sses") || ends(base, len, "shes") || ends(base, len, "ches") ||
        ends(base, len, "xes"))
        return str_printf("%.*s", n - 2, base);
    if (ends(base, len, "ss") || ends(base, len, "us") || ends(base, len, "is") ||
        !ends(base, len, "s"))
        return str_printf("%s%s", base, suffix);
    return str_printf("%.*s", n - 1, base);
}

/* Snake names a type may not have: a union member would read as a kind. */
static bool kind_word(const char *snake)
{
    static const char *const words[] = {"string", "integer", "number", "boolean", "decimal",
                                        "any",    "array",   "map",    "object",  NULL};
    size_t i;
    for (i = 0; words[i]; i++)
        if (strcmp(words[i], snake) == 0)
            return true;
    return false;
}

/* base, or base + number (from 2) */
static char *numbered(const char *base, unsigned number)
{
    return number < 2 ? strdup(base) : str_printf("%s%u", base, number);
}

/* The first free name from base (base, base2, base3 ...): no other type
 * has its snake name, and that is not a kind word (a fixed name is taken
 * as it is: it comes first). Records it as taken; *number gets its number.
 * NULL when out of memory. */
static char *free_name(names *nm, const char *base, bool fixed, unsigned *number)
{
    json_t *next = json_object_get(nm->next, base);
    unsigned n = next ? (unsigned)json_integer_value(next) : 1;
    for (;; n++) {
        char *name = numbered(base, n);
        char *snake = name ? naming_snake(name, strlen(name)) : NULL;
        bool have = snake != NULL;
        bool take = have && (fixed || (!kind_word(snake) && !json_object_get(nm->taken, snake)));
        bool ok = take && json_object_set_new(nm->taken, snake, json_true()) == 0 &&
                  json_object_set_new(nm->next, base, json_integer(n + 1)) == 0;
        free(snake);
        if (ok) {
            *number = n;
            return name;
        }
        free(name);
        if (!have || take) /* out of memory */
            return NULL;
    }
}

/* A new named type; takes base (malloc'd). NULL when out of memory. */
static named *add_named(names *nm, named_kind kind, ishape *sh, char *base, bool fixed)
{
    named *t = base ? calloc(1, sizeof *t) : NULL;
    if (nm->count == nm->cap && t) {
        size_t cap = nm->cap ? nm->cap * 2 : 16;
        named **grown = realloc(nm->types, cap * sizeof *grown);
        if (grown) {
            nm->types = grown;
            nm->cap = cap;
        }
    }
    if (t && nm->count < nm->cap) {
        t->kind = kind;
        t->sh = sh;
        t->base = base;
        t->fixed = fixed;
        t->name = free_name(nm, base, fixed, &t->number);
        if (t->name && (kind != NAMED_OBJECT || infer_members(sh))) {
            nm->types[nm->count++] = t;
            return t;
        }
        free(t->name);
    }
    free(t);
    free(base);
    return NULL;
}

/* ----------------------------------------------------------- places */

typedef struct pending {
    ishape *sh;
    char *base;
} pending;

typedef struct queue {
    pending *items;
    size_t head, count, cap;
} queue;

/* Takes base. */
static bool push(queue *q, ishape *sh, char *base)
{
    if (!base)
        return false;
    if (q->count == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 32;
        pending *grown = realloc(q->items, cap * sizeof *grown);
        if (!grown) {
            free(base);
            return false;
        }
        q->items = grown;
        q->cap = cap;
    }
    q->items[q->count].sh = sh;
    q->items[q->count++].base = base;
    return true;
}

/* The places inside sh, to be named after base. */
static bool push_children(queue *q, ishape *sh, const char *base)
{
    size_t i;
    bool ok = true;
    if (sh->rep != REP_ONE && sh->rep != REP_UNION)
        return true;
    for (i = 0; ok && sh->objects && !sh->is_map && i < sh->field_count; i++)
        if (sh->fields[i].declared)
            ok = push(q, sh->fields[i].value,
                      pascal(sh->fields[i].key, sh->fields[i].key_len, base));
    if (ok && sh->is_map)
        ok = push(q, sh->values, element_base(base, "Value"));
    if (ok && sh->arrays)
        ok = push(q, sh->items, element_base(base, "Item"));
    return ok;
}

/* The types a place needs: its union, its object type. */
static bool name_place(names *nm, ishape *sh, const char *base)
{
    ekind k = place_kind(sh);
    if (k == E_UNION && !(sh->union_type = add_named(nm, NAMED_UNION, sh,
                                                     str_printf("%sOneOf", base), false)))
        return false;
    if ((k == E_UNION || k == E_OBJECT) && sh->objects && !sh->is_map &&
        !(sh->object_type = add_named(nm, NAMED_OBJECT, sh, strdup(base), false)))
        return false;
    return true;
}

/* The document's place: its type is named by the user. */
static bool name_root(names *nm, ishape *root, const char *type_name)
{
    ekind k = place_kind(root);
    if (k == E_UNION) {
        if (!(root->union_type = add_named(nm, NAMED_UNION, root, strdup(type_name), true)))
            return false;
        if (root->objects && !root->is_map &&
            !(root->object_type = add_named(nm, NAMED_OBJECT, root,
                                            str_printf("%sObject", type_name), false)))
            return false;
        return true;
    }
    if (k == E_OBJECT)
        return (root->object_type = add_named(nm, NAMED_OBJECT, root, strdup(type_name), true));
    return add_named(nm, NAMED_VALUE, root, strdup(type_name), true) != NULL;
}

/* Rename types and fields until no two things claim one C name. */
static bool settle(names *nm)
{
    unsigned round;
    for (round = 0; round < 100000; round++) {
        claims_fix fix = {NULL, NULL, 0};
        int clash = claims_clash(nm, &fix);
        named *t = fix.type;
        if (clash <= 0)
            return clash == 0;
        if (t) {
            free(t->name);
            t->number = t->number < 2 ? 2 : t->number + 1;
            if (!(t->name = numbered(t->base, t->number)))
                return false;
        } else if (fix.object) {
            ifield *f = &fix.object->fields[fix.field];
            f->c_number = f->c_number < 2 ? 2 : f->c_number + 1;
            if (!infer_members(fix.object))
                return false;
        } else {
            return false;
        }
    }
    return false;
}

bool infer_names(names *nm, ishape *root, const char *type_name)
{
    queue q = {NULL, 0, 0, 0};
    bool ok = (nm->taken = json_object()) != NULL && (nm->next = json_object()) != NULL &&
              name_root(nm, root, type_name) && push_children(&q, root, type_name);
    for (; ok && q.head < q.count; q.head++) {
        pending *p = &q.items[q.head];
        ok = name_place(nm, p->sh, p->base) && push_children(&q, p->sh, p->base);
    }
    while (q.count > 0)
        free(q.items[--q.count].base);
    free(q.items);
    return ok && settle(nm);
}

void infer_names_free(names *nm)
{
    size_t i;
    for (i = 0; i < nm->count; i++) {
        free(nm->types[i]->base);
        free(nm->types[i]->name);
        free(nm->types[i]);
    }
    free(nm->types);
    json_decref(nm->taken);
    json_decref(nm->next);
    nm->types = NULL;
    nm->count = nm->cap = 0;
    nm->taken = nm->next = NULL;
}
