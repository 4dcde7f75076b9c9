package io.minicontainer.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A NETLINK_ROUTE socket: sends one request at a time and collects the kernel's answer. The
 * socket belongs to the network namespace of the thread that opened it, for its whole life.
 *
 * <p>This class knows the netlink framing (struct nlmsghdr, sequence numbers, acks, NLMSG_ERROR,
 * NLMSG_DONE), not what a message means: requests come as bytes, replies go back as buffers. A
 * kernel error becomes a {@link SyscallException} worded by the caller ("create bridge mc0: File
 * exists"), with the kernel's own explanation appended when it gave one (extended ack).
 * Not thread-safe: one thread, one request at a time.
 */
@SuppressWarnings("restricted") // FFM lives in sys only
public final class NetlinkSocket implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final ByteOrder HOST = ByteOrder.nativeOrder();
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_ROUTE = 0;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int MSG_TRUNC = 0x20;
    private static final int EINTR = 4;
    /** Larger than any datagram the kernel sends: it sizes dump batches to at most 32 kB. */
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int HEADER = 16;
    private static final int NLMSG_NOOP = 1;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int NLM_F_ACK = 0x4;
    private static final int NLM_F_DUMP_INTR = 0x10;
    private static final int NLM_F_DUMP = 0x300;
    private static final int NLM_F_CAPPED = 0x100;
    private static final int NLM_F_ACK_TLVS = 0x200;
    private static final int NLMSGERR_ATTR_MSG = 1;
    private static final int DUMP_ATTEMPTS = 3;

    private static final class Calls {
        static final MethodHandle SOCKET = downcall("socket", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        static final MethodHandle SETSOCKOPT = downcall("setsockopt", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        static final MethodHandle BIND = downcall("bind", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        static final MethodHandle SENDTO = downcall("sendto", ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        static final MethodHandle RECV = downcall("recv", ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);

        private static MethodHandle downcall(String name, MemoryLayout result, MemoryLayout... arguments) {
            return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
                    FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
        }
    }

    private final int fd;
    private int sequence;
    private boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** A rtnetlink socket in the calling thread's network namespace, bound to a port the kernel picks. */
    public static NetlinkSocket openRoute() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int fd = (int) Calls.SOCKET.invokeExact(state, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
            Errno.check(fd, state, "socket", "AF_NETLINK NETLINK_ROUTE");
            NetlinkSocket socket = new NetlinkSocket(fd);
            try {
                socket.configure(arena, state);
            } catch (RuntimeException e) {
                socket.close();
                throw e;
            }
            return socket;
        } catch (Throwable t) {
            throw Errno.rethrown(t, "socket AF_NETLINK");
        }
    }

    private void configure(Arena arena, MemorySegment state) throws Throwable {
        MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_INT, 1);
        // both only improve error reports, and kernels before 4.12 lack them: failures do not matter
        int ignored = (int) Calls.SETSOCKOPT.invokeExact(state, fd, SOL_NETLINK, NETLINK_EXT_ACK, one, 4);
        ignored = (int) Calls.SETSOCKOPT.invokeExact(state, fd, SOL_NETLINK, NETLINK_CAP_ACK, one, 4);
        int rc = (int) Calls.BIND.invokeExact(state, fd, kernelAddress(arena), 12);
        Errno.check(rc, state, "bind", "AF_NETLINK");
    }

    /** struct sockaddr_nl of port 0: the kernel itself as destination, or "pick one for me" for bind. */
    private static MemorySegment kernelAddress(Arena arena) {
        MemorySegment address = arena.allocate(12, 4);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_NETLINK);
        return address;
    }

    /**
     * Sends {@code message} (a whole netlink message; its sequence number is set here) and waits
     * for the answer: the ack of a request that has NLM_F_ACK, or the NLMSG_DONE of a dump. Returns
     * the messages in between, each a buffer in host byte order from its nlmsghdr to its end.
     * {@code call} and {@code object} word the error: "create bridge" "mc0".
     */
    public List<ByteBuffer> request(byte[] message, String call, String object) {
        int flags = Short.toUnsignedInt(ByteBuffer.wrap(message).order(HOST).getShort(6));
        boolean dump = (flags & NLM_F_DUMP) == NLM_F_DUMP;
        if (!dump && (flags & NLM_F_ACK) == 0) {
            throw new IllegalArgumentException("a netlink request without NLM_F_ACK would never be answered: " + call);
        }
        for (int attempt = 0; attempt < DUMP_ATTEMPTS; attempt++) {
            int seq = ++sequence;
            send(message, seq, call, object);
            Replies replies = receive(seq, dump, call, object);
            if (!replies.interrupted()) {
                return replies.messages();
            }
        }
        throw new SyscallException(call, object, EINTR, "the answer kept changing while it was read (NLM_F_DUMP_INTR)");
    }

    private record Replies(List<ByteBuffer> messages, boolean interrupted) {}

    private void send(byte[] message, int seq, String call, String object) {
        byte[] numbered = message.clone();
        ByteBuffer.wrap(numbered).order(HOST).putInt(8, seq);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment bytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, numbered);
            MemorySegment kernel = kernelAddress(arena);
            long sent;
            do {
                sent = (long) Calls.SENDTO.invokeExact(state, fd, bytes, (long) numbered.length, 0, kernel, 12);
            } while (sent < 0 && (int) Errno.ERRNO.get(state, 0L) == EINTR);
            Errno.check(sent < 0 ? -1 : 0, state, "sendto netlink", call + " " + object);
        } catch (Throwable t) {
            throw Errno.rethrown(t, "sendto netlink");
        }
    }

    private Replies receive(int seq, boolean dump, String call, String object) {
        List<ByteBuffer> messages = new ArrayList<>();
        boolean interrupted = false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment buffer = arena.allocate(BUFFER_SIZE);
            for (;;) {
                ByteBuffer datagram = receiveDatagram(state, buffer);
                int offset = 0;
                while (offset + HEADER <= datagram.limit()) {
                    int length = datagram.getInt(offset);
                    if (length < HEADER || offset + length > datagram.limit()) {
                        throw new IllegalStateException("malformed netlink reply to " + call + " " + object);
                    }
                    int type = Short.toUnsignedInt(datagram.getShort(offset + 4));
                    int flags = Short.toUnsignedInt(datagram.getShort(offset + 6));
                    if (datagram.getInt(offset + 8) == seq) { // else a late answer to an earlier request
                        interrupted |= (flags & NLM_F_DUMP_INTR) != 0;
                        if (type == NLMSG_ERROR || type == NLMSG_DONE) {
                            int error = length >= HEADER + 4 ? datagram.getInt(offset + HEADER) : 0;
                            if (error < 0) {
                                throw new SyscallException(call, object, -error, reason(datagram, offset, -error));
                            }
                            if (type == NLMSG_DONE || !dump) {
                                return new Replies(messages, interrupted);
                            }
                        } else if (type != NLMSG_NOOP) {
                            messages.add(datagram.slice(offset, length).order(HOST));
                        }
                    }
                    offset += align(length);
                }
            }
        } catch (Throwable t) {
            throw Errno.rethrown(t, "recv netlink");
        }
    }

    private ByteBuffer receiveDatagram(MemorySegment state, MemorySegment buffer) throws Throwable {
        long received;
        do {
            received = (long) Calls.RECV.invokeExact(state, fd, buffer, buffer.byteSize(), MSG_TRUNC);
        } while (received < 0 && (int) Errno.ERRNO.get(state, 0L) == EINTR);
        Errno.check(received < 0 ? -1 : 0, state, "recv", "netlink");
        if (received > buffer.byteSize()) {
            throw new IllegalStateException("netlink reply of " + received + " bytes exceeds " + buffer.byteSize());
        }
        return ByteBuffer.wrap(buffer.asSlice(0, received).toArray(ValueLayout.JAVA_BYTE)).order(HOST);
    }

    /**
     * strerror, and the kernel's own words when it sent them: struct nlmsgerr (error, the request's
     * header, its payload unless capped), then attributes, among them NLMSGERR_ATTR_MSG.
     */
    static String reason(ByteBuffer datagram, int offset, int errno) {
        String text = Libc.strerror(errno);
        int flags = Short.toUnsignedInt(datagram.getShort(offset + 6));
        if ((flags & NLM_F_ACK_TLVS) == 0) {
            return text;
        }
        int end = offset + datagram.getInt(offset);
        int request = offset + HEADER + 4;
        int attribute = request + ((flags & NLM_F_CAPPED) != 0 ? HEADER : align(datagram.getInt(request)));
        while (attribute + 4 <= end) {
            int length = Short.toUnsignedInt(datagram.getShort(attribute));
            int type = datagram.getShort(attribute + 2) & 0x3fff;
            if (length < 4 || attribute + length > end) {
                break;
            }
            if (type == NLMSGERR_ATTR_MSG) {
                byte[] bytes = new byte[length - 4];
                datagram.get(attribute + 4, bytes);
                String message = new String(bytes, StandardCharsets.UTF_8).replaceAll("\0.*", "").strip();
                return message.isEmpty() ? text : text + " (" + message + ")";
            }
            attribute += align(length);
        }
        return text;
    }

    private static int align(int length) {
        return (length + 3) & -4;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Descriptors.closeQuietly(fd);
    }
}
