/*
 * infer_emit.c — the draft as YAML: a header comment, then every named
 * type in the order infer_names.c made them (the document's type first).
 * Objects are block mappings with one flow mapping per field; unions and
 * value types fit on one line. Whatever comes from a sample goes through
 * infer_yaml.c. A place written as `any` says why in a comment; one no
 * type can keep exactly says WARNING.
 */
#include "infer_internal.h"

#include <string.h>

/* A quoted key longer than this is written as an explicit key (`? key`):
 * YAML allows at most 1024 characters in an implicit one. */
#define IMPLICIT_KEY_MAX 1000

typedef struct emitter {
    strbuf *b;
    const char *note; /* the first comment a place asks for */
    bool warn;        /* ... and whether it is a WARNING */
    size_t warnings;
} emitter;

static void put_type_keys(emitter *e, const ishape *sh, ekind k);

/* Remember why a place is `any`, for the line's comment. */
static void note_any(emitter *e, const ishape *sh)
{
    if (e->note)
        return;
    e->note = sh->why;
    e->warn = sh->rep == REP_LOST;
    e->warnings += e->warn;
}

static const char *format_word(unsigned format)
{
    switch (format) {
    case IF_DATE_TIME: return "date-time";
    case IF_DATE: return "date";
    case IF_UUID: return "uuid";
    case IF_EMAIL: return "email";
    case IF_URI: return "uri";
    }
    return NULL;
}

/* An element (items, values) or a union variant of kind k: a word when
 * that says it all, else a flow mapping. */
static void put_element(emitter *e, const ishape *sh, ekind k, bool nullable)
{
    bool word = !nullable && k != E_ARRAY && k != E_MAP && !(k == E_STRING && sh->format);
    if (word && k == E_OBJECT)
        strbuf_append(e->b, sh->object_type->name);
    else if (word && k == E_UNION)
        strbuf_append(e->b, sh->union_type->name);
    else if (word) {
        if (k == E_ANY)
            note_any(e, sh);
        strbuf_append(e->b, ekind_word(k));
    } else {
        strbuf_append_char(e->b, '{');
        put_type_keys(e, sh, k);
        strbuf_append(e->b, nullable ? ", nullable: true}" : "}");
    }
}

/* `type: ...` and what goes with it, for a place written as kind k. */
static void put_type_keys(emitter *e, const ishape *sh, ekind k)
{
    const ishape *el = part_element(sh, k);
    strbuf_append(e->b, "type: ");
    if (k == E_OBJECT)
        strbuf_append(e->b, sh->object_type->name);
    else if (k == E_UNION)
        strbuf_append(e->b, sh->union_type->name);
    else
        strbuf_append(e->b, ekind_word(k));
    if (k == E_ANY)
        note_any(e, sh);
    if (k == E_STRING && sh->format)
        strbuf_printf(e->b, ", format: %s", format_word(sh->format));
    if (el) {
        strbuf_append(e->b, k == E_ARRAY ? ", items: " : ", values: ");
        put_element(e, el, place_kind(el), element_nullable(el));
    }
}

/* Ends a line, with the comment a place asked for. */
static void end_line(emitter *e)
{
    if (e->note)
        strbuf_printf(e->b, "  # %s%s", e->warn ? "WARNING: " : "", e->note);
    strbuf_append_char(e->b, '\n');
    e->note = NULL;
    e->warn = false;
}

static void put_example(emitter *e, const ishape *sh)
{
    if (sh->ex == EX_NONE || place_kind(sh) == E_ANY)
        return;
    strbuf_append(e->b, ", example: ");
    if (sh->ex == EX_STRING || (sh->ex == EX_NUMBER && sh->num == NUM_DECIMAL))
        yaml_quoted(e->b, sh->example, sh->example_len);
    else
        strbuf_append_bytes(e->b, sh->example, sh->example_len);
}

