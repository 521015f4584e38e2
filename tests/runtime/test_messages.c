/*
 * test_messages.c — the longest messages the runtime writes fit in
 * SPECC_MESSAGE_MAX whole: a closed enum of long values, each of control
 * characters (6 bytes each when escaped), against such a value; a
 * discriminator of surrogate-pair escapes (12 bytes a character) against
 * tags of the same; a const of those against a string of control
 * characters. Each message must be valid UTF-8, end as it should (not cut
 * by the buffer) and show its values cut with an ellipsis.
 */
#include "demo_types.h" /* CHECK, failures */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELLIPSIS "\xe2\x80\xa6"
#define CHARS 65 /* one more than a message shows */

/* The message is whole: shorter than the buffer, UTF-8, ending in `tail`. */
static void check_whole(const specc_error *e, const char *tail)
{
    size_t len = strlen(e->message), tl = strlen(tail);
    printf("%zu bytes: %.120s...\n", len, e->message);
    CHECK(len + 1 < SPECC_MESSAGE_MAX);
    CHECK(len >= tl && strcmp(e->message + len - tl, tail) == 0);
    CHECK(strstr(e->message, ELLIPSIS) != NULL);
}

/* n copies of s, NUL-terminated, between `pre` and `post`. */
static char *repeat(const char *pre, const char *s, size_t n, const char *post)
{
    size_t k = strlen(s), i;
    char *out = malloc(strlen(pre) + n * k + strlen(post) + 1);
    if (!out)
        exit(2);
    strcpy(out, pre);
    for (i = 0; i < n; i++)
        strcat(out, s);
    strcat(out, post);
    return out;
}

typedef struct t_enum {
    int value;
} t_enum_t;

/* A closed enum of 100 values of 65 control characters each. */
static void test_enum(void)
{
    const char *names[100];
    char *name = repeat("", "\x01", CHARS, ""), *text = repeat("{\"v\":\"", "\\u0002", CHARS, "\"}");
    specc_field field = {.name = "v", .name_len = 1, .offset = 0,
                         .shape = {.kind = SPECC_KIND_ENUM, .enum_names = names,
                                   .enum_count = 100}};
    specc_type type = {.name = "E", .size = sizeof(t_enum_t), .fields = &field, .field_count = 1,
                       .unknown = SPECC_UNKNOWN_IGNORE};
    t_enum_t v;
    specc_error e;
    size_t i;
    for (i = 0; i < 100; i++)
        names[i] = name;
    CHECK(specc_decode_text(&type, text, strlen(text), &v, &e) == SPECC_ERR_ENUM);
    check_whole(&e, "\\u0002" ELLIPSIS "\"");
    CHECK(strncmp(e.message, "expected one of 100 values (\"\\u0001", 35) == 0);
    free(name);
    free(text);
}

typedef struct t_obj {
    char *kind;
} t_obj_t;
typedef struct t_pick {
    int kind;
    union {
        t_obj_t *obj;
    } as;
} t_pick_t;

/* A discriminator of 65 surrogate pairs against 40 tags of 3 (a list as
 * long as a summary may be). */
static void test_tag(void)
{
    specc_field field = {.name = "kind", .name_len = 4, .offset = 0,
                         .shape = {.kind = SPECC_KIND_STRING}};
    specc_type obj = {.name = "Obj", .size = sizeof(t_obj_t), .fields = &field, .field_count = 1,
                      .unknown = SPECC_UNKNOWN_IGNORE};
    char *tag = repeat("\"", "\\ud83d\\ude00", 3, "\""); /* fill the list */
    char *text = repeat("{\"kind\":\"", "\\udbff\\udfff", CHARS, "\"}");
    specc_variant variants[40];
    specc_union u = {.name = "Pick", .kind_offset = offsetof(t_pick_t, kind),
                     .value_offset = offsetof(t_pick_t, as), .variants = variants,
                     .variant_count = 40, .discriminator = "kind", .discriminator_len = 4,
                     .size = sizeof(t_pick_t)};
    specc_shape shape = {.kind = SPECC_KIND_UNION, .union_ = &u};
    specc_type type = {.name = "Pick", .size = sizeof(t_pick_t), .kind = SPECC_TYPE_VALUE,
                       .value = &shape};
    t_pick_t v;
    specc_error e;
    size_t i;
    for (i = 0; i < 40; i++) {
        specc_variant one = {.name = "Obj", .shape = {.kind = SPECC_KIND_OBJECT, .type = &obj},
                             .tag = tag, .tag_len = strlen(tag)};
        variants[i] = one;
    }
    CHECK(specc_decode_text(&type, text, strlen(text), &v, &e) == SPECC_ERR_ENUM);
    check_whole(&e, "\\udbff\\udfff" ELLIPSIS "\"");
    free(tag);
    free(text);
}

typedef struct t_const {
    char *s;
} t_const_t;

static void copy_error(const specc_error *error, void *ctx)
{
    *(specc_error *)ctx = *error;
}

/* A const of 65 surrogate pairs against 65 control characters. */
static void test_const(void)
{
    char *want = repeat("\"", "\\ud83d\\ude00", CHARS, "\"");
    char *got = repeat("", "\x03", CHARS, "");
    specc_field field = {.name = "s", .name_len = 1, .flags = SPECC_F_REQUIRED, .offset = 0,
                         .shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_CONST,
                                   .const_json = want}};
    specc_type type = {.name = "C", .size = sizeof(t_const_t), .fields = &field,
                       .field_count = 1, .unknown = SPECC_UNKNOWN_IGNORE};
    t_const_t v = {got};
    specc_error last;
    size_t count;
    memset(&last, 0, sizeof last);
    count = specc_validate(&type, &v, NULL, NULL);
    CHECK(count == 1);
    CHECK(specc_validate(&type, &v, copy_error, &last) == 1);
    check_whole(&last, "\\u0003" ELLIPSIS "\"");
    free(want);
    free(got);
}

int main(void)
{
    test_enum();
    test_tag();
    test_const();
    if (failures)
        printf("%d failures\n", failures);
    return failures ? 1 : 0;
}
