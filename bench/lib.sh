# bench/lib.sh: what bench/run and bench/lifecycle share. Sourced (bash), never run.
# Functions only: each script keeps its own traps, work dir and order of steps.

# A busybox root file system in DIR. Links are relative (-> busybox, not /bin/busybox) so they
# name this tree's busybox wherever they are resolved: from the host before pivot_root, or inside.
make_rootfs() {
    local dir=$1 applet
    mkdir -p "$dir"/{bin,etc,dev,proc,sys,tmp,run,root}
    cp /bin/busybox "$dir/bin/busybox"
    for applet in $(/bin/busybox --list); do
        [[ -e $dir/bin/$applet ]] || ln -s busybox "$dir/bin/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$dir/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$dir/etc/group"
    # podman bind-mounts over these and creates them in the rootfs when absent: make every peer
    # see the same, unchanging tree from the first run on.
    touch "$dir/etc/hostname" "$dir/etc/hosts" "$dir/etc/resolv.conf"
}

# Hybrid cgroups: crun 1.8.1 (alone or under podman) refuses any container on a host whose cgroup2
# at /sys/fs/cgroup/unified still has a controller ("cgroups in hybrid mode not supported"); the
# check precedes the cgroup manager, so no flag or spec change avoids it. Rather than remount the
# host's cgroups, both run in a private mount namespace without /sys/fs/cgroup/unified: there they
# see a legacy v1 host and work. make_v1_namespace FILE makes that namespace once and keeps it open
# by binding it on FILE (enter it with `nsenter --mount=FILE`; `umount FILE` lets it go).
HYBRID_ERROR="hybrid mode not supported"
make_v1_namespace() {
    local file=$1
    touch "$file"
    unshare --mount="$file" umount /sys/fs/cgroup/unified
}

# podman without systemd: cgroupfs manager, events to a file. Its default rlimits (nofile and
# nproc 1048576) exceed this host's hard limits and root lacks CAP_SYS_RESOURCE to raise them.
# --rootfs is a boolean that makes the first argument a directory instead of an image, so every
# option has to come before it (options after it would become the container's command).
PODMAN_GLOBAL=(podman --cgroup-manager=cgroupfs --events-backend=file)
PODMAN_LIMITS=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)

# podman_probe NSFILE LABEL ROOTFS: sets PODMAN_BASE to the podman command line that can run a
# container here (PODMAN_GLOBAL, behind `nsenter --mount=NSFILE` on a hybrid host, making that
# namespace unless it exists) after one `run --rm ... /bin/true`; prints a note and fails otherwise.
podman_probe() {
    local ns=$1 label=$2 rootfs=$3 err
    command -v podman >/dev/null || { echo "note: podman is not installed: skipped"; return 1; }
    PODMAN_BASE=("${PODMAN_GLOBAL[@]}")
    [[ -e $ns ]] && PODMAN_BASE=(nsenter --mount="$ns" "${PODMAN_GLOBAL[@]}")
    err=$(podman_true "$label" "$rootfs" 2>&1) && return 0
    if [[ $err == *"$HYBRID_ERROR"* && ! -e $ns ]]; then
        make_v1_namespace "$ns"
        PODMAN_BASE=(nsenter --mount="$ns" "${PODMAN_GLOBAL[@]}")
        if err=$(podman_true "$label" "$rootfs" 2>&1); then
            echo "note: hybrid cgroups: podman runs in a mount namespace without /sys/fs/cgroup/unified (nsenter)"
            return 0
        fi
    fi
    PODMAN_BASE=("${PODMAN_GLOBAL[@]}")
    echo "note: podman fails here, skipped: $err"
    return 1
}
podman_true() {
    "${PODMAN_BASE[@]}" run --rm --network none --label "$1" "${PODMAN_LIMITS[@]}" --rootfs "$2" /bin/true
}

# Prints "median_seconds<TAB>name" for each result of a hyperfine JSON export.
medians() {
    if command -v jq >/dev/null; then
        jq -r '.results[] | "\(.median)\t\(.command)"' "$1"
    else
        python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print(r["median"], r["command"], sep="\t")' "$1"
    fi
}

# Joins an argument vector into one string that hyperfine -N splits back the same way.
cmdline() { printf '%q ' "$@"; }

# Seconds as milliseconds (one decimal), and a / b (two decimals).
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The monitor of a minicontainer container: the monitor= pid of its status file, only while that
# pid is still the helper (a reused pid is some other process). Prints nothing otherwise.
monitor_pid() {
    local dir=$1 pid
    pid=$(sed -n 's/^monitor=//p' "$dir/status" 2>/dev/null) || return 0
    [[ -n $pid && $(readlink "/proc/$pid/exe" 2>/dev/null) == */minicontainer-helper ]] && echo "$pid"
    return 0
}

# A process's resident memory in kB: `rss PID` is VmRSS from /proc/PID/status, `pss PID` Pss from
# /proc/PID/smaps_rollup (empty when the kernel has no smaps_rollup or the process is gone).
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
pss() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || true; }

# Mount points in the caller's mount namespace, or in the one bound on FILE.
mount_count() {
    if [[ -n ${1:-} ]]; then
        nsenter --mount="$1" cat /proc/self/mountinfo | wc -l
    else
        wc -l </proc/self/mountinfo
    fi
}
