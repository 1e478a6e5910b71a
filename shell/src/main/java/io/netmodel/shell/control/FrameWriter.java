package io.netmodel.shell.control;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream whose bytes travel as frames of one kind (stdout or stderr) to the client. */
final class FrameWriter extends OutputStream {
    private final DataOutputStream out;
    private final byte kind;

    FrameWriter(DataOutputStream out, byte kind) {
        this.out = out;
        this.kind = kind;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
            synchronized (out) {
                Frames.writeFrame(out, kind, b, off, len);
            }
        }
    }
}
