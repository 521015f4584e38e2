/* The builders: one value per case, from `_init`, with typed wrappers only
 * (openwebui's `params`, an `any` field, has none: a json_t is put in it).
 * Expected texts are what the builders must encode to, byte for byte. */
#include "build_cases.h"

#include "baseten.h"
#include "github.h"
#include "greenflash.h"
#include "llmstats.h"
#include "openwebui.h"
#include "respan.h"
#include "stripe.h"

/* ------------------------------------------------------------ llmstats */

static int llm_refs(llmstats_model_detail_t *m)
{
    llmstats_organization_ref_t *org;
    llmstats_license_ref_t *lic;
    llmstats_model_sources_t *src;
    llmstats_family_ref_t *fam;
    STEP_P(org, llmstats_model_detail_organization_new(m));
    STEP(llmstats_organization_ref_set_id(org, "openai"));
    STEP(llmstats_organization_ref_set_name(org, "OpenAI"));
    STEP_P(lic, llmstats_model_detail_license_new(m));
    STEP(llmstats_license_ref_set_id(lic, "proprietary"));
    STEP(llmstats_license_ref_set_allow_commercial(lic, true));
    STEP_P(src, llmstats_model_detail_sources_new(m));
    STEP(llmstats_model_sources_set_api_ref(src, "https://platform.openai.com/docs"));
    STEP(llmstats_model_sources_set_paper_state(src, SPECC_NULL));
    STEP_P(fam, llmstats_model_detail_family_new(m));
    STEP(llmstats_family_ref_set_id(fam, "gpt-4"));
    STEP(llmstats_model_detail_set_family_state(m, SPECC_NULL)); /* frees it again */
    return 0;
}

static int llm_lists(llmstats_model_detail_t *m)
{
    llmstats_provider_pricing_t *p;
    llmstats_benchmark_score_t *s;
    double *top;
    STEP(llmstats_model_detail_modalities_append(m, "text"));
    STEP(llmstats_model_detail_modalities_append(m, "image"));
    STEP_P(p, llmstats_model_detail_providers_append(m));
    STEP(llmstats_provider_pricing_set_provider_id(p, "openai"));
    STEP(llmstats_provider_pricing_set_provider_name(p, "OpenAI"));
    STEP(llmstats_provider_pricing_set_status(p, "active"));
    STEP(llmstats_provider_pricing_set_input_price_per_m(p, 2.5));
    STEP(llmstats_provider_pricing_set_output_price_per_m_state(p, SPECC_NULL));
    STEP_P(top, llmstats_model_detail_top_scores_put(m, "reasoning"));
    *top = 0.75;
    STEP_P(top, llmstats_model_detail_top_scores_put(m, "coding"));
    *top = 0.5;
    STEP_P(s, llmstats_model_detail_scores_append(m));
    STEP(llmstats_benchmark_score_set_benchmark_id(s, "mmlu"));
    STEP(llmstats_benchmark_score_set_benchmark_name(s, "MMLU"));
    STEP(llmstats_benchmark_score_set_score(s, 0.875));
    STEP(llmstats_benchmark_score_set_max_score(s, 1));
    STEP(llmstats_benchmark_score_set_is_self_reported(s, true));
    STEP(llmstats_benchmark_score_set_verified_by_llmstats(s, false));
    STEP(llmstats_benchmark_score_set_scored_at(s, "2025-01-02T03:04:05Z"));
    STEP(llmstats_benchmark_score_set_rank(s, 3));
    STEP(llmstats_benchmark_score_set_category_state(s, SPECC_NULL));
    return 0;
}

static int build_llmstats(void *value)
{
    llmstats_model_detail_t *m = value;
    STEP(llmstats_model_detail_set_id(m, "gpt-4o"));
    STEP(llmstats_model_detail_set_name(m, "GPT-4o"));
    STEP(llmstats_model_detail_set_description(m, "Omni model"));
    STEP(llmstats_model_detail_set_open_weight(m, false));
    STEP(llmstats_model_detail_set_model_type(m, "chat"));
    STEP(llmstats_model_detail_set_created_at(m, "2024-05-13T00:00:00Z"));
    STEP(llmstats_model_detail_set_updated_at(m, "2024-06-01T00:00:00Z"));
    STEP(llmstats_model_detail_set_source(m, "manual"));
    STEP(llmstats_model_detail_set_url(m, "https://llm-stats.com/models/gpt-4o"));
    STEP(llmstats_model_detail_set_context_window(m, 128000));
    STEP(llmstats_model_detail_set_release_date(m, "2024-05-13"));
    if (llm_refs(m) || llm_lists(m))
        return -1;
    return 0;
}

