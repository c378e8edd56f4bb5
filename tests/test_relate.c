/* Unit tests of the relation rules: each family with positive and
 * negative sentences. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "helpers.h"

#define REL(c, s, r, o) ck_assert_msg(th_relation(c, s, r, o), "missing %s %s %s", s, #r, o)
#define NOREL(c, s, r, o) ck_assert_msg(!th_relation(c, s, r, o), "unexpected %s %s %s", s, #r, o)

static const ent_relation *get(const ent_corpus *c, const char *s, ent_rel r, const char *o)
{
	size_t k = th_relation(c, s, r, o);
	ck_assert_msg(k > 0, "missing %s %s", s, o);
	return &c->relations[k - 1];
}

START_TEST(lists_and_joint_action)
{
	ent_extractor *ex = th_extract(
		"In March 2021, Brazil, India and South Africa jointly launched the Southern "
		"Data Initiative.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Brazil", ENT_REL_LAUNCHED, "Southern Data Initiative");
	REL(c, "India", ENT_REL_LAUNCHED, "Southern Data Initiative");
	REL(c, "South Africa", ENT_REL_LAUNCHED, "Southern Data Initiative");
	REL(c, "Brazil", ENT_REL_COOPERATES_WITH, "South Africa");
	REL(c, "India", ENT_REL_COOPERATES_WITH, "Brazil");
	const ent_relation *r = get(c, "India", ENT_REL_LAUNCHED, "Southern Data Initiative");
	ck_assert_int_eq(r->year, 2021);
	ck_assert_int_eq(r->ev.line, 1);
	ck_assert_str_eq(r->ev.doc, "test.txt");
	ck_assert_ptr_nonnull(strstr(r->ev.sentence, "jointly launched"));
	ent_extractor_free(ex);
}
END_TEST

START_TEST(comma_is_not_coordination)
{
	ent_extractor *ex = th_extract(
		"At the request of Chile, the Andean Council set up the Water Data Working Group.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Andean Council", ENT_REL_LAUNCHED, "Water Data Working Group");
	NOREL(c, "Chile", ENT_REL_COOPERATES_WITH, "Andean Council");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(passive_voice)
{
	ent_extractor *ex = th_extract(
		"The Lisbon Ocean Forum was hosted by Portugal and Kenya in 2022. The Blue "
		"Economy Charter was signed by Portugal.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Portugal", ENT_REL_HOSTED, "Lisbon Ocean Forum");
	REL(c, "Kenya", ENT_REL_HOSTED, "Lisbon Ocean Forum");
	REL(c, "Portugal", ENT_REL_COOPERATES_WITH, "Kenya");
	REL(c, "Portugal", ENT_REL_SIGNED, "Blue Economy Charter");
	NOREL(c, "Lisbon Ocean Forum", ENT_REL_HOSTED, "Portugal");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(negation_and_intention)
{
	ent_extractor *ex = th_extract(
		"Norway did not sign the Arctic Drilling Accord. Iceland will sign the Arctic "
		"Fisheries Accord. Norway does not cooperate with Iceland on whaling.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	NOREL(c, "Norway", ENT_REL_SIGNED, "Arctic Drilling Accord");
	NOREL(c, "Norway", ENT_REL_COOPERATES_WITH, "Iceland");
	const ent_relation *r = get(c, "Iceland", ENT_REL_SIGNED, "Arctic Fisheries Accord");
	ck_assert(r->flags & ENT_RELF_HEDGED);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(with_and_between)
{
	ent_extractor *ex = th_extract(
		"Vietnam deepened its cooperation with Laos and Cambodia. Cooperation between "
		"Egypt and Jordan grew. Peru held talks in Lima with officials.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Vietnam", ENT_REL_COOPERATES_WITH, "Laos");
	REL(c, "Vietnam", ENT_REL_COOPERATES_WITH, "Cambodia");
	REL(c, "Egypt", ENT_REL_COOPERATES_WITH, "Jordan");
	NOREL(c, "Laos", ENT_REL_COOPERATES_WITH, "Cambodia");
	NOREL(c, "Peru", ENT_REL_COOPERATES_WITH, "Lima");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(pair_names)
{
	ent_extractor *ex = th_extract(
		"Sino-Russian ties grew, and the EU-Japan Digital Partnership Council met. "
		"Franco-German talks followed.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "China", ENT_REL_COOPERATES_WITH, "Russia");
	REL(c, "France", ENT_REL_COOPERATES_WITH, "Germany");
	REL(c, "Japan", ENT_REL_COOPERATES_WITH, "European Union");
	/* adjectives are not mentions by name */
	ck_assert_uint_eq(c->entities[th_named(c, "China")].mentions, 0);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(co_host_from_pair_name)
{
	ent_extractor *ex = th_extract("Chile co-hosted the Chile-Peru Water Forum in 2019.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Chile", ENT_REL_HOSTED, "Chile-Peru Water Forum");
	REL(c, "Peru", ENT_REL_HOSTED, "Chile-Peru Water Forum");
	REL(c, "Chile", ENT_REL_COOPERATES_WITH, "Peru");
	ent_extractor_free(ex);
	/* a plain "hosted" names one host only */
	ex = th_extract("Chile hosted the Chile-Peru Water Forum in 2019.");
	c = ent_extractor_corpus(ex);
	NOREL(c, "Peru", ENT_REL_HOSTED, "Chile-Peru Water Forum");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(implicit_subject)
{
	ent_extractor *ex = th_extract(
		"Indonesia is an archipelago. Indonesia values trade. It has launched the "
		"Nusantara Cloud Platform. It has hosted the Jakarta Spice Forum.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	const ent_relation *r = get(c, "Indonesia", ENT_REL_LAUNCHED, "Nusantara Cloud Platform");
	ck_assert(r->flags & ENT_RELF_RESOLVED);
	REL(c, "Indonesia", ENT_REL_HOSTED, "Jakarta Spice Forum");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(membership_places_references)
{
	ent_extractor *ex = th_extract(
		"Chad joined 20 other AU members, including Niger, Mali and Ghana, to issue the "
		"Sahel Solar Declaration. The 5th Sahel Energy Summit was held in Niamey. The "
		"summit adopted the Niamey Grid Roadmap.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Niger", ENT_REL_MEMBER_OF, "African Union");
	REL(c, "Ghana", ENT_REL_MEMBER_OF, "African Union");
	REL(c, "Chad", ENT_REL_MEMBER_OF, "African Union");
	REL(c, "Chad", ENT_REL_LAUNCHED, "Sahel Solar Declaration");
	REL(c, "Mali", ENT_REL_LAUNCHED, "Sahel Solar Declaration");
	REL(c, "5th Sahel Energy Summit", ENT_REL_HELD_IN, "Niamey");
	REL(c, "5th Sahel Energy Summit", ENT_REL_ADOPTED, "Niamey Grid Roadmap");
	NOREL(c, "African Union", ENT_REL_LAUNCHED, "Sahel Solar Declaration");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(embedded_objects_are_not_objects)
{
	ent_extractor *ex = th_extract(
		"Mexico released its position paper on the 80th anniversary of the United Nations.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	NOREL(c, "Mexico", ENT_REL_LAUNCHED, "United Nations");
	ck_assert_uint_eq(c->n_relations, 0);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(explain_names_rule_and_flags)
{
	ent_extractor *ex = th_extract("Norway is a country. Norway likes forums. "
				       "It will host the Nordic Peace Forum in 2026.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_corpus_write(c, ENT_EXTRACT_EXPLAIN, f, &e), ENT_OK);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "Norway --hosted--> Nordic Peace Forum [2026] (hedged) "
					  "(subject resolved from context)\n    rule trigger, test.txt:1\n"));
	ck_assert_ptr_nonnull(strstr(buf, "1 relations\n"));
	free(buf);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(event_named_after_city)
{
	ent_extractor *ex = th_extract("Leaders met at the G20 New Delhi Summit. Youth joined "
				       "the Road to Lima Contest.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "G20 New Delhi Summit", ENT_REL_HELD_IN, "New Delhi");
	NOREL(c, "Road to Lima Contest", ENT_REL_HELD_IN, "Lima");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(subject_with_acronym_in_relative_clause)
{
	ent_extractor *ex = th_extract(
		"Officials praised PayNet, which the National Clearing Authority of Ghana (NCAG) "
		"launched in 2016.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "National Clearing Authority of Ghana", ENT_REL_LAUNCHED, "PayNet");
	NOREL(c, "Ghana", ENT_REL_LAUNCHED, "PayNet");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(treaty_refers_to_itself_and_its_parties)
{
	ent_extractor *ex = th_extract(
		"Memorandum of Understanding between the Government of Chile and the Government "
		"of Peru on Water Data\n\n"
		"The Government of Chile and the Government of Peru (the Parties) have agreed as "
		"follows.\n\n"
		"The Parties hereby establish the Joint Committee on Water Data.\n\n"
		"This MoU shall enter into force on signature.\n\n"
		"For the Government of Chile\nAna Torres Vidal\nMinister of Public Works\n\n"
		"For the Government of Peru\nLuis Quispe Mamani\nMinister of Agriculture\n");
	const ent_corpus *c = ent_extractor_corpus(ex);
	const char *mou = "Memorandum of Understanding between the Government of Chile and "
			  "the Government of Peru on Water Data";
	REL(c, "Chile", ENT_REL_LAUNCHED, "Joint Committee on Water Data");
	REL(c, "Peru", ENT_REL_LAUNCHED, "Joint Committee on Water Data");
	REL(c, "Chile", ENT_REL_SIGNED, mou);
	REL(c, "Peru", ENT_REL_SIGNED, mou);
	REL(c, "Ana Torres Vidal", ENT_REL_SIGNED, mou);
	REL(c, "Luis Quispe Mamani", ENT_REL_SIGNED, mou);
	REL(c, "Chile", ENT_REL_COOPERATES_WITH, "Peru");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(two_sides_only_when_recent)
{
	ent_extractor *ex = th_extract(
		"Chile and Peru met in Lima. The two sides signed the Andes Water Accord. "
		"Brazil likes rivers. Brazil likes lakes. Brazil likes seas. Brazil likes rain. "
		"The two sides later signed the Pacific Fish Accord.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	REL(c, "Chile", ENT_REL_SIGNED, "Andes Water Accord");
	REL(c, "Peru", ENT_REL_SIGNED, "Andes Water Accord");
	NOREL(c, "Chile", ENT_REL_SIGNED, "Pacific Fish Accord");
	ent_extractor_free(ex);
}
END_TEST

START_TEST(paragraph_leading_year)
{
	ent_extractor *ex = th_extract(
		"In May 2019, Chile hosted the Santiago Data Forum. Peru signed the Andes "
		"Cloud Accord.\n\nBolivia signed the Lake Titicaca Accord.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	ck_assert_int_eq(c->relations[th_relation(c, "Peru", ENT_REL_SIGNED, "Andes Cloud Accord") - 1].year,
			 2019);
	/* a new paragraph does not inherit it */
	ck_assert_int_eq(c->relations[th_relation(c, "Bolivia", ENT_REL_SIGNED,
						  "Lake Titicaca Accord") - 1].year, 0);
	ent_extractor_free(ex);
}
END_TEST

Suite *suite_relate(void)
{
	Suite *s = suite_create("relate");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, lists_and_joint_action);
	tcase_add_test(tc, comma_is_not_coordination);
	tcase_add_test(tc, passive_voice);
	tcase_add_test(tc, negation_and_intention);
	tcase_add_test(tc, with_and_between);
	tcase_add_test(tc, pair_names);
	tcase_add_test(tc, implicit_subject);
	tcase_add_test(tc, co_host_from_pair_name);
	tcase_add_test(tc, explain_names_rule_and_flags);
	tcase_add_test(tc, event_named_after_city);
	tcase_add_test(tc, subject_with_acronym_in_relative_clause);
	tcase_add_test(tc, treaty_refers_to_itself_and_its_parties);
	tcase_add_test(tc, two_sides_only_when_recent);
	tcase_add_test(tc, paragraph_leading_year);
	tcase_add_test(tc, membership_places_references);
	tcase_add_test(tc, embedded_objects_are_not_objects);
	suite_add_tcase(s, tc);
	return s;
}
