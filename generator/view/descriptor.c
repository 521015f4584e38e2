/*
 * descriptor.c — the descriptor decisions (see descriptor.h), as values.
 */
#include "descriptor.h"

const shape *desc_shape(const shape *sh)
{
    return sh->kind == SHAPE_REF && sh->ref->kind == TYPE_VALUE ? &sh->ref->value : sh;
}

specc_kind desc_kind(const shape *sh, bool is_enum)
{
    if (is_enum)
        return SPECC_KIND_ENUM;
    if (sh->kind == SHAPE_INTEGER && sh->format == FORMAT_INT32)
        return SPECC_KIND_INT32;
    if (sh->kind == SHAPE_REF && sh->ref->kind == TYPE_UNION)
        return SPECC_KIND_UNION;
    return (specc_kind)kind_get(sh->kind)->runtime;
}

#define NAMED(constant) {constant, #constant}

static const struct {
    specc_kind kind;
    const char *name;
} kind_names[] = {
    NAMED(SPECC_KIND_STRING), NAMED(SPECC_KIND_INTEGER), NAMED(SPECC_KIND_NUMBER),
    NAMED(SPECC_KIND_BOOLEAN), NAMED(SPECC_KIND_DECIMAL), NAMED(SPECC_KIND_ANY),
    NAMED(SPECC_KIND_ENUM), NAMED(SPECC_KIND_OBJECT), NAMED(SPECC_KIND_ARRAY),
    NAMED(SPECC_KIND_MAP), NAMED(SPECC_KIND_INT32), NAMED(SPECC_KIND_UNION),
};

const char *desc_kind_name(specc_kind kind)
{
    size_t i;
    for (i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
        if (kind_names[i].kind == kind)
            return kind_names[i].name;
    return "SPECC_KIND_ANY";
}

/* In the order initialisers list them (a bound and its exclusive form are
 * never both set). */
static const struct {
    unsigned flag;
    const char *name;
} shape_flag_names[] = {
    NAMED(SPECC_S_MINIMUM),     NAMED(SPECC_S_EXCLUSIVE_MINIMUM), NAMED(SPECC_S_MAXIMUM),
    NAMED(SPECC_S_EXCLUSIVE_MAXIMUM), NAMED(SPECC_S_MIN_LENGTH),  NAMED(SPECC_S_MAX_LENGTH),
    NAMED(SPECC_S_MIN_ITEMS),   NAMED(SPECC_S_MAX_ITEMS),         NAMED(SPECC_S_OPEN_ENUM),
    NAMED(SPECC_S_INT_ENUM),    NAMED(SPECC_S_NULLABLE),          NAMED(SPECC_S_MULTIPLE_OF),
    NAMED(SPECC_S_UNIQUE_ITEMS), NAMED(SPECC_S_CONST),            NAMED(SPECC_S_READ_ONLY),
    NAMED(SPECC_S_WRITE_ONLY),
}, field_flag_names[] = {
    NAMED(SPECC_F_REQUIRED), NAMED(SPECC_F_NULLABLE), NAMED(SPECC_F_STATE),
};

unsigned desc_shape_flags(const shape *sh)
{
    unsigned f = 0;
    if (sh->minimum.set)
        f |= sh->exclusive_minimum ? SPECC_S_EXCLUSIVE_MINIMUM : SPECC_S_MINIMUM;
    if (sh->maximum.set)
        f |= sh->exclusive_maximum ? SPECC_S_EXCLUSIVE_MAXIMUM : SPECC_S_MAXIMUM;
    f |= sh->min_length.set ? SPECC_S_MIN_LENGTH : 0u;
    f |= sh->max_length.set ? SPECC_S_MAX_LENGTH : 0u;
    f |= sh->min_items.set ? SPECC_S_MIN_ITEMS : 0u;
    f |= sh->max_items.set ? SPECC_S_MAX_ITEMS : 0u;
    f |= sh->open && sh->enums ? SPECC_S_OPEN_ENUM : 0u;
    f |= sh->kind == SHAPE_INTEGER && sh->enums ? SPECC_S_INT_ENUM : 0u;
    f |= sh->nullable ? SPECC_S_NULLABLE : 0u;
    f |= sh->multiple_of.set ? SPECC_S_MULTIPLE_OF : 0u;
    f |= sh->unique_items ? SPECC_S_UNIQUE_ITEMS : 0u;
    f |= sh->const_json ? SPECC_S_CONST : 0u;
    f |= sh->read_only ? SPECC_S_READ_ONLY : 0u;
    f |= sh->write_only ? SPECC_S_WRITE_ONLY : 0u;
    return f;
}

unsigned desc_field_flags(const field *f)
{
    return (f->required ? SPECC_F_REQUIRED : 0u) | (f->nullable ? SPECC_F_NULLABLE : 0u) |
           (f->has_state ? SPECC_F_STATE : 0u);
}

size_t desc_flag_names(unsigned flags, bool field_flags, const char **out)
{
    size_t i, n = 0;
    if (field_flags) {
        for (i = 0; i < sizeof field_flag_names / sizeof field_flag_names[0]; i++)
            if (flags & field_flag_names[i].flag)
                out[n++] = field_flag_names[i].name;
        return n;
    }
    for (i = 0; i < sizeof shape_flag_names / sizeof shape_flag_names[0]; i++)
        if (flags & shape_flag_names[i].flag)
            out[n++] = shape_flag_names[i].name;
    return n;
}

bool desc_bounds_int(const shape *sh)
{
    return sh->kind == SHAPE_INTEGER;
}

bool desc_elem_state(const shape *sh)
{
    return sh->nullable;
}

bool desc_elem_other(const shape *sh)
{
    return sh->open && sh->c_enum;
}

specc_type_kind desc_type_kind(const type_def *t)
{
    return t->kind == TYPE_OBJECT ? SPECC_TYPE_OBJECT : SPECC_TYPE_VALUE;
}

specc_unknown_policy desc_unknown_policy(unknown_policy p)
{
    return p == UNKNOWN_IGNORE   ? SPECC_UNKNOWN_IGNORE
           : p == UNKNOWN_REJECT ? SPECC_UNKNOWN_REJECT
                                 : SPECC_UNKNOWN_PRESERVE;
}

bool desc_preserves(const type_def *t)
{
    return t->kind == TYPE_OBJECT && t->unknown == UNKNOWN_PRESERVE;
}
