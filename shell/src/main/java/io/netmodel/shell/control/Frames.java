package io.netmodel.shell.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The control-socket protocol. A request is the command's argv: {@code int argc}, then each
 * argument as {@code int length} + UTF-8. The reply is a stream of frames {@code byte kind},
 * {@code int length}, payload: {@code 'O'} stdout bytes, {@code 'E'} stderr bytes, and a final
 * {@code 'X'} carrying the exit code as a 4-byte int.
 */
public final class Frames {
    public static final byte OUT = 'O';
    public static final byte ERR = 'E';
    public static final byte EXIT = 'X';
    private static final int MAX_ARGS = 4096;
    private static final int MAX_ARG_BYTES = 1 << 20;

    private Frames() {
    }

    public static void writeArgv(DataOutputStream out, List<String> argv) throws IOException {
        out.writeInt(argv.size());
        for (String a : argv) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
        out.flush();
    }

    public static List<String> readArgv(DataInputStream in) throws IOException {
        int argc = in.readInt();
        if (argc < 0 || argc > MAX_ARGS) {
            throw new IOException("bad request: " + argc + " arguments");
        }
        List<String> argv = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            int len = in.readInt();
            if (len < 0 || len > MAX_ARG_BYTES) {
                throw new IOException("bad request: argument of " + len + " bytes");
            }
            argv.add(new String(in.readNBytes(len), StandardCharsets.UTF_8));
        }
        return argv;
    }

    public static synchronized void writeFrame(DataOutputStream out, byte kind, byte[] payload, int off, int len)
        throws IOException {
        out.writeByte(kind);
        out.writeInt(len);
        out.write(payload, off, len);
        out.flush();
    }
}
