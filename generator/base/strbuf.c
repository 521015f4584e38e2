/*
 * strbuf.c — the growing text buffer described in strbuf.h.
 */
#include "strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STRBUF_MIN_SIZE 64

void strbuf_init(strbuf *b)
{
    b->value = NULL;
    b->length = b->size = 0;
    b->failed = false;
}

/* Room for n more bytes and the NUL; false (and failed) when out of memory. */
static bool reserve(strbuf *b, size_t n)
{
    size_t size = b->size ? b->size : STRBUF_MIN_SIZE;
    char *value;

    if (b->failed)
        return false;
    if (b->value && b->size - b->length > n)
        return true;
    while (size - b->length <= n) {
        if (size > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        size *= 2;
    }
    value = realloc(b->value, size);
    if (!value) {
        b->failed = true;
        return false;
    }
    b->value = value;
    b->size = size;
    return true;
}

bool strbuf_append_bytes(strbuf *b, const char *bytes, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->value + b->length, bytes, n);
    b->length += n;
    b->value[b->length] = '\0';
    return true;
}

bool strbuf_append(strbuf *b, const char *s)
{
    return strbuf_append_bytes(b, s, strlen(s));
}

bool strbuf_append_char(strbuf *b, char c)
{
    return strbuf_append_bytes(b, &c, 1);
}

/* Formats into the room left, so most text is formatted once; text that
 * does not fit is formatted again into the grown buffer. */
bool strbuf_vprintf(strbuf *b, const char *fmt, va_list ap)
{
    va_list again;
    bool ok;
    int n;

    if (!reserve(b, 0))
        return false;
    va_copy(again, ap);
    n = vsnprintf(b->value + b->length, b->size - b->length, fmt, ap);
    ok = n >= 0; /* else an encoding error: nothing to add */
    if (ok && (size_t)n >= b->size - b->length) {
        ok = reserve(b, (size_t)n);
        if (ok)
            vsnprintf(b->value + b->length, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    if (ok)
        b->length += (size_t)n;
    else
        b->value[b->length] = '\0'; /* the text as it was */
    return ok;
}

bool strbuf_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    bool ok;

    va_start(ap, fmt);
    ok = strbuf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

void strbuf_clear(strbuf *b)
{
    b->length = 0;
    if (b->value)
        b->value[0] = '\0';
}

char *strbuf_steal(strbuf *b, size_t *len)
{
    char *value;

    if (!b->value)
        strbuf_append_bytes(b, "", 0); /* "" still gets a buffer */
    if (b->failed) {
        strbuf_free(b);
        return NULL;
    }
    value = b->value;
    if (len)
        *len = b->length;
    strbuf_init(b);
    return value;
}

void strbuf_free(strbuf *b)
{
    free(b->value);
    strbuf_init(b);
}

char *str_printf(const char *fmt, ...)
{
    strbuf b = STRBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    strbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    return strbuf_steal(&b, NULL);
}
