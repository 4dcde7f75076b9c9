package io.minicontainer.oci;

import io.minicontainer.json.Json;
import io.minicontainer.json.JsonObject;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** config.json to and from {@link Spec}: the wire format apart from the values. */
public final class SpecJson {
    private SpecJson() {}

    public static String write(Spec spec) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ociVersion", spec.ociVersion());
        json.put("process", process(spec.process()));
        json.put("root", Map.of("path", spec.root().path(), "readonly", spec.root().readonly()));
        json.put("hostname", spec.hostname());
        json.put("mounts", spec.mounts().stream().map(SpecJson::mount).toList());
        json.put("linux", linux(spec.linux()));
        json.put("annotations", spec.annotations());
        return Json.writePretty(json) + "\n";
    }

    private static Map<String, Object> process(Spec.Process p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("terminal", p.terminal());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("uid", p.user().uid());
        user.put("gid", p.user().gid());
        if (!p.user().additionalGids().isEmpty()) {
            user.put("additionalGids", p.user().additionalGids());
        }
        json.put("user", user);
        json.put("args", p.args());
        json.put("env", p.env());
        json.put("cwd", p.cwd());
        Spec.Capabilities c = p.capabilities();
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("bounding", c.bounding());
        caps.put("effective", c.effective());
        caps.put("permitted", c.permitted());
        caps.put("inheritable", c.inheritable());
        caps.put("ambient", c.ambient());
        json.put("capabilities", caps);
        json.put("noNewPrivileges", p.noNewPrivileges());
        if (!p.rlimits().isEmpty()) {
            json.put("rlimits", p.rlimits().stream().map(SpecJson::rlimit).toList());
        }
        return json;
    }

    private static Map<String, Object> rlimit(Spec.Rlimit r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", r.type());
        json.put("hard", unsigned(r.hard()));
        json.put("soft", unsigned(r.soft()));
        return json;
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    private static Map<String, Object> mount(Spec.Mount m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("destination", m.destination());
        json.put("type", m.type());
        json.put("source", m.source());
        json.put("options", m.options());
        return json;
    }

    private static Map<String, Object> linux(Spec.Linux l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("namespaces", l.namespaces().stream().map(SpecJson::namespace).toList());
        json.put("maskedPaths", l.maskedPaths());
        json.put("readonlyPaths", l.readonlyPaths());
        l.seccomp().ifPresent(seccomp -> json.put("seccomp", SeccompJson.write(seccomp)));
        if (!l.devices().isEmpty()) {
            json.put("devices", l.devices().stream().map(SpecJson::device).toList());
        }
        if (!l.deviceRules().isEmpty()) {
            json.put("resources", Map.of("devices", l.deviceRules().stream().map(SpecJson::deviceRule).toList()));
        }
        return json;
    }

    private static Map<String, Object> device(Spec.Device d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", d.path());
        json.put("type", d.type());
        json.put("major", d.major());
        json.put("minor", d.minor());
        json.put("fileMode", d.fileMode());
        json.put("uid", d.uid());
        json.put("gid", d.gid());
        return json;
    }

    /** A wildcard major or minor is left out, as the spec says. */
    private static Map<String, Object> deviceRule(Spec.DeviceRule r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("allow", r.allow());
        json.put("type", r.type());
        if (r.major() >= 0) {
            json.put("major", r.major());
        }
        if (r.minor() >= 0) {
            json.put("minor", r.minor());
        }
        json.put("access", r.access());
        return json;
    }

    private static Map<String, Object> namespace(Spec.Namespace ns) {
        return ns.path().isEmpty() ? Map.of("type", ns.type()) : Map.of("type", ns.type(), "path", ns.path());
    }

    /** Parses a config.json; errors name the field ({@code config.json: process.args: ...}). */
    public static Spec read(String text) {
        JsonObject json = JsonObject.of(Json.parse(text), "config.json");
        JsonObject process = json.object("process");
        JsonObject user = process.object("user");
        JsonObject caps = process.object("capabilities");
        JsonObject root = json.object("root");
        JsonObject linux = json.object("linux");
        return new Spec(
                json.string("ociVersion"),
                new Spec.Process(process.bool("terminal", false),
                        new Spec.User(user.number("uid", 0), user.number("gid", 0), user.numbers("additionalGids")),
                        process.strings("args"), process.strings("env"), process.string("cwd", "/"),
                        new Spec.Capabilities(caps.strings("bounding"), caps.strings("effective"),
                                caps.strings("permitted"), caps.strings("inheritable"), caps.strings("ambient")),
                        process.bool("noNewPrivileges", false),
                        process.objects("rlimits").stream().map(SpecJson::readRlimit).toList()),
                new Spec.Root(root.string("path"), root.bool("readonly", false)),
                json.string("hostname", ""),
                json.objects("mounts").stream().map(SpecJson::readMount).toList(),
                new Spec.Linux(linux.objects("namespaces").stream()
                                .map(ns -> new Spec.Namespace(ns.string("type"), ns.string("path", ""))).toList(),
                        linux.strings("maskedPaths"), linux.strings("readonlyPaths"),
                        linux.has("seccomp") ? Optional.of(SeccompJson.read(linux.object("seccomp"))) : Optional.empty(),
                        linux.objects("devices").stream().map(SpecJson::readDevice).toList(),
                        linux.object("resources").objects("devices").stream().map(SpecJson::readDeviceRule).toList()),
                json.stringMap("annotations"));
    }

    private static Spec.Rlimit readRlimit(JsonObject r) {
        return new Spec.Rlimit(r.string("type"), r.unsignedNumber("hard"), r.unsignedNumber("soft"));
    }

    private static Spec.Device readDevice(JsonObject d) {
        return new Spec.Device(d.string("path"), d.string("type"), d.number("major", 0), d.number("minor", 0),
                (int) d.number("fileMode", 0666), d.number("uid", 0), d.number("gid", 0));
    }

    private static Spec.DeviceRule readDeviceRule(JsonObject r) {
        return new Spec.DeviceRule(r.bool("allow", false), r.string("type", "a"), r.number("major", -1),
                r.number("minor", -1), r.string("access", "rwm"));
    }

    private static Spec.Mount readMount(JsonObject m) {
        return new Spec.Mount(m.string("destination"), m.string("type", ""), m.string("source", ""),
                m.strings("options"));
    }
}
