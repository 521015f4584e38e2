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

/* The kinds of specc banner a file can carry. */
#define OUTPUT_RUNTIME 1u /* "the specc runtime" */
#define OUTPUT_API 2u     /* "from SPEC.yaml" */

/* Write every file whose bytes differ from what DIR holds (DIR is created
 * if needed; each file is written to a temporary name and renamed). Prints
 * problems to stderr; returns false on any I/O error. With `verbose`, says
 * on stdout what became of each file ("wrote DIR/x.h", "unchanged
 * DIR/x.c"), then names each file of DIR that carries a specc banner of
 * one of the `kinds` this run writes but is not in the set ("not removed
 * ..."): nothing is ever deleted, since several runs (one per spec, as
 * CMake's specc_generate does) may share DIR. */
bool output_write(const output_set *set, const char *dir, bool verbose, unsigned kinds);

/* Compare DIR with the set: names every missing or different file, and
 * every file in DIR that carries a specc banner but would no longer be
 * generated; with `verbose`, every file that is as it should be too
 * ("ok DIR/x.h"). Returns the number of stale files (0 = in sync). */
size_t output_check(const output_set *set, const char *dir, bool verbose);

void output_free(output_set *set);

#endif
