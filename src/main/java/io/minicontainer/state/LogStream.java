package io.minicontainer.state;

/** The container's output stream a log record came from, named as in the log file. */
enum LogStream {
    STDOUT, STDERR;

    /** This stream's bit in a set of streams kept as an int (see {@link TailFinder}). */
    int bit() {
        return 1 << ordinal();
    }
}
