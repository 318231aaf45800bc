/* Test library: input for the readers (see feed.h). One scratch file per
 * process holds the staged bytes; a pipe is fed from it by `cat`, a process
 * of its own, so that a reader may read a pipe larger than the pipe's buffer. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feed.h"
#include "ksd_extract.h"
#include "ksd_reader.h"
#include "ksd_source.h"

static int scratch = -1;
static FILE *writer; /* the `cat` behind standard input, while staged */
static int saved_stdin = -1;

static void die(const char *what, int errnum)
{
	fprintf(stderr, "feed: %s%s%s\n", what, errnum ? ": " : "", errnum ? strerror(errnum) : "");
	abort();
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	if (!path)
		die("out of memory", 0);
	snprintf(path, n, "%s/%s", dir, name);
	return path;
}

/* A mkstemp/mkdtemp template in $TMPDIR (or the system's temporary
 * directory), malloc'd. */
static char *temp_template(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char name[32];
	snprintf(name, sizeof(name), "ksd-%s-XXXXXX", what);
	return join(tmp && *tmp ? tmp : P_tmpdir, name);
}

/* Gives standard input back. The read ends are closed before waiting, so a
 * writer still blocked on a full pipe (the reader stopped early) ends too. */
static void unpipe(void)
{
	if (!writer)
		return;
	if (dup2(saved_stdin, STDIN_FILENO) < 0)
		die("dup2", errno);
	close(saved_stdin);
	pclose(writer);
	writer = NULL;
}

const char *feed_stage(const void *data, size_t len, enum feed_via via)
{
	static char name[32];
	unpipe();
	if (scratch < 0) {
		char *path = temp_template("input");
		if ((scratch = mkstemp(path)) < 0)
			die(path, errno);
		unlink(path);
		free(path);
	}
	if (ftruncate(scratch, 0) != 0)
		die("ftruncate", errno);
	for (size_t at = 0; at < len;) {
		ssize_t n = pwrite(scratch, (const char *)data + at, len - at, (off_t)at);
		if (n <= 0)
			die("pwrite", errno);
		at += (size_t)n;
	}
	snprintf(name, sizeof(name), "/dev/fd/%d", scratch);
	if (via == FEED_FILE)
		return name;
	/* `cat` inherits the scratch descriptor and opens it afresh at offset 0. */
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "exec cat %s 2>/dev/null", name);
	if (!(writer = popen(cmd, "r")))
		die("popen", errno);
	if ((saved_stdin = dup(STDIN_FILENO)) < 0 || dup2(fileno(writer), STDIN_FILENO) < 0)
		die("dup2", errno);
	return "-";
}

bool feed_count_rows;

static struct feed_result result_new(void)
{
	struct feed_result r = {.rc = KSD_OK, .dump = ksd_dump_new(), .cat = ksd_catalog_new()};
	if (!r.dump || !r.cat)
		die("out of memory", 0);
	ksd_err_clear(&r.err);
	return r;
}

void feed_free(struct feed_result *r)
{
	ksd_dump_free(r->dump);
	ksd_catalog_free(r->cat);
}

/* The one place the tests call a format's reader by name. */
static struct feed_result read_archive(enum ksd_dump_format format, const char *name)
{
	struct feed_result r = result_new();
	struct ksd_source *src = ksd_source_open(name, &r.err);
	struct ksd_extract *x = ksd_extract_new(r.cat, r.dump, feed_count_rows);
	if (!src || !x)
		die(r.err.set ? r.err.msg : "out of memory", 0);
	r.dump->format = format;
	ksd_reader_fn *reader = format == KSD_FMT_CUSTOM ? ksd_read_custom
	                        : format == KSD_FMT_TAR  ? ksd_read_tar
	                                                 : NULL;
	if (!reader)
		die("feed_read runs the custom or the tar reader itself, no other", 0);
	r.rc = reader(&(struct ksd_read){.src = src, .x = x, .dump = r.dump, .err = &r.err});
	r.bytes_read = ksd_source_bytes_read(src);
	ksd_extract_free(x);
	ksd_source_free(src);
	return r;
}

struct feed_result feed_read_path(const char *path)
{
	struct feed_result r = result_new();
	r.rc = ksd_read_dump(path, feed_count_rows, r.dump, r.cat, &r.err);
	r.bytes_read = r.dump->bytes_read;
	return r;
}

struct feed_result feed_read(enum ksd_dump_format format, const void *data, size_t len,
                             enum feed_via via)
{
	const char *name = feed_stage(data, len, via);
	struct feed_result r =
	    format == KSD_FMT_UNKNOWN ? feed_read_path(name) : read_archive(format, name);
	unpipe();
	return r;
}

size_t feed_public_rows(const struct ksd_catalog *cat)
{
	const struct ksd_schema *s =
	    cat->ndatabases ? ksd_database_schema(&cat->databases[0], "public") : NULL;
	return s ? s->metadata.nrows : 0;
}

char *feed_dir_new(void)
{
	char *dir = temp_template("dir");
	if (!mkdtemp(dir))
		die(dir, errno);
	return dir;
}

void feed_dir_put(const char *dir, const char *name, const void *data, size_t len)
{
	char *path = join(dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die(path, errno);
	free(path);
}

void feed_dir_clear(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		die(dir, errno);
	for (struct dirent *e; (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path = join(dir, e->d_name);
		if (unlink(path) != 0)
			die(path, errno);
		free(path);
	}
	closedir(d);
}

void feed_dir_free(char *dir)
{
	feed_dir_clear(dir);
	if (rmdir(dir) != 0)
		die(dir, errno);
	free(dir);
}

void feed_fixture(char *out, size_t cap, const char *name)
{
	const char *dir = getenv("KSD_TESTDATA");
	snprintf(out, cap, "%s/archive/%s", dir ? dir : "testdata", name);
}

unsigned char *feed_fixture_bytes(const char *name, size_t *len)
{
	char path[512];
	feed_fixture(path, sizeof(path), name);
	FILE *f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0)
		die(path, errno);
	long n = ftell(f);
	unsigned char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!p || fseek(f, 0, SEEK_SET) != 0 || fread(p, 1, (size_t)n, f) != (size_t)n)
		die(path, errno);
	fclose(f);
	*len = (size_t)n;
	return p;
}
