/*
 * The container's terminal. The OP_TERMINAL step runs in the container after pivot_root, so
 * /dev/ptmx is its own devpts instance's: it opens a master, the slave through TIOCGPTPEER (no
 * path to race on), binds the slave on /dev/console, and sends the master to its parent over a
 * socket (SCM_RIGHTS). Then the slave becomes its controlling terminal and its stdin, stdout and
 * stderr. The parent keeps the master for good: the monitor copies it into the log whether or not
 * anybody is attached, so the container never blocks on a full terminal.
 */
#define _GNU_SOURCE
#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

enum { INPUT_WAIT_MS = 100, INPUT_WAITS = 20 };

static int channel = -1;
static struct winsize initial_size;

void terminal_note_size(void)
{
    if (ioctl(0, TIOCGWINSZ, &initial_size) < 0 && ioctl(1, TIOCGWINSZ, &initial_size) < 0)
        memset(&initial_size, 0, sizeof initial_size);
}

int terminal_channel(const struct plan *plan, int pair[2])
{
    pair[0] = pair[1] = -1;
    for (uint32_t i = 0; i < plan->count; i++)
        if (plan->steps[i].op == OP_TERMINAL)
            return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair);
    return 0;
}

void terminal_set_channel(int fd)
{
    channel = fd;
}

static int send_fd(int socket, int fd)
{
    char byte = 't';
    char control[CMSG_SPACE(sizeof fd)] = {0};
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof fd);
    memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
    return sendmsg(socket, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

int terminal_receive(int socket)
{
    char byte;
    char control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    if (recvmsg(socket, &msg, MSG_CMSG_CLOEXEC) != 1) {
        errno = errno ? errno : EPROTO;
        return -1;
    }
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
    if (!cmsg || cmsg->cmsg_type != SCM_RIGHTS || cmsg->cmsg_len != CMSG_LEN(sizeof(int))) {
        errno = EPROTO;
        return -1;
    }
    int fd;
    memcpy(&fd, CMSG_DATA(cmsg), sizeof fd);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

/* An empty file as mount point, then the slave (through its descriptor) bound on it. */
static int bind_console(const char *console, int slave)
{
    char source[64];
    int fd = open(console, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    close(fd);
    snprintf(source, sizeof source, "/proc/self/fd/%d", slave);
    return mount(source, console, NULL, MS_BIND, NULL);
}

/* The slave owned by the workload's user (its group stays tty's), as runc does. */
static int set_up(int master, int slave, const struct step *s)
{
    const char *console = step_str_or_null(s, 2);
    if (console && bind_console(console, slave) < 0)
        return -1;
    if (fchown(slave, (uid_t)step_num(s, 1), (gid_t)-1) < 0)
        return -1;
    if ((initial_size.ws_row || initial_size.ws_col) && ioctl(master, TIOCSWINSZ, &initial_size) < 0)
        return -1;
    if (send_fd(channel, master) < 0)
        return -1;
    if (ioctl(slave, TIOCSCTTY, 0) < 0) /* the plan's setsid made us a session leader without one */
        return -1;
    for (int fd = 0; fd < 3; fd++)
        if (dup2(slave, fd) < 0)
            return -1;
    return 0;
}

int terminal_step(const struct step *s)
{
    int unlock = 0;
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0)
        return errno;
    int slave = ioctl(master, TIOCSPTLCK, &unlock) < 0 ? -1 : ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY);
    int rc = slave < 0 ? -1 : set_up(master, slave, s);
    int err = errno;
    close(master);
    if (slave > 2)
        close(slave);
    return rc < 0 ? err : 0;
}

void write_input(int fd, const char *data, size_t len)
{
    for (int waits = 0; len > 0 && waits < INPUT_WAITS;) {
        ssize_t n = write(fd, data, len);
        if (n > 0) {
            data += n;
            len -= (size_t)n;
        } else if (n < 0 && errno == EAGAIN) {
            struct pollfd writable = {fd, POLLOUT, 0};
            poll(&writable, 1, INPUT_WAIT_MS);
            waits++;
        } else {
            return; /* nobody reads it any more */
        }
    }
}
