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

/* The binary test judges the first 64 KiB; the cleaner notes what it would
 * count as bad and leaves the test out when there is none. At the edge: a
 * dash cut by the window's end is invalid UTF-8 to the binary test. */
START_TEST(sanitize_binary_window)
{
	size_t len = 65536 + 64;
	char *in = malloc(len);
	for (size_t i = 0; i < len; i++)
		in[i] = i % 10 == 0 ? '\x01' : 'a'; /* 6554 bad in the window: binary */
	free(clean(in, len, ENT_ERR_INPUT));
	for (size_t i = 0; i < len; i += 10)
		in[i] = i < 10 * 6553 ? '\x01' : 'a'; /* 6553 bad: text */
	char *s = clean(in, len, ENT_OK);
	ck_assert_uint_eq(strlen(s), len);
	free(s);
	memcpy(in + 65534, "\xE2\x80\x94", 3); /* one more, cut by the window */
	free(clean(in, len, ENT_ERR_INPUT));
	memcpy(in + 65533, "\xE2\x80\x94", 3); /* inside it */
	in[65536] = 'a';
	s = clean(in, len, ENT_OK);
	free(s);
	/* the same bytes past the window are only cleaned */
	memset(in, 'a', 65536);
	for (size_t i = 65536; i < len; i++)
		in[i] = '\x01';
	s = clean(in, len, ENT_OK);
	ck_assert_int_eq(s[65536], ' ');
	free(s);
	/* text only after white space and controls; none at all */
	s = clean("\x01\r\n\t \x7F          x", 17, ENT_OK);
	ck_assert_str_eq(s, " \n\t            x");
	free(s);
	ck_assert_ptr_null(clean("\r\n\x7F\x01\xC2\x85\xE2\x80\x8B          ", 19, ENT_ERR_INPUT));
	free(in);
}
END_TEST

static int md(const char *s)
{
	return ent_markdown_sniff(s, strlen(s));
}

/* A 64 KiB and a bit of 'a' with `sign` at `at`. */
static int md_at(const char *sign, size_t at)
{
	size_t len = 65536 + 32; /* room for the longest sign at 64 KiB */
	char *in = malloc(len);
	memset(in, 'a', len);
	memcpy(in + at, sign, strlen(sign));
	int r = ent_markdown_sniff(in, len);
	free(in);
	return r;
}

/* Markdown is recognised by any of three signs anywhere in the first
 * 64 KiB; the signs are looked for one at a time. */
START_TEST(markdown_sniff_edges)
{
	ck_assert(!ent_markdown_sniff("", 0));
	ck_assert(!md("Plain text. No signs * ] # here.\n"));
	ck_assert(md("# Title"));
	ck_assert(md("text\n    ## Title")); /* up to 4 blanks */
	ck_assert(md("text\r\n\t# Title"));
	ck_assert(!md("text\n     # Title"));
	ck_assert(!md("text\n#Title"));
	ck_assert(!md("text\n####### Title"));
	ck_assert(!md("text\n# \n")); /* a heading without text */
	ck_assert(!md("text\n# \r\n"));
	ck_assert(!md("text\n# "));
	ck_assert(!md("text # Title")); /* not at a line start */
	ck_assert(md("a [link](x)"));
	ck_assert(!ent_markdown_sniff("a [link](x)", 8)); /* '(' past the end */
	ck_assert(!md("a [link] (x)"));
	ck_assert(md("a ***bold"));
	ck_assert(!ent_markdown_sniff("a **bold", 4));
	ck_assert(!md("a ** bold"));
	ck_assert(md("a **\xC3\xA9"));
	/* only the first 64 KiB count */
	ck_assert(!md_at("\n# Title **b [a](b)", 65536));
	ck_assert(!md_at("**b", 65534));
	ck_assert(md_at("**b", 65533));
	ck_assert(!md_at("](", 65535));
	ck_assert(md_at("](", 65534));
	ck_assert(!md_at("\n#", 65534));
	ck_assert(!md_at("\n# T", 65533));
	ck_assert(md_at("\n# T", 65532));
}
END_TEST

static ent_token tok1(const char *t, size_t len, size_t *n)
{
	ent_token *toks = NULL;
	size_t cap = 0;
	*n = 0;
	ent_tokenize(t, 0, len, &toks, n, &cap, 100);
	ent_token first = *n ? toks[0] : (ent_token){ .start = 0 };
	free(toks);
	return first;
}

/* ASCII bytes are classified by a table: each one as a token on its own
 * must have the flags the code-point rules give. */
