package io.minicontainer.engine;

import java.util.ArrayList;
import java.util.List;

/** The contents of a container's /etc/hostname, /etc/hosts and /etc/resolv.conf, as docker writes them. */
final class EtcFiles {
    /** docker's fallback when the host only has loopback resolvers, unreachable from a container. */
    static final List<String> FALLBACK_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

    private EtcFiles() {}

    static String hostname(String hostname) {
        return hostname + "\n";
    }

    /** docker's /etc/hosts on a bridge: the defaults, then the container's address and host name. */
    static String hosts(String address, String hostname) {
        return hosts() + address + "\t" + hostname + "\n";
    }

    static String hosts() {
        return """
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                ff00::0\tip6-mcastprefix
                ff02::1\tip6-allnodes
                ff02::2\tip6-allrouters
                """;
    }

    /** docker: --dns replaces the name servers, --dns-search the search list ("." for none), --dns-option the options. */
    static String resolvConf(String hostResolvConf, DnsOptions dns) {
        if (dns.servers().isEmpty() && dns.search().isEmpty() && dns.options().isEmpty()) {
            return resolvConf(hostResolvConf);
        }
        List<String> lines = new ArrayList<>();
        for (String line : resolvConf(hostResolvConf).split("\n")) {
            String keyword = line.trim().split("\\s+")[0];
            boolean replaced = keyword.equals("nameserver") && !dns.servers().isEmpty()
                    || (keyword.equals("search") || keyword.equals("domain")) && !dns.search().isEmpty()
                    || keyword.equals("options") && !dns.options().isEmpty();
            if (!replaced && !line.isBlank()) {
                lines.add(line);
            }
        }
        dns.servers().forEach(server -> lines.add("nameserver " + server));
        List<String> search = dns.search().stream().filter(domain -> !domain.equals(".")).toList();
        if (!search.isEmpty()) {
            lines.add("search " + String.join(" ", search));
        }
        if (!dns.options().isEmpty()) {
            lines.add("options " + String.join(" ", dns.options()));
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * The host's resolv.conf without loopback name servers (127.0.0.53 means nothing in another
     * network namespace); docker's public resolvers when none is left.
     */
    static String resolvConf(String hostResolvConf) {
        List<String> lines = new ArrayList<>();
        boolean hasNameserver = false;
        for (String line : hostResolvConf.split("\n", -1)) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                if (isLoopback(words[1])) {
                    continue;
                }
                hasNameserver = true;
            }
            lines.add(line);
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        if (!hasNameserver) {
            FALLBACK_NAMESERVERS.forEach(ns -> lines.add("nameserver " + ns));
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }
}