/* ----------------------------------------------------------- openwebui */

static int owu_parts(openwebui_model_t *m)
{
    openwebui_model_meta_t *meta;
    openwebui_access_grant_t *g;
    openwebui_model_user_t *u;
    STEP_P(meta, openwebui_model_meta_new(m));
    STEP(openwebui_model_meta_set_description(meta, "A helpful model"));
    STEP(openwebui_model_meta_set_profile_image_url_state(meta, SPECC_NULL));
    STEP_P(g, openwebui_model_access_grants_append(m));
    STEP(openwebui_access_grant_set_id(g, "g1"));
    STEP(openwebui_access_grant_set_permission(g, OPENWEBUI_ACCESS_GRANT_PERMISSION_WRITE));
    STEP(openwebui_access_grant_set_created_at(g, 1700000000));
    STEP_P(u, openwebui_model_user_new(m));
    STEP(openwebui_model_user_set_name(u, "Ada"));
    STEP(openwebui_model_user_set_email(u, "ada@example.com"));
    return 0;
}

static int build_openwebui(void *value)
{
    openwebui_model_t *m = value;
    STEP(openwebui_model_set_id(m, "llama3:8b"));
    STEP(openwebui_model_set_user_id(m, "u-1"));
    STEP(openwebui_model_set_base_model_id_state(m, SPECC_NULL));
    STEP(openwebui_model_set_name(m, "Llama 3"));
    STEP_P(m->params, json_object()); /* an `any` field: no wrapper */
    STEP(openwebui_model_set_is_active(m, true));
    STEP(openwebui_model_set_write_access_state(m, SPECC_NULL));
    STEP(openwebui_model_set_created_at(m, 1700000000));
    STEP(openwebui_model_set_updated_at(m, 1700000001));
    return owu_parts(m);
}

/* ---------------------------------------------------------- greenflash */

static int gf_nulls(greenflash_model_t *m)
{
    STEP(greenflash_model_set_description_state(m, SPECC_NULL));
    STEP(greenflash_model_set_output_cost_per1k_state(m, SPECC_NULL));
    STEP(greenflash_model_set_output_modalities_state(m, SPECC_NULL));
    STEP(greenflash_model_set_expiration_date_state(m, SPECC_NULL));
    STEP(greenflash_model_set_coding_index_state(m, SPECC_NULL));
    STEP(greenflash_model_set_math_index_state(m, SPECC_NULL));
    STEP(greenflash_model_set_mmlu_pro_state(m, SPECC_NULL));
    STEP(greenflash_model_set_gpqa_state(m, SPECC_NULL));
    STEP(greenflash_model_set_last_used_at_state(m, SPECC_NULL));
    return 0;
}

static int gf_lists(greenflash_model_t *m)
{
    greenflash_product_t *p;
    STEP(greenflash_model_input_modalities_append(m, "text"));
    STEP(greenflash_model_supported_parameters_append(m, "temperature"));
    STEP(greenflash_model_supported_parameters_append(m, "top_p"));
    STEP_P(p, greenflash_model_products_append(m));
    STEP(greenflash_product_set_id(p, "9b2f4c1e-6a43-4c0e-9d7a-2f1e8c3b5a60"));
    STEP(greenflash_product_set_name(p, "Support bot"));
    STEP(greenflash_product_set_icon_state(p, SPECC_NULL));
    STEP(greenflash_product_set_conversation_count(p, 12));
    return 0;
}

