/*
 * read_file.h — a whole file into memory, for the tools and tests that read
 * payloads and tables (part of specc_targets).
 */
#ifndef SPECC_READ_FILE_H
#define SPECC_READ_FILE_H

#include <stddef.h>

/* The bytes of the file at path with a NUL after them (free() it), their
 * count in *len; NULL when it cannot be opened, read or held. */
char *read_file(const char *path, size_t *len);

#endif
