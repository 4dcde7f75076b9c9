package io.minicontainer.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a plan in the helper's wire format (see {@code native/plan.h}). */
public final class PlanEncoder {
    static final byte[] MAGIC = "MCPLAN01".getBytes(StandardCharsets.US_ASCII);

    private PlanEncoder() {}

    public static byte[] encode(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.writeBytes(MAGIC);
        writeU32(out, plan.steps().size());
        for (Step step : plan.steps()) {
            List<String> args = new ArrayList<>();
            args.add(step.describe(plan));
            args.addAll(step.args());
            writeU32(out, step.op());
            writeU32(out, args.size());
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                if (arg.indexOf('\0') >= 0) {
                    throw new SpecException("a NUL character cannot be passed to the kernel: " + arg.replace('\0', '?'));
                }
                writeU32(out, bytes.length);
                out.writeBytes(bytes);
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }
}
