/* Unit tests of phrase tables, gazetteers and lexicons, and of the
 * built-in tables' coverage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"
#include "helpers.h"
#include "../extract/internal.h"

static size_t tokens(const char *t, ent_token **toks)
{
	size_t n = 0, cap = 0;
	*toks = NULL;
	ent_tokenize(t, 0, strlen(t), toks, &n, &cap, 1000);
	return n;
}

START_TEST(phrases_longest_match)
{
	ent_phrases p;
	ent_token *toks;
	size_t v = 99;
	const char *t = "the United States of America and the United Kingdom";

	ent_phrases_init(&p, 0);
	ent_phrases_add(&p, "United States", 1);
	ent_phrases_add(&p, "United States of America", 2);
	ent_phrases_add(&p, "United Kingdom", 3);
	size_t n = tokens(t, &toks);
	ck_assert_uint_eq(ent_phrases_match(&p, t, toks, 1, n, &v), 4);
	ck_assert_uint_eq(v, 2);
	ck_assert_uint_eq(ent_phrases_match(&p, t, toks, 0, n, &v), 0);
	ck_assert_uint_eq(ent_phrases_match(&p, t, toks, 7, n, &v), 2);
	ck_assert_uint_eq(v, 3);
	/* a bound shorter than the phrase stops the match */
	ck_assert_uint_eq(ent_phrases_match(&p, t, toks, 1, 3, &v), 2);
	ck_assert_uint_eq(v, 1);
	free(toks);
	ent_phrases_release(&p);
}
END_TEST

START_TEST(phrases_fold_and_quotes)
{
	ent_phrases p;
	ent_token *toks;
	size_t v;
	const char *t = "They Took Part In the People\xE2\x80\x99s Congress";

	ent_phrases_init(&p, 1);
	ent_phrases_add(&p, "took part in", 7);
	ent_phrases_add(&p, "people's congress", 8);
	size_t n = tokens(t, &toks);
	ck_assert_uint_eq(ent_phrases_match(&p, t, toks, 1, n, &v), 3);
	ck_assert_uint_eq(v, 7);
	ck_assert_uint_eq(ent_phrases_match(&p, t, toks, 5, n, &v), 3);
	ck_assert_uint_eq(v, 8);
	free(toks);
	ent_phrases_release(&p);
}
END_TEST

/* Numbered tokens walk the tries by id; they must find exactly what the
 * keys find. */
static void same_by_ids_and_keys(const ent_phrases *p, const char *t, const ent_token *toks,
				 size_t n)
{
	ent_token *plain = malloc(n * sizeof(*plain));

	for (size_t i = 0; i < n; i++) {
		plain[i] = toks[i];
		plain[i].flags &= ~(uint32_t)ENT_TK_IDS;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t end = i; end <= n; end++) {
			size_t v1 = 0, v2 = 0, l1 = ent_phrases_match(p, t, toks, i, end, &v1);
			size_t l2 = ent_phrases_match(p, t, plain, i, end, &v2);
			ck_assert_msg(l1 == l2 && (!l1 || v1 == v2),
				      "token %zu..%zu: %zu (%zu) by id, %zu (%zu) by key", i, end,
				      l1, v1, l2, v2);
		}
	free(plain);
}

