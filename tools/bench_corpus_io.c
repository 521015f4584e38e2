/*
 * bench_corpus_io.c — sample names and corpus files (see bench_corpus_io.h).
 */
#include "bench_corpus_io.h"

#include <stdlib.h>
#include <string.h>

int sample_target(const char *path, char *buf, size_t size, char *api, size_t api_size)
{
    const char *file = strrchr(path, '/'), *dir, *dot1, *dot2;
    size_t api_len;
    if (!file || file == path)
        return 0;
    for (dir = file - 1; dir > path && dir[-1] != '/'; dir--)
        ;
    api_len = (size_t)(file - dir);
    file++;
    dot1 = strchr(file, '.');
    dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
    if (!dot1 || !dot2 || api_len == 0 || strcmp(path + strlen(path) - 5, ".json") != 0)
        return 0;
    if ((size_t)snprintf(buf, size, "%.*s.%.*s", (int)api_len, dir, (int)(dot2 - file), file) >=
        size)
        return 0;
    if (api) {
        if (api_len >= api_size)
            return 0;
        memcpy(api, dir, api_len);
        api[api_len] = '\0';
    }
    return 1;
}

corpus_item *corpus_parse(const char *buf, size_t len, size_t *count)
{
    size_t magic = strlen(CORPUS_MAGIC), pos = magic, n = 0, cap = 0;
    corpus_item *items = NULL;
    if (len < magic || memcmp(buf, CORPUS_MAGIC, magic) != 0)
        return NULL;
    while (pos < len) {
        const char *eol = memchr(buf + pos, '\n', len - pos), *space;
        corpus_item *it;
        char *end;
        unsigned long long plen;
        if (!eol || !(space = memchr(buf + pos, ' ', (size_t)(eol - (buf + pos)))) ||
            (size_t)(space - (buf + pos)) >= sizeof items[0].target)
            goto bad;
        plen = strtoull(space + 1, &end, 10);
        if (end != eol || plen > len - (size_t)(eol + 1 - buf) - 1 || eol[1 + plen] != '\n')
            goto bad;
        if (n == cap) {
            corpus_item *grown = realloc(items, (cap = cap ? 2 * cap : 1024) * sizeof *items);
            if (!grown)
                goto bad;
            items = grown;
        }
        it = &items[n++];
        memcpy(it->target, buf + pos, (size_t)(space - (buf + pos)));
        it->target[space - (buf + pos)] = '\0';
        it->text = eol + 1;
        it->len = (size_t)plen;
        pos = (size_t)(eol + 1 - buf) + (size_t)plen + 1;
    }
    *count = n;
    return items ? items : calloc(1, sizeof *items);
bad:
    free(items);
    return NULL;
}

int corpus_write(FILE *f, const char *target, const char *text, size_t len)
{
    return fprintf(f, "%s %zu\n", target, len) < 0 || fwrite(text, 1, len, f) != len ||
           fputc('\n', f) == EOF;
}
