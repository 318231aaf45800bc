/* Fills struct ksd_err; the first error wins, so the root cause is reported. */
#include <stdio.h>
#include <string.h>

#include "ksd_err.h"

void ksd_err_clear(struct ksd_err *err)
{
	memset(err, 0, sizeof(*err));
	err->offset = -1;
}

static int vset(struct ksd_err *err, long line, long long offset, const char *fmt, va_list ap)
{
	if (err->set)
		return KSD_FATAL;
	err->set = 1;
	err->line = line;
	err->offset = offset;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return KSD_FATAL;
}

int ksd_err_at_line(struct ksd_err *err, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, line, -1, fmt, ap);
	va_end(ap);
	return KSD_FATAL;
}

int ksd_err_at_offset(struct ksd_err *err, long long offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, 0, offset, fmt, ap);
	va_end(ap);
	return KSD_FATAL;
}
