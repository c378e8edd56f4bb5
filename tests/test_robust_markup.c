/*
 * Robustness, markup and tables (items 10-15, 17 of the notes; see
 * test_robust.c): HTML that lies about its charset or hides text in
 * scripts, XML external entities and entity expansion bombs, malformed
 * XML and GraphML, and hostile gazetteer TSV, each refused with one line
 * or read without loading anything from outside.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "robust.h"
#include "util.h"

/* ------------------------------------------------ HTML: items 10, 11 */

START_TEST(test_html_script_and_charset)
{
	/* the page claims Latin-1, but its bytes are UTF-8 and read as such */
	char *in = rb_write_str("page.html",
				"<html><head><meta charset=\"iso-8859-1\">"
				"<script>var x = 'Kenya signed the Paris Agreement';</script>"
				"<style>.Japan { color: red }</style></head>"
				"<body><p>C\xc3\xb4te d'Ivoire met Brazil.</p>"
				"<noscript>Chile met Peru.</noscript></body></html>\n");
	char *out = rb_extract_ok(in, "out");

	ck_assert_msg(rb_contains(out, "\"C\xc3\xb4te d'Ivoire\""), "UTF-8 name not decoded");
	ck_assert(rb_contains(out, "\"Brazil\""));
	ck_assert_msg(!rb_contains(out, "Kenya") && !rb_contains(out, "Paris") &&
			      !rb_contains(out, "Japan") && !rb_contains(out, "Chile"),
		      "text of script, style or noscript was extracted");
	free(out);
	free(in);
}
END_TEST

/* -------------------------------------------- XML: items 12, 13, 14 */

#define SENTINEL "SentinelQzx Kazakhstan Vanuatu"

/* Item 12: no entity, subset or include is loaded; the sentinel file's
 * text reaches no output of any command. */
START_TEST(test_xxe)
{
	char *secret = rb_write_str("secret.txt", SENTINEL "\n");
	char *dtd_text = ent_xasprintf("<!ENTITY ext SYSTEM \"file://%s\">\n", secret);
	char *dtd = rb_write_str("secret.dtd", dtd_text);
	char *doc_text = ent_xasprintf(
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE doc SYSTEM \"file://%s\" [\n"
		"<!ENTITY gen SYSTEM \"file://%s\">\n"
		"<!ENTITY %% par SYSTEM \"file://%s\">\n"
		"<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">\n"
		"]>\n"
		"<doc xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
		"<p>China and Russia signed the Paris Agreement. &gen; &ext; &net;</p>\n"
		"<xi:include href=\"file://%s\" parse=\"text\"/>\n"
		"</doc>\n",
		dtd, secret, secret, secret);
	char *in = rb_write_str("xxe.xml", doc_text);
	char *dir = rb_out_dir("out");
	static const char *const outs[][3] = {
		{ "extract", "o.jsonl", NULL }, { "build", "o.graphml", NULL },
		{ "render", "o.svg", NULL },    { "export", "o.json", NULL },
		{ "report", "o.txt", NULL },
	};

	for (size_t i = 0; i < sizeof(outs) / sizeof(*outs); i++) {
		char *out = ent_xasprintf("%s/%s", dir, outs[i][1]);
		rb_run r = { .timeout = 10 };
		rb_call(&r, outs[i][0], "-q", in, "-o", out, NULL);
		ck_assert_status(&r, 0);
		ck_assert_msg(!strstr(r.err, "Sentinel") && !strstr(r.err, "Kazakhstan"),
			      "%s: the sentinel reached stderr", outs[i][0]);
		ck_assert_msg(!rb_contains(out, "Sentinel") && !rb_contains(out, "Kazakhstan") &&
				      !rb_contains(out, "Vanuatu"),
			      "%s: the sentinel reached %s", outs[i][0], out);
		ck_assert_msg(rb_contains(out, "Russia"), "%s: %s lacks the document's text",
			      outs[i][0], out);
		rb_run_release(&r);
		free(out);
	}
	free(secret);
	free(dtd_text);
	free(dtd);
	free(doc_text);
	free(in);
	free(dir);
}
END_TEST

/* Item 13: billion laughs is refused at once; quadratic blowup (one large
 * entity used many times) is not expanded. Both in under a second and,
 * on the plain build, under 100 MB. */
