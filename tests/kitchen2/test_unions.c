/* test_unions.c — oneOf: by JSON kind (PetRef: an id or a Cat), by a
 * discriminator with const tags and a default (Pet), by a boolean with a
 * mapping, open (Deleted); inline in a field (Full.owner, nullable). */
#include "check.h"

static void test_by_kind(void)
{
    kitchen2_pet_ref_t r;
    if (CHECK_DECODES(&kitchen2_pet_ref_desc, "\"cat_1\"", &r)) {
        CHECK_INT(r.kind, KITCHEN2_PET_REF_STRING);
        CHECK_STR(r.as.string, "cat_1");
        CHECK_ENCODES(&kitchen2_pet_ref_desc, &r, "\"cat_1\"");
        kitchen2_pet_ref_clear(&r);
    }
    if (CHECK_DECODES(&kitchen2_pet_ref_desc, "{\"name\":\"Tom\",\"lives\":7}", &r)) {
        CHECK_INT(r.kind, KITCHEN2_PET_REF_CAT);
        CHECK(r.as.cat && strcmp(r.as.cat->name, "Tom") == 0 && r.as.cat->lives == 7);
        CHECK_ENCODES(&kitchen2_pet_ref_desc, &r, "{\"name\":\"Tom\",\"lives\":7}");
        kitchen2_pet_ref_clear(&r);
        CHECK_INT(r.kind, KITCHEN2_PET_REF_NONE);
    }
    CHECK_DECODE_FAILS(&kitchen2_pet_ref_desc, "7", SPECC_ERR_TYPE, "$",
                       "expected string or object (Cat), got number 7");
    /* Inside the chosen variant, paths go on. */
    CHECK_DECODE_FAILS(&kitchen2_pet_ref_desc, "{\"name\":5}", SPECC_ERR_TYPE, "$.name",
                       "expected string, got number 5");
    CHECK_DECODE_FAILS(&kitchen2_pet_ref_desc, "{\"name\":\"Tom\",\"lives\":2147483648}",
                       SPECC_ERR_RANGE, "$.lives", NULL);
    /* A value's constraints are validate's: lives is at most 9. */
    if (CHECK_DECODES(&kitchen2_pet_ref_desc, "{\"name\":\"Tom\",\"lives\":10}", &r)) {
        violations v;
        VALIDATE(&kitchen2_pet_ref_desc, &r, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_MAXIMUM, "$.lives", NULL);
        kitchen2_pet_ref_clear(&r);
    }
}

static void test_discriminator(void)
{
    kitchen2_pet_t p;
    if (CHECK_DECODES(&kitchen2_pet_desc, "{\"name\":\"Rex\",\"kind\":\"dog\",\"tricks\":[\"sit\",\"fetch\"]}", &p)) {
        CHECK_INT(p.kind, KITCHEN2_PET_DOG);
        CHECK(p.as.dog && p.as.dog->tricks.count == 2);
        if (p.as.dog && p.as.dog->tricks.count == 2) {
            CHECK_INT(p.as.dog->tricks.items[0].value, KITCHEN2_DOG_TRICKS_ITEM_SIT);
            CHECK_INT(p.as.dog->tricks.items[1].value, KITCHEN2_DOG_TRICKS_ITEM__OTHER);
            CHECK_STR(p.as.dog->tricks.items[1].other, "fetch"); /* an open enum item keeps its text */
        }
        CHECK_ENCODES(&kitchen2_pet_desc, &p,
                      "{\"kind\":\"dog\",\"name\":\"Rex\",\"tricks\":[\"sit\",\"fetch\"]}");
        kitchen2_pet_clear(&p);
    }
    /* No `kind`: the default variant, Cat. */
    if (CHECK_DECODES(&kitchen2_pet_desc, "{\"name\":\"Tom\"}", &p)) {
        CHECK_INT(p.kind, KITCHEN2_PET_CAT);
        kitchen2_pet_clear(&p);
    }
    CHECK_DECODE_FAILS(&kitchen2_pet_desc, "{\"kind\":\"bird\",\"name\":\"Tweety\"}", SPECC_ERR_ENUM,
                       "$.kind", NULL);
    CHECK_DECODE_FAILS(&kitchen2_pet_desc, "[]", SPECC_ERR_TYPE, "$", NULL);
    CHECK_DECODE_FAILS(&kitchen2_pet_desc, "{\"kind\":\"dog\",\"kind\":\"cat\",\"name\":\"x\"}",
                       SPECC_ERR_DUPLICATE_KEY, "$.kind", NULL);
}

