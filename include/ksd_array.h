/* Arrays that grow by doubling, their capacity implied by their count: the
 * catalog's objects and the dump's TOC entries. */
#ifndef KSD_ARRAY_H
#define KSD_ARRAY_H

#include <stddef.h>

/* Appends a zeroed element to the array *arr of *n elements. NULL when out
 * of memory or over KSD_MAX_OBJECTS. */
void *array_append(void *arrp, size_t *n, size_t elem);

#define APPEND(arr, n) array_append(&(arr), &(n), sizeof(*(arr)))

#endif
