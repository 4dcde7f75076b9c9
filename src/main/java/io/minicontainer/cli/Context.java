package io.minicontainer.cli;

import io.minicontainer.engine.ContainerLayout;
import java.io.PrintStream;
import java.util.Map;

/** What every command gets: the data directories, the caller's environment, the output streams. */
record Context(ContainerLayout layout, Map<String, String> env, PrintStream out, PrintStream err) {}
