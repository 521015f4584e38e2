/*
 * file.h — reading whole files and joining paths, for every command.
 */
#ifndef SPECC_FILE_H
#define SPECC_FILE_H

#include <stddef.h>

/* The whole file (or standard input for "-" when stdin_dash), NUL-terminated
 * (*len bytes before the NUL, which the file itself may also contain), from
 * malloc. NULL with errno set when it cannot be read. */
char *file_read(const char *path, size_t *len, int stdin_dash);

/* dir + "/" + name, malloc'd (out of memory is fatal in the generator). */
char *path_join(const char *dir, const char *name);

/* The directory part of path ("specs" for "specs/a.yaml", "." for "a.yaml"),
 * malloc'd. */
char *path_dir(const char *path);

#endif
