/* Values built from nothing with the typed wrappers (issue 14): each case
 * validates, encodes to exactly its expected text, decodes back equal; the
 * GitHub body goes through github_create_repo_request; then misuse: each
 * refused call leaves the value as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_cases.h"
#include "github.h"
#include "read_file.h"
#include "llmstats.h"
#include "stripe.h"

static int failures;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #cond);                        \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

void step_before(void) {}

bool step_after(bool ok, const char *call)
{
    if (!ok)
        fprintf(stderr, "step failed: %s\n", call);
    return ok;
}

static void print_violation(const specc_error *e, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "  violation %s at %s: %s\n", specc_code_name(e->code), e->path, e->message);
}

/* The encoded text (specc_free it), or NULL. */
static char *encode(const specc_type *type, const void *value)
{
    specc_error err;
    char *text = specc_encode_text(type, value, NULL, &err);
    if (!text)
        fprintf(stderr, "encode %s: %s\n", type->name, err.message);
    return text;
}

static void check_roundtrip(const build_case *c, const void *built, const char *text)
{
    void *back = malloc(c->type->size);
    specc_error err;
    if (specc_decode_text(c->type, text, strlen(text), back, &err) != SPECC_OK) {
        fprintf(stderr, "%s: decode: %s at %s\n", c->name, err.message, err.path);
        failures++;
    } else {
        CHECK(specc_equal(c->type, built, back));
        specc_clear(c->type, back);
    }
    free(back);
}

static void run_case(const build_case *c)
{
    void *v = malloc(c->type->size);
    int before = failures;
    specc_init(c->type, v);
    CHECK(c->build(v) == 0);
    CHECK(specc_validate(c->type, v, print_violation, NULL) == 0);
    char *text = encode(c->type, v);
    CHECK(text != NULL);
    if (text && strcmp(text, c->expected) != 0) {
        fprintf(stderr, "%s: encoded\n  %s\nexpected\n  %s\n", c->name, text, c->expected);
        failures++;
    }
    if (text)
        check_roundtrip(c, v, text);
    specc_free(text);
    specc_clear(c->type, v);
    free(v);
    printf("%s %s\n", failures == before ? "ok" : "FAIL", c->name);
}

/* The GitHub body through the generated request builder. */
static void run_github_request(const build_case *c)
{
    github_create_repository_request_t body;
    specc_request req = {0};
    specc_error err;
    github_create_repository_request_init(&body);
    CHECK(c->build(&body) == 0);
    CHECK(github_create_repo_request(NULL, &body, &req, &err) == SPECC_OK);
    CHECK(req.method && strcmp(req.method, "POST") == 0);
    CHECK(req.target && strcmp(req.target, "/user/repos") == 0);
    CHECK(req.header_count == 0);
    CHECK(req.body && strcmp(req.body, c->expected) == 0 && req.body_len == strlen(c->expected));
    specc_request_clear(&req);
    github_create_repository_request_clear(&body);
    printf("ok github create_repo request\n");
}

/* ------------------------------------------------------------- misuse */

/* A refused call leaves `value` encoding as `before` did. */
static void check_unchanged(const specc_type *type, const void *value, const char *before)
{
    char *now = encode(type, value);
    CHECK(now && before && strcmp(now, before) == 0);
    if (now && before && strcmp(now, before) != 0)
        fprintf(stderr, "  before: %s\n  now:    %s\n", before, now);
    specc_free(now);
}