START_TEST(phrases_by_word_ids)
{
	const char *t = "The China-ASEAN Expo, the China - ASEAN forum, the People\xE2\x80\x99s "
			"Congress and the people's congress TOOK PART IN talks on the United "
			"States of America.";
	ent_vocab v;
	ent_phrases exact, fold, doc;
	ent_words *w = ent_words_new();
	ent_token *toks;
	size_t n, val;

	ent_words_begin(w); /* a document starts */
	ent_vocab_init(&v);
	ent_phrases_init_shared(&exact, 0, &v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&fold, 1, &v, ENT_IDS_FOLD);
	ent_phrases_init_shared(&doc, 0, &w->v, ENT_IDS_DOC);
	ent_phrases_add(&exact, "China-ASEAN", 1);
	ent_phrases_add(&exact, "China-ASEAN Expo", 2);
	ent_phrases_add(&exact, "People's Congress", 3);
	ent_phrases_add(&exact, "United States", 4);
	ent_phrases_add(&exact, "United States of America", 5);
	ent_phrases_add(&fold, "took part in", 6);
	ent_phrases_add(&fold, "people\xE2\x80\x99s congress", 7);
	ent_phrases_add(&doc, "China - ASEAN forum", 8);
	n = tokens(t, &toks);
	ent_words_number(w, &v, t, toks, n);
	/* learned once the document is numbered, as recognition does */
	ent_phrases_add(&doc, "People\xE2\x80\x99s Congress", 9);
	ent_phrases_add(&doc, "talks", 10);
	ck_assert_uint_eq(ent_phrases_match(&exact, t, toks, 1, n, &val), 4);
	ck_assert_uint_eq(val, 2);
	ck_assert_uint_eq(ent_phrases_match(&exact, t, toks, 7, n, &val), 0); /* spaced */
	ck_assert_uint_eq(ent_phrases_match(&doc, t, toks, 7, n, &val), 4);
	ck_assert_uint_eq(val, 8);
	ck_assert_uint_eq(ent_phrases_match(&exact, t, toks, 13, n, &val), 3); /* curly */
	ck_assert_uint_eq(val, 3);
	ck_assert_uint_eq(ent_phrases_match(&doc, t, toks, 13, n, &val), 3);
	ck_assert_uint_eq(val, 9);
	ck_assert_uint_eq(ent_phrases_match(&fold, t, toks, 18, n, &val), 3); /* straight */
	ck_assert_uint_eq(val, 7);
	ck_assert_uint_eq(ent_phrases_match(&fold, t, toks, 21, n, &val), 3);
	ck_assert_uint_eq(val, 6);
	ck_assert_uint_eq(ent_phrases_match(&doc, t, toks, 24, n, &val), 1);
	ck_assert_uint_eq(val, 10);
	ck_assert_uint_eq(ent_phrases_match(&exact, t, toks, 27, n, &val), 4);
	ck_assert_uint_eq(val, 5);
	same_by_ids_and_keys(&exact, t, toks, n);
	same_by_ids_and_keys(&fold, t, toks, n);
	same_by_ids_and_keys(&doc, t, toks, n);
	free(toks);
	ent_phrases_release(&exact);
	ent_phrases_release(&fold);
	ent_phrases_release(&doc);
	ent_words_free(w);
	ent_vocab_release(&v);
}
END_TEST

/* A phrase added by its tokens' ids is the phrase added as text: wide
 * marks (an en dash, curly quotes) included. A cleared table finds
 * nothing, and takes new phrases as a new one would. */
START_TEST(phrases_by_tokens_and_cleared)
{
	const char *t = "The Thailand\xE2\x80\x93Latvia Forestry Roadmap, the \xE2\x80\x9C"
			"Clean Cyberspace\xE2\x80\x9D campaign, the People\xE2\x80\x99s Congress "
			"and the China - ASEAN forum on Smart Cities.";
	ent_vocab v;
	ent_phrases by_tokens, by_text;
	ent_words *w = ent_words_new();
	ent_token *toks;
	size_t n, val, added = 0;
	char buf[256];

	ent_words_begin(w); /* a document starts */
	ent_vocab_init(&v);
	ent_phrases_init_shared(&by_tokens, 0, &w->v, ENT_IDS_DOC);
	ent_phrases_init_shared(&by_text, 0, &w->v, ENT_IDS_DOC);
	n = tokens(t, &toks);
	ent_words_number(w, &v, t, toks, n);
	for (int round = 0; round < 2; round++) {
		/* every span of up to five tokens: more than the first room */
		for (size_t a = 0; a < n; a++)
			for (size_t b = a + 1; b <= n && b <= a + 5; b++) {
				size_t len = 0;
				for (size_t i = a; i < b; i++) {
					if (i > a && (toks[i].flags & ENT_TK_SPACE))
						buf[len++] = ' ';
					memcpy(buf + len, t + toks[i].start, toks[i].len);
					len += toks[i].len;
				}
				buf[len] = '\0';
				ent_phrases_add(&by_text, buf, a * 100 + b);
				if (!ent_phrases_add_tokens(&by_tokens, t, toks, a, b, a * 100 + b))
					ent_phrases_add(&by_tokens, buf, a * 100 + b);
				else
					added++;
			}
		for (size_t i = 0; i < n; i++)
			for (size_t end = i; end <= n; end++) {
				size_t v1 = 0, v2 = 0;
				size_t l1 = ent_phrases_match(&by_tokens, t, toks, i, end, &v1);
				size_t l2 = ent_phrases_match(&by_text, t, toks, i, end, &v2);
				ck_assert_msg(l1 == l2 && v1 == v2, "token %zu..%zu: %zu (%zu), %zu (%zu)",
					      i, end, l1, v1, l2, v2);
			}
		ent_phrases_clear(&by_tokens);
		ent_phrases_clear(&by_text);
		for (size_t i = 0; i < n; i++)
			ck_assert_uint_eq(ent_phrases_match(&by_tokens, t, toks, i, n, &val), 0);
	}
	ck_assert_uint_gt(added, 2 * 50); /* the dash and the double quotes by id */
	free(toks);
	ent_phrases_release(&by_tokens);
	ent_phrases_release(&by_text);
	ent_words_free(w);
	ent_vocab_release(&v);
}
END_TEST

