/*
 * Resolution inside a root without openat2 (kernels before 5.6): one component at a time from the
 * root's descriptor, never letting the kernel follow a symlink. Each symlink is read and its
 * target spliced into what is left to resolve; an absolute target starts again at the root, and
 * ".." never climbs above it, exactly as openat2's RESOLVE_IN_ROOT would resolve the path.
 */
#define _GNU_SOURCE
#include "inroot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 256
#define MAX_SYMLINKS 40

struct walk {
    int dirs[MAX_DEPTH]; /* dirs[0] is the root; dirs[depth] the directory reached so far */
    int depth;
    char rest[2 * PATH_MAX]; /* what is left to resolve */
    int symlinks;
};

static void pop_to(struct walk *w, int depth)
{
    while (w->depth > depth)
        close(w->dirs[w->depth--]);
}

/* rest becomes target, then "/" and what followed the link; an absolute target restarts at the root. */
static int splice_symlink(struct walk *w, int link_fd, const char *after)
{
    char target[PATH_MAX], joined[sizeof w->rest];
    if (++w->symlinks > MAX_SYMLINKS) {
        errno = ELOOP;
        return -1;
    }
    ssize_t n = readlinkat(link_fd, "", target, sizeof target - 1);
    if (n < 0)
        return -1;
    target[n] = '\0';
    int written = snprintf(joined, sizeof joined, "%s%s%s", target, after[0] ? "/" : "", after);
    if (written < 0 || (size_t)written >= sizeof joined) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (target[0] == '/')
        pop_to(w, 0);
    memcpy(w->rest, joined, (size_t)written + 1);
    return 0;
}

/* The last component: opened with the caller's flags once it is known not to be a symlink. */
static int open_last(struct walk *w, const char *name, int flags, mode_t mode, int *again)
{
    int dir = w->dirs[w->depth];
    int fd = openat(dir, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT && (flags & O_CREAT) ? openat(dir, name, flags | O_NOFOLLOW | O_CLOEXEC, mode) : -1;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        close(fd);
        return -1;
    }
    if (S_ISLNK(st.st_mode) && !(flags & O_NOFOLLOW)) {
        *again = splice_symlink(w, fd, "") == 0;
        close(fd);
        return -1;
    }
    if ((flags & O_DIRECTORY) && !S_ISDIR(st.st_mode)) {
        close(fd);
        errno = ENOTDIR;
        return -1;
    }
    if (flags & O_PATH)
        return fd;
    close(fd);
    return openat(dir, name, (flags & ~O_CREAT) | O_NOFOLLOW | O_CLOEXEC);
}

/* One step down: a real directory is entered, a symlink spliced in; returns -1 with errno on failure. */
static int enter(struct walk *w, const char *name, const char *after)
{
    int fd = openat(w->dirs[w->depth], name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) < 0) {
        close(fd);
        return -1;
    }
    if (S_ISLNK(st.st_mode)) {
        int rc = splice_symlink(w, fd, after);
        close(fd);
        return rc;
    }
    if (!S_ISDIR(st.st_mode) || w->depth + 1 >= MAX_DEPTH) {
        close(fd);
        errno = S_ISDIR(st.st_mode) ? ENAMETOOLONG : ENOTDIR;
        return -1;
    }
    w->dirs[++w->depth] = fd;
    size_t length = strlen(after);
    memmove(w->rest, after, length + 1);
    return 0;
}

static int walk(struct walk *w, int flags, mode_t mode)
{
    for (;;) {
        char *start = w->rest;
        while (*start == '/')
            start++;
        if (*start == '\0') /* the directory reached is the answer */
            return openat(w->dirs[w->depth], ".", (flags & ~(O_CREAT | O_NOFOLLOW)) | O_CLOEXEC);
        char *slash = strchr(start, '/');
        char *after = slash ? slash + 1 : start + strlen(start);
        while (*after == '/')
            after++;
        char name[NAME_MAX + 1];
        size_t length = slash ? (size_t)(slash - start) : strlen(start);
        if (length > NAME_MAX) {
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(name, start, length);
        name[length] = '\0';
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
            if (name[1] == '.' && w->depth > 0)
                pop_to(w, w->depth - 1);
            memmove(w->rest, after, strlen(after) + 1);
            continue;
        }
        if (*after == '\0') {
            int again = 0;
            int fd = open_last(w, name, flags, mode, &again);
            if (fd >= 0 || !again)
                return fd;
            continue;
        }
        if (enter(w, name, after) < 0)
            return -1;
    }
}

int inroot_walk(int root_fd, const char *relative, int flags, mode_t mode)
{
    struct walk w = {.depth = 0, .symlinks = 0};
    if (strlen(relative) >= sizeof w.rest) {
        errno = ENAMETOOLONG;
        return -1;
    }
    w.dirs[0] = root_fd;
    snprintf(w.rest, sizeof w.rest, "%s", relative);
    int fd = walk(&w, flags, mode);
    int err = errno;
    pop_to(&w, 0);
    errno = err;
    return fd;
}
