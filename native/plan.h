/*
 * The launch plan: what Java decided, as a flat list of steps for this helper to execute.
 *
 * Wire format (host byte order, written by io.minicontainer.runtime.PlanEncoder):
 *
 *   "MCPLAN01"                       8-byte magic
 *   u32 step_count
 *   step_count times:
 *     u32 op                         one of enum op below
 *     u32 argc                       arguments that follow; args[0] is always the step's description
 *     argc times: u32 len, len bytes, '\0'
 *
 * Numbers travel as strings (decimal or 0x-hex) so a plan can be read with `strings`.
 */
#ifndef MC_PLAN_H
#define MC_PLAN_H

#include <stdint.h>

enum op {
    /* parent (monitor) side */
    OP_CLONE = 1,             /* flags */
    OP_REMOVE_ON_EXIT = 2,    /* path: removed recursively when the container is gone */
    OP_REMOVE_ON_FAILURE = 3, /* path: removed only when the container failed to start */
    OP_STATE_DIR = 4,         /* directory: the monitor writes status and container.log there */
    OP_LOG = 5,               /* max size in bytes (0: unlimited), max files: log rotation */
    OP_DETACH = 6,            /* text: printed once the container runs; the CLI then returns */
    OP_JOIN = 7,              /* pid, start ticks, setns flags: exec joins that running container */
    OP_CGROUP = 8,            /* cgroup.procs file: the process enters before it runs; its directory goes at exit */
    OP_OOM_EVENTS = 9,        /* file with an "oom_kill N" line, read when the container is gone */
    /* child (container) side, executed in order after the parent's go */
    OP_MOUNT = 10,            /* source, target, fstype, flags, data ("" = NULL) */
    OP_MKDIR = 11,            /* path, mode: like mkdir -p */
    OP_TOUCH = 12,            /* path, mode: creates an empty file when missing */
    OP_MKNOD = 13,            /* path, mode (with S_IFCHR or S_IFBLK), major, minor[, uid, gid] */
    OP_SYMLINK = 14,          /* target, linkpath */
    OP_PIVOT_ROOT = 15,       /* new root: the old root is detached */
    OP_SETHOSTNAME = 16,      /* name */
    OP_LINK_UP = 17,          /* interface name */
    OP_SETSID = 18,
    OP_UMASK = 19,            /* mask */
    OP_OPEN_STDIN = 20,       /* path opened read-only as fd 0 */
    OP_CHDIR = 21,            /* path */
    OP_CAPS = 22,             /* effective, permitted, inheritable, ambient (bit masks) */
    OP_PDEATHSIG = 23,        /* signal sent to the container when the helper dies */
    OP_EXEC = 24,             /* envc, env..., argv... (argv[0] looked up in the env's PATH) */
    OP_BOUNDING = 25,         /* bounding set mask: every capability outside it is dropped for good */
    OP_USER = 26,             /* uid, gid, additional gids...: setgroups, setresgid, setresuid */
    OP_NO_NEW_PRIVS = 27,     /* setuid bits and file capabilities grant nothing from here on */
    OP_MOUNT_SETATTR = 28,    /* target, attributes to set, to clear: mount_setattr on the whole tree */
    OP_UNSHARE = 29,          /* flags: namespaces entered once in the cgroup (so its own cgroup is the root) */
    OP_SETNS = 30,            /* path, flag: join a namespace prepared by the engine (the bridge's netns) */
    OP_TERMINAL = 31,         /* uid, console ("" = none): a pty of the container's own; the master goes to the parent */
    OP_SECCOMP = 35,          /* program: struct sock_filter[] in hex, installed with seccomp(SET_MODE_FILTER) */
    OP_RLIMIT = 40,           /* resource, soft, hard (unsigned decimal; 18446744073709551615 = unlimited) */
    OP_BECOME_ROOT = 41,      /* --userns=auto: setgroups, setresgid, setresuid to 0 in the new user namespace */
    OP_ATTACH_TREE = 42,      /* target, index: move_mount of a tree the monitor prepared (OP_IDMAP_*) */
    /* monitor side again, after the container's range */
    OP_NETNS_ON_EXIT = 100,   /* path: a namespace file to unmount and delete when the container is gone */
    OP_EXIT_COMMAND = 101,    /* argv: run (and waited for) when the container is gone, e.g. nft -f unpublish.nft */
    /* the client's side (the CLI's process once the JVM is gone) */
    OP_ATTACH = 102,          /* socket: `attach` connects to the monitor of a running container */
    OP_TERMINAL_CLIENT = 103, /* detach keys ("16,17", "" = none): the container has a terminal; ours follows it */
    OP_SEND_STDIN = 104,      /* the client sends its stdin to the monitor (raw, with a terminal) */
    OP_NO_SIG_PROXY = 105,    /* signals for the client are not passed on (--sig-proxy=false) */
    /* the monitor's again: --userns=auto (userns.c), before the clone */
    OP_USERNS_MAP = 106,      /* base, size: the container's ids 0..size-1 are base.. on the host */
    OP_IDMAP_OVERLAY = 107,   /* upper, work, lower layers top first: the overlay made over idmapped layers */
    OP_IDMAP_BIND = 108,      /* source, recursive (0/1): an idmapped copy of a host path, for a bind */
    OP_NETNS_FOR_CLONE = 109, /* path: the monitor enters it for the clone, so the container starts in it */
};

struct step {
    uint32_t op;
    uint32_t argc;
    const char **args; /* args[0] is the description */
};

struct plan {
    uint32_t count;
    struct step *steps;
};

/* Reads and validates a plan file; returns -1 with errno set on failure. */
int plan_read(const char *path, struct plan *plan);

/* The numeric argument i of a step (strtoull base 0). */
unsigned long long step_num(const struct step *step, uint32_t i);

/* The string argument i of a step, or NULL when it is empty. */
const char *step_str_or_null(const struct step *step, uint32_t i);

#endif