static void misuse_llmstats(void)
{
    llmstats_model_detail_t m;
    llmstats_model_detail_init(&m);
    CHECK(build_cases[0].build(&m) == 0); /* complete: it encodes */
    char *before = encode(&llmstats_model_detail_desc, &m);
    size_t open_weight = specc_field_index(&llmstats_model_detail_desc, "open_weight");
    size_t id = specc_field_index(&llmstats_model_detail_desc, "id");
    /* A field of another kind, through the runtime API. */
    CHECK(specc_field_set_string(&llmstats_model_detail_desc, &m, open_weight, "yes") ==
          SPECC_ERR_INVALID);
    CHECK(specc_field_append(&llmstats_model_detail_desc, &m, id) == NULL);
    CHECK(specc_field_put(&llmstats_model_detail_desc, &m, id, "k") == NULL);
    CHECK(specc_field_set_decimal(&llmstats_model_detail_desc, &m, id, "1.5") ==
          SPECC_ERR_INVALID);
    CHECK(specc_field_set_string(&llmstats_model_detail_desc, &m, 999, "x") == SPECC_ERR_INVALID);
    /* Text that is not UTF-8: a string, an item, a map key. */
    CHECK(llmstats_model_detail_set_id(&m, "bad \xff") == SPECC_ERR_FORMAT);
    CHECK(llmstats_model_detail_modalities_append(&m, "\xc3") == SPECC_ERR_FORMAT);
    CHECK(llmstats_model_detail_top_scores_put(&m, "\xed\xa0\x80") == NULL);
    /* SPECC_NULL on a field that is not nullable; on one that is, then back. */
    CHECK(llmstats_organization_ref_set_id_state(m.organization, SPECC_NULL) == SPECC_ERR_INVALID);
    CHECK(llmstats_model_detail_set_param_count_state(&m, SPECC_NULL) == SPECC_OK);
    CHECK(llmstats_model_detail_set_param_count_state(&m, SPECC_ABSENT) == SPECC_OK);
    check_unchanged(&llmstats_model_detail_desc, &m, before);
    specc_free(before);
    llmstats_model_detail_clear(&m);
}

static void misuse_github(void)
{
    github_create_repository_request_t r;
    github_create_repository_request_init(&r);
    CHECK(github_create_repository_request_set_name(&r, "x") == SPECC_OK);
    char *before = encode(&github_create_repository_request_desc, &r);
    /* description: optional, not nullable; and not set (a NULL string). */
    CHECK(github_create_repository_request_set_description_state(&r, SPECC_NULL) ==
          SPECC_ERR_INVALID);
    CHECK(github_create_repository_request_set_description_state(&r, SPECC_PRESENT) ==
          SPECC_ERR_INVALID);
    CHECK(github_create_repository_request_set_homepage(&r, "\x80") == SPECC_ERR_FORMAT);
    check_unchanged(&github_create_repository_request_desc, &r, before);
    CHECK(github_create_repository_request_validate(&r, NULL, NULL) == 0);
    /* The mismatch validate reports: PRESENT with no string. */
    r.description_state = SPECC_PRESENT;
    fprintf(stderr, "expected, a state/value mismatch:\n");
    CHECK(github_create_repository_request_validate(&r, print_violation, NULL) == 1);
    r.description_state = SPECC_ABSENT;
    specc_free(before);
    github_create_repository_request_clear(&r);
}

static void misuse_union(void)
{
    github_validation_error_item_t item;
    github_validation_error_item_init(&item);
    CHECK(github_validation_error_item_set_code(&item, "x") == SPECC_OK);
    char *before = encode(&github_validation_error_item_desc, &item);
    /* NONE is no variant; SPECC_PRESENT with no variant set is refused. */
    CHECK(github_validation_error_item_set_value(&item, GITHUB_VALIDATION_ERROR_ITEM_VALUE_NONE) ==
          NULL);
    CHECK(github_validation_error_item_set_value_state(&item, SPECC_PRESENT) == SPECC_ERR_INVALID);
    check_unchanged(&github_validation_error_item_desc, &item, before);
    specc_free(before);
    github_validation_error_item_clear(&item);
}

