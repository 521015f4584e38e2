/*
 * descriptor_compare.c — see descriptor_compare.h. Recursive types and
 * shapes (a type holding an array of itself, a value type whose items are
 * itself) are compared once per pair: a visited list of pairs ends the walk.
 */
#include "descriptor_compare.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct walk {
    const void **pairs; /* compiled, run-time, compiled, run-time ... */
    size_t count, cap;
    char path[2048];
} walk;

static bool shapes_alike(walk *w, const specc_shape *a, const specc_shape *b);

/* Seen this pair before (then it is being or has been compared)? */
static bool visited(walk *w, const void *a, const void *b)
{
    size_t i;
    for (i = 0; i < w->count; i += 2)
        if (w->pairs[i] == a && w->pairs[i + 1] == b)
            return true;
    if (w->count + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 256;
        w->pairs = realloc(w->pairs, w->cap * sizeof *w->pairs);
        if (!w->pairs) {
            fputs("out of memory\n", stderr);
            exit(2);
        }
    }
    w->pairs[w->count++] = a;
    w->pairs[w->count++] = b;
    return false;
}

static bool differ(walk *w, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", w->path);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return false;
}

/* Append to the path; returns its old length, for pop(). */
static size_t push(walk *w, const char *fmt, const char *s, size_t len)
{
    size_t old = strlen(w->path);
    snprintf(w->path + old, sizeof w->path - old, fmt, (int)len, s);
    return old;
}

static void pop(walk *w, size_t old)
{
    w->path[old] = '\0';
}

#define SAME_INT(what, a, b)                                                                       \
    do {                                                                                           \
        if ((a) != (b))                                                                            \
            return differ(w, "%s %lld vs %lld", what, (long long)(a), (long long)(b));           \
    } while (0)
#define SAME_HEX(what, a, b)                                                                       \
    do {                                                                                           \
        if ((a) != (b))                                                                            \
            return differ(w, "%s %#llx vs %#llx", what, (unsigned long long)(a),                 \
                          (unsigned long long)(b));                                                \
    } while (0)
#define SAME_DOUBLE(what, a, b)                                                                    \
    do {                                                                                           \
        if (memcmp(&(a), &(b), sizeof(double)) != 0)                                               \
            return differ(w, "%s %.17g vs %.17g", what, (a), (b));                                 \
    } while (0)

/* Two texts of known length, either may be NULL (then both must be). */
static bool same_bytes(walk *w, const char *what, const char *a, size_t alen, const char *b,
                       size_t blen)
{
    if (!a || !b) {
        if (a || b)
            return differ(w, "%s %s vs %s", what, a ? a : "NULL", b ? b : "NULL");
        return true;
    }
    if (alen != blen || memcmp(a, b, alen) != 0)
        return differ(w, "%s \"%.*s\" vs \"%.*s\"", what, (int)alen, a, (int)blen, b);
    return true;
}

static bool same_str(walk *w, const char *what, const char *a, const char *b)
{
    return same_bytes(w, what, a, a ? strlen(a) : 0, b, b ? strlen(b) : 0);
}

static bool types_alike(walk *w, const specc_type *a, const specc_type *b);

static bool unions_alike(walk *w, const specc_union *a, const specc_union *b)
{
    size_t i, old;
    if (visited(w, a, b))
        return true;
    if (!same_str(w, "union name", a->name, b->name) ||
        !same_bytes(w, "discriminator", a->discriminator, a->discriminator_len, b->discriminator,
                    b->discriminator_len))
        return false;
    SAME_INT("discriminator_len", a->discriminator_len, b->discriminator_len);
    SAME_INT("default_variant", a->default_variant, b->default_variant);
    SAME_INT("open", a->open, b->open);
    SAME_INT("variant_count", a->variant_count, b->variant_count);
    for (i = 0; i < a->variant_count; i++) {
        const specc_variant *va = &a->variants[i], *vb = &b->variants[i];
        old = push(w, "<%.*s>", va->name, strlen(va->name));
        if (!same_str(w, "variant name", va->name, vb->name) ||
            !same_bytes(w, "tag", va->tag, va->tag_len, vb->tag, vb->tag_len))
            return false;
        SAME_INT("tag_len", va->tag_len, vb->tag_len);
        if (!shapes_alike(w, &va->shape, &vb->shape))
            return false;
        pop(w, old);
    }
    return true;
}

