package io.minicontainer.seccomp;

import io.minicontainer.oci.Seccomp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * MiniContainer's default seccomp profile, with the semantics of docker's (docs/security.md says where
 * it differs): an allow-list by name, EPERM for everything else, arguments checked for socket,
 * personality and clone, and the calls of a capability allowed when the container has it. Written as
 * data here, not as a JSON resource: {@code run} executes interpreted, and reading a resource would
 * first open the jar's central directory, tens of milliseconds there.
 */
final class DefaultProfile {
    private static final String ALLOW = "SCMP_ACT_ALLOW";
    private static final int ENOSYS = 38;
    /** CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET. */
    private static final long NAMESPACE_FLAGS = 0x7E02_0000L;
    private static final DockerProfile.Conditions NONE = DockerProfile.Conditions.NONE;
    private static final DockerProfile.Conditions WITHOUT_SYS_ADMIN = new DockerProfile.Conditions(
            List.of("CAP_SYS_ADMIN"), List.of(), Optional.empty());

    private final List<DockerProfile.Entry> entries = new ArrayList<>();

    private DefaultProfile() {}

    static DockerProfile build() {
        DefaultProfile profile = new DefaultProfile();
        profile.rules();
        return new DockerProfile("SCMP_ACT_ERRNO", OptionalInt.of(1), List.of("SCMP_ARCH_X86_64"), profile.entries);
    }

    private void rules() {
        // files and directories: every path and descriptor call that permissions already guard
        allow("""
                open openat openat2 creat close close_range read write readv writev pread64 pwrite64 preadv pwritev
                preadv2 pwritev2 lseek stat fstat lstat newfstatat statx statfs fstatfs access faccessat faccessat2
                getdents getdents64 getcwd chdir fchdir mkdir mkdirat rmdir rename renameat renameat2 link linkat
                unlink unlinkat symlink symlinkat readlink readlinkat mknod mknodat chmod fchmod fchmodat chown
                fchown lchown fchownat umask utime utimes utimensat futimesat truncate ftruncate fallocate fadvise64
                readahead fsync fdatasync sync syncfs sync_file_range sendfile splice tee vmsplice copy_file_range
                fcntl flock ioctl dup dup2 dup3 pipe pipe2 name_to_handle_at
                """);
        // extended attributes
        allow("""
                getxattr lgetxattr fgetxattr setxattr lsetxattr fsetxattr listxattr llistxattr flistxattr
                removexattr lremovexattr fremovexattr
                """);
        // waiting for descriptors and events
        allow("""
                poll ppoll select pselect6 epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait epoll_pwait2
                epoll_ctl_old epoll_wait_old eventfd eventfd2 signalfd signalfd4 timerfd_create timerfd_settime
                timerfd_gettime inotify_init inotify_init1 inotify_add_watch inotify_rm_watch fanotify_mark
                """);
        // asynchronous I/O; not io_uring, whose large kernel surface newer docker blocks too
        allow("io_setup io_destroy io_submit io_cancel io_getevents io_pgetevents");
        // memory
        allow("""
                brk mmap munmap mremap mprotect msync mincore madvise remap_file_pages mlock mlock2 munlock mlockall
                munlockall memfd_create memfd_secret membarrier pkey_alloc pkey_free pkey_mprotect process_mrelease
                """);
        // processes and threads (clone and clone3 have rules of their own below)
        allow("""
                fork vfork execve execveat exit exit_group wait4 waitid kill tkill tgkill getpid getppid gettid
                getpgid setpgid getpgrp getsid setsid set_tid_address set_robust_list get_robust_list
                restart_syscall rseq futex futex_waitv get_thread_area set_thread_area prctl seccomp pidfd_open
                pidfd_send_signal capget capset landlock_create_ruleset landlock_add_rule landlock_restrict_self
                """);
        // users and groups: the kernel asks for CAP_SETUID or CAP_SETGID where it matters
        allow("""
                getuid geteuid getgid getegid getresuid getresgid getgroups setuid setgid setreuid setregid
                setresuid setresgid setfsuid setfsgid setgroups
                """);
        // scheduling, priorities and limits
        allow("""
                sched_yield sched_setparam sched_getparam sched_setscheduler sched_getscheduler
                sched_get_priority_max sched_get_priority_min sched_rr_get_interval sched_setaffinity
                sched_getaffinity sched_setattr sched_getattr getpriority setpriority ioprio_get ioprio_set
                getrlimit setrlimit prlimit64 getrusage times sysinfo uname getcpu getrandom
                """);
        // signals, sleeping and timers
        allow("""
                rt_sigaction rt_sigprocmask rt_sigreturn rt_sigpending rt_sigtimedwait rt_sigqueueinfo
                rt_tgsigqueueinfo rt_sigsuspend sigaltstack pause alarm getitimer setitimer nanosleep
                clock_nanosleep timer_create timer_settime timer_gettime timer_getoverrun timer_delete
                """);
        // reading the clocks; adjtimex changes nothing without CAP_SYS_TIME
        allow("time gettimeofday clock_gettime clock_getres adjtimex");
        // sockets, once made (socket itself has a rule below)
        allow("""
                socketpair bind listen connect accept accept4 getsockname getpeername getsockopt setsockopt shutdown
                sendto recvfrom sendmsg recvmsg sendmmsg recvmmsg
                """);
        // System V and POSIX IPC, in the container's own IPC namespace
        allow("""
                shmget shmat shmdt shmctl semget semop semtimedop semctl msgget msgsnd msgrcv msgctl mq_open
                mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr
                """);
        // x86 only: thread pointer and local descriptor table
        allowOnX86("arch_prctl modify_ldt");
        // tracing one's own processes: the kernel's checks suffice since Linux 4.8
        allowFrom("4.8", "ptrace process_vm_readv process_vm_writev");
        // socket: every address family but AF_ALG (38) and AF_VSOCK (40), as newer docker
        allowWhen("socket", arg(0, 38, "SCMP_CMP_LT"));
        allowWhen("socket", arg(0, 39, "SCMP_CMP_EQ"));
        allowWhen("socket", arg(0, 40, "SCMP_CMP_GT"));
        // personality: only the harmless personas (PER_LINUX, PER_LINUX32, UNAME26, both), and the query
        allowWhen("personality", arg(0, 0, "SCMP_CMP_EQ"));
        allowWhen("personality", arg(0, 8, "SCMP_CMP_EQ"));
        allowWhen("personality", arg(0, 0x20000, "SCMP_CMP_EQ"));
        allowWhen("personality", arg(0, 0x20008, "SCMP_CMP_EQ"));
        allowWhen("personality", arg(0, 0xffffffffL, "SCMP_CMP_EQ"));
        // clone without namespace flags: CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
        add(rule("clone", ALLOW, OptionalInt.empty(), new Seccomp.Arg(0, NAMESPACE_FLAGS, 0, "SCMP_CMP_MASKED_EQ")),
                NONE, WITHOUT_SYS_ADMIN);
        // clone3 passes its flags in memory, out of a filter's reach: ENOSYS makes libc fall back to clone
        add(rule("clone3", "SCMP_ACT_ERRNO", OptionalInt.of(ENOSYS)), NONE, WITHOUT_SYS_ADMIN);
        // CAP_SYS_ADMIN: mounts, namespaces, host names and the rest of the administrator's calls
        allowWith("CAP_SYS_ADMIN", """
                mount umount2 mount_setattr move_mount open_tree fsopen fsconfig fsmount fspick unshare setns clone
                clone3 sethostname setdomainname quotactl quotactl_fd lookup_dcookie fanotify_init bpf
                perf_event_open syslog
                """);
        // CAP_SYS_PTRACE: other processes' memory and descriptors
        allowWith("CAP_SYS_PTRACE", "ptrace process_vm_readv process_vm_writev kcmp pidfd_getfd process_madvise");
        // CAP_SYS_MODULE: kernel modules
        allowWith("CAP_SYS_MODULE", "init_module finit_module delete_module");
        // CAP_SYS_TIME: setting the clocks
        allowWith("CAP_SYS_TIME", "settimeofday clock_settime clock_adjtime");
        // CAP_SYS_BOOT: reboot (kexec stays refused)
        allowWith("CAP_SYS_BOOT", "reboot");
        // CAP_SYS_CHROOT
        allowWith("CAP_SYS_CHROOT", "chroot");
        // CAP_SYS_PACCT: process accounting
        allowWith("CAP_SYS_PACCT", "acct");
        // CAP_SYS_RAWIO: I/O ports
        allowWith("CAP_SYS_RAWIO", "iopl ioperm");
        // CAP_SYS_TTY_CONFIG
        allowWith("CAP_SYS_TTY_CONFIG", "vhangup");
        // CAP_SYS_NICE: NUMA memory policy
        allowWith("CAP_SYS_NICE", "mbind set_mempolicy get_mempolicy set_mempolicy_home_node");
        // CAP_DAC_READ_SEARCH: opening files by handle bypasses the path's permissions
        allowWith("CAP_DAC_READ_SEARCH", "open_by_handle_at");
        // CAP_SYSLOG: the kernel log
        allowWith("CAP_SYSLOG", "syslog");
        // CAP_BPF: BPF programs and maps
        allowWith("CAP_BPF", "bpf");
        // CAP_PERFMON: performance monitoring
        allowWith("CAP_PERFMON", "perf_event_open");
    }

