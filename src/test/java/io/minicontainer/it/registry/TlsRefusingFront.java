package io.minicontainer.it.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP front for an HttpServer that answers a TLS handshake the way Go's net/http does
 * ({@code 400 Client sent an HTTP request to an HTTPS server}) and relays everything else to the
 * server. Clients like skopeo try HTTPS first and fall back to HTTP only once TLS fails; the JDK's
 * HttpServer would instead wait for a request line and keep them in the handshake for 10 seconds.
 */
final class TlsRefusingFront implements AutoCloseable {
    private static final int TLS_HANDSHAKE = 0x16;
    private static final byte[] TLS_REFUSAL = ("HTTP/1.0 400 Bad Request\r\n\r\n"
            + "Client sent an HTTP request to an HTTPS server.\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int backendPort;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TlsRefusingFront(int backendPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.backendPort = backendPort;
    }

    static TlsRefusingFront start(int backendPort) throws IOException {
        TlsRefusingFront front = new TlsRefusingFront(backendPort);
        front.threads.submit(front::acceptLoop);
        return front;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            open.add(backend);
            PushbackInputStream in = new PushbackInputStream(client.getInputStream(), 1);
            int first = in.read();
            if (first < 0) {
                return;
            }
            if (first == TLS_HANDSHAKE) {
                client.getOutputStream().write(TLS_REFUSAL);
                return;
            }
            in.unread(first);
            var upstream = threads.submit(() -> pump(in, backend.getOutputStream(), backend));
            pump(backend.getInputStream(), client.getOutputStream(), client);
            upstream.cancel(true);
        } catch (IOException e) {
            // a side went away: the connection is over
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** Copies until EOF, then half-closes {@code target} so the other side sees the end too. */
    private static Void pump(InputStream from, OutputStream to, Socket target) throws IOException {
        try {
            from.transferTo(to);
        } finally {
            if (!target.isClosed()) {
                target.shutdownOutput();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