static bool enums_alike(walk *w, const specc_shape *a, const specc_shape *b)
{
    size_t i;
    SAME_INT("enum_count", a->enum_count, b->enum_count);
    if (!a->enum_names != !b->enum_names)
        return differ(w, "enum_names %s vs %s", a->enum_names ? "set" : "NULL",
                      b->enum_names ? "set" : "NULL");
    if (!a->enum_ints != !b->enum_ints)
        return differ(w, "enum_ints %s vs %s", a->enum_ints ? "set" : "NULL",
                      b->enum_ints ? "set" : "NULL");
    for (i = 0; a->enum_names && i < a->enum_count; i++)
        if (!same_str(w, "enum name", a->enum_names[i], b->enum_names[i]))
            return false;
    for (i = 0; a->enum_ints && i < a->enum_count; i++)
        SAME_INT("enum int", a->enum_ints[i], b->enum_ints[i]);
    return true;
}

/* Numbers of a shape: bounds, lengths, counts, multipleOf. */
static bool numbers_alike(walk *w, const specc_shape *a, const specc_shape *b)
{
    SAME_INT("min_int", a->min_int, b->min_int);
    SAME_INT("max_int", a->max_int, b->max_int);
    SAME_DOUBLE("min_num", a->min_num, b->min_num);
    SAME_DOUBLE("max_num", a->max_num, b->max_num);
    SAME_INT("min_length", a->min_length, b->min_length);
    SAME_INT("max_length", a->max_length, b->max_length);
    SAME_INT("min_items", a->min_items, b->min_items);
    SAME_INT("max_items", a->max_items, b->max_items);
    SAME_INT("multiple_int", a->multiple_int, b->multiple_int);
    SAME_DOUBLE("multiple_num", a->multiple_num, b->multiple_num);
    return true;
}

/* What a shape refers to: its type, union, items. */
static bool links_alike(walk *w, const specc_shape *a, const specc_shape *b)
{
    size_t old;
    bool ok = true;
    if (!a->type != !b->type || !a->union_ != !b->union_ || !a->items != !b->items)
        return differ(w, "type/union_/items %d%d%d vs %d%d%d", !!a->type, !!a->union_,
                      !!a->items, !!b->type, !!b->union_, !!b->items);
    if (a->type) {
        old = push(w, "(%.*s)", a->type->name, strlen(a->type->name));
        ok = types_alike(w, a->type, b->type);
        pop(w, old);
    }
    if (ok && a->union_)
        ok = unions_alike(w, a->union_, b->union_);
    if (ok && a->items && !visited(w, a->items, b->items)) {
        old = push(w, "%.*s", "[]", 2);
        ok = shapes_alike(w, a->items, b->items);
        pop(w, old);
    }
    return ok;
}

static bool shapes_alike(walk *w, const specc_shape *a, const specc_shape *b)
{
    SAME_INT("kind", a->kind, b->kind);
    SAME_INT("format", a->format, b->format);
    SAME_HEX("flags", a->flags, b->flags);
    if (!numbers_alike(w, a, b) || !same_str(w, "pattern", a->pattern, b->pattern) ||
        !same_str(w, "const_json", a->const_json, b->const_json) || !enums_alike(w, a, b))
        return false;
    SAME_INT("has an element struct", a->elem_size != 0, b->elem_size != 0);
    return links_alike(w, a, b);
}

static bool fields_alike(walk *w, const specc_type *a, const specc_type *b)
{
    size_t i, old;
    SAME_INT("field_count", a->field_count, b->field_count);
    if (!a->fields != !b->fields)
        return differ(w, "fields %s vs %s", a->fields ? "set" : "NULL", b->fields ? "set" : "NULL");
    for (i = 0; i < a->field_count; i++) {
        const specc_field *fa = &a->fields[i], *fb = &b->fields[i];
        old = push(w, ".%.*s", fa->name, fa->name_len);
        if (!same_bytes(w, "field name", fa->name, fa->name_len, fb->name, fb->name_len))
            return false;
        SAME_HEX("flags", fa->flags, fb->flags);
        if (!shapes_alike(w, &fa->shape, &fb->shape))
            return false;
        pop(w, old);
    }
    return true;
}

static bool types_alike(walk *w, const specc_type *a, const specc_type *b)
{
    if (visited(w, a, b))
        return true;
    if (!same_str(w, "type name", a->name, b->name))
        return false;
    SAME_INT("type kind", a->kind, b->kind);
    SAME_INT("unknown policy", a->unknown, b->unknown);
    if (!fields_alike(w, a, b))
        return false;
    if (!a->value != !b->value)
        return differ(w, "value %s vs %s", a->value ? "set" : "NULL", b->value ? "set" : "NULL");
    return !a->value || shapes_alike(w, a->value, b->value);
}

bool descriptors_alike(const specc_type *compiled, const specc_type *runtime, const char *name)
{
    walk w = {NULL, 0, 0, ""};
    bool ok;
    snprintf(w.path, sizeof w.path, "%s", name);
    ok = types_alike(&w, compiled, runtime);
    free(w.pairs);
    return ok;
}
