package io.minicontainer.seccomp;

/** Kernel releases ({@code 6.18.44-fc-v669}) compared by major, minor and patch, as a profile's minKernel asks. */
final class KernelVersion {
    private KernelVersion() {}

    static boolean atLeast(String release, String minimum) {
        int[] have = parse(release, "kernel release");
        int[] want = parse(minimum, "minKernel");
        for (int i = 0; i < have.length; i++) {
            if (have[i] != want[i]) {
                return have[i] > want[i];
            }
        }
        return true;
    }

    /** Up to three numbers, missing ones 0; what follows the numbers (-rc1, -generic) does not count. */
    private static int[] parse(String version, String what) {
        int[] parts = new int[3];
        String[] fields = version.strip().split("[.-]", 4);
        for (int i = 0; i < Math.min(3, fields.length); i++) {
            if (!fields[i].matches("\\d{1,9}")) {
                if (i < 2) {
                    throw new SeccompException("seccomp profile: " + what + " " + version + " is not a kernel version");
                }
                break;
            }
            parts[i] = Integer.parseInt(fields[i]);
        }
        return parts;
    }
}
