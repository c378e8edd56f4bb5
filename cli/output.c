/*
 * Writing output: atomically through ent_ofile, and text that came from
 * documents as JSON string literals (for `query --json`) or as plain text
 * for a terminal. Both must survive any bytes, since a GraphML file given
 * to us may hold anything.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util.h"

ent_status cli_write_output(const char *path, cli_writer write,
			    const void *ctx, ent_error *err)
{
	ent_ofile of;
	ent_status st;

	st = ent_ofile_open(&of, path ? path : "-", err);
	if (st != ENT_OK)
		return st;
	st = write(of.fp, ctx, err);
	if (st == ENT_ERR_OUTPUT && err && !err->file[0])
		/* the writer knows a stream, not its name */
		snprintf(err->file, sizeof(err->file), "%s",
			 !path || !strcmp(path, "-") ? "standard output" : path);
	if (st != ENT_OK) {
		ent_ofile_abort(&of);
		return st;
	}
	return ent_ofile_commit(&of, err); /* checks ferror() and fclose() */
}

/* One escaper for the whole program: the library's, which the JSONL
 * writer uses too. */
void cli_json_string(FILE *fp, const char *s)
{
	ent_buf b;

	ent_buf_init(&b);
	ent_json_string(&b, s);
	fwrite(b.data, 1, b.len, fp);
	ent_buf_release(&b);
}

void cli_put_text(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		/* C0 controls, DEL and the C1 controls U+0080..U+009F */
		if (*p < 0x20 || *p == 0x7f) {
			fputc('?', fp);
			p++;
		} else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fputc('?', fp);
			p += 2;
		} else {
			fputc(*p++, fp);
		}
	}
}
