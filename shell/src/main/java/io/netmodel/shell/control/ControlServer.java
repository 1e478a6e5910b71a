package io.netmodel.shell.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The daemon's control socket: a Unix-domain socket, mode 0600 inside a 0700 directory, so
 * only its owner can talk to it. Each connection carries one command; a thread per connection
 * runs it through {@link Handler} with stdout/stderr streamed back as frames.
 */
public final class ControlServer implements AutoCloseable {
    /** Runs one command line; returns its exit code. */
    @FunctionalInterface
    public interface Handler {
        int run(List<String> argv, PrintWriter out, PrintWriter err);

        /** Called once the reply (exit code included) has been sent to the client. */
        default void replied() {
        }
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path path, ServerSocketChannel server, Handler handler) {
        this.path = path;
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(handler), "control-socket");
        this.acceptor.setDaemon(true);
    }

    public static ControlServer start(Path path, Handler handler) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        ControlServer cs = new ControlServer(path, server, handler);
        cs.acceptor.start();
        return cs;
    }

    private void acceptLoop(Handler handler) {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> serve(ch, handler), "control-client");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(SocketChannel ch, Handler handler) {
        try (ch) {
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
            List<String> argv = Frames.readArgv(in);
            PrintWriter stdout = new PrintWriter(new java.io.OutputStreamWriter(new FrameWriter(out, Frames.OUT),
                StandardCharsets.UTF_8), true);
            PrintWriter stderr = new PrintWriter(new java.io.OutputStreamWriter(new FrameWriter(out, Frames.ERR),
                StandardCharsets.UTF_8), true);
            int code;
            try {
                code = handler.run(argv, stdout, stderr);
            } catch (RuntimeException e) {
                stderr.println("netmodel: internal error: " + e);
                code = 70; // EX_SOFTWARE
            }
            stdout.flush();
            stderr.flush();
            byte[] exit = java.nio.ByteBuffer.allocate(4).putInt(code).array();
            synchronized (out) {
                Frames.writeFrame(out, Frames.EXIT, exit, 0, 4);
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            handler.replied();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort
        }
    }
}