static void put_key(emitter *e, const ifield *f)
{
    strbuf key = STRBUF_INIT;
    yaml_key(&key, f->key, f->key_len);
    if (key.length > IMPLICIT_KEY_MAX)
        strbuf_printf(e->b, "      ? %s\n      : ", key.value);
    else
        strbuf_printf(e->b, "      %s: ", key.value ? key.value : "\"\"");
    e->b->failed |= key.failed;
    strbuf_free(&key);
}

static void put_field(emitter *e, const ishape *obj, const ifield *f)
{
    const ishape *v = f->value;
    if (!f->declared) {
        strbuf_append(e->b, "      # ");
        yaml_quoted(e->b, f->key, f->key_len);
        strbuf_printf(e->b, ": not declared (%s), so kept as an unknown field\n",
                      v->rep == REP_LOST ? v->why : "its key holds U+0000, which no field name can");
        return;
    }
    put_key(e, f);
    strbuf_append_char(e->b, '{');
    put_type_keys(e, v, place_kind(v));
    if (field_required(obj, f))
        strbuf_append(e->b, ", required: true");
    if (field_nullable(f))
        strbuf_append(e->b, ", nullable: true");
    put_example(e, v);
    if (f->c_name)
        strbuf_printf(e->b, ", c_name: %s", f->c_name);
    strbuf_append_char(e->b, '}');
    end_line(e);
}

static void put_object(emitter *e, const named *t)
{
    const ishape *sh = t->sh;
    size_t i, declared = 0;
    for (i = 0; i < sh->field_count; i++)
        declared += sh->fields[i].declared;
    strbuf_printf(e->b, "  %s:\n    fields:%s\n", t->name, declared ? "" : " {}");
    for (i = 0; i < sh->field_count; i++)
        put_field(e, sh, &sh->fields[i]);
}

static void put_union(emitter *e, const named *t)
{
    ekind v[5];
    size_t i, n = union_variants(t->sh, v);
    strbuf_printf(e->b, "  %s: {oneOf: [", t->name);
    for (i = 0; i < n; i++) {
        strbuf_append(e->b, i ? ", " : "");
        put_element(e, t->sh, v[i], false);
    }
    strbuf_append(e->b, "]}");
    end_line(e);
}

static void put_value(emitter *e, const named *t)
{
    strbuf_printf(e->b, "  %s: {", t->name);
    put_type_keys(e, t->sh, place_kind(t->sh));
    strbuf_append_char(e->b, '}');
    end_line(e);
}

static void put_header(emitter *e, const names *nm, const char *const *sources, size_t count)
{
    size_t i;
    strbuf_printf(e->b, "# A first draft by specc infer, from %zu sample%s:", count,
                  count == 1 ? "" : "s");
    for (i = 0; i < count && i < 8; i++) {
        strbuf_append(e->b, i ? ", " : " ");
        yaml_comment_text(e->b, sources[i], 80);
    }
    strbuf_append(e->b, count > 8 ? ", ...\n" : "\n");
    strbuf_append(e->b, "# Review it: types, required, nullable and formats say what these samples\n"
                        "# show, not what the API promises. Unknown keys are kept (the default).\n");
    strbuf_printf(e->b, "specc: 2\napi: %s\ntypes:\n", nm->api);
}

bool infer_emit(strbuf *b, const names *nm, const char *const *sources, size_t count,
                size_t *warnings)
{
    emitter e = {b, NULL, false, 0};
    size_t i;
    put_header(&e, nm, sources, count);
    for (i = 0; i < nm->count; i++) {
        const named *t = nm->types[i];
        if (t->fixed && t->sh->nulls) { /* the document's type */
            strbuf_append(b, "  # WARNING: a sample was null, which no type accepts (a type is "
                             "never nullable)\n");
            e.warnings++;
        }
        if (t->kind == NAMED_OBJECT)
            put_object(&e, t);
        else if (t->kind == NAMED_UNION)
            put_union(&e, t);
        else
            put_value(&e, t);
    }
    *warnings = e.warnings;
    return !b->failed;
}
