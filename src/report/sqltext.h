/* Text from a dump, written into SQL. */
#ifndef KSD_REPORT_SQLTEXT_H
#define KSD_REPORT_SQLTEXT_H

#include <stdio.h>

/* `s` for a `--` SQL comment: printable text only, never a line break. */
void sql_comment(FILE *out, const char *s);
/* `name` as a quoted identifier; U&"..." with escapes when it holds
 * characters a terminal would act on. */
void sql_ident(FILE *out, const char *name);

#endif
