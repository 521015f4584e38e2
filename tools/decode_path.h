/*
 * decode_path.h — the two ways the runtime decodes text, behind one switch,
 * so that a test program runs its whole suite either way (issue 12: both
 * paths pass the same tests):
 *
 *   malloc path  specc_decode_text; each value is released on its own
 *                (specc_clear);
 *   arena path   specc_decode_text_arena into the path's arena; a value is
 *                never cleared (the arena owns it): decode_path_reset or
 *                decode_path_close release every value at once.
 *
 * Programs take the switch as a leading --arena (decode_path_option).
 * Values decoded by other means (specc_decode_json, hand-built) are not the
 * path's: clear them as usual.
 */
#ifndef SPECC_DECODE_PATH_H
#define SPECC_DECODE_PATH_H

#include <stdbool.h>

#include "specc.h"

typedef struct decode_path {
    bool arena_wanted;  /* the arena path was chosen */
    specc_arena *arena; /* its arena (NULL on the malloc path) */
} decode_path;

/* Is argv[1] "--arena"? Then it is removed (argv shifts, *argc drops). */
bool decode_path_option(int *argc, char **argv);

/* Set up a path: the arena path when `arena`. False when its arena cannot
 * be made (out of memory); *dp is then the malloc path with arena_wanted
 * set, and closing it is safe. */
bool decode_path_open(decode_path *dp, bool arena);

/* "arena" or "malloc", for messages. */
const char *decode_path_name(const decode_path *dp);

/* specc_decode_text, or specc_decode_text_arena into the path's arena. */
specc_code decode_path_text(decode_path *dp, const specc_type *type, const char *text,
                            size_t len, void *out, specc_error *err);

/* Done with a value this path decoded: specc_clear on the malloc path; on
 * the arena path only specc_init (its memory stays in the arena until the
 * next reset). Either way *value is left initialised. */
void decode_path_release(const decode_path *dp, const specc_type *type, void *value);

/* Arena path: release every value decoded so far (specc_arena_reset). */
void decode_path_reset(decode_path *dp);

/* Release everything and the arena (decode_path_name still names the path;
 * open it again before decoding). */
void decode_path_close(decode_path *dp);

#endif
