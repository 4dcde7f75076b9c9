/* Resolving mount points and created files inside the container's root: see inroot.h. */
#define _GNU_SOURCE
#include "inroot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* From <linux/openat2.h>, which musl's toolchain does not ship. */
struct open_how {
    uint64_t flags, mode, resolve;
};
#define RESOLVE_NO_MAGICLINKS 0x02
#define RESOLVE_IN_ROOT 0x10

static char root[PATH_MAX];
static int root_held = -1; /* once held, the root is reopened from this descriptor, not its path */
static int openat2_missing; /* ENOSYS once: every later call walks component by component */

void inroot_without_openat2(int without)
{
    openat2_missing = without;
}

void inroot_set(const char *rootfs)
{
    snprintf(root, sizeof root, "%s", rootfs);
}

int inroot_hold(void)
{
    root_held = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    return root_held;
}

int inroot_chdir(const char *path)
{
    const char *relative = inroot_relative(path);
    return root_held >= 0 && relative && !relative[0] ? fchdir(root_held) : chdir(path);
}

const char *inroot_relative(const char *path)
{
    size_t length = strlen(root);
    if (length == 0 || strncmp(path, root, length) != 0)
        return NULL;
    if (path[length] == '\0')
        return "";
    return path[length] == '/' ? path + length + 1 : NULL;
}

int inroot_open(const char *relative, int flags, mode_t mode)
{
    int root_fd = root_held >= 0 ? fcntl(root_held, F_DUPFD_CLOEXEC, 0) : open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0)
        return -1;
    int fd = -1;
    if (!openat2_missing) {
        struct open_how how = {.flags = flags | O_CLOEXEC, .mode = mode,
                               .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
        fd = syscall(SYS_openat2, root_fd, relative[0] ? relative : ".", &how, sizeof how);
        if (fd < 0 && errno == ENOSYS)
            openat2_missing = 1;
    }
    if (openat2_missing)
        fd = inroot_walk(root_fd, relative, flags, mode);
    int err = errno;
    close(root_fd);
    errno = err;
    return fd;
}

int inroot_open_parent(const char *relative, const char **name)
{
    static char parent[PATH_MAX];
    const char *slash = strrchr(relative, '/');
    *name = slash ? slash + 1 : relative;
    snprintf(parent, sizeof parent, "%.*s", slash ? (int)(slash - relative) : 0, relative);
    return inroot_open(parent, O_PATH | O_DIRECTORY, 0);
}

/* Where a dangling symlink at prefix (whose parent is parent_fd) leads, followed by rest. */
static int follow_dangling(int parent_fd, const char *name, const char *prefix, const char *rest,
                           char *out, size_t size)
{
    char target[PATH_MAX];
    ssize_t n = readlinkat(parent_fd, name, target, sizeof target - 1);
    if (n < 0)
        return -1;
    target[n] = '\0';
    int parent_length = (int)(strrchr(prefix, '/') ? strrchr(prefix, '/') - prefix : 0);
    int written = target[0] == '/' ? snprintf(out, size, "%s%s%s", target + 1, rest[0] ? "/" : "", rest)
                                   : snprintf(out, size, "%.*s%s%s%s%s", parent_length, prefix,
                                              parent_length ? "/" : "", target, rest[0] ? "/" : "", rest);
    if (written < 0 || (size_t)written >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

/*
 * Each prefix in turn: an existing directory (a symlink in it resolved inside the root), a new
 * one, or a dangling symlink whose target is created instead, as docker creates mount points.
 */
static int mkdir_walk(const char *relative, mode_t mode, int depth)
{
    char prefix[PATH_MAX];
    if (depth > 40) {
        errno = ELOOP;
        return -1;
    }
    if (snprintf(prefix, sizeof prefix, "%s", relative) >= (int)sizeof prefix) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *end = prefix;; end++) {
        if (*end != '/' && *end != '\0')
            continue;
        char saved = *end;
        *end = '\0';
        int fd = inroot_open(prefix, O_PATH | O_DIRECTORY, 0);
        if (fd < 0 && errno == ENOENT) {
            const char *name;
            int parent = inroot_open_parent(prefix, &name);
            if (parent < 0)
                return -1;
            char followed[PATH_MAX];
            if (follow_dangling(parent, name, prefix, saved ? end + 1 : "", followed, sizeof followed) == 0) {
                close(parent);
                return mkdir_walk(followed, mode, depth + 1);
            }
            int rc = mkdirat(parent, name, mode);
            close(parent);
            if (rc < 0 && errno != EEXIST)
                return -1;
            fd = inroot_open(prefix, O_PATH | O_DIRECTORY, 0);
        }
        if (fd < 0)
            return -1;
        close(fd);
        *end = saved;
        if (saved == '\0')
            return 0;
    }
}

int inroot_mkdir_all(const char *relative, mode_t mode)
{
    return mkdir_walk(relative, mode, 0);
}

/* Created when missing; what exists is only looked at (O_PATH): opening a FIFO or a device the
 * image put there for writing could block or act on the device. A directory cannot take a file. */
static int create_or_find(const char *relative, mode_t mode)
{
    int fd = inroot_open(relative, O_PATH, 0);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    if (fd >= 0 || errno != ENOENT)
        return fd;
    return inroot_open(relative, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, mode);
}

int inroot_create_file(const char *relative, mode_t mode)
{
    int fd = create_or_find(relative, mode);
    if (fd >= 0 || errno != ENOENT)
        return fd;
    /* a dangling symlink (resolv.conf -> ../run/systemd/resolve/stub-resolv.conf): make its directory */
    const char *name;
    int parent = inroot_open_parent(relative, &name);
    if (parent < 0)
        return -1;
    char followed[PATH_MAX];
    int rc = follow_dangling(parent, name, relative, "", followed, sizeof followed);
    close(parent);
    if (rc < 0) {
        errno = ENOENT;
        return -1;
    }
    char *slash = strrchr(followed, '/');
    if (slash) {
        *slash = '\0';
        if (mkdir_walk(followed, 0755, 1) < 0)
            return -1;
    }
    return create_or_find(relative, mode);
}
