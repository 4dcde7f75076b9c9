package io.minicontainer.oci;

import io.minicontainer.json.JsonException;
import io.minicontainer.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The spec's {@code linux.seccomp} to and from JSON (runtime-spec config-linux.md#seccomp). */
public final class SeccompJson {
    private SeccompJson() {}

    public static Map<String, Object> write(Seccomp seccomp) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("defaultAction", seccomp.defaultAction());
        seccomp.defaultErrnoRet().ifPresent(errno -> json.put("defaultErrnoRet", errno));
        json.put("architectures", seccomp.architectures());
        json.put("syscalls", seccomp.syscalls().stream().map(SeccompJson::rule).toList());
        return json;
    }

    private static Map<String, Object> rule(Seccomp.Rule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("names", rule.names());
        json.put("action", rule.action());
        rule.errnoRet().ifPresent(errno -> json.put("errnoRet", errno));
        if (!rule.args().isEmpty()) {
            json.put("args", rule.args().stream().map(SeccompJson::arg).toList());
        }
        return json;
    }

    private static Map<String, Object> arg(Seccomp.Arg arg) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", arg.index());
        json.put("value", arg.value());
        json.put("valueTwo", arg.valueTwo());
        json.put("op", arg.op());
        return json;
    }

    public static Seccomp read(JsonObject json) {
        return new Seccomp(json.string("defaultAction"), errno(json, "defaultErrnoRet"), json.strings("architectures"),
                json.objects("syscalls").stream().map(SeccompJson::readRule).toList());
    }

    /** A rule's names: {@code names}, or the older single {@code name}, never both. */
    public static Seccomp.Rule readRule(JsonObject json) {
        List<String> names = json.strings("names");
        if (json.has("name")) {
            if (!names.isEmpty()) {
                throw new JsonException(json.path() + ": both 'name' and 'names' are specified; use 'names'");
            }
            names = List.of(json.string("name"));
        }
        return new Seccomp.Rule(names, json.string("action"), errno(json, "errnoRet"),
                json.objects("args").stream().map(SeccompJson::readArg).toList());
    }

    private static Seccomp.Arg readArg(JsonObject json) {
        long index = json.number("index", 0);
        if (index < 0 || index > 5) {
            throw new JsonException(json.pathOf("index") + ": a system call has arguments 0 to 5, not " + index);
        }
        return new Seccomp.Arg((int) index, json.number("value", 0), json.number("valueTwo", 0), json.string("op"));
    }

    private static OptionalInt errno(JsonObject json, String key) {
        return json.has(key) ? OptionalInt.of((int) json.number(key, 0)) : OptionalInt.empty();
    }
}
