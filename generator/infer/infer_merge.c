/*
 * infer_merge.c — the tree of places: what the samples held at each one,
 * counted by JSON kind, with the keys of objects in first-seen order and
 * the items of arrays merged into one place. Merging two places (the
 * values of a map) adds up what both saw.
 */
#include "infer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "specc_internal.h"

/* Examples longer than this are not kept (a draft should stay readable). */
#define EXAMPLE_MAX 120

ishape *ishape_new(void)
{
    ishape *sh = calloc(1, sizeof *sh);
    if (sh)
        sh->formats = IF_ALL;
    return sh;
}

void ishape_free(ishape *sh)
{
    size_t i;
    if (!sh)
        return;
    for (i = 0; i < sh->field_count; i++) {
        free(sh->fields[i].key);
        free(sh->fields[i].c_name);
        ishape_free(sh->fields[i].value);
    }
    free(sh->fields);
    json_decref(sh->index);
    ishape_free(sh->items);
    ishape_free(sh->values);
    free(sh->example);
    free(sh);
}

static ifield *add_field(ishape *sh, const char *key, size_t len)
{
    ifield *f;
    json_t *pos;
    if (sh->field_count == sh->field_cap) {
        size_t cap = sh->field_cap ? sh->field_cap * 2 : 8;
        ifield *grown = realloc(sh->fields, cap * sizeof *grown);
        if (!grown)
            return NULL;
        sh->fields = grown;
        sh->field_cap = cap;
    }
    f = &sh->fields[sh->field_count];
    memset(f, 0, sizeof *f);
    f->key = malloc(len + 1);
    f->value = ishape_new();
    pos = json_integer((json_int_t)sh->field_count);
    if (!f->key || !f->value || !pos ||
        json_object_setn_new_nocheck(sh->index, key, len, pos) != 0) {
        free(f->key);
        ishape_free(f->value);
        return NULL;
    }
    memcpy(f->key, key, len);
    f->key[len] = '\0';
    f->key_len = len;
    sh->field_count++;
    return f;
}

ifield *ishape_field(ishape *sh, const char *key, size_t len)
{
    json_t *pos;
    if (!sh->index && !(sh->index = json_object()))
        return NULL;
    pos = json_object_getn(sh->index, key, len);
    if (pos)
        return &sh->fields[json_integer_value(pos)];
    return add_field(sh, key, len);
}

/* The first scalar was seen but is not shown: example "" with EX_NONE. */
static bool example_hidden(ishape *sh)
{
    sh->example = malloc(1);
    if (sh->example)
        sh->example[0] = '\0';
    return sh->example != NULL;
}

/* Keep the first non-null scalar as the example (example != NULL: seen). */
static bool note_example(ishape *sh, ex_kind kind, const char *s, size_t len)
{
    if (sh->example)
        return true;
    if (len > EXAMPLE_MAX || memchr(s, '\0', len))
        return example_hidden(sh);
    if (!(sh->example = malloc(len + 1)))
        return false;
    memcpy(sh->example, s, len);
    sh->example[len] = '\0';
    sh->example_len = len;
    sh->ex = kind;
    return true;
}

static const struct {
    unsigned bit;
    specc_format format;
} format_bits[] = {
    {IF_DATE_TIME, SPECC_FORMAT_DATE_TIME}, {IF_DATE, SPECC_FORMAT_DATE},
    {IF_UUID, SPECC_FORMAT_UUID},           {IF_EMAIL, SPECC_FORMAT_EMAIL},
    {IF_URI, SPECC_FORMAT_URI},
};

bool ishape_note_string(ishape *sh, const char *s, size_t len)
{
    size_t i;
    sh->strings++;
    if (memchr(s, '\0', len)) {
        sh->nul_string = true;
        sh->formats = 0;
    }
    for (i = 0; i < sizeof format_bits / sizeof format_bits[0]; i++)
        if ((sh->formats & format_bits[i].bit) && !specc_format_valid(format_bits[i].format, s, len))
            sh->formats &= ~format_bits[i].bit;
    return note_example(sh, EX_STRING, s, len);
}

/* Does the literal's value come back exactly from the double it reads as
 * (written as the runtime writes a number)? */
static bool double_exact(const char *literal, size_t len)
{
    char text[40];
    size_t n;
    double d;
    if (speccp_parse_double(literal, len, &d) != SPECC_OK)
        return false;
    n = speccp_number_text(d, text, sizeof text);
    return speccp_text_equal(literal, len, text, n);
}

/* An integer literal ([-]digits) within int64? */
static bool fits_int64(const char *s, size_t len)
{
    const char *max = s[0] == '-' ? "9223372036854775808" : "9223372036854775807";
    size_t digits;
    if (s[0] == '-') {
        s++;
        len--;
    }
    while (len > 1 && s[0] == '0') { /* JSON has no leading zeros; be safe */
        s++;
        len--;
    }
    digits = strlen(max);
    return len < digits || (len == digits && memcmp(s, max, len) <= 0);
}

bool ishape_note_number(ishape *sh, const char *literal, size_t len)
{
    bool integer = !memchr(literal, '.', len) && !memchr(literal, 'e', len) &&
                   !memchr(literal, 'E', len);
    if (!integer)
        sh->fracs++;
    else if (fits_int64(literal, len))
        sh->ints++;
    else
        sh->bigints++;
    if (!double_exact(literal, len)) {
        sh->inexact++;
        sh->fracs_inexact += !integer;
    }
    return note_example(sh, EX_NUMBER, literal, len);
}

bool ishape_note_literal(ishape *sh, char c)
{
    if (c == 'n') {
        sh->nulls++;
        return true;
    }
    sh->bools++;
    return note_example(sh, EX_BOOLEAN, c == 't' ? "true" : "false", c == 't' ? 4 : 5);
}

/* ---------------------------------------------------------- merging */

static bool merge_into(ishape **dst, const ishape *src)
{
    if (!src)
        return true;
    if (!*dst && !(*dst = ishape_new()))
        return false;
    return ishape_merge(*dst, src);
}

bool ishape_merge(ishape *dst, const ishape *src)
{
    size_t i;
    dst->nulls += src->nulls;
    dst->bools += src->bools;
    dst->strings += src->strings;
    dst->objects += src->objects;
    dst->filled += src->filled;
    dst->arrays += src->arrays;
    dst->ints += src->ints;
    dst->bigints += src->bigints;
    dst->fracs += src->fracs;
    dst->inexact += src->inexact;
    dst->fracs_inexact += src->fracs_inexact;
    dst->formats &= src->formats;
    dst->nul_string |= src->nul_string;
    if (!dst->example && src->example &&
        !(src->ex == EX_NONE ? example_hidden(dst)
                             : note_example(dst, src->ex, src->example, src->example_len)))
        return false;
    for (i = 0; i < src->field_count; i++) {
        const ifield *from = &src->fields[i];
        ifield *to = ishape_field(dst, from->key, from->key_len);
        if (!to || !ishape_merge(to->value, from->value))
            return false;
        to->present += from->present;
    }
    return merge_into(&dst->items, src->items);
}