static int build_greenflash(void *value)
{
    greenflash_model_t *m = value;
    STEP(greenflash_model_set_id(m, "3f6c2a1b-8d4e-4f5a-9b6c-7d8e9f0a1b2c"));
    STEP(greenflash_model_set_canonical_id(m, "openai/gpt-4o"));
    STEP(greenflash_model_set_display_name(m, "GPT-4o"));
    STEP(greenflash_model_set_provider(m, "openai"));
    STEP(greenflash_model_set_family(m, "gpt-4"));
    STEP(greenflash_model_set_context_window(m, 128000));
    STEP(greenflash_model_set_input_cost_per1k(m, 0.0025));
    STEP(greenflash_model_set_source(m, "catalog"));
    STEP(greenflash_model_set_created_at(m, "2024-05-13T00:00:00Z"));
    STEP(greenflash_model_set_intelligence_index(m, 70.5));
    STEP(greenflash_model_set_usage_count(m, 42));
    if (gf_nulls(m) || gf_lists(m))
        return -1;
    return 0;
}

/* ------------------------------------------------------------- baseten */

static int build_baseten(void *value)
{
    baseten_model_api_t *m = value;
    baseten_rate_limit_t *r;
    baseten_model_api_org_details_t *org;
    STEP(baseten_model_api_set_name(m, "deepseek-v3"));
    STEP(baseten_model_api_set_display_name(m, "DeepSeek V3"));
    STEP(baseten_model_api_set_description(m, "A mixture of experts"));
    STEP(baseten_model_api_set_release_date(m, "2024-12-26"));
    STEP(baseten_model_api_set_invoke_url(m, "https://inference.baseten.co/v1"));
    STEP(baseten_model_api_set_context_length(m, 131072));
    STEP(baseten_model_api_set_cost_per_million_input_tokens(m, "0.10"));
    STEP(baseten_model_api_set_cost_per_million_output_tokens_double(m, 0.3));
    STEP_P(r, baseten_model_api_rate_limits_append(m));
    STEP(baseten_rate_limit_set_type(r, BASETEN_RATE_LIMIT_TYPE_TOKEN));
    STEP(baseten_rate_limit_set_unit(r, BASETEN_RATE_LIMIT_UNIT_MINUTE));
    STEP(baseten_rate_limit_set_threshold(r, 100000));
    STEP(baseten_model_api_set_model_family_state(m, SPECC_NULL));
    STEP_P(org, baseten_model_api_org_details_new(m));
    STEP(baseten_model_api_org_details_set_added_at(org, "2025-01-01T00:00:00Z"));
    STEP(baseten_model_api_org_details_set_last_used_at_state(org, SPECC_NULL));
    return 0;
}

/* -------------------------------------------------------------- respan */

static int build_respan(void *value)
{
    respan_model_t *m = value;
    respan_throughput_t *t;
    json_t **param;
    STEP(respan_model_set_id(m, "m-1"));
    STEP(respan_model_set_model_name(m, "gpt-4o"));
    STEP(respan_model_set_display_name(m, "GPT-4o"));
    STEP(respan_model_set_affiliation_category(m, RESPAN_MODEL_AFFILIATION_CATEGORY_RESPAN));
    STEP(respan_model_set_input_cost(m, "2.50"));
    STEP(respan_model_set_output_cost_double(m, 10));
    STEP(respan_model_set_source(m, RESPAN_MODEL_SOURCE_DB));
    STEP_P(param, respan_model_supported_params_put(m, "temperature"));
    *param = json_true(); /* a singleton: nothing allocated */
    STEP_P(t, respan_model_throughput_new(m));
    STEP(respan_throughput_set_average_tps(t, 80.5));
    STEP(respan_model_set_provider_state(m, SPECC_NULL));
    STEP(respan_model_set_created_at_state(m, SPECC_NULL));
    return 0;
}

/* -------------------------------------------------------------- github */

static int build_github(void *value)
{
    github_create_repository_request_t *r = value;
    STEP(github_create_repository_request_set_name(r, "hello-world"));
    STEP(github_create_repository_request_set_description(r, "My first repository"));
    STEP(github_create_repository_request_set_homepage(r, "https://example.com"));
    STEP(github_create_repository_request_set_private(r, true));
    STEP(github_create_repository_request_set_has_wiki(r, false));
    STEP(github_create_repository_request_set_auto_init(r, true));
    STEP(github_create_repository_request_set_gitignore_template(r, "C"));
    STEP(github_create_repository_request_set_license_template(r, "mit"));
    STEP(github_create_repository_request_set_squash_merge_commit_title(
        r, GITHUB_CREATE_REPOSITORY_REQUEST_SQUASH_MERGE_COMMIT_TITLE_PR_TITLE));
    return 0;
}

