package io.netmodel.shell.repl;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A writer that stops passing text on once {@link #close()}d for good: what a command that was
 * cancelled with Ctrl-C still prints on its way out does not land on the next prompt.
 */
final class Gate extends Writer {
    private final Writer to;
    private final AtomicBoolean shut = new AtomicBoolean();

    Gate(Writer to) {
        this.to = to;
    }

    void shut() {
        shut.set(true);
    }

    boolean isShut() {
        return shut.get();
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        if (!shut.get()) {
            to.write(buf, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!shut.get()) {
            to.flush();
        }
    }

    @Override
    public void close() {
        shut();
    }
}
