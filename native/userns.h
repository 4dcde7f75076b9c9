/* --userns=auto (docs/userns.md): the monitor's preparation around the clone, and the container's steps. */
#ifndef MC_USERNS_H
#define MC_USERNS_H

#include "plan.h"

#include <stddef.h>
#include <sys/types.h>

/* Before the clone: a template user namespace with the plan's maps, the idmapped trees (OP_IDMAP_*)
 * and the network namespace to clone in (OP_NETNS_FOR_CLONE). Nothing to do without OP_USERNS_MAP.
 * -1 with the line to print in text. */
int userns_prepare(const struct plan *plan, char *text, size_t len);

/* After the clone: back in the monitor's own network namespace, the trees closed; then the maps
 * written for the child, which waits for them. -1 with the line to print in text. */
int userns_after_clone(const struct plan *plan, pid_t child, char *text, size_t len);

/* The container's steps: OP_BECOME_ROOT and OP_ATTACH_TREE. */
int userns_become_root(const struct step *step);
int userns_attach_tree(const struct step *step);

#endif
