/* Unit tests of the text layer: sanitizing, sentence splitting, tokens. */
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "../extract/text.h"
#include "util.h"

static char *clean(const char *in, size_t len, ent_status want)
{
	char *out = NULL;
	size_t n;
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_text_sanitize("t.txt", in, len, &out, &n, &e), want);
	if (want != ENT_OK) {
		ck_assert_str_eq(e.file, "t.txt");
		ck_assert(strlen(e.msg) > 0);
	}
	return out;
}

START_TEST(sanitize_cleans)
{
	static const char in[] = "\xEF\xBB\xBFOne line of ordinary text\r\nTwo\rThree\0Four\x01 \xC0\x80 "
				 "x\xE2\x80\x8B" "y and more ordinary words here";
	char *s = clean(in, sizeof(in) - 1, ENT_OK);
	ck_assert_str_eq(s, "One line of ordinary text\nTwo\nThree\nFour  \xEF\xBF\xBD\xEF\xBF\xBD "
			    "xy and more ordinary words here");
	free(s);
}
END_TEST

START_TEST(sanitize_rejects)
{
	char bin[256];
	for (int i = 0; i < 256; i++)
		bin[i] = (char)i;
	ck_assert_ptr_null(clean(bin, sizeof(bin), ENT_ERR_INPUT));
	ck_assert_ptr_null(clean("", 0, ENT_ERR_INPUT));
	ck_assert_ptr_null(clean(" \n\t\n", 4, ENT_ERR_INPUT));
	ck_assert_ptr_null(clean("\xFF\xFEh\0i\0", 6, ENT_ERR_INPUT));
}
END_TEST

static size_t split(const char *text, ent_sentence **s)
{
	size_t n;
	ent_text_split(text, strlen(text), s, &n);
	return n;
}

START_TEST(split_sentences)
{
	const char *t = "Title of a Paper\n\nMr. Li met Dr. Smith in the U.S. capital. "
			"They signed it! Did they? Yes.\n\nA new paragraph\nwrapped here.";
	ent_sentence *s;
	size_t n = split(t, &s);
	ck_assert_uint_eq(n, 7);
	ck_assert(s[0].flags & ENT_SENT_HEADING);
	ck_assert(s[1].flags & ENT_SENT_PARA);
	ck_assert_int_eq(s[1].line, 3);
	ck_assert_int_eq((int)(s[1].end - s[1].start), (int)strlen("Mr. Li met Dr. Smith in the U.S. capital."));
	ck_assert_int_eq(strncmp(t + s[2].start, "They signed it!", 15), 0);
	ck_assert_int_eq(s[5].line, 5);
	free(s);
}
END_TEST

START_TEST(split_wrapped_prose)
{
	/* hard-wrapped text: line breaks inside a sentence do not split it */
	const char *t =
		"The ministers of the two countries met in the capital on Monday and\n"
		"agreed to expand their cooperation on digital trade and cybersecurity\n"
		"over the next five years. A joint statement followed.\n";
	ent_sentence *s;
	size_t n = split(t, &s);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(s[1].line, 3);
	free(s);
}
END_TEST

START_TEST(tokens_and_flags)
{
	const char *t = "China\xE2\x80\x99s People\xE2\x80\x99s Republic (PRC) China-ASEAN 11th G20 e-commerce";
	ent_token *toks = NULL;
	size_t n = 0, cap = 0;
	ent_tokenize(t, 0, strlen(t), &toks, &n, &cap, 100);
	ck_assert_uint_eq(n, 16);
	ck_assert_uint_eq(toks[0].len, 5);                /* China */
	ck_assert(toks[1].flags & ENT_TK_POSS);           /* ’s */
	ck_assert_uint_eq(toks[2].len, 6);                /* People */
	ck_assert(toks[3].flags & ENT_TK_POSS);
	ck_assert(!(toks[3].flags & ENT_TK_SPACE));
	ck_assert(toks[6].flags & ENT_TK_UPPER);          /* PRC */
	ck_assert(toks[9].flags & ENT_TK_DASH);
	ck_assert(!(toks[9].flags & ENT_TK_SPACE));
	ck_assert(toks[11].flags & ENT_TK_NUM);           /* 11th */
	ck_assert(toks[12].flags & ENT_TK_CAP);           /* G20 */
	ck_assert(toks[13].flags & ENT_TK_LOWER);
	ent_buf b;
	ent_buf_init(&b);
	ent_token_key(&b, t, &toks[3]);
	ck_assert_str_eq(b.data, "'s");
	ent_buf_release(&b);
	/* the cap on tokens holds */
	n = 0;
	ck_assert_uint_eq(ent_tokenize(t, 0, strlen(t), &toks, &n, &cap, 3), 3);
	free(toks);
}
END_TEST

Suite *suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, sanitize_cleans);
	tcase_add_test(tc, sanitize_rejects);
	tcase_add_test(tc, split_sentences);
	tcase_add_test(tc, split_wrapped_prose);
	tcase_add_test(tc, tokens_and_flags);
	suite_add_tcase(s, tc);
	return s;
}