START_TEST(vocab_keys_of_every_length)
{
	/* keys of 1 to 40 bytes that differ in one byte (first, middle or
	 * last) or only in length, past several resizes: short keys are held
	 * as words in their slot (found alone or inside a longer text), long
	 * ones by hash and bytes */
	ent_vocab v;
	char key[48];
	uint32_t ids[41][4];

	ent_vocab_init(&v);
	ck_assert_uint_eq(ent_vocab_find(&v, "x", 1), 0);
	ck_assert_uint_eq(ent_vocab_find_short(&v, "x", 1), 0);
	for (int round = 0; round < 2; round++) {
		for (size_t n = 1; n <= 40; n++) {
			for (int k = 0; k < 4; k++) {
				memset(key, 'a', sizeof(key));
				if (k == 1)
					key[0] = 'b';
				else if (k == 2)
					key[n / 2] = 'b';
				else if (k == 3)
					key[n - 1] = 'b';
				uint32_t id = ent_vocab_intern(&v, key, n);
				if (round == 0) {
					ids[n][k] = id;
				} else {
					ck_assert_uint_eq(id, ids[n][k]);
					ck_assert_uint_eq(ent_vocab_find(&v, key, n), id);
					ck_assert_uint_eq(ent_vocab_find_short(&v, key, n),
							  n <= ENT_VOCAB_SHORT ? id : 0);
					/* inside a longer text: what follows is masked */
					char wide[64];
					memset(wide, 'z', sizeof(wide));
					memcpy(wide, key, n);
					ck_assert_uint_eq(ent_vocab_find_wide(&v, wide, n),
							  n <= ENT_VOCAB_SHORT ? id : 0);
				}
			}
		}
	}
	/* one byte: "a" and "b"; two: "aa", "ba", "ab"; then four each */
	ck_assert_uint_eq(v.n, 2 + 3 + 38 * 4);
	for (size_t n = 1; n <= 40; n++)
		for (size_t m = 1; m <= 40; m++)
			for (int k = 0; k < 4; k++)
				for (int q = 0; q < 4; q++) {
					int same = n == m && (k == q || (n == 1 && k && q) ||
							      (n <= 2 && ((k == 2 && q == 3) ||
									  (k == 3 && q == 2))));
					if (same != (ids[n][k] == ids[m][q]))
						ck_abort_msg("keys %zu/%d and %zu/%d", n, k, m, q);
				}
	memset(key, 'a', sizeof(key));
	ck_assert_uint_eq(ent_vocab_find(&v, key, 41), 0);
	key[0] = 'c';
	ck_assert_uint_eq(ent_vocab_find(&v, key, 5), 0);
	ck_assert_uint_eq(ent_vocab_find(&v, key, 30), 0);
	ck_assert_uint_eq(ent_vocab_find(&v, "", 0), 0);
	ck_assert_uint_eq(ent_vocab_intern(&v, "", 0), v.n);
	ck_assert_uint_eq(ent_vocab_find(&v, "", 0), v.n);
	ent_vocab_release(&v);
}
END_TEST

