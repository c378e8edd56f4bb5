/*
 * Input discovery: command-line operands to a sorted list of documents.
 * Directories are walked recursively (hidden entries and symbolic links to
 * directories skipped, so no loop), keeping files whose extension names a
 * document format. An operand "@FILE" is a list of operands, one a line,
 * relative to the list's folder ("@-" reads the list from standard input,
 * relative to the current folder); blank lines and lines starting with '#'
 * are skipped, and a list does not name other lists.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

static const char *const doc_ext[] = {
	".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml", NULL,
};

static int is_document(const char *name)
{
	size_t n = strlen(name);

	for (int i = 0; doc_ext[i]; i++) {
		size_t e = strlen(doc_ext[i]);
		if (n > e && !ent_strcasecmp(name + n - e, doc_ext[i]))
			return 1;
	}
	return 0;
}

typedef struct plist {
	char **v;
	size_t n, cap;
} plist;

static void push(plist *l, char *p)
{
	ENT_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = p;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static ent_status walk(const char *dir, plist *out, int depth, ent_error *err)
{
	DIR *d;
	struct dirent *e;
	plist here = { NULL, 0, 0 };

	if (depth > 64)
		return ent_error_set(err, ENT_ERR_LIMIT, dir, 0, "directories nested too deep");
	d = opendir(dir);
	if (!d)
		return ent_error_set(err, ENT_ERR_INPUT, dir, 0, "cannot open directory: %s",
				     strerror(errno));
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			push(&here, ent_xasprintf("%s%s%s", dir,
						  dir[strlen(dir) - 1] == '/' ? "" : "/",
						  e->d_name));
	closedir(d);
	if (here.n) /* an empty directory has no array: qsort(NULL) is undefined */
		qsort(here.v, here.n, sizeof(*here.v), cmp_path);
	ent_status st = ENT_OK;
	for (size_t i = 0; i < here.n; i++) {
		struct stat sb, lb;
		char *p = here.v[i];
		if (st != ENT_OK || stat(p, &sb) != 0 || lstat(p, &lb) != 0) {
			free(p);
			continue;
		}
		if (S_ISDIR(sb.st_mode) && !S_ISLNK(lb.st_mode)) {
			st = walk(p, out, depth + 1, err);
			free(p);
		} else if (S_ISREG(sb.st_mode) && is_document(p)) {
			push(out, p);
		} else {
			free(p);
		}
	}
	free(here.v);
	return st;
}

/* One operand (a file, a directory or "-") into `out`. A problem is
 * reported against the operand, or against LIST:LINE for a listed one. */
static ent_status expand_one(const char *p, plist *out, const char *list, long line,
			     ent_error *err)
{
	struct stat sb;
	ent_status st;

	if (!strcmp(p, "-") && !list) {
		push(out, ent_xstrdup(p));
		return ENT_OK;
	}
	if (stat(p, &sb) != 0)
		return list ? ent_error_set(err, ENT_ERR_INPUT, list, line, "'%s': %s", p,
					    strerror(errno))
			    : ent_error_set(err, ENT_ERR_INPUT, p, 0, "%s", strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		push(out, ent_xstrdup(p));
		return ENT_OK;
	}
	size_t before = out->n;
	st = walk(p, out, 0, err);
	if (st == ENT_OK && out->n == before)
		st = list ? ent_error_set(err, ENT_ERR_INPUT, list, line,
					  "'%s': no documents in directory", p)
			  : ent_error_set(err, ENT_ERR_INPUT, p, 0,
					  "no documents in directory (looked for "
					  ".txt, .md, .html, .htm, .xml)");
	return st;
}

/* The operands listed in `list` ("-": standard input), one a line. */
static ent_status expand_list(const char *list, plist *out, ent_error *err)
{
	const char *name = strcmp(list, "-") ? list : "standard input";
	const char *slash = strcmp(list, "-") ? strrchr(list, '/') : NULL;
	char *data, *p, *nl;
	size_t len;
	long line = 0;
	ent_status st;

	if (!*list)
		return ent_error_set(err, ENT_ERR_USAGE, "", 0, "'@' needs a list file name");
	st = ent_read_file(list, (size_t)64 << 20, &data, &len, err);
	if (st != ENT_OK)
		return st;
	if (memchr(data, '\0', len)) {
		free(data);
		return ent_error_set(err, ENT_ERR_INPUT, name, 0, "binary data, not a list of files");
	}
	for (p = data; st == ENT_OK && p < data + len; p = nl ? nl + 1 : data + len) {
		nl = memchr(p, '\n', (size_t)(data + len - p));
		char *e = nl ? nl : data + len;
		line++;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (p == e || *p == '#')
			continue;
		*e = '\0';
		/* relative to the list's folder: a list lives beside its files */
		char *path = *p == '/' || !slash
				     ? ent_xstrdup(p)
				     : ent_xasprintf("%.*s/%s", (int)(slash - list), list, p);
		st = expand_one(path, out, name, line, err);
		free(path);
	}
	free(data);
	return st;
}

ent_status ent_paths_expand(const char *const *operands, size_t n,
			    char ***paths, size_t *n_paths, ent_error *err)
{
	plist out = { NULL, 0, 0 };
	ent_status st = ENT_OK;

	for (size_t i = 0; i < n && st == ENT_OK; i++) {
		if (operands[i][0] == '@')
			st = expand_list(operands[i] + 1, &out, err);
		else
			st = expand_one(operands[i], &out, NULL, 0, err);
	}
	if (st != ENT_OK) {
		ent_paths_free(out.v, out.n);
		*paths = NULL;
		*n_paths = 0;
		return st;
	}
	*paths = out.v;
	*n_paths = out.n;
	return ENT_OK;
}

void ent_paths_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}
