/*
 * The CLI's side once the monitor runs: for `run -d`, print the id and go; attached, copy the
 * container's output to our stdout and stderr, pass our signals on, and exit with its code. Killing
 * this process (even with SIGKILL) leaves the container and its log alone, as docker does.
 */
#define _GNU_SOURCE
#include "helper.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

static int relay(int *from, int to)
{
    static char chunk[8192];
    ssize_t n = read(*from, chunk, sizeof chunk);
    if (n <= 0) {
        close(*from);
        *from = -1;
        return 0;
    }
    for (ssize_t done = 0; done < n;) {
        ssize_t w = write(to, chunk + done, (size_t)(n - done));
        if (w <= 0)
            return 0; /* our own stdout is gone: drop, as a closed terminal would */
        done += w;
    }
    return 0;
}

/* The monitor is exiting: its end of the socket closes once it is gone (and what it removes, removed). */
static void await_monitor_exit(int ctl)
{
    char rest;
    while (recv(ctl, &rest, 1, 0) > 0)
        ;
}

static int await_start(int ctl, struct message *msg)
{
    ssize_t n = recv(ctl, msg, sizeof *msg, 0);
    if (n != sizeof *msg) {
        fprintf(stderr, "minicontainer: the container's monitor died while starting it\n");
        return EXIT_ENGINE;
    }
    if (msg->kind == MSG_FAILED) {
        await_monitor_exit(ctl);
        fputs(msg->text, stderr);
        return msg->code;
    }
    return 0;
}

static int attached(int ctl, int out, int err)
{
    sigset_t mask;
    forwarded_signals(&mask);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    int code = -1;
    while (out >= 0 || err >= 0 || (code < 0 && ctl >= 0)) {
        struct pollfd fds[4] = {{sfd, POLLIN, 0}, {code < 0 ? ctl : -1, POLLIN, 0}, {out, POLLIN, 0}, {err, POLLIN, 0}};
        if (poll(fds, 4, -1) < 0)
            continue;
        if (fds[0].revents) {
            struct signalfd_siginfo info;
            if (read(sfd, &info, sizeof info) == sizeof info && info.ssi_signo != SIGCHLD) {
                int32_t signo = (int32_t)info.ssi_signo;
                send(ctl, &signo, sizeof signo, MSG_NOSIGNAL);
            }
        }
        if (fds[1].revents) {
            struct message msg;
            if (recv(ctl, &msg, sizeof msg, 0) == sizeof msg && msg.kind == MSG_EXITED) {
                code = msg.code;
            } else {
                close(ctl);
                ctl = -1;
            }
        }
        if (fds[2].revents)
            relay(&out, 1);
        if (fds[3].revents)
            relay(&err, 2);
    }
    if (code < 0) {
        fprintf(stderr, "minicontainer: the container's monitor died\n");
        return EXIT_ENGINE;
    }
    if (ctl >= 0)
        await_monitor_exit(ctl);
    return code;
}

int client_main(const struct plan *plan, int ctl, int out, int err)
{
    struct message msg;
    int code = await_start(ctl, &msg);
    if (code)
        return code;
    const struct step *detach = find_step(plan, OP_DETACH);
    if (detach) {
        printf("%s\n", detach->args[1]);
        return 0;
    }
    return attached(ctl, out, err);
}