/* A union field: GitHub's ValidationError items, each `value` a variant
 * (the string variant's slot is filled with specc_string_set). */
#define STRING_VALUE GITHUB_VALIDATION_ERROR_ITEM_VALUE_STRING
#define INTEGER_VALUE GITHUB_VALIDATION_ERROR_ITEM_VALUE_INTEGER
static int gh_items(github_validation_error_t *e)
{
    github_validation_error_item_t *item;
    char **text;
    int64_t *n;
    STEP_P(item, github_validation_error_errors_append(e));
    STEP(github_validation_error_item_set_code(item, "missing_field"));
    STEP(github_validation_error_item_set_field(item, "name"));
    STEP_P(text, github_validation_error_item_set_value(item, STRING_VALUE));
    STEP(specc_string_set(text, "hello world"));
    STEP_P(item, github_validation_error_errors_append(e));
    STEP(github_validation_error_item_set_code(item, "invalid"));
    STEP_P(text, github_validation_error_item_set_value(item, STRING_VALUE));
    STEP(specc_string_set(text, "replaced below"));
    STEP_P(n, github_validation_error_item_set_value(item, INTEGER_VALUE));
    *n = 3;
    STEP_P(item, github_validation_error_errors_append(e));
    STEP(github_validation_error_item_set_code(item, "custom"));
    STEP(github_validation_error_item_set_value_state(item, SPECC_NULL));
    return 0;
}

static int build_github_error(void *value)
{
    github_validation_error_t *e = value;
    STEP(github_validation_error_set_message(e, "Validation Failed"));
    STEP(github_validation_error_set_documentation_url(e, "https://docs.github.com/rest"));
    return gh_items(e);
}

/* -------------------------------------------------------------- stripe */

static int build_stripe(void *value)
{
    stripe_customer_t *c = value;
    STEP(stripe_customer_set_id(c, "cus_123"));
    STEP(stripe_customer_set_object(c, "customer"));
    STEP(stripe_customer_set_created(c, 1700000000));
    STEP(stripe_customer_set_livemode(c, false));
    STEP(stripe_customer_metadata_put(c, "plan", "free"));
    STEP(stripe_customer_metadata_put(c, "team", "core"));
    STEP(stripe_customer_metadata_put(c, "plan", "pro")); /* replaces, in place */
    STEP(stripe_customer_metadata_put(c, "tmp", "x"));
    step_before();
    if (!step_after(stripe_customer_metadata_remove(c, "tmp"), "metadata_remove(tmp)"))
        return -1;
    return 0;
}

