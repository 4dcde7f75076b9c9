/*
 * The CLI's side once the monitor runs, and `attach`'s: for `run -d`, print the id and go;
 * attached, print the container's output on our stdout and stderr and exit with its code. Without
 * a terminal our signals are passed on (unless --sig-proxy=false). With one, our terminal goes raw
 * and our keys and window size are what we pass on; the detach keys end only us. Killing this
 * process (even with SIGKILL) leaves the container and its log alone, as docker does.
 */
#define _GNU_SOURCE
#include "helper.h"
#include "terminal.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

struct client {
    int ctl;        /* the monitor */
    int sfd;        /* our signals */
    int send_stdin; /* OP_SEND_STDIN, until our stdin ends */
    int terminal;   /* OP_TERMINAL_CLIENT: the container has a terminal */
    int sig_proxy;
    struct detach_keys keys;
};

/* The monitor is exiting: its end of the socket closes once it is gone (and what it removes, removed). */
static void await_monitor_exit(int ctl)
{
    char rest;
    while (recv(ctl, &rest, 1, 0) > 0)
        ;
}

static int await_start(int ctl)
{
    struct packet p;
    ssize_t len = packet_data_len(recv(ctl, &p, sizeof p, 0));
    if (len < 0) {
        fprintf(stderr, "minicontainer: the container's monitor died while starting it\n");
        return EXIT_ENGINE;
    }
    if (p.kind == MSG_FAILED) {
        await_monitor_exit(ctl);
        write_all(2, p.data, (size_t)len);
        return p.code;
    }
    return 0;
}

static void send_window_size(struct client *c)
{
    struct winsize ws;
    if (c->terminal && user_window_size(&ws))
        send_packet(c->ctl, MSG_RESIZE, 0, &ws, sizeof ws);
}

static void on_signal(struct client *c)
{
    struct signalfd_siginfo info;
    if (read(c->sfd, &info, sizeof info) != sizeof info || info.ssi_signo == SIGCHLD)
        return;
    int sig = (int)info.ssi_signo;
    if (sig == SIGWINCH)
        send_window_size(c);
    else if (c->sig_proxy && !c->terminal)
        send_packet(c->ctl, MSG_SIGNAL, sig, NULL, 0);
    else
        die_of_signal(sig); /* with a terminal, keys are what reaches the container; a signal ends only us */
}

/* Returns 1 when the detach keys were typed. */
static int forward_stdin(struct client *c)
{
    char in[PACKET_DATA - sizeof c->keys.keys], out[PACKET_DATA];
    size_t len;
    ssize_t n = read(0, in, sizeof in);
    if (n <= 0) {
        c->send_stdin = 0; /* its end is not the container's: docker keeps an attached stdin open too */
        return 0;
    }
    int detach = detach_keys_scan(&c->keys, in, (size_t)n, out, &len);
    if (len > 0)
        send_packet(c->ctl, MSG_INPUT, 0, out, len);
    return detach;
}

static int attached(struct client *c)
{
    if (c->terminal && c->send_stdin)
        raw_mode_enter();
    send_window_size(c);
    for (;;) {
        struct pollfd fds[3] = {{c->sfd, POLLIN, 0}, {c->ctl, POLLIN, 0}, {c->send_stdin ? 0 : -1, POLLIN, 0}};
        if (poll(fds, 3, -1) < 0)
            continue;
        if (fds[0].revents)
            on_signal(c);
        if (fds[1].revents) {
            struct packet p;
            ssize_t len = packet_data_len(recv(c->ctl, &p, sizeof p, 0));
            if (len < 0) {
                raw_mode_leave();
                fprintf(stderr, "minicontainer: the container's monitor died\n");
                return EXIT_ENGINE;
            }
            if (p.kind == MSG_OUTPUT)
                write_all(p.code == 2 ? 2 : 1, p.data, (size_t)len);
            if (p.kind == MSG_EXITED) {
                raw_mode_leave();
                await_monitor_exit(c->ctl);
                return p.code;
            }
        }
        if (fds[2].revents && forward_stdin(c)) {
            raw_mode_leave();
            return 0; /* detached: the container goes on */
        }
    }
}

static void client_init(struct client *c, const struct plan *plan, int ctl)
{
    sigset_t mask;
    forwarded_signals(&mask); /* blocked by main since the start */
    const struct step *terminal = find_step(plan, OP_TERMINAL_CLIENT);
    c->ctl = ctl;
    c->sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    c->send_stdin = find_step(plan, OP_SEND_STDIN) != NULL;
    c->terminal = terminal != NULL;
    c->sig_proxy = find_step(plan, OP_NO_SIG_PROXY) == NULL;
    detach_keys_parse(&c->keys, terminal ? terminal->args[1] : "");
}

int client_main(const struct plan *plan, int ctl)
{
    int code = await_start(ctl);
    if (code)
        return code;
    const struct step *detach = find_step(plan, OP_DETACH);
    if (detach) {
        printf("%s\n", detach->args[1]);
        return 0;
    }
    struct client c;
    client_init(&c, plan, ctl);
    return attached(&c);
}

static int connect_to(const char *path)
{
    struct sockaddr_un addr;
    int dir = unix_address(path, &addr);
    int fd = dir < 0 ? -1 : socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        close(fd);
        fd = -1;
    }
    if (dir >= 0)
        close(dir);
    return fd;
}

int attach_main(const struct plan *plan)
{
    remove_paths(plan, OP_REMOVE_ON_EXIT); /* the plan file: read already */
    const struct step *attach = find_step(plan, OP_ATTACH);
    int ctl = attach ? connect_to(attach->args[1]) : -1;
    if (ctl < 0) { /* it exited since the CLI looked */
        fprintf(stderr, "minicontainer: You cannot attach to a stopped container, start it first\n");
        return EXIT_ENGINE;
    }
    struct client c;
    client_init(&c, plan, ctl);
    return attached(&c);
}
