/*
 * Input discovery: command-line operands to a sorted list of documents.
 * Directories are walked recursively (hidden entries and symbolic links to
 * directories skipped, so no loop), keeping files whose extension names a
 * document format.
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

ent_status ent_paths_expand(const char *const *operands, size_t n,
			    char ***paths, size_t *n_paths, ent_error *err)
{
	plist out = { NULL, 0, 0 };
	ent_status st = ENT_OK;

	for (size_t i = 0; i < n && st == ENT_OK; i++) {
		const char *p = operands[i];
		struct stat sb;
		if (!strcmp(p, "-")) {
			push(&out, ent_xstrdup(p));
			continue;
		}
		if (stat(p, &sb) != 0) {
			st = ent_error_set(err, ENT_ERR_INPUT, p, 0, "%s", strerror(errno));
		} else if (S_ISDIR(sb.st_mode)) {
			size_t before = out.n;
			st = walk(p, &out, 0, err);
			if (st == ENT_OK && out.n == before)
				st = ent_error_set(err, ENT_ERR_INPUT, p, 0,
						   "no documents in directory (looked for "
						   ".txt, .md, .html, .htm, .xml)");
		} else {
			push(&out, ent_xstrdup(p));
		}
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
