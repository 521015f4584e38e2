/*
 * file.c — whole files in, paths joined.
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
    fputs("specc: out of memory\n", stderr);
    exit(3);
}

static char *read_stream(FILE *f, size_t *len)
{
    char *data = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 + 1 > cap) {
            char *grown;
            cap = cap ? cap * 2 : 16384;
            grown = realloc(data, cap);
            if (!grown)
                out_of_memory();
            data = grown;
        }
        got = fread(data + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        free(data);
        errno = EIO;
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

char *file_read(const char *path, size_t *len, int stdin_dash)
{
    FILE *f;
    char *data;
    int saved;
    if (stdin_dash && strcmp(path, "-") == 0)
        return read_stream(stdin, len);
    f = fopen(path, "rb");
    if (!f)
        return NULL;
    data = read_stream(f, len);
    saved = errno;
    fclose(f);
    errno = saved;
    return data;
}

char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (!p)
        out_of_memory();
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

char *path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 1;
    char *p = malloc(n + 1);
    if (!p)
        out_of_memory();
    if (!slash)
        memcpy(p, ".", 1);
    else if (n == 0)
        memcpy(p, "/", n = 1);
    else
        memcpy(p, path, n);
    p[n] = '\0';
    return p;
}