START_TEST(test_entity_bombs)
{
	ent_buf b;
	char *lol, *quad, *dir = rb_out_dir("out"), *out = ent_xasprintf("%s/o.jsonl", dir);
	rb_run r = { .timeout = 10 };

	ent_buf_init(&b);
	ent_buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
	for (int i = 1; i <= 9; i++) {
		ent_buf_printf(&b, "<!ENTITY lol%d \"", i);
		for (int k = 0; k < 10; k++)
			ent_buf_printf(&b, "&lol%d;", i - 1);
		ent_buf_adds(&b, "\">\n");
	}
	ent_buf_adds(&b, "]>\n<lolz><p>China met Russia. &lol9;</p></lolz>\n");
	lol = rb_write_file("lol.xml", b.data, b.len);
	ent_buf_clear(&b);
	ent_buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"");
	for (int i = 0; i < 50000; i++)
		ent_buf_addc(&b, 'A');
	ent_buf_adds(&b, "\">]>\n<d><p>China met Russia. ");
	for (int i = 0; i < 50000; i++)
		ent_buf_adds(&b, "&a;");
	ent_buf_adds(&b, "</p></d>\n");
	quad = rb_write_file("quad.xml", b.data, b.len);
	ent_buf_release(&b);

	rb_call(&r, "extract", lol, "-o", out, NULL);
	ck_assert_status(&r, 3);
	rb_assert_diag(&r, lol, 1);
	ck_assert_empty_dir(dir);
	ck_assert_msg(r.wall < 1.0, "billion laughs took %.2f s", r.wall);
	ck_assert_msg(rb_slow() || r.maxrss_kb < 100 * 1024, "billion laughs: %ld KB",
		      r.maxrss_kb);
	rb_run_release(&r);

	r.timeout = 10;
	rb_call(&r, "extract", quad, "-o", out, NULL);
	ck_assert_finished(&r);
	ck_assert_msg(r.status == 0 || r.status == 3, "quadratic blowup: exit %d: %s",
		      r.status, r.err);
	ck_assert_msg(r.wall < 1.0, "quadratic blowup took %.2f s", r.wall);
	ck_assert_msg(rb_slow() || r.maxrss_kb < 100 * 1024, "quadratic blowup: %ld KB",
		      r.maxrss_kb);
	if (r.status == 0)
		ck_assert_msg(!rb_contains(out, "AAAAAAAA"), "the entity was expanded");
	rb_run_release(&r);
	free(lol);
	free(quad);
	free(out);
	free(dir);
}
END_TEST

/* Item 14 (deep nesting is in `scale`): malformed XML is 3 with a line. */
static const struct {
	const char *name, *data;
	size_t len;
} bad_xml[] = {
	{ "nul.xml", BYTES("<?xml version=\"1.0\"?>\n<d><p>China\0 met</p></d>\n") },
	{ "truncated.xml", BYTES("<?xml version=\"1.0\"?>\n<d><p>China met\n Russia") },
	{ "roots.xml", BYTES("<?xml version=\"1.0\"?>\n<d>China</d>\n<e>Russia</e>\n") },
	{ "encoding.xml", BYTES("<?xml version=\"1.0\" encoding=\"x-bogus-42\"?>\n<d>China</d>\n") },
};

START_TEST(test_bad_xml)
{
	char *in = rb_write_file(bad_xml[_i].name, bad_xml[_i].data, bad_xml[_i].len);
	char *dir = rb_out_dir("out"), *out = ent_xasprintf("%s/o.graphml", dir);
	rb_run r = { 0 };

	rb_call(&r, "build", in, "-o", out, NULL);
	ck_assert_status(&r, 3);
	rb_assert_diag(&r, in, 1);
	ck_assert_empty_dir(dir);
	rb_run_release(&r);
	free(in);
	free(out);
	free(dir);
}
END_TEST

/* --------------------------------------------------- GraphML: item 15 */

enum { GM_TRUNC, GM_GARBAGE, GM_EMPTY, GM_NS, GM_DOUBLE, GM_DUPKEY,
       GM_DANGLING, GM_DUPID, GM_LONGTEXT, GM_COUNT };

