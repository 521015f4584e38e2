/*
 * strbuf.h — the generator's one growing text buffer, after jansson's
 * strbuffer.c. The text may hold NUL bytes; it is always NUL-terminated.
 *
 * Running out of memory is sticky: the failing append leaves the text as it
 * was and marks the buffer failed, later appends do nothing, and
 * strbuf_steal() returns NULL. Code that builds text from many pieces can
 * therefore ignore each append's result and check once, at the end.
 */
#ifndef SPECC_STRBUF_H
#define SPECC_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h" /* DIAG_PRINTF */

typedef struct strbuf {
    char *value;   /* malloc'd; NULL until the first byte */
    size_t length; /* bytes of text, the final NUL not counted */
    size_t size;   /* bytes allocated: length < size whenever value != NULL */
    bool failed;   /* an append ran out of memory */
} strbuf;

#define STRBUF_INIT {NULL, 0, 0, false}

void strbuf_init(strbuf *b);

/* Each returns false when out of memory (see above). What is appended may
 * not point into b's own text. */
bool strbuf_append_bytes(strbuf *b, const char *bytes, size_t n);
bool strbuf_append(strbuf *b, const char *s);
bool strbuf_append_char(strbuf *b, char c);
bool strbuf_printf(strbuf *b, const char *fmt, ...) DIAG_PRINTF(2, 3);
bool strbuf_vprintf(strbuf *b, const char *fmt, va_list ap) DIAG_PRINTF(2, 0);

/* Empty the text, keeping the memory (and a failure). */
void strbuf_clear(strbuf *b);

/* The text, now the caller's to free() (an empty buffer gives ""), its
 * length in *len unless len is NULL; b is left empty, as after
 * strbuf_init(). NULL when an append failed or the "" cannot be allocated. */
char *strbuf_steal(strbuf *b, size_t *len);

void strbuf_free(strbuf *b);

/* A new string, printf-style, to free(); NULL when out of memory. */
char *str_printf(const char *fmt, ...) DIAG_PRINTF(1, 2);

#endif
