/*
 * build_ops.c — which typed wrappers of the runtime's value-building
 * helpers (specc_build.c) a field or value type gets, and their names. The
 * checker claims the names (a clash is a spec error, like any C name); the
 * view writes the wrappers. One table, so the two cannot disagree.
 */
#include <string.h>

#include "model.h"
#include "strbuf.h"

/* The shape a wrapper works on: a named value type's own shape (the
 * generator inlines it), else the shape itself. */
const shape *build_shape(const shape *sh)
{
    if (sh->kind == SHAPE_REF && sh->ref && sh->ref->kind == TYPE_VALUE)
        return &sh->ref->value;
    return sh;
}

/* A string stored as a bare char * (not an element struct, not an enum). */
static bool plain_string(const shape *sh)
{
    return sh->kind == SHAPE_STRING && !sh->enums && !sh->c_elem;
}

size_t build_ops(const shape *declared, const field *f, build_op *ops)
{
    const shape *sh = build_shape(declared);
    size_t n = 0;
    switch (sh->kind) {
    case SHAPE_STRING:
        ops[n++] = sh->enums ? BUILD_SET_SCALAR : BUILD_SET_STRING;
        break;
    case SHAPE_INTEGER:
    case SHAPE_NUMBER:
    case SHAPE_BOOLEAN: ops[n++] = BUILD_SET_SCALAR; break;
    case SHAPE_DECIMAL:
        ops[n++] = BUILD_SET_DECIMAL;
        ops[n++] = BUILD_SET_DECIMAL_DOUBLE;
        break;
    case SHAPE_ANY: break; /* a json_t *: set the member */
    case SHAPE_REF:
        if (sh->ref && sh->ref->kind == TYPE_OBJECT && f) /* a T * member */
            ops[n++] = BUILD_NEW;
        else if (sh->ref && sh->ref->kind == TYPE_UNION)
            ops[n++] = BUILD_VARIANT;
        break;
    case SHAPE_ARRAY: ops[n++] = plain_string(sh->items) ? BUILD_APPEND_STRING : BUILD_APPEND; break;
    case SHAPE_MAP:
        ops[n++] = plain_string(sh->items) ? BUILD_PUT_STRING : BUILD_PUT;
        ops[n++] = plain_string(sh->items) ? BUILD_GET_STRING : BUILD_GET;
        ops[n++] = BUILD_REMOVE;
        break;
    }
    if (f && f->has_state)
        ops[n++] = BUILD_STATE;
    return n;
}

/* The wrapper's name for a field member (T_set_F, T_F_append) or, with
 * member NULL, for a value type (T_set, T_append, T_set_variant). The set
 * family puts the field after "set": an inline type named T_F (a field's
 * oneOf or object) has wrappers T_F_... of its own. */
char *build_name(const char *type, const char *member, build_op op)
{
    static const char *const verbs[] = {
        [BUILD_SET_STRING] = "set",    [BUILD_SET_SCALAR] = "set",
        [BUILD_SET_DECIMAL] = "set",   [BUILD_SET_DECIMAL_DOUBLE] = "set",
        [BUILD_NEW] = "new",           [BUILD_VARIANT] = "set_variant",
        [BUILD_STATE] = "set",
        [BUILD_APPEND] = "append",     [BUILD_APPEND_STRING] = "append",
        [BUILD_PUT] = "put",           [BUILD_PUT_STRING] = "put",
        [BUILD_GET] = "get",           [BUILD_GET_STRING] = "get",
        [BUILD_REMOVE] = "remove"};
    const char *tail = op == BUILD_SET_DECIMAL_DOUBLE ? "_double" : op == BUILD_STATE ? "_state" : "";
    bool set = op <= BUILD_STATE;
    int len;
    if (!member)
        return str_printf("%s_%s%s", type, verbs[op], tail);
    /* The member's name without the '_' that keeps it off a C keyword
     * (`default_`): inside a longer name it is no keyword. */
    for (len = (int)strlen(member); len > 1 && member[len - 1] == '_'; len--)
        ;
    return set ? str_printf("%s_set_%.*s%s", type, len, member, tail)
               : str_printf("%s_%.*s_%s", type, len, member, verbs[op]);
}
