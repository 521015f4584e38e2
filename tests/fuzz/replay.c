/*
 * replay — runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer, so that every input that once crashed (tests/regression/) is
 * replayed by the ordinary test suite with any compiler.
 * usage: replay FILE_OR_DIR...
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "read_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Targets without an initializer get this one (weak where supported). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((weak))
#endif
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int run_file(const char *path)
{
    size_t n;
    char *buf = read_file(path, &n);
    if (!buf) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)buf, n);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int i, bad = 0, count = 0;
    LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[i]);
            struct dirent *e;
            while (d && (e = readdir(d)) != NULL) {
                char path[4096];
                if (e->d_name[0] == '.')
                    continue;
                if (snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name) >= (int)sizeof path)
                    continue;
                if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
                    continue; /* one level: specs/ holds samples/ */
                bad |= run_file(path);
                count++;
            }
            if (d)
                closedir(d);
        } else {
            bad |= run_file(argv[i]);
            count++;
        }
    }
    printf("replayed %d input%s\n", count, count == 1 ? "" : "s");
    return bad;
}
