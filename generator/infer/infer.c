/*
 * infer.c — the stage's entry points (infer.h): samples in, a draft out,
 * through load → decide → names → emit.
 */
#include "infer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

struct infer {
    ishape *root;
    size_t samples;
};

infer *infer_new(void)
{
    infer *in = calloc(1, sizeof *in);
    if (in && !(in->root = ishape_new())) {
        free(in);
        return NULL;
    }
    return in;
}

void infer_free(infer *in)
{
    if (!in)
        return;
    ishape_free(in->root);
    free(in);
}

bool infer_add(infer *in, const char *text, size_t len, specc_error *err)
{
    if (!infer_load(in->root, text, len, err))
        return false;
    in->samples++;
    return true;
}

/* As the checker wants them (check_util.c): api lower-case snake, not the
 * runtime's prefix; a type an upper-case letter, then letters and digits. */
const char *infer_names_valid(const char *api, const char *type_name)
{
    size_t i;
    bool ok = api[0] >= 'a' && api[0] <= 'z' && api[strlen(api) - 1] != '_';
    for (i = 1; ok && api[i]; i++)
        ok = (api[i] >= 'a' && api[i] <= 'z') || (api[i] >= '0' && api[i] <= '9') || api[i] == '_';
    if (!ok || strcmp(api, "specc") == 0 || strcmp(api, "speccp") == 0)
        return "--api wants lower-case letters, digits and '_', starting with a letter "
               "(not specc or speccp)";
    ok = type_name[0] >= 'A' && type_name[0] <= 'Z';
    for (i = 1; ok && type_name[i]; i++)
        ok = (type_name[i] >= 'a' && type_name[i] <= 'z') ||
             (type_name[i] >= 'A' && type_name[i] <= 'Z') ||
             (type_name[i] >= '0' && type_name[i] <= '9');
    if (!ok)
        return "--type wants an upper-case letter, then ASCII letters and digits";
    return NULL;
}

char *infer_draft(infer *in, const char *api, const char *type_name,
                  const char *const *sources, size_t count, size_t *warnings)
{
    names nm = {api, NULL, 0, 0, NULL, NULL};
    strbuf b = STRBUF_INIT;
    bool ok = infer_decide(in->root) && infer_names(&nm, in->root, type_name) &&
              infer_emit(&b, &nm, sources, count, warnings);
    infer_names_free(&nm);
    if (!ok) {
        strbuf_free(&b);
        return NULL;
    }
    return strbuf_steal(&b, NULL);
}
