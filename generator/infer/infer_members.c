/*
 * infer_members.c — the C members of an object type's fields, as specc's
 * checker derives them (check_util.c's ck_c_name, check_names.c's
 * name_fields): a field's member is its JSON name in snake case made safe
 * (naming.c), and a field that is optional or nullable (and not `any`)
 * also has NAME_state. Where either would clash with an earlier field's,
 * the field gets a c_name: SNAKE_2, SNAKE_3 ... (field, field_2 ... when
 * the key has no letters or digits), or from its c_number on when a clash
 * of the element structs named after it asked for another (infer_claims.c).
 */
#include "infer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

char *members_field_name(const ifield *f)
{
    char *snake, *safe;
    if (f->c_name)
        return strdup(f->c_name);
    snake = naming_snake(f->key, f->key_len);
    safe = snake ? naming_safe(snake) : NULL;
    free(snake);
    return safe;
}

/* c_name without the '_' naming_safe may have added (check_names.c). */
char *members_base_name(const char *c_name)
{
    size_t len = strlen(c_name);
    while (len > 1 && c_name[len - 1] == '_')
        len--;
    return str_printf("%.*s", (int)len, c_name);
}

/* Is c free in members (with its _state member, when it has one)? */
static int member_free(json_t *members, const char *c, bool state)
{
    char *base, *st;
    int free_ = !json_object_get(members, c);
    if (!free_ || !state)
        return free_;
    base = members_base_name(c);
    st = base ? str_printf("%s_state", base) : NULL;
    free_ = st ? !json_object_get(members, st) : -1;
    free(base);
    free(st);
    return free_;
}

static bool member_take(json_t *members, const char *c, bool state)
{
    char *base, *st;
    bool ok = json_object_set_new(members, c, json_true()) == 0;
    if (!ok || !state)
        return ok;
    base = members_base_name(c);
    st = base ? str_printf("%s_state", base) : NULL;
    ok = st && json_object_set_new(members, st, json_true()) == 0;
    free(base);
    free(st);
    return ok;
}

/* The derived member, or a c_name: SNAKE_N, from N = 2 or the field's
 * c_number; *own: a c_name. NULL when out of memory. */
static char *pick_member(json_t *members, const ifield *f, bool state, bool *own)
{
    char *snake = naming_snake(f->key, f->key_len);
    unsigned n = f->c_number < 2 ? 2 : f->c_number;
    char *c = f->c_number >= 2 ? NULL : snake ? naming_safe(snake) : strdup("field");
    int ok = c ? member_free(members, c, state) : f->c_number >= 2 ? 0 : -1;
    *own = !snake || f->c_number >= 2;
    while (ok == 0) {
        free(c);
        *own = true;
        c = str_printf("%s_%u", snake ? snake : "field", n++);
        ok = !c ? -1 : naming_is_identifier(c) && !naming_is_reserved(c)
                           ? member_free(members, c, state) : 0;
    }
    free(snake);
    if (ok < 0) {
        free(c);
        return NULL;
    }
    return c;
}

bool infer_members(ishape *sh)
{
    json_t *members = json_object();
    size_t i;
    bool ok = members && json_object_set_new(members, "_unknown", json_true()) == 0;
    for (i = 0; ok && i < sh->field_count; i++) {
        ifield *f = &sh->fields[i];
        bool state, own;
        char *c;
        free(f->c_name);
        f->c_name = NULL;
        if (!f->declared)
            continue;
        state = !(field_required(sh, f) && !field_nullable(f)) && place_kind(f->value) != E_ANY;
        c = pick_member(members, f, state, &own);
        ok = c && member_take(members, c, state);
        if (ok && own)
            f->c_name = c;
        else
            free(c);
    }
    json_decref(members);
    return ok;
}
