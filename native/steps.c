/*
 * The container side: each step of the plan is one primitive call with arguments Java computed.
 * No step decides anything; a failing step returns the errno that the caller reports back.
 */
#define _GNU_SOURCE
#include "steps.h"
#include "inroot.h"
#include "terminal.h"
#include "userns.h"

#include <errno.h>
#include <sched.h>
#include <grp.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <net/if.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* From <linux/capability.h>, which musl's toolchain does not ship. */
#define CAPABILITY_VERSION_3 0x20080522
struct cap_header {
    uint32_t version;
    int pid;
};
struct cap_data {
    uint32_t effective, permitted, inheritable;
};

/* From <linux/mount.h>, which musl's toolchain does not ship; the syscall number is the same on every architecture. */
struct mount_attr {
    uint64_t attr_set, attr_clr, propagation, userns_fd;
};
#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif

/* From <linux/filter.h> and <linux/seccomp.h>, which musl's toolchain does not ship. */
struct bpf_insn_classic {
    uint16_t code;
    uint8_t jt, jf;
    uint32_t k;
};
struct bpf_program_classic {
    unsigned short len;
    struct bpf_insn_classic *filter;
};
#define SECCOMP_SET_MODE_FILTER 1
#define BPF_MAXINSNS 4096

#define FAIL_IF(cond) \
    do { \
        if (cond) \
            return errno; \
    } while (0)

/* A mount point under the root is opened inside it and mounted on through /proc/self/fd. */
static int do_mount(const struct step *s)
{
    const char *relative = inroot_relative(s->args[2]);
    char through_fd[64];
    int fd = -1;
    if (relative && relative[0]) {
        fd = inroot_open(relative, O_PATH, 0);
        FAIL_IF(fd < 0);
        snprintf(through_fd, sizeof through_fd, "/proc/self/fd/%d", fd);
    }
    int rc = mount(step_str_or_null(s, 1), fd >= 0 ? through_fd : s->args[2], step_str_or_null(s, 3),
                   step_num(s, 4), step_str_or_null(s, 5));
    int err = errno;
    if (fd >= 0)
        close(fd);
    return rc < 0 ? err : 0;
}

/* Attributes on a mount and every mount below it (rro): the target is opened inside the root, like a mount point. */
static int do_mount_setattr(const struct step *s)
{
    const char *relative = inroot_relative(s->args[1]);
    int fd = relative ? inroot_open(relative, O_PATH, 0) : open(s->args[1], O_PATH | O_CLOEXEC);
    FAIL_IF(fd < 0);
    struct mount_attr attr = {.attr_set = step_num(s, 2), .attr_clr = step_num(s, 3)};
    int rc = syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr);
    int err = errno;
    close(fd);
    return rc < 0 ? err : 0;
}

