/* MD5 of a byte string as 32 lower-case hex digits: what PostgreSQL's
 * md5(text) returns, so that a script can ask the live catalog whether a
 * function's source is the one the dump showed without carrying the source
 * itself (RFC 1321; a fingerprint, not a security measure). */
#ifndef KSD_MD5_H
#define KSD_MD5_H

#include <stddef.h>

#define KSD_MD5_HEX 33 /* 32 digits and the NUL */

void ksd_md5_hex(const void *data, size_t len, char hex[KSD_MD5_HEX]);

#endif
