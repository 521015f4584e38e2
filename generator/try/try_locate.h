/*
 * try_locate.h — where in a JSON text a path ($.a[1].b) points, so that a
 * problem found in a decoded value (by specc_validate, which sees structs,
 * not text) can be reported at FILE:LINE:COL like a decoding problem.
 */
#ifndef SPECC_TRY_LOCATE_H
#define SPECC_TRY_LOCATE_H

#include <stddef.h>

/* The 1-based line and byte column of the value `path` names in text (a
 * well-formed JSON document), in the runtime's path spelling; for a path
 * that names nothing there (a missing key), of its nearest ancestor that
 * exists. 1:1 when nothing matches. */
void try_locate(const char *text, size_t len, const char *path, int *line, int *column);

#endif