START_TEST(gazetteer_rows_and_errors)
{
	ent_gazetteer g;
	ent_error e;

	ent_gazetteer_init(&g, NULL);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_gazetteer_load(&g, "# c\ncountry\tXAA\tAland\tAlandia|Al\tAlandic\n"
					    "organization\torg:X\tX Union\t\t\n", "mem", &e), ENT_OK);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_int_eq(ent_gazetteer_load(&g, "country\tXAA\tAland\tThe Isles\n", "mem", &e), ENT_OK);
	ck_assert_uint_eq(g.n, 2); /* same key: an alias added, no new entry */
	ck_assert_int_eq(ent_gazetteer_load(&g, "\n\ncity\tk\tName\n", "user.tsv", &e), ENT_ERR_INPUT);
	ck_assert_str_eq(e.file, "user.tsv");
	ck_assert_int_eq(e.line, 3);
	ck_assert_ptr_nonnull(strstr(e.msg, "city"));
	ent_error_clear(&e);
	ck_assert_int_eq(ent_gazetteer_load(&g, "country\tonly-two\n", "u2", &e), ENT_ERR_INPUT);
	ent_gazetteer_release(&g);
}
END_TEST

START_TEST(lexicon_rejects_bad_rows)
{
	ent_lexicon lx;
	ent_error e;

	ent_lexicon_init(&lx, NULL);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_lexicon_load(&lx, "trigger\tsigned\tsigned,joint\n", "l", &e), ENT_OK);
	ck_assert_int_eq(ent_lexicon_load(&lx, "trigger\tx\tbefriends\n", "l", &e), ENT_ERR_INPUT);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_lexicon_load(&lx, "colour\tred\t\n", "l", &e), ENT_ERR_INPUT);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_lexicon_load(&lx, "head\tSummit\tgathering\n", "l", &e), ENT_ERR_INPUT);
	ent_lexicon_release(&lx);
}
END_TEST

/* Every lookup path of the built-in country table: name, official name,
 * short form with dots, a leading "the", curly apostrophes, accents. */
START_TEST(country_lookup_paths)
{
	ent_extractor *ex = th_extract(
		"The People\xE2\x80\x99s Republic of China and the U.S. met the Russian Federation. "
		"The ROK, the DPRK, the UAE, T\xC3\xBCrkiye and C\xC3\xB4te d'Ivoire attended. "
		"Viet Nam and the United Kingdom of Great Britain and Northern Ireland too.");
	const ent_corpus *c = ent_extractor_corpus(ex);
	static const char *const want[][2] = {
		{ "CHN", "People\xE2\x80\x99s Republic of China" }, { "USA", "U.S." },
		{ "RUS", "Russian Federation" }, { "KOR", "ROK" }, { "PRK", "DPRK" },
		{ "ARE", "UAE" }, { "TUR", "T\xC3\xBCrkiye" }, { "CIV", "C\xC3\xB4te d'Ivoire" },
		{ "VNM", "Viet Nam" },
		{ "GBR", "United Kingdom of Great Britain and Northern Ireland" },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		long k = th_entity(c, ENT_TYPE_COUNTRY, want[i][1]);
		ck_assert_msg(k >= 0, "%s not found", want[i][1]);
		ck_assert_str_eq(c->entities[k].key, want[i][0]);
	}
	ent_extractor_free(ex);
}
END_TEST

START_TEST(user_gazetteer_file)
{
	char path[] = "/tmp/ent-gaz-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs("organization\torg:zeta\tZeta Cooperation Body\tZCB\t\n", f);
	fclose(f);
	ent_extractor *ex = ent_extractor_new();
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_extractor_load_gazetteer(ex, path, &e), ENT_OK);
	const char *t = "Kenya joined the ZCB in 2020.";
	ck_assert_int_eq(ent_extractor_add_text(ex, "t", t, strlen(t), &e), ENT_OK);
	const ent_corpus *c = ent_extractor_corpus(ex);
	long k = th_entity(c, ENT_TYPE_ORGANIZATION, "ZCB");
	ck_assert_int_ge(k, 0);
	ck_assert_str_eq(c->entities[k].name, "Zeta Cooperation Body");
	ck_assert_str_eq(c->entities[k].key, "org:zeta");
	ck_assert_uint_gt(th_relation(c, "Kenya", ENT_REL_MEMBER_OF, "ZCB"), 0);
	ent_extractor_free(ex);
	unlink(path);
	ex = ent_extractor_new();
	ck_assert_int_eq(ent_extractor_load_gazetteer(ex, "/nonexistent.tsv", &e), ENT_ERR_INPUT);
	ent_extractor_free(ex);
}
END_TEST

