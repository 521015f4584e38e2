/*
 * node_json.c — a YAML node as a JSON value, by the plain-scalar rules of
 * parse.h (unquoted null, true/false, integers and numbers are those JSON
 * values; everything else is a string). Examples, `const` and `default`
 * values are written in YAML and read by JSON users.
 */
#include "model.h"

json_t *node_json(const node *n)
{
    bool b;
    int64_t i;
    double d;
    size_t k;
    json_t *out;
    switch (n->kind) {
    case NODE_SEQ:
        out = json_array();
        for (k = 0; k < n->count; k++)
            json_array_append_new(out, node_json(n->items[k]));
        return out;
    case NODE_MAP:
        out = json_object();
        for (k = 0; k < n->count; k++)
            json_object_setn_new(out, n->keys[k]->value, n->keys[k]->len,
                                 node_json(n->items[k]));
        return out;
    case NODE_SCALAR:
        break;
    }
    if (!n->quoted) {
        if (node_is_null(n))
            return json_null();
        if (node_as_bool(n, &b))
            return json_boolean(b);
        if (node_as_int(n, &i))
            return json_integer((json_int_t)i);
        if (node_as_number(n, &d))
            return json_real(d);
    }
    return json_stringn(n->value, n->len);
}
