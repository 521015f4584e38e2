/*
 * decode_path.c — see decode_path.h.
 */
#include "decode_path.h"

#include <string.h>

bool decode_path_option(int *argc, char **argv)
{
    int i;
    if (*argc < 2 || strcmp(argv[1], "--arena") != 0)
        return false;
    for (i = 1; i < *argc; i++)
        argv[i] = argv[i + 1]; /* argv[argc] is NULL */
    (*argc)--;
    return true;
}

bool decode_path_open(decode_path *dp, bool arena)
{
    dp->arena_wanted = arena;
    dp->arena = arena ? specc_arena_new() : NULL;
    return !arena || dp->arena != NULL;
}

const char *decode_path_name(const decode_path *dp)
{
    return dp->arena_wanted ? "arena" : "malloc";
}

specc_code decode_path_text(decode_path *dp, const specc_type *type, const char *text,
                            size_t len, void *out, specc_error *err)
{
    if (dp->arena_wanted)
        return specc_decode_text_arena(type, text, len, out, dp->arena, err);
    return specc_decode_text(type, text, len, out, err);
}

void decode_path_release(const decode_path *dp, const specc_type *type, void *value)
{
    if (dp->arena_wanted)
        specc_init(type, value);
    else
        specc_clear(type, value);
}

void decode_path_reset(decode_path *dp)
{
    specc_arena_reset(dp->arena);
}

void decode_path_close(decode_path *dp)
{
    specc_arena_free(dp->arena);
    dp->arena = NULL;
}