START_TEST(tokens_ascii_table)
{
	for (int c = 0; c < 128; c++) {
		char t[2] = { (char)c, 0 };
		size_t n;
		ent_token k = tok1(t, 1, &n);
		if (c == ' ' || c == '\t' || c == '\n') {
			ck_assert_uint_eq(n, 0);
			continue;
		}
		ck_assert_uint_eq(n, 1);
		ck_assert_uint_eq(k.len, 1);
		uint32_t want;
		if (c >= '0' && c <= '9')
			want = ENT_TK_WORD | ENT_TK_NUM;
		else if (c >= 'a' && c <= 'z')
			want = ENT_TK_WORD | ENT_TK_LOWER;
		else if (c >= 'A' && c <= 'Z')
			want = ENT_TK_WORD | ENT_TK_CAP;
		else if (c == '-' || c == '+' || c == '/')
			want = ENT_TK_PUNCT | ENT_TK_DASH;
		else if (c == '"')
			want = ENT_TK_PUNCT | ENT_TK_QUOTE | ENT_TK_OPEN;
		else if (c == '\'')
			want = ENT_TK_PUNCT | ENT_TK_QUOTE;
		else if (c == '(' || c == '[' || c == '{')
			want = ENT_TK_PUNCT | ENT_TK_OPEN;
		else
			want = ENT_TK_PUNCT;
		ck_assert_msg(k.flags == want, "byte 0x%02x: flags %x, not %x", c, k.flags, want);
	}
	/* white space before a token */
	size_t n;
	ck_assert_uint_eq(tok1(" \tx", 3, &n).flags, ENT_TK_SPACE | ENT_TK_WORD | ENT_TK_LOWER);
	ck_assert_uint_eq(tok1("\nx", 2, &n).flags,
			  ENT_TK_SPACE | ENT_TK_NL | ENT_TK_WORD | ENT_TK_LOWER);
	ck_assert_uint_eq(tok1("\xC2\xA0x", 3, &n).flags, ENT_TK_SPACE | ENT_TK_WORD | ENT_TK_LOWER);
}
END_TEST

/* UPPER is two or more letters, all capitals, counted past digits and
 * beyond ASCII. */
START_TEST(tokens_upper_case)
{
	static const struct {
		const char *t;
		int upper;
		uint32_t len;
	} cases[] = {
		{ "PRC", 1, 3 }, { "P", 0, 1 }, { "PRc", 0, 3 }, { "pRC", 0, 3 }, { "G20", 0, 3 },
		{ "G2G", 1, 3 }, { "20GB", 1, 4 }, { "2G", 0, 2 }, { "\xC3\x89U", 1, 3 },
		{ "U\xC3\xA9", 0, 3 }, { "U\xC3\x89", 1, 3 }, { "\xE6\x97\xA5U", 0, 4 },
		{ "\xE6\x97\xA5UN", 1, 5 }, { "AB\xE2\x80\x99" "CD", 1, 7 }, { "AB'cd", 0, 5 },
		{ "AB's", 1, 2 }, { "AB'5", 1, 2 }, { "AB\xE2\x80\x9C", 1, 2 },
		{ "C\xC3\xB4te", 0, 5 }, { "\xC3\x89TAT-X", 1, 5 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n;
		ent_token k = tok1(cases[i].t, strlen(cases[i].t), &n);
		ck_assert_msg(!!(k.flags & ENT_TK_UPPER) == cases[i].upper && k.len == cases[i].len,
			      "%s: flags %x len %u", cases[i].t, k.flags, k.len);
	}
}
END_TEST

/* Abbreviations are compared by length first: words as long or longer do
 * not match, nor do the abbreviations' prefixes. */
START_TEST(split_abbreviations)
{
	ent_sentence *s;
	ck_assert_uint_eq(split("It is approx. Ten of them.", &s), 1);
	free(s);
	ck_assert_uint_eq(split("It is approxi. Ten of them.", &s), 2);
	free(s);
	ck_assert_uint_eq(split("We met Mrs. Li and Pr. Wu. Then we left.", &s), 3);
	free(s);
	ck_assert_uint_eq(split("Seen in the U.S. Then the U.K. Wait! Is it? Yes.", &s), 3);
	free(s);
	/* every one of them, as the sorted table is searched by halving */
	static const char *const all[] = {
		"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Art", "Arts", "Vol",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
		"Dec", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "Amb", "Hon", "Rev", "Fig",
		"Para", "para", "e.g", "i.e", "vs", "cf", "Inc", "Ltd", "Co", "Corp", "Jr",
		"Sr", "approx", "Dept", "Mt", "Ft", "Op", "pp", "U.S", "U.K", "U.N", "E.U",
		"H.E", "S.E", "a.m", "p.m",
	};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		char t[64];
		snprintf(t, sizeof(t), "See %s. Ten of them.", all[i]);
		ck_assert_msg(split(t, &s) == 1, "%s", t);
		free(s);
		snprintf(t, sizeof(t), "See %sx. Ten of them.", all[i]);
		ck_assert_msg(split(t, &s) == 2, "%s", t);
		free(s);
	}
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
	tcase_add_test(tc, sanitize_binary_window);
	tcase_add_test(tc, markdown_sniff_edges);
	tcase_add_test(tc, tokens_ascii_table);
	tcase_add_test(tc, tokens_upper_case);
	tcase_add_test(tc, split_abbreviations);
	tcase_add_test(tc, html_main_text_only);
	tcase_add_test(tc, xml_is_safe);
	tcase_add_test(tc, xml_malformed_names_line);
	suite_add_tcase(s, tc);
	return s;
}
