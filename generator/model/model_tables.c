/*
 * model_tables.c — the one table of value kinds and the one table of
 * formats. Every stage that names a kind or a format (check, view, schema,
 * doc, the example checker) reads it here, so a new format is one row.
 */
#include "model.h"

#include <string.h>

#include "specc.h"

/* A runtime constant's value and its name, from one token. */
#define RT(constant) constant, #constant

static const kind_info kinds[] = {
    /* kind          spec word   runtime kind            C type (by value)  parameter */
    {SHAPE_STRING, "string", SPECC_KIND_STRING, "char *", true},
    {SHAPE_INTEGER, "integer", SPECC_KIND_INTEGER, "int64_t", true},
    {SHAPE_NUMBER, "number", SPECC_KIND_NUMBER, "double", true},
    {SHAPE_BOOLEAN, "boolean", SPECC_KIND_BOOLEAN, "bool", true},
    {SHAPE_DECIMAL, "decimal", SPECC_KIND_DECIMAL, "specc_decimal", false},
    {SHAPE_ANY, "any", SPECC_KIND_ANY, "json_t *", false},
    {SHAPE_ARRAY, "array", SPECC_KIND_ARRAY, NULL, false},
    {SHAPE_MAP, "map", SPECC_KIND_MAP, NULL, false},
    {SHAPE_REF, "object", SPECC_KIND_OBJECT, NULL, false},
};

static const format_info formats[] = {
    /* format            name         runtime constant           applies to  schema  version */
    {FORMAT_NONE, "", RT(SPECC_FORMAT_NONE), SHAPE_ANY, false, 1},
    {FORMAT_DATE, "date", RT(SPECC_FORMAT_DATE), SHAPE_STRING, true, 1},
    {FORMAT_DATE_TIME, "date-time", RT(SPECC_FORMAT_DATE_TIME), SHAPE_STRING, true, 1},
    {FORMAT_UUID, "uuid", RT(SPECC_FORMAT_UUID), SHAPE_STRING, true, 1},
    {FORMAT_URI, "uri", RT(SPECC_FORMAT_URI), SHAPE_STRING, true, 1},
    {FORMAT_EMAIL, "email", RT(SPECC_FORMAT_EMAIL), SHAPE_STRING, true, 1},
    {FORMAT_UNIX_TIME, "unix-time", RT(SPECC_FORMAT_UNIX_TIME), SHAPE_INTEGER, false, 1},
    {FORMAT_HOSTNAME, "hostname", RT(SPECC_FORMAT_HOSTNAME), SHAPE_STRING, true, 2},
    {FORMAT_IPV4, "ipv4", RT(SPECC_FORMAT_IPV4), SHAPE_STRING, true, 2},
    {FORMAT_IPV6, "ipv6", RT(SPECC_FORMAT_IPV6), SHAPE_STRING, true, 2},
    {FORMAT_BYTE, "byte", RT(SPECC_FORMAT_BYTE), SHAPE_STRING, true, 2},
    /* int32 is a storage, not a check: an int32_t member (SPECC_KIND_INT32). */
    {FORMAT_INT32, "int32", RT(SPECC_FORMAT_NONE), SHAPE_INTEGER, true, 2},
    /* OpenAPI's names for what the kind already is: accepted, no check. */
    {FORMAT_NONE, "int64", RT(SPECC_FORMAT_NONE), SHAPE_INTEGER, false, 1},
    {FORMAT_NONE, "double", RT(SPECC_FORMAT_NONE), SHAPE_NUMBER, false, 1},
};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

const kind_info *kind_get(shape_kind kind)
{
    size_t i;
    for (i = 0; i < COUNT(kinds); i++)
        if (kinds[i].kind == kind)
            return &kinds[i];
    return &kinds[0];
}

const kind_info *kind_find(const char *word)
{
    size_t i;
    for (i = 0; i < COUNT(kinds); i++)
        if (kinds[i].kind != SHAPE_REF && strcmp(kinds[i].name, word) == 0)
            return &kinds[i];
    return NULL;
}

size_t kind_words(const char **out, size_t max)
{
    size_t i, n = 0;
    for (i = 0; i < COUNT(kinds) && n < max; i++)
        if (kinds[i].kind != SHAPE_REF)
            out[n++] = kinds[i].name;
    return n;
}

const format_info *format_get(format_kind format)
{
    size_t i;
    for (i = 0; i < COUNT(formats); i++)
        if (formats[i].format == format)
            return &formats[i];
    return &formats[0];
}

const format_info *format_find(const char *name)
{
    size_t i;
    for (i = 1; i < COUNT(formats); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

size_t format_names(const char **out, size_t max, shape_kind only)
{
    size_t i, n = 0;
    for (i = 1; i < COUNT(formats) && n < max; i++)
        if (only == SHAPE_ANY || formats[i].applies_to == only)
            out[n++] = formats[i].name;
    return n;
}

const char *shape_kind_name(shape_kind kind)
{
    return kind_get(kind)->name;
}

const char *format_name(format_kind format)
{
    return format_get(format)->name;
}