const build_case build_cases[] = {
    {"llmstats.ModelDetail", &llmstats_model_detail_desc, build_llmstats,
     "{\"id\":\"gpt-4o\",\"name\":\"GPT-4o\",\"description\":\"Omni model\",\"organization\":{\"id\":\"openai\","
     "\"name\":\"OpenAI\"},\"license\":{\"id\":\"proprietary\",\"allow_commercial\":true},"
     "\"open_weight\":false,\"model_type\":\"chat\",\"modalities\":[\"text\",\"image\"],"
     "\"providers\":[{\"provider_id\":\"openai\",\"provider_name\":\"OpenAI\",\"status\":\"active\","
     "\"input_price_per_m\":2.5,\"output_price_per_m\":null}],\"top_scores\":{\"reasoning\":0.75,"
     "\"coding\":0.5},\"created_at\":\"2024-05-13T00:00:00Z\",\"updated_at\":\"2024-06-01T00:00:00Z\","
     "\"source\":\"manual\",\"url\":\"https://llm-stats.com/models/gpt-4o\",\"scores\":[{\"benchmark_id\":\"mmlu\","
     "\"benchmark_name\":\"MMLU\",\"score\":0.875,\"max_score\":1,\"is_self_reported\":true,"
     "\"verified_by_llmstats\":false,\"scored_at\":\"2025-01-02T03:04:05Z\",\"category\":null,"
     "\"rank\":3}],\"sources\":{\"api_ref\":\"https://platform.openai.com/docs\",\"paper\":null},"
     "\"family\":null,\"context_window\":128000,\"release_date\":\"2024-05-13\"}"},
    {"openwebui.Model", &openwebui_model_desc, build_openwebui,
     "{\"id\":\"llama3:8b\",\"user_id\":\"u-1\",\"base_model_id\":null,\"name\":\"Llama 3\","
     "\"params\":{},\"meta\":{\"profile_image_url\":null,\"description\":\"A helpful model\"},"
     "\"access_grants\":[{\"id\":\"g1\",\"permission\":\"write\",\"created_at\":1700000000}],"
     "\"is_active\":true,\"write_access\":null,\"user\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"},"
     "\"created_at\":1700000000,\"updated_at\":1700000001}"},
    {"greenflash.Model", &greenflash_model_desc, build_greenflash,
     "{\"id\":\"3f6c2a1b-8d4e-4f5a-9b6c-7d8e9f0a1b2c\",\"canonicalId\":\"openai/gpt-4o\","
     "\"displayName\":\"GPT-4o\",\"provider\":\"openai\",\"family\":\"gpt-4\",\"description\":null,"
     "\"contextWindow\":128000,\"inputCostPer1k\":0.0025,\"outputCostPer1k\":null,\"inputModalities\":[\"text\"],"
     "\"outputModalities\":null,\"supportedParameters\":[\"temperature\",\"top_p\"],\"source\":\"catalog\","
     "\"createdAt\":\"2024-05-13T00:00:00Z\",\"expirationDate\":null,\"intelligenceIndex\":70.5,"
     "\"codingIndex\":null,\"mathIndex\":null,\"mmluPro\":null,\"gpqa\":null,\"usageCount\":42,"
     "\"lastUsedAt\":null,\"products\":[{\"id\":\"9b2f4c1e-6a43-4c0e-9d7a-2f1e8c3b5a60\","
     "\"name\":\"Support bot\",\"icon\":null,\"conversationCount\":12}]}"},
    {"baseten.ModelApi", &baseten_model_api_desc, build_baseten,
     "{\"name\":\"deepseek-v3\",\"display_name\":\"DeepSeek V3\",\"description\":\"A mixture of experts\","
     "\"release_date\":\"2024-12-26\",\"invoke_url\":\"https://inference.baseten.co/v1\","
     "\"context_length\":131072,\"cost_per_million_input_tokens\":0.10,\"cost_per_million_output_tokens\":0.3,"
     "\"rate_limits\":[{\"type\":\"TOKEN\",\"unit\":\"MINUTE\",\"threshold\":100000}],\"model_family\":null,"
     "\"org_details\":{\"added_at\":\"2025-01-01T00:00:00Z\",\"last_used_at\":null}}"},
    {"respan.Model", &respan_model_desc, build_respan,
     "{\"id\":\"m-1\",\"model_name\":\"gpt-4o\",\"display_name\":\"GPT-4o\",\"affiliation_category\":\"respan\","
     "\"input_cost\":2.50,\"output_cost\":10.0,\"source\":\"db\",\"supported_params\":{\"temperature\":true},"
     "\"throughput\":{\"average_tps\":80.5},\"provider\":null,\"created_at\":null}"},
    {"github.CreateRepositoryRequest", &github_create_repository_request_desc, build_github,
     "{\"name\":\"hello-world\",\"description\":\"My first repository\",\"homepage\":\"https://example.com\","
     "\"private\":true,\"has_wiki\":false,\"auto_init\":true,\"gitignore_template\":\"C\","
     "\"license_template\":\"mit\",\"squash_merge_commit_title\":\"PR_TITLE\"}"},
    {"github.ValidationError", &github_validation_error_desc, build_github_error,
     "{\"message\":\"Validation Failed\",\"documentation_url\":\"https://docs.github.com/rest\","
     "\"errors\":[{\"field\":\"name\",\"code\":\"missing_field\",\"value\":\"hello world\"},"
     "{\"code\":\"invalid\",\"value\":3},{\"code\":\"custom\",\"value\":null}]}"},
    {"stripe.Customer", &stripe_customer_desc, build_stripe,
     "{\"created\":1700000000,\"id\":\"cus_123\",\"livemode\":false,\"metadata\":{\"plan\":\"pro\","
     "\"team\":\"core\"},\"object\":\"customer\"}"},
};
const size_t build_case_count = sizeof build_cases / sizeof build_cases[0];
