#ifndef MC_INROOT_H
#define MC_INROOT_H

#include <sys/types.h>

/*
 * Paths under the container's root file system, resolved as if it were "/" already (openat2
 * RESOLVE_IN_ROOT): an image whose /etc is a symlink to /etc, or whose /data points at "../../..",
 * never makes the helper create, mount over or change anything outside the container's root.
 */

/* The root that later calls resolve against (the plan's pivot_root target). */
void inroot_set(const char *rootfs);

/* The part of path below the root ("" for the root itself), or NULL for a path outside it. */
const char *inroot_relative(const char *path);

/* Keeps the root open (the mount on it now): later calls start there, so its parents on the host
 * need not be searchable by whoever the process becomes (--userns=auto). Returns the descriptor or -1. */
int inroot_hold(void);

/* chdir(path), or to the held root when path is the root. */
int inroot_chdir(const char *path);

/* openat2 inside the root (inroot_walk where openat2 is missing); returns a descriptor or -1 with errno. */
int inroot_open(const char *relative, int flags, mode_t mode);

/* mkdir -p inside the root; a dangling symlink on the way gets its target created. */
int inroot_mkdir_all(const char *relative, mode_t mode);

/* Creates an empty file (a mount point) inside the root unless it exists; returns an open fd. */
int inroot_create_file(const char *relative, mode_t mode);

/* Opens the directory that holds relative, and points *name at its last component. */
int inroot_open_parent(const char *relative, const char **name);

/* The same resolution without openat2: component by component from root_fd (inroot_walk.c). */
int inroot_walk(int root_fd, const char *relative, int flags, mode_t mode);

/* For tests: 1 makes every call take inroot_walk, as on a kernel without openat2. */
void inroot_without_openat2(int without);

#endif
