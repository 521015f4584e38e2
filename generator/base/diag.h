/*
 * diag.h — every diagnostic the generator prints goes through here, in GNU
 * form (`file:line:col: error: message`, 1-based) so editors can jump to it.
 * Checking goes on after an error; callers ask diag_errors() at the end.
 */
#ifndef SPECC_DIAG_H
#define SPECC_DIAG_H

#include <stdio.h>

/* A position in a spec file. `file` is borrowed (lives as long as the run). */
typedef struct loc {
    const char *file;
    int line; /* 1-based; 0 = whole file */
    int col;  /* 1-based; 0 = unknown */
} loc;

#if defined(__GNUC__) || defined(__clang__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

/* Report an error at `where`. Prints `file:line:col: error: message`, or
 * `file: error: message` when line is 0. */
void diag_error(loc where, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* A warning (not counted as an error): `file:line:col: warning: message`. */
void diag_warning(loc where, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* A note attached to the previous error: `file:line:col: note: message`. */
void diag_note(loc where, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* Number of errors reported so far. */
int diag_errors(void);

/* Where diagnostics go (default stderr); tests point it at a buffer.
 * NULL restores stderr. */
void diag_set_stream(FILE *stream);

/* The stream set by diag_set_stream (NULL: stderr), to restore it. */
FILE *diag_get_stream(void);

/* Forget the errors counted so far (tests and fuzzers run many inputs). */
void diag_reset(void);

#endif
