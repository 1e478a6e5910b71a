package io.netmodel.shell.cmd;

import io.netmodel.api.bench.XskMode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Tab-completion candidates for arguments that take one of a few words (picocli's
 * {@code completionCandidates}: the shell's Tab and {@code netmodel completion bash} offer them).
 */
public final class Candidates {
    private Candidates() {
    }

    /** {@code traffic ACTION}. */
    public static final class TrafficActions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("start", "stop", "status").iterator();
        }
    }

    /** {@code bench xsk-rr --mode M}: seed 001's four set-ups. */
    public static final class XskModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(XskMode.values()).map(XskMode::cliName).iterator();
        }
    }
}