/* A file's text, written to a new temporary path (unlink it). */
static void write_temp(char *path, const char *text)
{
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
}

/* A gazetteer loaded after documents were read is used by the next ones,
 * although the threads' word caches saw its words before; a gazetteer
 * that is not UTF-8 is refused with its line. */
START_TEST(gazetteer_after_extraction)
{
	char path[] = "/tmp/ent-gaz-XXXXXX", bad[] = "/tmp/ent-gaz-XXXXXX";
	const char *t = "China signed an agreement with Zorblax in Beijing in 2021.";
	ent_extractor *ex = ent_extractor_new();
	ent_document *d;
	ent_error e;
	int found = 0;

	ent_error_clear(&e);
	write_temp(path, "organization\torg:zorb\tZorblax Quantum Alliance\tZQA|Zorblax\t\n");
	write_temp(bad, "organization\torg:a\tAlpha\t\t\ncountry\tXBB\tBad\xF0\n");
	ck_assert_int_eq(ent_extract_document(ex, "t", t, strlen(t), &d, &e), ENT_OK);
	ent_document_free(d);
	ck_assert_int_eq(ent_extractor_load_gazetteer(ex, path, &e), ENT_OK);
	ck_assert_int_eq(ent_extract_document(ex, "t", t, strlen(t), &d, &e), ENT_OK);
	for (size_t i = 0; i < d->corpus.n_entities; i++)
		found |= !strcmp(d->corpus.entities[i].key, "org:zorb");
	ck_assert_msg(found, "the gazetteer loaded last is not used");
	ent_document_free(d);
	ck_assert_int_eq(ent_extractor_load_gazetteer(ex, bad, &e), ENT_ERR_INPUT);
	ck_assert_int_eq(e.line, 2);
	ck_assert_ptr_nonnull(strstr(e.msg, "UTF-8"));
	ent_extractor_free(ex);
	unlink(path);
	unlink(bad);
}
END_TEST

/* The country table holds every ISO 3166-1 entry of Debian's iso-codes. */
START_TEST(countries_cover_iso_3166)
{
	FILE *f = fopen("/usr/share/iso-codes/json/iso_3166-1.json", "r");
	ck_assert_msg(f != NULL, "iso-codes is not installed (scripts/deps.sh installs it)");
	char line[512], missing[2048] = "";
	size_t seen = 0, lacking = 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = strstr(line, "\"alpha_3\": \"");
		if (!p)
			continue;
		char code[4] = { p[12], p[13], p[14], 0 };
		seen++;
		/* rows are "country <TAB> CODE <TAB> ..." */
		char needle[16];
		snprintf(needle, sizeof(needle), "country\t%s\t", code);
		if (!strstr(ent_data_countries, needle)) {
			lacking++;
			strncat(missing, code, sizeof(missing) - strlen(missing) - 2);
			strcat(missing, " ");
		}
	}
	fclose(f);
	ck_assert_uint_ge(seen, 249);
	ck_assert_msg(lacking == 0, "countries.tsv lacks: %s", missing);
}
END_TEST

Suite *suite_gazetteer(void)
{
	Suite *s = suite_create("gazetteer");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, phrases_longest_match);
	tcase_add_test(tc, phrases_fold_and_quotes);
	tcase_add_test(tc, phrases_by_word_ids);
	tcase_add_test(tc, phrases_by_tokens_and_cleared);
	tcase_add_test(tc, vocab_keys_of_every_length);
	tcase_add_test(tc, gazetteer_rows_and_errors);
	tcase_add_test(tc, lexicon_rejects_bad_rows);
	tcase_add_test(tc, country_lookup_paths);
	tcase_add_test(tc, user_gazetteer_file);
	tcase_add_test(tc, gazetteer_after_extraction);
	tcase_add_test(tc, countries_cover_iso_3166);
	suite_add_tcase(s, tc);
	return s;
}
