/*
 * --userns=auto. The container is cloned into a new user namespace together with its other
 * namespaces, so it owns them; the monitor (root on the host) writes its uid_map and gid_map
 * before it lets the child go. The child may not mount host paths with their host owners, so the
 * monitor prepares them first, as detached mounts whose descriptors the clone inherits: the
 * overlay, made on the host over idmapped lower layers (the upper layer is the container's own,
 * owned by its root's host uid), and an idmapped copy of every bind source. The idmapping comes from
 * a short-lived template namespace with the same maps: an idmapped mount keeps only the mapping.
 */
#define _GNU_SOURCE
#include "userns.h"
#include "helper.h"
#include "inroot.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* From <linux/mount.h>, which musl's toolchain does not ship; new syscalls have one number everywhere. */
#define SYS_OPEN_TREE 428
#define SYS_MOVE_MOUNT 429
#define SYS_FSOPEN 430
#define SYS_FSCONFIG 431
#define SYS_FSMOUNT 432
#define SYS_MOUNT_SETATTR 442
#define OPEN_TREE_CLONE 1
#define RECURSIVE 0x8000 /* AT_RECURSIVE */
#define EMPTY_PATH 0x1000 /* AT_EMPTY_PATH */
#define MOUNT_ATTR_IDMAP 0x00100000
#define MOVE_MOUNT_F_EMPTY_PATH 0x04
#define MOVE_MOUNT_T_EMPTY_PATH 0x40
#define FSCONFIG_SET_STRING 1
#define FSCONFIG_CMD_CREATE 6
#define CLOEXEC_FLAG 1 /* FSOPEN_CLOEXEC, FSMOUNT_CLOEXEC */

struct idmap_attr {
    uint64_t attr_set, attr_clr, propagation, userns_fd;
};

enum { MAX_TREES = 256 };
static int trees[MAX_TREES]; /* inherited by the clone: the container attaches them by index */
static int tree_count;
static int own_netns = -1;

static int fail(char *text, size_t len, const char *what, const char *arg)
{
    snprintf(text, len, "minicontainer: %s %s: %s\n", what, arg, strerror(errno));
    return -1;
}

static int write_maps(const struct step *map, pid_t pid)
{
    char line[64], path[64];
    snprintf(line, sizeof line, "0 %s %s\n", map->args[1], map->args[2]);
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, i ? "gid_map" : "uid_map");
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        ssize_t n = write(fd, line, strlen(line));
        int err = errno;
        close(fd);
        if (n < 0) {
            errno = err;
            return -1;
        }
    }
    return 0;
}

/* A process that only waits, in a new user namespace with the maps: its namespace is the template. */
static int template_userns(const struct step *map)
{
    int hold[2];
    if (pipe2(hold, O_CLOEXEC) < 0)
        return -1;
    pid_t pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, NULL, NULL, NULL, NULL);
    if (pid == 0) {
        char c;
        close(hold[1]);
        _exit(read(hold[0], &c, 1) < 0);
    }
    close(hold[0]);
    int fd = -1;
    if (pid > 0 && write_maps(map, pid) == 0) {
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/ns/user", (int)pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    int err = errno;
    close(hold[1]);
    if (pid > 0)
        waitpid(pid, NULL, 0);
    errno = err;
    return fd;
}

