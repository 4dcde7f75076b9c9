/*
 * The user's terminal while a client is attached to a container's: raw, so that every key (Ctrl-C,
 * Ctrl-Z, Ctrl-\ too) reaches the container's terminal as a byte and its line discipline turns it
 * into a signal for the container's foreground process group, not for us. Restored on every way
 * out: a normal exit (atexit), a detach, a signal (die_of_signal). Only SIGKILL is beyond reach.
 */
#define _GNU_SOURCE
#include "terminal.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;
static int raw;

void raw_mode_leave(void)
{
    if (raw && tcsetattr(0, TCSANOW, &saved) == 0)
        raw = 0;
}

void raw_mode_enter(void)
{
    static int registered;
    struct termios t;
    if (raw || tcgetattr(0, &saved) < 0)
        return;
    t = saved;
    cfmakeraw(&t);
    if (tcsetattr(0, TCSANOW, &t) < 0)
        return;
    raw = 1;
    if (!registered++)
        atexit(raw_mode_leave);
}

int user_window_size(struct winsize *ws)
{
    if (ioctl(0, TIOCGWINSZ, ws) == 0 || ioctl(1, TIOCGWINSZ, ws) == 0)
        return 1;
    memset(ws, 0, sizeof *ws);
    return 0;
}

_Noreturn void die_of_signal(int sig)
{
    sigset_t only;
    raw_mode_leave();
    signal(sig, SIG_DFL);
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    _exit(128 + sig); /* a signal whose default is to go on */
}

void detach_keys_parse(struct detach_keys *k, const char *spec)
{
    memset(k, 0, sizeof *k);
    while (*spec && k->len < sizeof k->keys) {
        char *end;
        unsigned long key = strtoul(spec, &end, 10);
        if (end == spec || key > 255)
            break;
        k->keys[k->len++] = (unsigned char)key;
        spec = *end == ',' ? end + 1 : end;
    }
}

int detach_keys_scan(struct detach_keys *k, const char *in, size_t len, char *out, size_t *out_len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (k->len == 0) {
            out[n++] = (char)c;
            continue;
        }
        if (k->matched > 0 && c != k->keys[k->matched]) { /* a false start: what was held back goes on */
            memcpy(out + n, k->keys, k->matched);
            n += k->matched;
            k->matched = 0;
        }
        if (c != k->keys[k->matched]) {
            out[n++] = (char)c;
        } else if (++k->matched == k->len) {
            *out_len = n;
            return 1;
        }
    }
    *out_len = n;
    return 0;
}
