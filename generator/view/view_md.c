/*
 * view_md.c — the Markdown text of the view: the cells and lines that
 * templates/doc.md.tmpl puts into an API's reference (`specc doc`).
 */
#include <inttypes.h>
#include <string.h>

#include "view_internal.h"

char *md_text(const char *text)
{
    strbuf b = STRBUF_INIT;
    size_t i;
    if (!text)
        return str_printf("%s", "");
    for (i = 0; text[i]; i++) {
        char c = text[i];
        if ((unsigned char)c < 0x20 || c == 0x7f) /* line breaks, tabs, controls */
            c = ' ';
        if (c == ' ' && b.length && b.value[b.length - 1] == ' ')
            continue;
        if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_') {
            strbuf_append_char(&b, '\\');
            strbuf_append_char(&b, c);
        } else if (c == '<') {
            strbuf_append(&b, "&lt;");
        } else {
            strbuf_append_char(&b, c);
        }
    }
    while (b.length && b.value[b.length - 1] == ' ')
        b.value[--b.length] = '\0';
    return strbuf_steal(&b, NULL);
}

/* "string (uuid)", "array of [Product](#Product)", "map of number". */
static char *md_type(const shape *sh)
{
    char *inner, *out;
    switch (sh->kind) {
    case SHAPE_REF: return str_printf("[%s](#%s)", sh->ref->name, sh->ref->name);
    case SHAPE_ARRAY:
    case SHAPE_MAP:
        inner = md_type(sh->items);
        out = str_printf("%s of %s", sh->kind == SHAPE_ARRAY ? "array" : "map", inner);
        free(inner);
        return out;
    default:
        if (sh->format)
            return str_printf("%s (%s)", shape_kind_name(sh->kind), format_name(sh->format));
        return str_printf("%s", shape_kind_name(sh->kind));
    }
}

/* One clause of a constraints cell, "; " after the one before. */
static void clause(strbuf *b, const char *fmt, ...) DIAG_PRINTF(2, 3);
static void clause(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->length)
        strbuf_append(b, "; ");
    va_start(ap, fmt);
    strbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* "one of "a", "b" (open: others kept)" */
static void enum_clause(strbuf *b, const shape *sh)
{
    strbuf list = STRBUF_INIT;
    size_t i;
    for (i = 0; i < sh->enum_count; i++) {
        char *v = sh->kind == SHAPE_INTEGER ? str_printf("%" PRId64, sh->enums[i].number)
                                            : str_printf("\"%s\"", sh->enums[i].text);
        char *safe = md_text(v);
        strbuf_printf(&list, "%s%s", i ? ", " : "", safe ? safe : "");
        free(safe);
        free(v);
    }
    clause(b, "one of %s%s", list.value ? list.value : "",
           sh->open ? " (open: others kept)" : "");
    strbuf_free(&list);
}

/* Version 2 facts: uniqueItems, nullable items, const, default, read-only,
 * write-only, deprecated. */
static void md_v2_clauses(strbuf *b, const shape *sh)
{
    const char *const *texts[2] = {(const char *const *)&sh->const_json,
                                   (const char *const *)&sh->default_json};
    static const char *const names[2] = {"const", "default"};
    size_t i;
    if (sh->unique_items)
        clause(b, "uniqueItems");
    if (sh->items && sh->items->nullable)
        clause(b, "items may be null");
    for (i = 0; i < 2; i++) {
        char *safe = *texts[i] ? md_text(*texts[i]) : NULL;
        if (safe)
            clause(b, "%s %s", names[i], safe);
        free(safe);
    }
    if (sh->read_only)
        clause(b, "read-only");
    if (sh->write_only)
        clause(b, "write-only");
    if (sh->deprecated)
        clause(b, "deprecated");
}

/* "one of "a", "b"; minimum 0; maxLength 8; pattern ^x$" */
static char *md_constraints(const shape *sh)
{
    strbuf b = STRBUF_INIT;
    if (sh->enums)
        enum_clause(&b, sh);
    if (sh->minimum.set)
        clause(&b, "%s %s", sh->exclusive_minimum ? "exclusiveMinimum" : "minimum",
               sh->minimum.text);
    if (sh->maximum.set)
        clause(&b, "%s %s", sh->exclusive_maximum ? "exclusiveMaximum" : "maximum",
               sh->maximum.text);
    if (sh->multiple_of.set)
        clause(&b, "multipleOf %s", sh->multiple_of.text);
    if (sh->min_length.set)
        clause(&b, "minLength %" PRIu64, sh->min_length.value);
    if (sh->max_length.set)
        clause(&b, "maxLength %" PRIu64, sh->max_length.value);
    if (sh->min_items.set)
        clause(&b, "minItems %" PRIu64, sh->min_items.value);
    if (sh->max_items.set)
        clause(&b, "maxItems %" PRIu64, sh->max_items.value);
    if (sh->pattern) {
        char *safe = md_text(sh->pattern);
        clause(&b, "pattern %s", safe ? safe : "");
        free(safe);
    }
    md_v2_clauses(&b, sh);
    return strbuf_steal(&b, NULL);
}

const char *md_unknown_policy(unknown_policy p)
{
    return p == UNKNOWN_PRESERVE ? "kept and written back"
           : p == UNKNOWN_IGNORE ? "ignored"
                                 : "rejected";
}

/* What a type that is not an object is: "array of [Pet](#Pet)", "one of:
 * string, [Cat](#Cat) (by "kind")". */
char *md_type_form(const type_def *t)
{
    strbuf b = STRBUF_INIT;
    size_t i;
    char *part;
    if (t->kind == TYPE_VALUE) {
        part = md_type(&t->value);
        strbuf_printf(&b, "A value: %s.", part ? part : "");
        free(part);
        return strbuf_steal(&b, NULL);
    }
    if (t->kind != TYPE_UNION || !t->u)
        return NULL;
    strbuf_append(&b, "One of: ");
    for (i = 0; i < t->u->variant_count; i++) {
        part = md_type(&t->u->variants[i].shape);
        strbuf_printf(&b, "%s%s", i ? ", " : "", part ? part : "");
        free(part);
    }
    if (t->u->discriminator) {
        char *safe = md_text(t->u->discriminator);
        strbuf_printf(&b, " (told apart by \"%s\")", safe ? safe : "");
        free(safe);
    } else {
        strbuf_append(&b, " (told apart by JSON kind)");
    }
    if (t->u->open)
        strbuf_append(&b, "; any other value is kept as sent");
    strbuf_append(&b, ".");
    return strbuf_steal(&b, NULL);
}

void md_field(json_t *o, const field *f)
{
    char *name = str_printf("%.*s", (int)f->json_len, f->json_name);
    put_own(o, "md_name", name ? md_text(name) : NULL);
    free(name);
    put_own(o, "md_type", md_type(&f->shape));
    put_own(o, "md_constraints", md_constraints(&f->shape));
    put_own(o, "md_description", md_text(f->description));
    put_s(o, "md_required", f->required ? "yes" : "no");
    put_s(o, "md_nullable", f->nullable || f->shape.kind == SHAPE_ANY ? "yes" : "no");
}
