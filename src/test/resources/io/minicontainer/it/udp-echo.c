/*
 * udp-echo PORT: a UDP server for PublishIT, since busybox has none. Answers each datagram MSG
 * with "got:MSG from:IP", IP being the sender's address as the container sees it (after NAT).
 * Built static by the test (musl-gcc) and copied into its busybox root file system.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fputs("usage: udp-echo PORT\n", stderr);
        return 2;
    }
    struct sockaddr_in self = {.sin_family = AF_INET, .sin_port = htons((unsigned short) atoi(argv[1]))};
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *) &self, sizeof self) < 0) {
        perror("udp-echo");
        return 1;
    }
    for (;;) {
        char message[1024], answer[1200];
        struct sockaddr_in from;
        socklen_t length = sizeof from;
        ssize_t n = recvfrom(fd, message, sizeof message - 1, 0, (struct sockaddr *) &from, &length);
        if (n < 0) {
            perror("udp-echo: recvfrom");
            return 1;
        }
        message[n] = '\0';
        int size = snprintf(answer, sizeof answer, "got:%s from:%s", message, inet_ntoa(from.sin_addr));
        sendto(fd, answer, (size_t) size, 0, (struct sockaddr *) &from, length);
    }
}
