/* Growing arrays. The capacity is the next power of two at or above the
 * count (at least 4), so no capacity field is needed. */
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "ksd_array.h"

void *array_append(void *arrp, size_t *n, size_t elem)
{
	void **arr = arrp;
	if (*n >= KSD_MAX_OBJECTS)
		return NULL;
	if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0)) {
		void *bigger = realloc(*arr, (*n ? *n * 2 : 4) * elem);
		if (!bigger)
			return NULL;
		*arr = bigger;
	}
	char *slot = (char *)*arr + *n * elem;
	memset(slot, 0, elem);
	(*n)++;
	return slot;
}
