/* The plugins whose version their rows tell, as data: kinto-attachment's
 * migration 1->2 moves the objects rows under parent '__attachments__' from
 * resource_name '' to 'attachments', then records '2'. */
#include "ksd_facts.h"

const struct ksd_known_plugin ksd_known_plugins[] = {
    {"kinto_attachment", 2, "__attachments__", "", "attachments", 1},
};
const size_t ksd_nknown_plugins = sizeof(ksd_known_plugins) / sizeof(ksd_known_plugins[0]);
