/*
 * The in-root resolution against an image's symlink traps, with openat2 and with the fallback
 * walk: built next to the helper, run by InRootResolutionTest. Prints "N passed, N failed".
 */
#define _GNU_SOURCE
#include "inroot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int passed, failed;
static char root[256];

static void check(int ok, const char *mode, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL (%s): %s (errno %s)\n", mode, what, strerror(errno));
    }
}

static void make(const char *kind, const char *path, const char *target)
{
    char full[8192];
    snprintf(full, sizeof full, "%s/%s", root, path);
    int rc = kind[0] == 'd' ? mkdir(full, 0755) : kind[0] == 'l' ? symlink(target, full) : mkfifo(full, 0644);
    if (rc < 0) {
        perror(full);
        exit(2);
    }
}

/* The same inode as root/expected, reached by resolving relative inside the root. */
static int resolves_to(const char *relative, const char *expected)
{
    char full[8192];
    struct stat want, got;
    snprintf(full, sizeof full, "%s/%s", root, expected);
    int fd = inroot_open(relative, O_PATH, 0);
    if (fd < 0 || stat(full, &want) < 0 || fstat(fd, &got) < 0)
        return 0;
    close(fd);
    return want.st_ino == got.st_ino && want.st_dev == got.st_dev;
}

static int exists(const char *relative)
{
    char full[8192];
    struct stat st;
    snprintf(full, sizeof full, "%s/%s", root, relative);
    return lstat(full, &st) == 0;
}

static void run(const char *mode)
{
    check(resolves_to("data", "etc"), mode, "absolute symlink /etc stays in the root");
    check(resolves_to("abs", "etc"), mode, "/../../../../etc stays in the root");
    check(resolves_to("rel", "etc"), mode, "../../../../etc stays in the root");
    check(resolves_to("deep/er/up", "etc"), mode, "a relative chain from a subdirectory stays in the root");
    check(resolves_to("chain", "etc"), mode, "a chain of symlinks stays in the root");
    check(resolves_to("../../..", ""), mode, "'..' above the root is the root");
    check(resolves_to("data/../abs/./", "etc"), mode, "'..' and '.' through symlinks");
    check(inroot_open("loop", O_PATH, 0) < 0 && errno == ELOOP, mode, "a symlink loop is ELOOP");
    check(inroot_open("fifo/x", O_PATH, 0) < 0 && errno == ENOTDIR, mode, "a file in the middle is ENOTDIR");
    int fd = inroot_open("data", O_PATH | O_NOFOLLOW, 0);
    struct stat st;
    check(fd >= 0 && fstat(fd, &st) == 0 && S_ISLNK(st.st_mode), mode, "O_NOFOLLOW keeps the last symlink");
    close(fd);
    check(inroot_mkdir_all("abs/made/here", 0755) == 0 && exists("etc/made/here"), mode, "mkdir -p through /abs");
    check(inroot_mkdir_all("dangling/sub", 0755) == 0 && exists("target/of/dangling/sub"), mode,
          "mkdir -p through a dangling symlink creates its target inside");
    fd = inroot_create_file("rel/hosts", 0644);
    check(fd >= 0 && exists("etc/hosts"), mode, "a file through ../../../../etc is created in the root's etc");
    close(fd);
    fd = inroot_create_file("fifo", 0644); /* opened for writing, this would block */
    check(fd >= 0, mode, "an existing FIFO is found, not opened");
    close(fd);
    check(inroot_create_file("abs", 0644) < 0 && errno == EISDIR, mode, "a directory is no file mount point");
    const char *name;
    fd = inroot_open_parent("abs/hosts", &name);
    check(fd >= 0 && strcmp(name, "hosts") == 0 && resolves_to("abs", "etc"), mode, "the parent of abs/hosts");
    close(fd);
}

int main(void)
{
    char template[] = "/tmp/inroot-test-XXXXXX";
    if (!mkdtemp(template))
        return 2;
    snprintf(root, sizeof root, "%s/root", template);
    mkdir(root, 0755);
    make("d", "etc", NULL);
    make("d", "deep", NULL);
    make("d", "deep/er", NULL);
    make("l", "data", "/etc");
    make("l", "abs", "/../../../../etc");
    make("l", "rel", "../../../../etc");
    make("l", "deep/er/up", "../../../../../../etc");
    make("l", "chain", "data");
    make("l", "loop", "loop");
    make("l", "dangling", "/target/of/dangling");
    make("f", "fifo", NULL);
    inroot_set(root);
    run("openat2");
    inroot_without_openat2(1);
    char cleanup[8300];
    snprintf(cleanup, sizeof cleanup, "rm -rf %s/etc/made %s/etc/hosts %s/target", root, root, root);
    if (system(cleanup) != 0)
        return 2;
    run("walk");
    snprintf(cleanup, sizeof cleanup, "rm -rf %s", template);
    if (system(cleanup) != 0)
        return 2;
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