/* With a discriminator, a value that is not an object goes by its kind. */
static void test_discriminator_and_kind(void)
{
    kitchen2_pet_or_id_t p;
    if (CHECK_DECODES(&kitchen2_pet_or_id_desc, "\"pet_7\"", &p)) {
        CHECK_INT(p.kind, KITCHEN2_PET_OR_ID_STRING);
        CHECK_STR(p.as.string, "pet_7");
        CHECK_ENCODES(&kitchen2_pet_or_id_desc, &p, "\"pet_7\"");
        kitchen2_pet_or_id_clear(&p);
    }
    if (CHECK_DECODES(&kitchen2_pet_or_id_desc, "{\"kind\":\"dog\",\"name\":\"Rex\"}", &p)) {
        CHECK_INT(p.kind, KITCHEN2_PET_OR_ID_DOG);
        kitchen2_pet_or_id_clear(&p);
    }
    if (CHECK_DECODES(&kitchen2_pet_or_id_desc, "{\"name\":\"Tom\"}", &p)) {
        CHECK_INT(p.kind, KITCHEN2_PET_OR_ID_CAT);
        kitchen2_pet_or_id_clear(&p);
    }
    CHECK_DECODE_FAILS(&kitchen2_pet_or_id_desc, "7", SPECC_ERR_TYPE, "$", NULL);
    CHECK_DECODE_FAILS(&kitchen2_pet_or_id_desc, "{\"kind\":\"cow\",\"name\":\"x\"}",
                       SPECC_ERR_ENUM, "$.kind", NULL);
    /* Open: an unmapped object is kept; a non-object still goes by its kind,
     * and validate knows it (hand-built `other` text that decodes as a
     * variant is reported). */
    {
        kitchen2_open_pet_or_id_t o;
        violations v;
        if (CHECK_DECODES(&kitchen2_open_pet_or_id_desc, "{\"kind\":\"cow\"}", &o)) {
            CHECK_INT(o.kind, KITCHEN2_OPEN_PET_OR_ID__OTHER);
            kitchen2_open_pet_or_id_clear(&o);
        }
        CHECK_DECODE_FAILS(&kitchen2_open_pet_or_id_desc, "7", SPECC_ERR_TYPE, "$", NULL);
        kitchen2_open_pet_or_id_init(&o);
        o.kind = KITCHEN2_OPEN_PET_OR_ID__OTHER;
        o.other = specc_alloc(8);
        if (o.other) {
            memcpy(o.other, "\"id_1\"", 7);
            VALIDATE(&kitchen2_open_pet_or_id_desc, &o, &v, 1);
            CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$", "'other' text \"id_1\" would decode as string");
        }
        kitchen2_open_pet_or_id_clear(&o);
    }
}

static void test_boolean_mapping_open(void)
{
    kitchen2_deleted_t d;
    if (CHECK_DECODES(&kitchen2_deleted_desc, "{\"id\":\"cus_1\",\"deleted\":true}", &d)) {
        CHECK_INT(d.kind, KITCHEN2_DELETED_GONE);
        CHECK(d.as.gone && d.as.gone->deleted);
        kitchen2_deleted_clear(&d);
    }
    if (CHECK_DECODES(&kitchen2_deleted_desc, "{\"id\":\"cus_1\",\"email\":\"a@example.com\"}", &d)) {
        CHECK_INT(d.kind, KITCHEN2_DELETED_ACCOUNT);
        kitchen2_deleted_clear(&d);
    }
    /* Open: an unmapped value is kept as sent, and written back so. */
    if (CHECK_DECODES(&kitchen2_deleted_desc, "{\"id\":\"x\",\"deleted\":\"soon\", \"n\":1.0E+2}", &d)) {
        CHECK_INT(d.kind, KITCHEN2_DELETED__OTHER);
        CHECK_STR(d.other, "{\"id\":\"x\",\"deleted\":\"soon\", \"n\":1.0E+2}");
        CHECK_ENCODES(&kitchen2_deleted_desc, &d, "{\"id\":\"x\",\"deleted\":\"soon\", \"n\":1.0E+2}");
        kitchen2_deleted_clear(&d);
    }
}

static void test_inline_field(void)
{
    kitchen2_full_t f;
    if (CHECK_DECODES(&kitchen2_full_desc, "{\"id\":1,\"owner\":null}", &f)) {
        CHECK_INT(f.owner_state, SPECC_NULL);
        CHECK_ENCODES(&kitchen2_full_desc, &f, "{\"id\":1,\"owner\":null}");
        kitchen2_full_clear(&f);
    }
    if (CHECK_DECODES(&kitchen2_full_desc, "{\"id\":1,\"owner\":{\"id\":\"acct\"}}", &f)) {
        CHECK_INT(f.owner_state, SPECC_PRESENT);
        CHECK_INT(f.owner.kind, KITCHEN2_FULL_OWNER_ACCOUNT);
        CHECK(f.owner.as.account && strcmp(f.owner.as.account->id, "acct") == 0);
        kitchen2_full_clear(&f);
    }
    if (CHECK_DECODES(&kitchen2_full_desc, "{\"id\":1}", &f)) {
        CHECK_INT(f.owner_state, SPECC_ABSENT);
        kitchen2_full_clear(&f);
    }
    CHECK_DECODE_FAILS(&kitchen2_full_desc, "{\"id\":1,\"owner\":[1]}", SPECC_ERR_TYPE, "$.owner",
                       "expected string or object (Account), got array");
}

/* The look-ahead for a discriminator scans the whole object; it must not
 * change which error of the text is reported: the first in the text, as a
 * plain scan finds it (here the repeated key, before the broken member). */
static void test_lookahead_error_order(void)
{
    CHECK_DECODE_FAILS(&kitchen2_pet_desc, "{\"name\":\"a\",\"name\":\"b\",\"x\"}",
                       SPECC_ERR_DUPLICATE_KEY, "$.name", NULL);
    CHECK_DECODE_FAILS(&kitchen2_pet_desc, "{\"name\":\"a\",\"x\" 1}", SPECC_ERR_SYNTAX, "$.x",
                       NULL);
}

int main(void)
{
    test_lookahead_error_order();
    test_by_kind();
    test_discriminator();
    test_discriminator_and_kind();
    test_boolean_mapping_open();
    test_inline_field();
    CHECK_DONE();
}
