package io.minicontainer.cli;

import io.minicontainer.cgroups.CgroupMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** {@code minicontainer version}: what is running, on what. */
final class VersionCommand implements Command {
    public String name() { return "version"; }
    public String summary() { return "Show the version, build, Java, kernel and cgroup mode"; }
    public String usage() { return "version"; }
    public List<Flag> flags() { return List.of(Flag.bool("help", Flag.NO_SHORTHAND, "Print usage")); }

    public int run(ParsedArgs args, Context context) {
        if (args.positional().size() > 0) {
            throw new CliException("\"version\" accepts no arguments");
        }
        Properties build = buildInfo();
        context.out().print("MiniContainer " + build.getProperty("version", "unknown") + "\n"
                + " commit:   " + commit(build) + "\n"
                + " java:     " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")\n"
                + " kernel:   " + read("/proc/sys/kernel/osrelease").strip() + "\n"
                + " cgroups:  " + CgroupMode.fromMountinfo(read("/proc/self/mountinfo")).description() + "\n");
        return 0;
    }

    static Properties buildInfo() {
        Properties properties = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/io/minicontainer/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unknown version is still a version
        }
        return properties;
    }

    private static String commit(Properties build) {
        String commit = build.getProperty("commit", "");
        return commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
