package io.minicontainer.cli;

/** A command line that cannot be run as typed: an unknown flag, a missing value, a bad number. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