START_TEST(test_bad_graphml)
{
	char *text, *g = rb_base_graph(&text), *bad = NULL, *in;
	char *dir = rb_out_dir("out"), *out = ent_xasprintf("%s/o.svg", dir);
	int want = 3, need_line = 0;
	size_t len = 0;

	switch (_i) {
	case GM_TRUNC:
		bad = ent_xstrndup(text, 300);
		need_line = 1;
		break;
	case GM_GARBAGE:
		bad = ent_xmalloc(4096);
		for (size_t i = 0; i < 4096; i++)
			bad[i] = (char)((i * 2654435761u) >> 13);
		len = 4096;
		break;
	case GM_EMPTY:
		bad = ent_xstrdup("");
		break;
	case GM_NS:
		bad = rb_replace(text, "http://graphml.graphdrawing.org/xmlns\"",
				 "http://example.com/not-graphml\"");
		break;
	case GM_DOUBLE:
		bad = rb_replace(text, "<data key=\"v_mentions\">1<", "<data key=\"v_mentions\">1e9x9<");
		break;
	case GM_DUPKEY:
		bad = rb_replace(text, "<key id=\"v_key\"",
				 "<key id=\"v_key\" for=\"node\" attr.name=\"key2\" "
				 "attr.type=\"double\"/>\n<key id=\"v_key\"");
		break;
	case GM_DANGLING:
		bad = rb_replace(text, "</graph>",
				 "<edge source=\"n0\" target=\"n999\"><data key=\"e_relation\">"
				 "cooperates_with</data></edge></graph>");
		break;
	case GM_DUPID:
		bad = rb_replace(text, "<node id=\"n1\">", "<node id=\"n0\">");
		break;
	default: { /* one text over the 256 KiB limit: exit 5 */
		char *big = ent_xmalloc(300001);
		memset(big, 'x', 300000);
		big[300000] = '\0';
		char *to = ent_xasprintf(">China%s<", big);
		bad = rb_replace(text, ">China<", to);
		free(to);
		free(big);
		want = 5;
		need_line = 1;
	}
	}
	in = rb_write_file("bad.graphml", bad, len ? len : strlen(bad));
	for (int c = 0; c < 2; c++) {
		rb_run r = { 0 };
		if (c == 0)
			rb_call(&r, "render", in, "-o", out, NULL);
		else
			rb_call(&r, "report", in, NULL);
		ck_assert_status(&r, want);
		rb_assert_diag(&r, in, need_line);
		ck_assert_str_eq(r.out, "");
		ck_assert_empty_dir(dir);
		rb_run_release(&r);
	}
	free(text);
	free(g);
	free(bad);
	free(in);
	free(out);
	free(dir);
}
END_TEST

/* ------------------------------------- gazetteer, for CSV: item 17 */

START_TEST(test_bad_gazetteer)
{
	char *doc = rb_write_str("doc.txt", "China met Russia.\n");
	char *dir = rb_out_dir("out"), *out = ent_xasprintf("%s/o.jsonl", dir);
	char *nul = rb_write_file("nul.tsv", BYTES("organization\torg:x\tQuux\0Union\t\t\n"));
	char *cols, *quote;
	FILE *fp;
	rb_run r = { 0 };

	cols = rb_path("cols.tsv");
	fp = fopen(cols, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs("organization", fp);
	rb_fputn(fp, "\t", rb_slow() ? 200000 : 1000000);
	fputc('\n', fp);
	ck_assert_int_eq(fclose(fp), 0);

	rb_call(&r, "extract", "--gazetteer", nul, doc, "-o", out, NULL);
	ck_assert_status(&r, 3);
	rb_assert_diag(&r, nul, 0);
	ck_assert_empty_dir(dir);
	rb_run_release(&r);
	rb_call(&r, "extract", "--gazetteer", cols, doc, "-o", out, NULL);
	ck_assert_status(&r, 3);
	rb_assert_diag(&r, cols, 1);
	ck_assert_empty_dir(dir);
	rb_run_release(&r);

	/* TSV has no quoting: an unbalanced quote is part of the name */
	quote = rb_write_str("quote.tsv", "organization\torg:quux\tQuux \"Union\t\t\n");
	free(doc);
	doc = rb_write_str("doc.txt", "The Quux \"Union met China.\n");
	rb_call(&r, "extract", "--gazetteer", quote, doc, "-o", out, NULL);
	ck_assert_status(&r, 0);
	ck_assert(rb_contains(out, "\"Quux \\\"Union\""));
	rb_run_release(&r);
	free(nul);
	free(cols);
	free(quote);
	free(doc);
	free(out);
	free(dir);
}
END_TEST
/* The "markup" case of suite_robust(). */
TCase *rb_tcase_markup(void)
{
	TCase *tc = tcase_create("markup");

	tcase_add_checked_fixture(tc, rb_tmp_setup, rb_tmp_teardown);
	tcase_add_test(tc, test_html_script_and_charset);
	tcase_add_test(tc, test_xxe);
	tcase_add_test(tc, test_entity_bombs);
	tcase_add_loop_test(tc, test_bad_xml, 0, (int)(sizeof(bad_xml) / sizeof(*bad_xml)));
	tcase_add_loop_test(tc, test_bad_graphml, 0, GM_COUNT);
	tcase_add_test(tc, test_bad_gazetteer);
	return tc;
}
