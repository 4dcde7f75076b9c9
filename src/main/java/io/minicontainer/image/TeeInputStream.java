package io.minicontainer.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies every byte read to a second destination: how a pulled layer is kept while it is unpacked. */
public final class TeeInputStream extends FilterInputStream {
    private final OutputStream copy;

    public TeeInputStream(InputStream in, OutputStream copy) {
        super(in);
        this.copy = copy;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            copy.write(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would leave a hole in the copy: read instead
        byte[] scratch = new byte[(int) Math.min(n, 64 * 1024)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }
}