/* mkdir -p: an existing directory is fine, anything else in the way is an error. */
static int do_mkdir(const struct step *s)
{
    const char *relative = inroot_relative(s->args[1]);
    if (relative) {
        FAIL_IF(inroot_mkdir_all(relative, step_num(s, 2)) < 0);
        return 0;
    }
    char path[PATH_MAX];
    mode_t mode = step_num(s, 2);
    if (snprintf(path, sizeof path, "%s", s->args[1]) >= (int)sizeof path)
        return ENAMETOOLONG;
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat st;
        if (mkdir(path, mode) < 0 && !(errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
            return errno == EEXIST ? ENOTDIR : errno;
        *p = saved;
        if (saved == '\0')
            return 0;
    }
}

static int do_touch(const struct step *s)
{
    const char *relative = inroot_relative(s->args[1]);
    int fd = relative ? inroot_create_file(relative, step_num(s, 2))
                      : open(s->args[1], O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, (mode_t)step_num(s, 2));
    FAIL_IF(fd < 0);
    close(fd);
    return 0;
}

/* The directory that will hold path: inside the root when path is under it, else as given. */
static int open_parent(const char *path, const char **name)
{
    const char *relative = inroot_relative(path);
    if (relative)
        return inroot_open_parent(relative, name);
    const char *slash = strrchr(path, '/');
    *name = slash ? slash + 1 : path;
    return AT_FDCWD;
}

static int do_mknod(const struct step *s)
{
    const char *name;
    int dir = open_parent(s->args[1], &name);
    FAIL_IF(dir < 0 && dir != AT_FDCWD);
    const char *node = dir == AT_FDCWD ? s->args[1] : name;
    int rc = mknodat(dir, node, step_num(s, 2), makedev(step_num(s, 3), step_num(s, 4)));
    if (rc == 0 && s->argc > 6) /* a device passed with --device keeps the host node's owner */
        rc = fchownat(dir, node, step_num(s, 5), step_num(s, 6), AT_SYMLINK_NOFOLLOW);
    int err = errno;
    if (dir >= 0)
        close(dir);
    return rc < 0 ? err : 0;
}

static int do_symlink(const struct step *s)
{
    const char *name;
    int dir = open_parent(s->args[2], &name);
    FAIL_IF(dir < 0 && dir != AT_FDCWD);
    int rc = symlinkat(s->args[1], dir, dir == AT_FDCWD ? s->args[2] : name);
    int err = errno;
    if (dir >= 0)
        close(dir);
    return rc < 0 ? err : 0;
}

/* pivot_root(".", "."): the old root ends up stacked under the new one and is detached at once. */
static int do_pivot_root(const struct step *s)
{
    FAIL_IF(inroot_chdir(s->args[1]) < 0);
    FAIL_IF(syscall(SYS_pivot_root, ".", ".") < 0);
    FAIL_IF(umount2(".", MNT_DETACH) < 0);
    FAIL_IF(chdir("/") < 0);
    return 0;
}

static int do_sethostname(const struct step *s)
{
    FAIL_IF(sethostname(s->args[1], strlen(s->args[1])) < 0);
    return 0;
}

static int do_link_up(const struct step *s)
{
    struct ifreq ifr = {0};
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    FAIL_IF(fd < 0);
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", s->args[1]);
    int rc = ioctl(fd, SIOCGIFFLAGS, &ifr);
    if (rc == 0) {
        ifr.ifr_flags |= IFF_UP;
        rc = ioctl(fd, SIOCSIFFLAGS, &ifr);
    }
    int err = errno;
    close(fd);
    return rc < 0 ? err : 0;
}

static int do_setsid(const struct step *s)
{
    (void)s;
    FAIL_IF(setsid() < 0);
    return 0;
}

static int do_umask(const struct step *s)
{
    umask(step_num(s, 1));
    return 0;
}

static int do_open_stdin(const struct step *s)
{
    int fd = open(s->args[1], O_RDONLY);
    FAIL_IF(fd < 0);
    if (fd != 0) {
        int rc = dup2(fd, 0);
        close(fd);
        FAIL_IF(rc < 0);
    }
    return 0;
}

static int do_chdir(const struct step *s)
{
    FAIL_IF(chdir(s->args[1]) < 0);
    return 0;
}

/* Runs while still root: dropping from the bounding set needs CAP_SETPCAP. */
static int do_bounding(const struct step *s)
{
    unsigned long long bounding = step_num(s, 1);
    for (int cap = 0; cap < 64; cap++)
        if (!(bounding & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
            return errno;
    return 0;
}

/* Groups first, then gid, then uid: each later call gives up the right to make the earlier ones.
 * The permitted set survives the switch (keep-caps), so the capabilities step that follows sets it
 * as the plan says, even for a non-root user (exec -u keeps the container's capabilities). */
static int do_user(const struct step *s)
{
    gid_t groups[64];
    size_t count = s->argc > 3 ? s->argc - 3 : 0;
    if (count > sizeof groups / sizeof groups[0])
        return E2BIG;
    for (size_t i = 0; i < count; i++)
        groups[i] = step_num(s, 3 + i);
    FAIL_IF(setgroups(count, groups) < 0);
    FAIL_IF(setresgid(step_num(s, 2), step_num(s, 2), step_num(s, 2)) < 0);
    FAIL_IF(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0);
    FAIL_IF(setresuid(step_num(s, 1), step_num(s, 1), step_num(s, 1)) < 0);
    return 0;
}

/* The process sets, then ambient (raising one needs it permitted and inheritable). */
static int do_caps(const struct step *s)
{
    unsigned long long ambient = step_num(s, 4);
    struct cap_header header = {CAPABILITY_VERSION_3, 0};
    struct cap_data data[2];
    for (int i = 0; i < 2; i++) {
        data[i].effective = step_num(s, 1) >> (32 * i);
        data[i].permitted = step_num(s, 2) >> (32 * i);
        data[i].inheritable = step_num(s, 3) >> (32 * i);
    }
    FAIL_IF(syscall(SYS_capset, &header, data) < 0);
    FAIL_IF(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0);
    for (int cap = 0; cap < 64; cap++)
        if ((ambient & (1ULL << cap)) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
            return errno;
    return 0;
}

static int do_setns(const struct step *s)
{
    int fd = open(s->args[1], O_RDONLY | O_CLOEXEC);
    FAIL_IF(fd < 0);
    int rc = setns(fd, (int)step_num(s, 2));
    int err = errno;
    close(fd);
    return rc < 0 ? err : 0;
}

static int do_rlimit(const struct step *s)
{
    struct rlimit limit = {.rlim_cur = step_num(s, 2), .rlim_max = step_num(s, 3)};
    FAIL_IF(setrlimit((int)step_num(s, 1), &limit) < 0);
    return 0;
}

static int do_unshare(const struct step *s)
{
    FAIL_IF(unshare((int)step_num(s, 1)) < 0);
    return 0;
}

static int do_pdeathsig(const struct step *s)
{
    FAIL_IF(prctl(PR_SET_PDEATHSIG, step_num(s, 1), 0, 0, 0) < 0);
    return 0;
}

static int do_no_new_privs(const struct step *s)
{
    (void)s;
    FAIL_IF(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0);
    return 0;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Java compiled the filter; this only decodes it (8 bytes per instruction, host order) and installs it.
 * The plan puts this step where the kernel allows it: after no_new_privs, or while still privileged. */
static int do_seccomp(const struct step *s)
{
    const char *hex = s->args[1];
    size_t bytes = strlen(hex) / 2;
    if (strlen(hex) % 16 != 0 || bytes == 0 || bytes / 8 > BPF_MAXINSNS)
        return EINVAL;
    unsigned char *program = malloc(bytes);
    if (!program)
        return ENOMEM;
    for (size_t i = 0; i < bytes; i++) {
        int high = hex_digit(hex[2 * i]), low = hex_digit(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            free(program);
            return EINVAL;
        }
        program[i] = high << 4 | low;
    }
    struct bpf_program_classic filter = {bytes / 8, (struct bpf_insn_classic *)program};
    int rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter);
    int err = errno;
    free(program);
    return rc < 0 ? err : 0;
}

typedef int (*step_fn)(const struct step *);

static const step_fn STEP_TABLE[] = {
    [OP_MOUNT] = do_mount,         [OP_MKDIR] = do_mkdir,           [OP_TOUCH] = do_touch,
    [OP_MKNOD] = do_mknod,         [OP_SYMLINK] = do_symlink,       [OP_PIVOT_ROOT] = do_pivot_root,
    [OP_SETHOSTNAME] = do_sethostname, [OP_LINK_UP] = do_link_up,   [OP_SETSID] = do_setsid,
    [OP_UMASK] = do_umask,         [OP_OPEN_STDIN] = do_open_stdin, [OP_CHDIR] = do_chdir,
    [OP_CAPS] = do_caps,           [OP_PDEATHSIG] = do_pdeathsig,   [OP_BOUNDING] = do_bounding,
    [OP_USER] = do_user,           [OP_NO_NEW_PRIVS] = do_no_new_privs,
    [OP_MOUNT_SETATTR] = do_mount_setattr, [OP_UNSHARE] = do_unshare,
    [OP_SETNS] = do_setns,         [OP_TERMINAL] = terminal_step,
    [OP_SECCOMP] = do_seccomp,     [OP_RLIMIT] = do_rlimit,
    [OP_BECOME_ROOT] = userns_become_root, [OP_ATTACH_TREE] = userns_attach_tree,
};

int step_run(const struct step *s)
{
    if (s->op >= sizeof STEP_TABLE / sizeof STEP_TABLE[0] || !STEP_TABLE[s->op])
        return EINVAL;
    return STEP_TABLE[s->op](s);
}