static bool keys_are(const stripe_customer_t *c, const char *a, const char *b, const char *d)
{
    const char *want[3] = {a, b, d};
    size_t n = d ? 3 : b ? 2 : a ? 1 : 0;
    if (c->metadata.count != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (strcmp(c->metadata.keys[i], want[i]) != 0)
            return false;
    return true;
}

static void misuse_stripe_map(void)
{
    stripe_customer_t c;
    stripe_customer_init(&c);
    CHECK(stripe_customer_metadata_get(&c, "a") == NULL);
    CHECK(!stripe_customer_metadata_remove(&c, "a"));
    CHECK(stripe_customer_metadata_put(&c, "a", "1") == SPECC_OK);
    CHECK(stripe_customer_metadata_put(&c, "b", "2") == SPECC_OK);
    CHECK(stripe_customer_metadata_put(&c, "c", "3") == SPECC_OK);
    CHECK(stripe_customer_metadata_put(&c, "b", "two") == SPECC_OK);
    CHECK(keys_are(&c, "a", "b", "c"));
    const char *b = stripe_customer_metadata_get(&c, "b");
    CHECK(b && strcmp(b, "two") == 0);
    CHECK(stripe_customer_metadata_get(&c, "missing") == NULL);
    CHECK(!stripe_customer_metadata_remove(&c, "missing"));
    CHECK(keys_are(&c, "a", "b", "c"));
    CHECK(stripe_customer_metadata_remove(&c, "a"));
    CHECK(keys_are(&c, "b", "c", NULL));
    CHECK(stripe_customer_metadata_put(&c, "\xfe", "x") == SPECC_ERR_FORMAT);
    CHECK(stripe_customer_metadata_put(&c, "d", "\xfe") == SPECC_ERR_FORMAT);
    CHECK(keys_are(&c, "b", "c", NULL));
    CHECK(stripe_customer_metadata_remove(&c, "c"));
    CHECK(stripe_customer_metadata_remove(&c, "b"));
    CHECK(keys_are(&c, NULL, NULL, NULL));
    stripe_customer_clear(&c);
}

static void run_misuse(void)
{
    int before = failures;
    misuse_llmstats();
    misuse_github();
    misuse_union();
    misuse_stripe_map();
    printf("%s misuse\n", failures == before ? "ok" : "FAIL");
}

/* The helpers change a decoded value as they build a new one: LLM Stats'
 * rw-inference sample, decoded, then renamed, its top_scores map given a
 * new key, a replaced one (order kept) and a removed one, a score
 * appended, family made null; it validates and encodes to what was done. */
static void change_decoded(void)
{
    size_t len;
    char *text = read_file(SPECC_SAMPLES "/llmstats/get_model.200.rw-inference.json", &len), *out;
    llmstats_model_detail_t m;
    llmstats_benchmark_score_t *s;
    double *x;
    specc_error err;
    int before = failures;

    CHECK(text && llmstats_model_detail_decode_text(text, len, &m, &err) == SPECC_OK);
    free(text);
    if (failures > before)
        return;
    CHECK(llmstats_model_detail_set_name(&m, "Claude 3.5 Sonnet (new)") == SPECC_OK);
    CHECK((x = llmstats_model_detail_top_scores_put(&m, "math")) && (*x = 71.5));
    CHECK((x = llmstats_model_detail_top_scores_put(&m, "coding")) && (*x = 94));
    CHECK(llmstats_model_detail_top_scores_remove(&m, "reasoning"));
    CHECK((x = llmstats_model_detail_top_scores_get(&m, "coding")) && *x == 94);
    CHECK((s = llmstats_model_detail_scores_append(&m)) &&
          llmstats_benchmark_score_set_benchmark_id(s, "gpqa") == SPECC_OK &&
          llmstats_benchmark_score_set_benchmark_name(s, "GPQA") == SPECC_OK &&
          llmstats_benchmark_score_set_score(s, 59.4) == SPECC_OK &&
          llmstats_benchmark_score_set_max_score(s, 100) == SPECC_OK &&
          llmstats_benchmark_score_set_scored_at(s, "2024-10-22T00:00:00Z") == SPECC_OK);
    CHECK(llmstats_model_detail_set_family_state(&m, SPECC_NULL) == SPECC_OK);
    CHECK(llmstats_model_detail_validate(&m, print_violation, NULL) == 0);
    out = encode(&llmstats_model_detail_desc, &m);
    CHECK(out && strstr(out, "\"name\":\"Claude 3.5 Sonnet (new)\""));
    CHECK(out && strstr(out, "\"top_scores\":{\"coding\":94,\"math\":71.5}"));
    CHECK(out && strstr(out, "\"benchmark_id\":\"gpqa\",\"benchmark_name\":\"GPQA\""));
    CHECK(out && strstr(out, "\"family\":null"));
    CHECK(m.scores.count == 2);
    specc_free(out);
    llmstats_model_detail_clear(&m);
    printf("%s a decoded value changed\n", failures == before ? "ok" : "FAIL");
}

int main(void)
{
    for (size_t i = 0; i < build_case_count; i++) {
        run_case(&build_cases[i]);
        if (build_cases[i].type == &github_create_repository_request_desc)
            run_github_request(&build_cases[i]);
    }
    run_misuse();
    change_decoded();
    if (failures) {
        fprintf(stderr, "%d failure(s)\n", failures);
        return 1;
    }
    return 0;
}
