/* test_decode_all.c — specc_decode_text_all: every problem of a payload in
 * one run, what is kept around them, and notes for undeclared keys. */
#include "check.h"

typedef struct report {
    violations problems, notes;
} report;

static void on_problem(const specc_error *e, void *ctx)
{
    collect(e, &((report *)ctx)->problems);
}

static void on_note(const specc_error *e, void *ctx)
{
    collect(e, &((report *)ctx)->notes);
}

static size_t decode_all(const specc_type *type, const char *text, void *out, report *r)
{
    specc_decode_report how = {on_problem, on_note, NULL};
    memset(r, 0, sizeof *r);
    how.ctx = r;
    return specc_decode_text_all(type, text, strlen(text), out, &how);
}

/* Four bad values in one object: each reported at its place, the rest kept. */
static void test_every_problem(void)
{
    const char *text = "{\"id\":\"7\",\"note\":null,\n \"maybe\":[1,\"x\",null,2],"
                       "\"refs\":{\"a\":7,\"b\":\"x\"},\"extra\":{\"n\":1e999}}";
    kitchen2_full_t f;
    report r;
    CHECK_INT(decode_all(&kitchen2_full_desc, text, &f, &r), 4);
    CHECK_INT(r.problems.count, 4);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_TYPE, "$.id", NULL);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_NULL, "$.note", NULL);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_TYPE, "$.maybe[1]", NULL);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_TYPE, "$.refs.a", NULL);
    CHECK_INT(r.problems.e[0].line, 1);
    CHECK_INT(r.problems.e[0].column, 7);
    CHECK_INT(r.problems.e[2].line, 2);
    CHECK_INT(r.notes.count, 1);
    CHECK_VIOLATION(&r.notes, SPECC_OK, "$.extra", "not in the spec; kept as an unknown field");
    /* What fits is kept: the bad item and entry are left out. */
    CHECK_INT(f.maybe.count, 3);
    CHECK_INT(f.refs.count, 1);
    if (f.refs.count == 1)
        CHECK_STR(f.refs.keys[0], "b");
    CHECK_INT(f.note_state, SPECC_ABSENT);
    CHECK_INT(f._unknown.count, 1);
    kitchen2_full_clear(&f);
}

/* Every missing required key, in every item, not only the first. */
static void test_every_missing(void)
{
    kitchen2_pet_list_t l;
    report r;
    CHECK_INT(decode_all(&kitchen2_pet_list_desc, "[{\"kind\":\"dog\"},7,{\"kind\":\"dog\"}]", &l,
                         &r),
              3);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_MISSING, "$[0].name", NULL);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_TYPE, "$[1]", NULL);
    CHECK_VIOLATION(&r.problems, SPECC_ERR_MISSING, "$[2].name", NULL);
    CHECK_INT(l.count, 2);
    kitchen2_pet_list_clear(&l);
}

/* Text that is not JSON: one problem, nothing decoded, even when a shape
 * error comes first. */
static void test_not_json(void)
{
    kitchen2_full_t f;
    report r;
    CHECK_INT(decode_all(&kitchen2_full_desc, "{\"id\":\"7\",\n\"note\": tru}", &f, &r), 1);
    CHECK_INT(r.problems.count, 1);
    CHECK_CODE(r.problems.e[0].code, SPECC_ERR_SYNTAX);
    CHECK_INT(r.problems.e[0].line, 2);
    CHECK_INT(f.id, 0);
    kitchen2_full_clear(&f);
}

/* No problem: the same value as specc_decode_text, and no report needed. */
static void test_same_as_decode(void)
{
    const char *text = "{\"id\":3,\"maybe\":[null,1],\"pets\":[{\"name\":\"Tom\"}]}";
    kitchen2_full_t a, b;
    CHECK_INT(specc_decode_text_all(&kitchen2_full_desc, text, strlen(text), &a, NULL), 0);
    if (CHECK_DECODES(&kitchen2_full_desc, text, &b)) {
        CHECK(specc_equal(&kitchen2_full_desc, &a, &b));
        kitchen2_full_clear(&b);
    }
    kitchen2_full_clear(&a);
    CHECK_INT(specc_decode_text_all(&kitchen2_full_desc, "[", 1, &a, NULL), 1);
    kitchen2_full_clear(&a);
}

int main(void)
{
    test_every_problem();
    test_every_missing();
    test_not_json();
    test_same_as_decode();
    CHECK_DONE();
}
