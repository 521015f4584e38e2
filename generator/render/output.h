/*
 * output.h — the files a run produces, held in memory until the end so that
 * `generate` writes only what changed and `check` compares without writing.
 */
#ifndef SPECC_OUTPUT_H
#define SPECC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct output_file {
    char *name; /* file name inside the output directory */
    char *data;
    size_t len;
} output_file;

typedef struct output_set {
    output_file *files;
    size_t count, cap;
} output_set;

/* Takes ownership of data (malloc'd). */
void output_add(output_set *set, const char *name, char *data, size_t len);

/* Write every file whose bytes differ from what DIR holds (DIR is created
 * if needed; each file is written to a temporary name and renamed). Prints
 * problems to stderr; returns false on any I/O error. */
bool output_write(const output_set *set, const char *dir);

/* Compare DIR with the set: names every missing or different file, and
 * every file in DIR that carries a specc banner but would no longer be
 * generated. Returns the number of stale files (0 = in sync). */
size_t output_check(const output_set *set, const char *dir);

void output_free(output_set *set);

#endif