    private void allow(String names) {
        add(rule(names, ALLOW, OptionalInt.empty()), NONE, NONE);
    }

    private void allowWith(String capability, String names) {
        add(rule(names, ALLOW, OptionalInt.empty()), new DockerProfile.Conditions(List.of(capability), List.of(),
                Optional.empty()), NONE);
    }

    private void allowOnX86(String names) {
        add(rule(names, ALLOW, OptionalInt.empty()), new DockerProfile.Conditions(List.of(),
                List.of(DockerProfile.ARCH, "x32", "x86"), Optional.empty()), NONE);
    }

    private void allowFrom(String minKernel, String names) {
        add(rule(names, ALLOW, OptionalInt.empty()), new DockerProfile.Conditions(List.of(), List.of(),
                Optional.of(minKernel)), NONE);
    }

    private void allowWhen(String name, Seccomp.Arg arg) {
        add(rule(name, ALLOW, OptionalInt.empty(), arg), NONE, NONE);
    }

    private void add(Seccomp.Rule rule, DockerProfile.Conditions includes, DockerProfile.Conditions excludes) {
        entries.add(new DockerProfile.Entry(rule, includes, excludes));
    }

    private static Seccomp.Rule rule(String names, String action, OptionalInt errno, Seccomp.Arg... args) {
        // one space or line break between names: split(" ") needs no regular expression
        return new Seccomp.Rule(List.of(names.strip().replace('\n', ' ').split(" ")), action, errno, List.of(args));
    }

    private static Seccomp.Arg arg(int index, long value, String op) {
        return new Seccomp.Arg(index, value, 0, op);
    }
}
