package io.netmodel.shell.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Sends one command line to a running daemon and relays its output and exit code. */
public final class ControlClient {
    private ControlClient() {
    }

    /**
     * Runs {@code argv} in the daemon behind {@code socket}. Empty when no daemon answers there
     * (no socket, or a stale one: connection refused).
     */
    public static Optional<Integer> run(Path socket, List<String> argv, PrintWriter out, PrintWriter err)
        throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return Optional.empty();
        }
        try (ch) {
            DataOutputStream req = new DataOutputStream(Channels.newOutputStream(ch));
            Frames.writeArgv(req, argv);
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            while (true) {
                byte kind;
                try {
                    kind = in.readByte();
                } catch (EOFException e) {
                    throw new IOException("the model closed the control connection without an exit code");
                }
                byte[] payload = in.readNBytes(in.readInt());
                if (kind == Frames.OUT) {
                    out.print(new String(payload, StandardCharsets.UTF_8));
                    out.flush();
                } else if (kind == Frames.ERR) {
                    err.print(new String(payload, StandardCharsets.UTF_8));
                    err.flush();
                } else if (kind == Frames.EXIT) {
                    return Optional.of(ByteBuffer.wrap(payload).getInt());
                }
            }
        }
    }

    /** Whether a daemon answers on {@code socket}. */
    public static boolean alive(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
