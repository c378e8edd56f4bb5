/* Unit tests of the text layer: sanitizing, sentence splitting, tokens. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"
#include "helpers.h"
#include "../extract/internal.h"
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

START_TEST(split_short_lines)
{
	/* short lines (so "hard-wrapped") ending a sentence at a line break */
	const char *t = "It hosted the Oslo Forum in the autumn of the year 2023.\nNorway is large.\n";
	ent_sentence *s;
	size_t n = split(t, &s);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(s[1].line, 2);
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

START_TEST(html_main_text_only)
{
	const char *html =
		"<!DOCTYPE html><html><head><title>T</title><script>Russia signed the Fake "
		"Accord.</script><style>p{}</style></head><body><nav>Japan menu</nav>"
		"<main><h1>News</h1><p>Kenya hosted the Nairobi Data Forum&nbsp;in 2023.</p>"
		"<table><tr><td>Peru</td><td>attended the Lima Summit.</td></tr></table>"
		"<p>Broken <b>tags <i>here</p></main><footer>Brazil footer</footer>"
		"<!-- Chile comment --></body></html>";
	ck_assert_int_eq(ent_markup_sniff(html, strlen(html)), ENT_MARKUP_HTML);
	ent_extractor *ex = th_extract(html);
	const ent_corpus *c = ent_extractor_corpus(ex);
	ck_assert(th_relation(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum"));
	ck_assert(th_relation(c, "Peru", ENT_REL_PARTICIPATED_IN, "Lima Summit"));
	ck_assert_int_lt(th_named(c, "Russia"), 0);
	ck_assert_int_lt(th_named(c, "Japan"), 0);
	ck_assert_int_lt(th_named(c, "Brazil"), 0);
	ck_assert_int_lt(th_named(c, "Chile"), 0);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(xml_is_safe)
{
	char path[] = "/tmp/ent-secret-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "Zanzibar signed the Secret Accord.", 34), 34);
	close(fd);
	char *xml = ent_xasprintf("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "
				  "\"file://%s\">]>\n<r><p>Peru signed the Andes Accord.</p>"
				  "<p>&x;</p></r>\n", path);
	ent_extractor *ex = th_extract(xml);
	const ent_corpus *c = ent_extractor_corpus(ex);
	ck_assert(th_relation(c, "Peru", ENT_REL_SIGNED, "Andes Accord"));
	ck_assert_int_lt(th_named(c, "Secret Accord"), 0);
	ent_extractor_free(ex);
	unlink(path);
	free(xml);

	/* billion laughs: rejected, quickly */
	ent_buf b;
	ent_buf_init(&b);
	ent_buf_adds(&b, "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"ha\">");
	for (int i = 1; i < 10; i++)
		ent_buf_printf(&b, "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;\">",
			       'a' + i, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
			       'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
			       'a' + i - 1);
	ent_buf_adds(&b, "]><l>&j;</l>");
	ent_extractor *ex2 = ent_extractor_new();
	ent_error e;
	ent_error_clear(&e);
	ent_status st = ent_extractor_add_text(ex2, "laughs.xml", b.data, b.len, &e);
	ck_assert_int_eq(st, ENT_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "XML"));
	ent_extractor_free(ex2);
	ent_buf_release(&b);
}
END_TEST

START_TEST(xml_malformed_names_line)
{
	const char *bad = "<r>\n<p>Peru signed\n</r>";
	ent_extractor *ex = ent_extractor_new();
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_extractor_add_text(ex, "bad.xml", bad, strlen(bad), &e), ENT_ERR_INPUT);
	ck_assert_str_eq(e.file, "bad.xml");
	ck_assert_int_eq(e.line, 3);
	ck_assert_ptr_nonnull(strstr(e.msg, "malformed XML"));
	ent_extractor_free(ex);
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
	tcase_add_test(tc, split_short_lines);
	tcase_add_test(tc, tokens_and_flags);
	tcase_add_test(tc, html_main_text_only);
	tcase_add_test(tc, xml_is_safe);
	tcase_add_test(tc, xml_malformed_names_line);
	suite_add_tcase(s, tc);
	return s;
}