static int idmapped_tree(const char *path, int recursive, int userns)
{
    int fd = syscall(SYS_OPEN_TREE, AT_FDCWD, path, OPEN_TREE_CLONE | O_CLOEXEC | (recursive ? RECURSIVE : 0));
    if (fd < 0)
        return -1;
    struct idmap_attr attr = {.attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (uint64_t)userns};
    if (syscall(SYS_MOUNT_SETATTR, fd, "", EMPTY_PATH | (recursive ? RECURSIVE : 0), &attr, sizeof attr) < 0) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

/* args: upper, work, lower layers top first; each lower idmapped, added with "lowerdir+" (no page limit).
 * A detached layer must stay open until the overlay is made: closing it dissolves the mount. */
static int idmapped_overlay(const struct step *s, int userns, char *text, size_t len)
{
    int fs = syscall(SYS_FSOPEN, "overlay", CLOEXEC_FLAG);
    if (fs < 0)
        return fail(text, len, "overlay:", "fsopen");
    int layers[MAX_TREES], count = 0, rc = 0;
    for (uint32_t i = 3; i < s->argc && rc == 0; i++) {
        if (count == MAX_TREES) {
            errno = E2BIG;
            rc = fail(text, len, "overlay layer", s->args[i]);
        } else if ((layers[count] = idmapped_tree(s->args[i], 0, userns)) < 0) {
            rc = fail(text, len, "idmap layer", s->args[i]);
        } else {
            char through_fd[32];
            snprintf(through_fd, sizeof through_fd, "/proc/self/fd/%d", layers[count++]);
            if (syscall(SYS_FSCONFIG, fs, FSCONFIG_SET_STRING, "lowerdir+", through_fd, 0) < 0)
                rc = fail(text, len, "overlay layer", s->args[i]);
        }
    }
    if (rc == 0 && (syscall(SYS_FSCONFIG, fs, FSCONFIG_SET_STRING, "upperdir", s->args[1], 0) < 0
                    || syscall(SYS_FSCONFIG, fs, FSCONFIG_SET_STRING, "workdir", s->args[2], 0) < 0
                    || syscall(SYS_FSCONFIG, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0))
        rc = fail(text, len, "overlay on", s->args[1]);
    int tree = rc == 0 ? (int)syscall(SYS_FSMOUNT, fs, CLOEXEC_FLAG, 0) : -1;
    if (rc == 0 && tree < 0)
        rc = fail(text, len, "overlay:", "fsmount");
    close(fs);
    while (count > 0)
        close(layers[--count]);
    if (rc == 0)
        trees[tree_count++] = tree;
    return rc;
}

static int prepare_trees(const struct plan *plan, int userns, char *text, size_t len)
{
    for (uint32_t i = 0; i < plan->count; i++) {
        const struct step *s = &plan->steps[i];
        if (s->op != OP_IDMAP_OVERLAY && s->op != OP_IDMAP_BIND)
            continue;
        if (tree_count == MAX_TREES) {
            errno = E2BIG;
            return fail(text, len, "idmap", s->args[1]);
        }
        if (s->op == OP_IDMAP_OVERLAY) {
            if (idmapped_overlay(s, userns, text, len) < 0)
                return -1;
        } else if ((trees[tree_count++] = idmapped_tree(s->args[1], (int)step_num(s, 2), userns)) < 0) {
            tree_count--;
            return fail(text, len, "idmap", s->args[1]);
        }
    }
    return 0;
}

int userns_prepare(const struct plan *plan, char *text, size_t len)
{
    const struct step *map = find_step(plan, OP_USERNS_MAP);
    if (!map)
        return 0;
    int userns = template_userns(map);
    if (userns < 0)
        return fail(text, len, "user namespace", "template");
    int rc = prepare_trees(plan, userns, text, len);
    close(userns);
    const struct step *netns = find_step(plan, OP_NETNS_FOR_CLONE);
    if (rc == 0 && netns) {
        int target = open(netns->args[1], O_RDONLY | O_CLOEXEC);
        own_netns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        if (target < 0 || own_netns < 0 || setns(target, CLONE_NEWNET) < 0)
            rc = fail(text, len, "enter", netns->args[1]);
        if (target >= 0)
            close(target);
    }
    return rc;
}

int userns_after_clone(const struct plan *plan, pid_t child, char *text, size_t len)
{
    const struct step *map = find_step(plan, OP_USERNS_MAP);
    if (!map)
        return 0;
    int rc = 0;
    if (own_netns >= 0) {
        if (setns(own_netns, CLONE_NEWNET) < 0)
            rc = fail(text, len, "return to the monitor's", "network namespace");
        close(own_netns);
        own_netns = -1;
    }
    for (int i = 0; i < tree_count; i++)
        close(trees[i]);
    if (rc == 0 && child > 0 && write_maps(map, child) < 0)
        rc = fail(text, len, map->args[0], "");
    return rc;
}

/* After the overlay is on the root, before anything is created in it: the root's host parents are
 * searchable by host root only, so the root is held open first. */
int userns_become_root(const struct step *step)
{
    (void)step;
    if (inroot_hold() < 0 || setgroups(0, NULL) < 0 || setresgid(0, 0, 0) < 0 || setresuid(0, 0, 0) < 0)
        return errno;
    return 0;
}

/* args: target, tree index. The target is opened inside the root, like every mount point. */
int userns_attach_tree(const struct step *s)
{
    int index = (int)step_num(s, 2);
    if (index < 0 || index >= tree_count)
        return EINVAL;
    const char *relative = inroot_relative(s->args[1]);
    int target = relative && relative[0] ? inroot_open(relative, O_PATH, 0) : open(s->args[1], O_PATH | O_CLOEXEC);
    if (target < 0)
        return errno;
    int rc = syscall(SYS_MOVE_MOUNT, trees[index], "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    int err = errno;
    close(target);
    close(trees[index]);
    return rc < 0 ? err : 0;
}
