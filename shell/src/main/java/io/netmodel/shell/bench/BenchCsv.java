package io.netmodel.shell.bench;

import java.util.List;

/**
 * {@code --csv}: one header line, then one line per run, with the columns of
 * {@link RunColumns} (every column on every line; an empty cell where a run has no value, e.g.
 * the published columns of a single run). Knobs, CPUs and counters are in the JSON only.
 */
public final class BenchCsv {
    private BenchCsv() {
    }

    public static String xskRr(List<XskRrRun> runs) {
        return csv(RunColumns.XSK_RR, runs);
    }

    public static String epollRr(List<EpollRrRun> runs) {
        return csv(RunColumns.EPOLL_RR, runs);
    }

    public static String rr(List<RrRun> runs) {
        return csv(RunColumns.RR, runs);
    }

    static <T> String csv(List<Column<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append(columns.get(i).name());
        }
        out.append('\n');
        for (T row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                out.append(i == 0 ? "" : ",").append(columns.get(i).csvCell(row));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
