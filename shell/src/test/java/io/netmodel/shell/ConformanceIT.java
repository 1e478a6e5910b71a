package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netmodel.api.vfs.Errno;
import io.netmodel.shell.ConformanceTable.Case;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kernel-exact reads and writes, case by case, through real processes: every row of
 * {@code conformance.tsv} is run by one generated bash script against one mounted model
 * ({@code printf '%s' INPUT > file} for a raw write, {@code cat} to read back, {@code dd} for
 * offsets), so each case goes kernel → FUSE → model and back. The errno of a failed write or
 * read is taken from the error text bash, cat or dd print ({@code Invalid argument} →
 * EINVAL, via {@link Errno#strerror}). Every failed write must leave the file as it was; every
 * row puts the file (and its setup files) back to the value it had, so rows are independent.
 * All mismatches are reported together; a per-case report is written to
 * {@code target/conformance/report.txt}.
 */
@Timeout(900)
class ConformanceIT {
    private static final Pattern INPUT_ACTION = Pattern.compile("virtio\\d+-input\\.0");
    private static final Map<String, String> ERRNO_BY_TEXT = errnoByText();

    @Test
    void every_case_of_the_table_behaves_as_the_kernel() throws Exception {
        List<Case> table = ConformanceTable.load();
        run(table, "conformance", List.of());
        assertTrue(table.size() > 100, "the table was read");
    }

    /**
     * The files of an older release on its own host (Ubuntu 16.04's 4.4 with an e1000, seed 000):
     * what did not exist yet is ENOENT, what did behaves as then.
     */
    @Test
    void the_files_of_4_4_behave_as_on_4_4() throws Exception {
        List<Case> table = ConformanceTable.load("conformance-4.4.tsv");
        run(table, "conformance-4.4", List.of("--kernel", "4.4", "--nic", "e1000"));
        assertTrue(table.size() > 20, "the table was read");
    }

    /** Runs {@code table} against a fresh {@code up --daemon} with {@code upArgs}; the report goes to {@code target/<name>/}. */
    private static void run(List<Case> table, String name, List<String> upArgs) throws Exception {
        Path work = Files.createTempDirectory("netmodel-conf-work");
        List<String> mismatches = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        long elapsed;
        try (RunningModel model = RunningModel.up(upArgs.toArray(new String[0]))) {
            Path mnt = model.mount();
            boolean usesIrq = table.stream().anyMatch(c -> c.path().contains("{input_irq}"));
            Map<String, String> vars = usesIrq ? Map.of("input_irq", inputIrq(mnt)) : Map.of();
            List<Case> cases = table.stream().map(c -> c.resolve(vars)).toList();
            Path script = work.resolve("conformance.sh");
            Files.writeString(script, script(cases), StandardCharsets.ISO_8859_1);
            long start = System.nanoTime();
            Proc.Result run = Proc.run(600, Map.of(), "bash", script.toString(), mnt.toString(), work.toString());
            elapsed = (System.nanoTime() - start) / 1_000_000;
            assertTrue(run.out().endsWith("END\n"), () -> "the script did not run to its end: " + run);
            Map<Integer, String[]> results = new HashMap<>();
            Map<Integer, List<String>> setupFailures = new HashMap<>();
            for (String line : run.out().split("\n")) {
                String[] f = line.split("\t");
                if (f[0].equals("C")) {
                    results.put(Integer.parseInt(f[1]), f);
                } else if (f[0].equals("S")) {
                    int id = Integer.parseInt(f[1]);
                    setupFailures.computeIfAbsent(id, k -> new ArrayList<>())
                        .add("setup " + cases.get(id).setup().get(Integer.parseInt(f[2])).path() + " failed: "
                            + errno(work.resolve(id + ".s" + f[2] + ".err")));
                }
            }
            for (int id = 0; id < cases.size(); id++) {
                Case c = cases.get(id);
                List<String> problems = new ArrayList<>(setupFailures.getOrDefault(id, List.of()));
                String[] r = results.get(id);
                if (r == null) {
                    problems.add("the script printed no result for this case");
                }
                String actual = r == null ? "nothing" : evaluate(c, r, work.resolve(Integer.toString(id)), problems);
                report.append(problems.isEmpty() ? "PASS  " : "FAIL  ").append(c.describe())
                    .append("\n      expected ").append(c.expectedText()).append("; got ").append(actual).append('\n');
                if (!problems.isEmpty()) {
                    mismatches.add(c.describe() + "\n    expected " + c.expectedText() + "; got " + actual
                        + "\n    " + String.join("\n    ", problems));
                }
            }
        } finally {
            deleteTree(work);
        }
        report.insert(0, summary(table, elapsed, mismatches.size()));
        Path out = Path.of("target", name);
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.print(summary(table, elapsed, mismatches.size()));
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + table.size() + " conformance cases differ from the kernel:\n\n"
                + String.join("\n\n", mismatches));
        }
    }

    /**
     * What happened in one case, checked against the row; {@code problems} collects every
     * difference. {@code r} is the script's line: C, id, before-read status, write status,
     * after-read status, restore-read status ("-" where a step did not run).
     */
    private static String evaluate(Case c, String[] r, Path base, List<String> problems) throws IOException {
        String brc = r[2];
        String wrc = r[3];
        String arc = r[4];
        String rrc = r[5];
        byte[] after = bytes(base, ".a");
        String readOutcome = arc.equals("0") ? "reads " + ConformanceTable.show(after) : "read fails " + errno(file(base, ".ae"));
        String actual;
        if (c.isRead()) {
            actual = arc.equals("0") ? "ok " + ConformanceTable.show(after) : errno(file(base, ".ae"));
            if (c.expectsOk() ? !arc.equals("0") || !c.readbackMatches(after) : !actual.equals(c.expect())) {
                problems.add("read: " + actual);
            }
            return actual;
        }
        String outcome = wrc.equals("0") ? "ok" : errno(file(base, ".we"));
        actual = outcome + ", then " + readOutcome;
        if (!outcome.equals(c.expect())) {
            problems.add("write: " + outcome);
        }
        if (c.expectsOk()) {
            if (!arc.equals("0") || !c.readbackMatches(after)) {
                problems.add("read-back: " + readOutcome);
            }
        } else {
            byte[] before = bytes(base, ".b");
            String beforeRead = brc.equals("0") ? "reads " + ConformanceTable.show(before) : "read fails " + errno(file(base, ".be"));
            if (!beforeRead.equals(readOutcome)) {
                problems.add("a failed write changed the file: before it " + beforeRead + ", after it " + readOutcome);
            }
            if (c.readback() != null && (!arc.equals("0") || !c.readbackMatches(after))) {
                problems.add("read-back: " + readOutcome);
            }
        }
        if (!rrc.equals("-") && (!rrc.equals("0") || !Arrays.equals(bytes(base, ".r"), bytes(base, ".b")))) {
            problems.add("restoring " + ConformanceTable.show(bytes(base, ".b")) + " failed: the file now reads "
                + ConformanceTable.show(bytes(base, ".r")));
        }
        return actual;
    }

    /** The bash script: helper functions, then per case its setup writes, the case, and their undoing. */
    static String script(List<Case> cases) {
        StringBuilder sb = new StringBuilder("""
            # generated by ConformanceIT: $1 is the mount, $2 a scratch directory
            cd "$1" || exit 2
            T=$2
            # slurp VAR FILE: the exact bytes of a scratch file (no NULs) into VAR, without a process
            slurp() { IFS= read -r -d '' "$1" < "$2"; return 0; }
            # put FILE VALUE: write a saved value back in one write; an empty value (unset ifalias) as "\\n"
            put() { if [ -n "$2" ]; then printf '%s' "$2" > "$1"; else printf '\\n' > "$1"; fi; }
            # wr OP FILE INPUT: the input in exactly one write(2). bash's stdout is line-buffered, so
            # printf would split an input with bytes after a newline (and stdio a long one): dd then.
            wr() {
              case $1 in
                w)   if [[ $3 != *$'\\n'?* && ${#3} -le 1024 ]]; then printf '%s' "$3" > "$2"
                     else printf '%s' "$3" | dd of="$2" bs=65536 iflag=fullblock status=none; fi ;;
                a)   printf '%s' "$3" >> "$2" ;;
                w@1) printf '%s' "$3" | dd of="$2" bs=65536 iflag=fullblock seek=1 oflag=seek_bytes conv=notrunc status=none ;;
              esac
            }
            # s ID K PATH VALUE: save PATH, write VALUE (a failure is reported)
            s() {
              cat -- "$3" > "$T/$1.s$2" 2>/dev/null || : > "$T/$1.s$2.none"
              wr w "$3" "$4" 2> "$T/$1.s$2.err" || printf 'S\\t%s\\t%s\\n' "$1" "$2"
            }
            # u ID K PATH: put PATH back as s saved it
            u() { local v; [ -e "$T/$1.s$2.none" ] || { slurp v "$T/$1.s$2"; put "$3" "$v" 2>/dev/null; }; }
            # c ID OP PATH INPUT: one case; prints C ID before-read write after-read restore-read
            # (exit statuses; "-" where the step did not run). The file is put back when it changed.
            c() {
              local id=$1 op=$2 f=$3 v=$4 brc=- wrc=- arc rrc=- b a
              case $op in
                r)  cat -- "$f" > "$T/$id.a" 2> "$T/$id.ae"; arc=$? ;;
                r1) dd if="$f" bs=1 status=none > "$T/$id.a" 2> "$T/$id.ae"; arc=$? ;;
                *)  cat -- "$f" > "$T/$id.b" 2> "$T/$id.be"; brc=$?
                    wr "$op" "$f" "$v" 2> "$T/$id.we"; wrc=$?
                    cat -- "$f" > "$T/$id.a" 2> "$T/$id.ae"; arc=$?
                    if [ $brc -eq 0 ]; then
                      slurp b "$T/$id.b"; slurp a "$T/$id.a"
                      if [ $arc -ne 0 ] || [[ $a != "$b" ]]; then
                        put "$f" "$b" 2>/dev/null
                        cat -- "$f" > "$T/$id.r" 2>/dev/null; rrc=$?
                      fi
                    fi ;;
              esac
              printf 'C\\t%s\\t%s\\t%s\\t%s\\t%s\\n' "$id" "$brc" "$wrc" "$arc" "$rrc"
            }
            """);
        for (int id = 0; id < cases.size(); id++) {
            Case c = cases.get(id);
            sb.append("# line ").append(c.line()).append('\n');
            for (int k = 0; k < c.setup().size(); k++) {
                sb.append("s ").append(id).append(' ').append(k).append(' ').append(quote(c.setup().get(k).path()))
                    .append(' ').append(ConformanceTable.bashBytes(c.setup().get(k).value())).append('\n');
            }
            sb.append("c ").append(id).append(' ').append(c.op()).append(' ').append(quote(c.path())).append(' ')
                .append(c.input() == null ? "''" : ConformanceTable.bashBytes(c.input())).append('\n');
            for (int k = c.setup().size() - 1; k >= 0; k--) {
                sb.append("u ").append(id).append(' ').append(k).append(' ').append(quote(c.setup().get(k).path())).append('\n');
            }
        }
        return sb.append("echo END\n").toString();
    }

    /** The /proc/irq/N directory holding the first virtio input queue's action. */
    private static String inputIrq(Path mnt) throws IOException {
        try (Stream<Path> dirs = Files.list(mnt.resolve("proc/irq"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> actions = Files.list(dir)) {
                    if (actions.anyMatch(a -> INPUT_ACTION.matcher(a.getFileName().toString()).matches())) {
                        return dir.getFileName().toString();
                    }
                }
            }
        }
        throw new AssertionError("no /proc/irq/N/virtioX-input.0 under " + mnt);
    }

    /** The errno name of the last error line in {@code err} ({@code ...: Invalid argument} → EINVAL). */
    private static String errno(Path err) throws IOException {
        String text = Files.exists(err) ? Files.readString(err, StandardCharsets.ISO_8859_1).strip() : "";
        if (text.isEmpty()) {
            return "(no error text)";
        }
        String last = text.substring(text.lastIndexOf('\n') + 1);
        String why = last.substring(last.lastIndexOf(": ") + 2);
        return ERRNO_BY_TEXT.getOrDefault(why, "?" + last);
    }

    private static Map<String, String> errnoByText() {
        Map<String, String> m = new TreeMap<>();
        for (Field f : Errno.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    m.put(Errno.strerror(f.getInt(null)), f.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return m;
    }

    private static String summary(List<Case> table, long elapsedMs, int failed) {
        Map<String, Integer> byFile = new TreeMap<>();
        table.forEach(c -> byFile.merge(c.path(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder("conformance: " + table.size() + " cases, " + failed + " failed, script ran "
            + elapsedMs + " ms\n");
        byFile.forEach((path, n) -> sb.append(String.format("%5d  %s%n", n, path)));
        return sb.append('\n').toString();
    }

    private static String quote(String path) {
        if (path.contains("'")) {
            throw new IllegalArgumentException(path);
        }
        return "'" + path + "'";
    }

    private static Path file(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    private static byte[] bytes(Path base, String suffix) throws IOException {
        Path p = file(base, suffix);
        return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
