/*
 * infer_decide.c — what the draft makes of each place:
 *
 * - maps: objects whose keys are data rather than names (see
 *   looks_like_map) become `type: map`, their values merged into one place;
 * - numbers: integer literals within int64 only → integer; else, when every
 *   number survives a double exactly → number; else decimal (exact text);
 * - strings: the first of date-time, date, uuid, email, uri that every
 *   string has, by the runtime's own checker (specc_format_valid);
 * - the place: one JSON kind → its type; several → a oneOf told apart by
 *   JSON kind; none (only null, or only empty arrays) → any.
 */
#include "infer_internal.h"

#include <string.h>

/* More distinct keys than this, all with values of one JSON kind: a map. */
#define MAP_KEYS 32

enum { K_STRING = 1, K_NUMBER = 2, K_BOOLEAN = 4, K_OBJECT = 8, K_ARRAY = 16 };

static unsigned kinds_of(const ishape *sh)
{
    return (sh->strings ? K_STRING : 0) | (sh->ints + sh->bigints + sh->fracs ? K_NUMBER : 0) |
           (sh->bools ? K_BOOLEAN : 0) | (sh->objects ? K_OBJECT : 0) |
           (sh->arrays ? K_ARRAY : 0);
}

static unsigned bit_count(unsigned v)
{
    unsigned n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

unsigned ishape_parts(const ishape *sh)
{
    return bit_count(kinds_of(sh));
}

/* An integer ("42", "-7"), a uuid, a date or a date-time: a key naming a
 * thing rather than a field. */
static bool key_is_data(const char *k, size_t len)
{
    size_t i = k[0] == '-';
    if (len > i) {
        while (i < len && k[i] >= '0' && k[i] <= '9')
            i++;
        if (i == len)
            return true;
    }
    return specc_format_valid(SPECC_FORMAT_UUID, k, len) ||
           specc_format_valid(SPECC_FORMAT_DATE, k, len) ||
           specc_format_valid(SPECC_FORMAT_DATE_TIME, k, len);
}

/*
 * The map rule. Objects at a place are a map when they have keys, none
 * holding U+0000 (map keys are C strings), and
 *   (a) every key is data (key_is_data), whatever the values; or
 *   (b) the values of all keys have one JSON kind (null aside) and
 *       - at least two of the objects have keys, and no key is in more
 *         than one object (the keys differ from object to object), or
 *       - there are more than MAP_KEYS distinct keys.
 */
static bool looks_like_map(const ishape *sh)
{
    unsigned kinds = 0;
    bool data = true, once = true;
    size_t i;
    if (sh->field_count == 0)
        return false;
    for (i = 0; i < sh->field_count; i++) {
        const ifield *f = &sh->fields[i];
        if (memchr(f->key, '\0', f->key_len))
            return false;
        data = data && key_is_data(f->key, f->key_len);
        once = once && f->present == 1;
        kinds |= kinds_of(f->value);
    }
    if (data)
        return true;
    if (bit_count(kinds) != 1)
        return false;
    return (sh->filled >= 2 && once) || sh->field_count > MAP_KEYS;
}

/* Can `any` (a jansson value) hold everything here exactly? Not an integer
 * beyond int64, nor a fraction a double does not keep. */
static bool any_safe(const ishape *sh)
{
    size_t i;
    if (sh->bigints || sh->fracs_inexact)
        return false;
    for (i = 0; i < sh->field_count; i++)
        if (!any_safe(sh->fields[i].value))
            return false;
    return !sh->items || any_safe(sh->items);
}

static void decide_scalars(ishape *sh)
{
    static const unsigned order[] = {IF_DATE_TIME, IF_DATE, IF_UUID, IF_EMAIL, IF_URI};
    size_t i;
    if (sh->ints + sh->bigints + sh->fracs == 0)
        sh->num = NUM_NONE;
    else if (sh->fracs == 0 && sh->bigints == 0)
        sh->num = NUM_INTEGER;
    else
        sh->num = sh->inexact == 0 ? NUM_NUMBER : NUM_DECIMAL;
    sh->format = 0;
    for (i = 0; sh->strings && i < sizeof order / sizeof order[0] && !sh->format; i++)
        if (sh->formats & order[i])
            sh->format = order[i];
}

static void decide_rep(ishape *sh)
{
    unsigned parts = ishape_parts(sh);
    sh->rep = REP_ONE;
    if (parts == 0) {
        sh->rep = REP_ANY;
        sh->why = sh->nulls ? "only null was seen here" : "no value was seen here (only empty arrays)";
    } else if (sh->nul_string) {
        sh->rep = REP_ANY;
        sh->why = "a string here holds U+0000, which a C string cannot";
    } else if (parts > 1 && sh->strings && sh->num == NUM_DECIMAL) {
        sh->rep = REP_LOST;
        sh->why = "strings and numbers that need exact text (decimal) cannot share a oneOf";
        return;
    } else if (parts > 1) {
        sh->rep = REP_UNION;
    }
    if (sh->rep == REP_ANY && !any_safe(sh)) {
        sh->rep = REP_LOST;
        sh->why = "`any` here would have to hold numbers beyond int64 or double";
    }
}

static bool decide(ishape *sh);

/* The objects at sh as a map: their values merged into one place. Values
 * that no type keeps exactly make it no map after all: as fields, each key
 * may be kept, or left undeclared (and kept as sent). */
static bool decide_map(ishape *sh)
{
    size_t i;
    if (!(sh->values = ishape_new()))
        return false;
    for (i = 0; i < sh->field_count; i++)
        if (!ishape_merge(sh->values, sh->fields[i].value))
            return false;
    if (!decide(sh->values))
        return false;
    sh->is_map = sh->values->rep != REP_LOST;
    if (!sh->is_map) {
        ishape_free(sh->values);
        sh->values = NULL;
    }
    return true;
}

static bool decide(ishape *sh)
{
    size_t i;
    decide_scalars(sh);
    decide_rep(sh);
    if (sh->rep == REP_ANY || sh->rep == REP_LOST)
        return true;
    if (sh->objects && looks_like_map(sh) && !decide_map(sh))
        return false;
    for (i = 0; sh->objects && !sh->is_map && i < sh->field_count; i++) {
        ifield *f = &sh->fields[i];
        if (!decide(f->value))
            return false;
        f->declared = !memchr(f->key, '\0', f->key_len) && f->value->rep != REP_LOST;
    }
    return !sh->arrays || decide(sh->items);
}

bool infer_decide(ishape *root)
{
    return decide(root);
}

/* ------------------------------------------------- what is written */

ekind part_kind(const ishape *sh, ekind part)
{
    static const ekind numbers[] = {E_INTEGER, E_INTEGER, E_NUMBER, E_DECIMAL};
    if (part == E_INTEGER)
        return numbers[sh->num];
    if (part == E_OBJECT)
        return sh->is_map ? E_MAP : E_OBJECT;
    return part;
}

size_t union_variants(const ishape *sh, ekind *out)
{
    size_t n = 0;
    if (sh->strings)
        out[n++] = E_STRING;
    if (sh->num != NUM_NONE)
        out[n++] = part_kind(sh, E_INTEGER);
    if (sh->bools)
        out[n++] = E_BOOLEAN;
    if (sh->objects)
        out[n++] = part_kind(sh, E_OBJECT);
    if (sh->arrays)
        out[n++] = E_ARRAY;
    return n;
}

ekind place_kind(const ishape *sh)
{
    ekind one[5];
    if (sh->rep == REP_ANY || sh->rep == REP_LOST)
        return E_ANY;
    if (sh->rep == REP_UNION)
        return E_UNION;
    union_variants(sh, one); /* REP_ONE: exactly one */
    return one[0];
}

const ishape *part_element(const ishape *sh, ekind k)
{
    return k == E_ARRAY ? sh->items : k == E_MAP ? sh->values : NULL;
}

bool element_nullable(const ishape *el)
{
    return el->nulls > 0 && place_kind(el) != E_ANY;
}

const char *ekind_word(ekind k)
{
    static const char *const words[] = {"any",    "string", "integer", "number", "decimal",
                                        "boolean", "object", "map",     "array",  "union"};
    return words[k];
}

bool field_required(const ishape *obj, const ifield *f)
{
    return f->present == obj->objects;
}

bool field_nullable(const ifield *f)
{
    return f->value->nulls > 0 && place_kind(f->value) != E_ANY;
}
