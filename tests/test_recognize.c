/* Unit tests of entity recognition: each pattern family, acronym
 * learning, alias merging and the precision guards. */
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "helpers.h"
#include "util.h"

#define HAS(c, type, name) ck_assert_msg(th_entity(c, type, name) >= 0, "missing %s", name)
#define HASNT(c, name) ck_assert_msg(th_named(c, name) < 0, "unexpected %s", name)

START_TEST(head_words_type_names)
{
	ent_extractor *ex = th_extract(
		"Kenya hosted the Nairobi Digital Trade Summit. Parliament passed the Data "
		"Protection Law of Kenya. The Regional Broadband Commission met twice. The "
		"Open Learning Platform grew. Delegates toured Rift Valley Province.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	HAS(c, ENT_TYPE_EVENT, "Nairobi Digital Trade Summit");
	HAS(c, ENT_TYPE_AGREEMENT, "Data Protection Law of Kenya");
	HAS(c, ENT_TYPE_ORGANIZATION, "Regional Broadband Commission");
	HAS(c, ENT_TYPE_PROGRAM, "Open Learning Platform");
	HAS(c, ENT_TYPE_PLACE, "Rift Valley Province");
	HAS(c, ENT_TYPE_COUNTRY, "Kenya");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(ordinals_quotes_pairs)
{
	ent_extractor *ex = th_extract(
		"The 15th BRICS Summit and the Ninth Ocean Forum ended. Brazil ran the "
		"\xE2\x80\x9C" "Connected Schools" "\xE2\x80\x9D" " campaign and the "
		"\xE2\x80\x9C" "rural fibre platform" "\xE2\x80\x9D" ". The India-Brazil Space "
		"Dialogue Mechanism met, as did the Forum on China\xE2\x80\x93" "Africa Cooperation.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	HAS(c, ENT_TYPE_EVENT, "15th BRICS Summit");
	HAS(c, ENT_TYPE_EVENT, "Ninth Ocean Forum");
	HAS(c, ENT_TYPE_PROGRAM, "Connected Schools");
	HAS(c, ENT_TYPE_PROGRAM, "Connected Schools campaign");
	HAS(c, ENT_TYPE_PROGRAM, "rural fibre platform");
	HAS(c, ENT_TYPE_EVENT, "India-Brazil Space Dialogue Mechanism");
	HAS(c, ENT_TYPE_EVENT, "Forum on China\xE2\x80\x93" "Africa Cooperation");
	/* the summit is part of BRICS; the pair name makes partners */
	ck_assert(th_relation(c, "15th BRICS Summit", ENT_REL_PART_OF, "BRICS"));
	ck_assert(th_relation(c, "India", ENT_REL_COOPERATES_WITH, "Brazil"));
	ck_assert(th_relation(c, "China", ENT_REL_COOPERATES_WITH, "Africa"));
	ent_extractor_free(ex);
}
END_TEST

START_TEST(acronyms_are_learned)
{
	ent_extractor *ex = th_extract(
		"Chile founded the Pacific Data Exchange Council (PDEC) in 2019. Peru joined "
		"PDEC later. Delegates of the Third Congress of the Green Harbour Party (GHP) met. "
		"The GHP welcomed them.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	long k = th_entity(c, ENT_TYPE_ORGANIZATION, "PDEC");
	ck_assert_int_ge(k, 0);
	ck_assert_str_eq(c->entities[k].name, "Pacific Data Exchange Council");
	ck_assert_uint_ge(c->entities[k].mentions, 2);
	/* the acronym names the tail of the longer name */
	k = th_entity(c, ENT_TYPE_ORGANIZATION, "GHP");
	ck_assert_int_ge(k, 0);
	ck_assert_str_eq(c->entities[k].name, "Green Harbour Party");
	HAS(c, ENT_TYPE_EVENT, "Third Congress of the Green Harbour Party");
	ck_assert(th_relation(c, "Peru", ENT_REL_MEMBER_OF, "Pacific Data Exchange Council"));
	ent_extractor_free(ex);
}
END_TEST

START_TEST(aliases_merge)
{
	ent_extractor *ex = th_extract(
		"Ghana adopted the Cyber Resilience Act of the Republic of Ghana in 2021. "
		"The Cyber Resilience Act took effect in 2022. Ghana held two Ghana-Japan "
		"Digital Roundtables. The first Ghana-Japan Digital Roundtable was in Accra. "
		"Russia, officially the Russian Federation, sent observers.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	long k = th_entity(c, ENT_TYPE_AGREEMENT, "Cyber Resilience Act");
	ck_assert_int_ge(k, 0);
	ck_assert_int_eq(k, th_entity(c, ENT_TYPE_AGREEMENT,
				      "Cyber Resilience Act of the Republic of Ghana"));
	ck_assert_str_eq(c->entities[k].name, "Cyber Resilience Act of the Republic of Ghana");
	k = th_entity(c, ENT_TYPE_EVENT, "Ghana-Japan Digital Roundtable");
	ck_assert_int_ge(k, 0);
	ck_assert_int_eq(k, th_entity(c, ENT_TYPE_EVENT, "Ghana-Japan Digital Roundtables"));
	ck_assert_int_eq(th_entity(c, ENT_TYPE_COUNTRY, "Russia"),
			 th_entity(c, ENT_TYPE_COUNTRY, "Russian Federation"));
	ent_extractor_free(ex);
}
END_TEST

START_TEST(precision_guards)
{
	ent_extractor *ex = th_extract(
		"Building a Shared Future for All Nations\n\n"
		"The Party stressed that the Cold War mentality is outdated. Launching "
		"reforms, the government met General Secretary Amina Yusuf. Summit talks "
		"followed. Launching new programmes is a priority for the launching team.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	HASNT(c, "Party");
	HASNT(c, "The Party");
	HASNT(c, "Cold War");
	HASNT(c, "Shared Future for All Nations");
	HASNT(c, "General Secretary");
	HASNT(c, "Summit");
	long k = th_entity(c, ENT_TYPE_PERSON, "General Secretary Amina Yusuf");
	ck_assert_int_ge(k, 0);
	ck_assert_str_eq(c->entities[k].name, "Amina Yusuf");
	ck_assert_uint_eq(c->n_entities, 1);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(names_end_at_their_complement)
{
	ent_extractor *ex = th_extract(
		"Morocco hosted the Africa Internet Governance Forum in Rabat on June 4. "
		"The Memorandum of Understanding on Cooperation in Developing Smart Ports "
		"was signed by Morocco and Spain.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	HAS(c, ENT_TYPE_EVENT, "Africa Internet Governance Forum");
	HASNT(c, "Africa Internet Governance Forum in Rabat");
	HAS(c, ENT_TYPE_PLACE, "Rabat");
	HAS(c, ENT_TYPE_AGREEMENT,
	    "Memorandum of Understanding on Cooperation in Developing Smart Ports");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(entities_sorted_with_stable_keys)
{
	ent_extractor *ex = th_extract("Peru and Chile signed the Andes Water Accord with Bolivia.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	for (size_t i = 1; i < c->n_entities; i++) {
		const ent_entity *a = &c->entities[i - 1], *b = &c->entities[i];
		ck_assert(a->type < b->type || (a->type == b->type && strcmp(a->name, b->name) <= 0));
	}
	ck_assert_str_eq(c->entities[th_named(c, "Peru")].key, "PER");
	ck_assert_str_eq(c->entities[th_named(c, "Andes Water Accord")].key, "n:andes water accord");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(appositives_and_camel_case)
{
	ent_extractor *ex = th_extract(
		"Officials praised FarmLink, a mobile advisory service used by 2 million farmers. "
		"Clean Rivers Watch, an online monitoring platform, opened in 2021. Delegates "
		"met John McArthur and visited the BlueDot Centre for Research.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	HAS(c, ENT_TYPE_PROGRAM, "FarmLink");
	HAS(c, ENT_TYPE_PROGRAM, "Clean Rivers Watch");
	HASNT(c, "McArthur");
	HAS(c, ENT_TYPE_ORGANIZATION, "BlueDot Centre for Research");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(more_boundaries_and_merges)
{
	ent_extractor *ex = th_extract(
		"Prime Minister Fumio Kishida spoke. Later Prime Minister Kishida left. "
		"Experts joined the Ocean Institute of Coastal Networks. The Smart Grids and "
		"Storage Joint Undertaking and Japan's National Energy Institute met. The "
		"EU-Japan Strategic Dialogue between the High Representative and the minister "
		"resumed.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	long k = th_entity(c, ENT_TYPE_PERSON, "Prime Minister Kishida");
	ck_assert_int_ge(k, 0);
	ck_assert_str_eq(c->entities[k].name, "Fumio Kishida");
	HAS(c, ENT_TYPE_ORGANIZATION, "Ocean Institute of Coastal Networks");
	HAS(c, ENT_TYPE_ORGANIZATION, "National Energy Institute");
	HASNT(c, "Smart Grids and Storage Joint Undertaking and Japan's National Energy Institute");
	HAS(c, ENT_TYPE_EVENT, "EU-Japan Strategic Dialogue");
	ent_extractor_free(ex);
}
END_TEST

/* ---- the word cache: nothing of one document reaches the next ---- */

/* Everything a document's extraction gives, as one string. */
static char *doc_digest(const ent_document *d)
{
	ent_buf b;

	ent_buf_init(&b);
	for (size_t i = 0; i < d->corpus.n_entities; i++) {
		const ent_entity *e = &d->corpus.entities[i];
		ent_buf_printf(&b, "%d|%s|%s|%zu", (int)e->type, e->name, e->key, e->mentions);
		for (size_t k = 0; k < e->n_aliases; k++)
			ent_buf_printf(&b, "|%s", e->aliases[k]);
		ent_buf_addc(&b, '\n');
	}
	for (size_t i = 0; i < d->corpus.n_relations; i++) {
		const ent_relation *r = &d->corpus.relations[i];
		ent_buf_printf(&b, "%zu %zu %d %d %u %ld %s\n", r->subject, r->object, (int)r->rel,
			       r->year, r->flags, r->ev.line, r->ev.rule);
	}
	ent_buf_printf(&b, "%zu words\n", d->words);
	return ent_buf_detach(&b);
}

static char *digest_of(const ent_extractor *ex, const char *text)
{
	ent_document *d;
	ent_error err;
	char *s;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_extract_document(ex, "doc", text, strlen(text), &d, &err), ENT_OK);
	s = doc_digest(d);
	ent_document_free(d);
	return s;
}

START_TEST(word_cache_keeps_no_state)
{
	/* B opens with a capitalised word A writes in lower case: read alone,
	 * B's opening run is a name; A must not change that. A also teaches
	 * an acronym B uses. */
	const char *a = "Kenya was launching new plans with the Digital Corridor Programme "
			"(DCP). Officials kept launching them.";
	const char *b = "Launching Digital Corridor Programme was a success for Kenya.\n\n"
			"Kenya and Ghana signed the Accra Accord in 2020. The DCP grew.";
	ent_extractor *fresh = ent_extractor_new(), *used = ent_extractor_new();
	char *alone = digest_of(fresh, b), *s;
	ent_buf big;

	ck_assert_msg(strstr(alone, "Launching Digital Corridor Programme"),
		      "B alone should name its opening run: %s", alone);
	free(digest_of(used, a));
	s = digest_of(used, b);
	ck_assert_str_eq(s, alone);
	free(s);
	/* a document of more distinct words than a cache keeps empties it */
	ent_buf_init(&big);
	for (size_t i = 0; i < 140000; i++)
		ent_buf_printf(&big, "w%zu\n\n", i); /* short sentences: none is cut */
	ent_buf_adds(&big, "launching.");
	s = digest_of(used, big.data);
	ck_assert_msg(strstr(s, "140001 words"), "every word read: %s", s);
	free(s);
	s = digest_of(used, b);
	ck_assert_str_eq(s, alone);
	free(s);
	ent_buf_release(&big);
	free(alone);
	ent_extractor_free(fresh);
	ent_extractor_free(used);
}
END_TEST

Suite *suite_recognize(void)
{
	Suite *s = suite_create("recognize");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, head_words_type_names);
	tcase_add_test(tc, ordinals_quotes_pairs);
	tcase_add_test(tc, acronyms_are_learned);
	tcase_add_test(tc, aliases_merge);
	tcase_add_test(tc, precision_guards);
	tcase_add_test(tc, names_end_at_their_complement);
	tcase_add_test(tc, entities_sorted_with_stable_keys);
	tcase_add_test(tc, appositives_and_camel_case);
	tcase_add_test(tc, more_boundaries_and_merges);
	tcase_add_test(tc, word_cache_keeps_no_state);
	suite_add_tcase(s, tc);
	return s;
}
