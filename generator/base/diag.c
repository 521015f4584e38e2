/*
 * diag.c — GNU-style diagnostics (see diag.h).
 */
#include "diag.h"

#include <limits.h>
#include <stdarg.h>

static FILE *diag_stream; /* NULL means stderr (not a constant initialiser) */
static int error_count;   /* saturates at INT_MAX: a fuzzer may run forever */

/* `file:line:col: kind: message\n`, dropping the parts that are 0. A NULL
 * file (no spec involved) prints as the program name, as GNU tools do. */
static void emit(loc where, const char *kind, const char *fmt, va_list ap)
{
    FILE *out = diag_stream ? diag_stream : stderr;

    fputs(where.file ? where.file : "specc", out);
    if (where.line > 0) {
        fprintf(out, ":%d", where.line);
        if (where.col > 0)
            fprintf(out, ":%d", where.col);
    }
    fprintf(out, ": %s: ", kind);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
}

void diag_error(loc where, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    emit(where, "error", fmt, ap);
    va_end(ap);
    if (error_count < INT_MAX)
        error_count++;
}

void diag_warning(loc where, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    emit(where, "warning", fmt, ap);
    va_end(ap);
}

void diag_note(loc where, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    emit(where, "note", fmt, ap);
    va_end(ap);
}

int diag_errors(void)
{
    return error_count;
}

void diag_reset(void)
{
    error_count = 0;
}

FILE *diag_get_stream(void)
{
    return diag_stream;
}

void diag_set_stream(FILE *stream)
{
    diag_stream = stream;
}
