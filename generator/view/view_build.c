/*
 * view_build.c — the C text of the typed wrappers that build values: one
 * static inline function per operation build_ops() gives a field (or a
 * value type), each calling one runtime helper of specc_build.c with the
 * type's descriptor and the field's index, so that callers never pass a
 * size, an offset or the wrong descriptor.
 */
#include <string.h>

#include "view_internal.h"

/* One wrapper being written: its type, member and descriptor index. */
typedef struct wrapper {
    const type_def *t;
    const field *f;     /* NULL for a value type */
    const char *member; /* f's C name, or NULL */
    size_t index;
    strbuf *text;       /* the wrappers so far, a line each */
} wrapper;

/* "T_t *v" or, for reading, "const T_t *v". */
static char *self(const wrapper *w, bool read)
{
    return str_printf("%s%s_t *v", read ? "const " : "", w->t->c_name);
}

/* Write "static inline RET NAME(SELF ARGS)" and "{ return BODY; }". */
static void emit(const wrapper *w, build_op op, const char *ret, const char *args,
                 const char *body)
{
    char *name = build_name(w->t->c_name, w->member, op);
    char *me = self(w, op == BUILD_GET || op == BUILD_GET_STRING);
    strbuf_printf(w->text, "%sstatic inline %s%s%s(%s%s)\n{ return %s; }",
                  w->text->length ? "\n" : "", ret, ret[strlen(ret) - 1] == '*' ? "" : " ",
                  name ? name : "", me ? me : "", args, body);
    free(name);
    free(me);
}

/* specc_FN(&T_desc, v, INDEX EXTRA), the call each wrapper makes. */
static char *call(const wrapper *w, const char *fn, const char *extra)
{
    return str_printf("specc_%s(&%s_desc, v, %zu%s)", fn, w->t->c_name, w->index, extra);
}

/* C type of a scalar setter's argument. */
static char *scalar_type(const shape *sh)
{
    if (sh->c_enum)
        return str_printf("%s_t", sh->c_enum);
    if (sh->kind == SHAPE_INTEGER && sh->format == FORMAT_INT32)
        return str_printf("int32_t");
    return str_printf("%s", kind_get(sh->kind)->c_type);
}

/* "ITEM *" for an element's type, "void *" for an anonymous struct. */
static char *element_pointer(const shape *items)
{
    char *t = c_value_type(items), *p;
    if (!t || strncmp(t, "struct {", 8) == 0) {
        free(t);
        return str_printf("void *");
    }
    p = c_pointer_to(t, "");
    free(t);
    return p;
}

/* A returned void * as "(RET)CALL" (no cast for void *). */
static char *cast(const char *ret, char *c)
{
    char *out = strcmp(ret, "void *") == 0 ? str_printf("%s", c) : str_printf("(%s)%s", ret, c);
    free(c);
    return out;
}

static void one_op(const wrapper *w, const shape *sh, build_op op)
{
    const char *ok = "SPECC_CHECK_RESULT specc_code";
    char *c = NULL, *t = NULL, *args = NULL;
    switch (op) {
    case BUILD_SET_STRING:
        c = call(w, "field_set_string", ", text");
        emit(w, op, ok, ", const char *text", c);
        break;
    case BUILD_SET_SCALAR:
        t = scalar_type(sh);
        args = str_printf(", %s x", t);
        c = call(w, "field_set", ", &x");
        emit(w, op, ok, args, c);
        break;
    case BUILD_SET_DECIMAL:
        c = call(w, "field_set_decimal", ", text");
        emit(w, op, ok, ", const char *text", c);
        break;
    case BUILD_SET_DECIMAL_DOUBLE:
        c = call(w, "field_set_decimal_double", ", x");
        emit(w, op, ok, ", double x", c);
        break;
    case BUILD_VARIANT:
        args = str_printf(", %s_t kind", sh->ref->u->c_kind_enum);
        c = call(w, "field_variant", ", (size_t)kind - 1");
        emit(w, op, "void *", args, c);
        break;
    case BUILD_NEW:
        t = str_printf("%s_t *", sh->ref->c_name);
        c = cast(t, call(w, "field_new", ""));
        emit(w, op, t, "", c);
        break;
    case BUILD_APPEND_STRING:
        c = call(w, "field_append_string", ", text");
        emit(w, op, ok, ", const char *text", c);
        break;
    case BUILD_APPEND:
        t = element_pointer(sh->items);
        c = cast(t, call(w, "field_append", ""));
        emit(w, op, t, "", c);
        break;
    case BUILD_PUT_STRING:
        c = call(w, "field_put_string", ", key, text");
        emit(w, op, ok, ", const char *key, const char *text", c);
        break;
    case BUILD_PUT:
    case BUILD_GET:
        t = element_pointer(sh->items);
        c = cast(t, call(w, op == BUILD_PUT ? "field_put" : "field_get", ", key"));
        emit(w, op, t, ", const char *key", c);
        break;
    case BUILD_GET_STRING:
        c = call(w, "field_get_string", ", key");
        emit(w, op, "const char *", ", const char *key", c);
        break;
    case BUILD_REMOVE:
        c = call(w, "field_remove", ", key");
        emit(w, op, "bool", ", const char *key", c);
        break;
    case BUILD_STATE:
        c = call(w, "field_set_state", ", state");
        emit(w, op, ok, ", specc_state state", c);
        break;
    }
    free(c);
    free(t);
    free(args);
}

static void wrappers_for(wrapper *w, const shape *declared)
{
    build_op ops[BUILD_OPS_MAX];
    size_t i, n = build_ops(declared, w->f, ops);
    for (i = 0; i < n; i++)
        one_op(w, build_shape(declared), ops[i]);
}

char *c_builders(const type_def *t)
{
    strbuf text = STRBUF_INIT;
    wrapper w = {t, NULL, NULL, 0, &text};
    size_t i;
    if (t->kind == TYPE_VALUE) {
        wrappers_for(&w, &t->value);
    } else if (t->kind == TYPE_UNION) {
        shape me = {.kind = SHAPE_REF, .ref = (type_def *)t};
        wrappers_for(&w, &me);
    }
    for (i = 0; i < t->field_count; i++) {
        w.f = &t->fields[i];
        w.member = t->fields[i].c_name;
        w.index = i;
        wrappers_for(&w, &t->fields[i].shape);
    }
    return text.length ? strbuf_steal(&text, NULL) : (strbuf_free(&text), NULL);
}
