package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.CpuUsage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --json}: one object per run (the columns of {@link RunColumns}, then {@code knobs},
 * {@code cpus} and {@code counters}), a seed table as an array of them. Maps are written in
 * key order, whatever map the model returned, so the same run gives the same bytes.
 */
public final class BenchJson {
    private BenchJson() {
    }

    public static String xskRr(XskRrRun run) {
        JsonWriter json = new JsonWriter();
        writeXsk(json, run);
        return json.toString();
    }

    public static String xskRrTable(List<XskRrRun> runs) {
        JsonWriter json = new JsonWriter().beginArray();
        for (XskRrRun run : runs) {
            writeXsk(json, run);
        }
        return json.endArray().toString();
    }

    public static String rr(RrRun run) {
        JsonWriter json = new JsonWriter().beginObject();
        for (Column<RrRun> c : RunColumns.RR) {
            if (c.inJson().test(run)) {
                c.writeJson(json, run);
            }
        }
        writeDetails(json, run.result());
        return json.endObject().toString();
    }

    public static String epollRr(List<EpollRrRun> runs) {
        JsonWriter json = new JsonWriter();
        boolean many = runs.size() > 1;
        if (many) {
            json.beginArray();
        }
        for (EpollRrRun run : runs) {
            json.beginObject();
            for (Column<EpollRrRun> c : RunColumns.EPOLL_RR) {
                if (c.inJson().test(run)) {
                    c.writeJson(json, run);
                }
            }
            writeDetails(json, run.result());
            json.endObject();
        }
        if (many) {
            json.endArray();
        }
        return json.toString();
    }

    private static void writeXsk(JsonWriter json, XskRrRun run) {
        json.beginObject();
        for (Column<XskRrRun> c : RunColumns.XSK_RR) {
            if (c.inJson().test(run)) {
                c.writeJson(json, run);
            }
        }
        writeDetails(json, run.result());
        json.endObject();
    }

    /** knobs, per-CPU time shares, counters. */
    private static void writeDetails(JsonWriter json, BenchResult result) {
        json.name("knobs").beginObject();
        for (Map.Entry<String, String> e : new TreeMap<>(result.knobs()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        json.name("cpus").beginArray();
        for (CpuUsage cpu : CpuOrder.sorted(result.cpus())) {
            long total = cpu.totalNs();
            json.beginObject()
                .name("host").value(cpu.host())
                .name("cpu").value(cpu.cpu())
                .name("user_pct").value(Fmt.shareDecimal(cpu.userNs(), total))
                .name("sys_pct").value(Fmt.shareDecimal(cpu.sysNs(), total))
                .name("softirq_pct").value(Fmt.shareDecimal(cpu.softirqNs(), total))
                .name("irq_pct").value(Fmt.shareDecimal(cpu.irqNs(), total))
                .name("idle_pct").value(Fmt.shareDecimal(cpu.idleNs(), total))
                .endObject();
        }
        json.endArray();
        json.name("counters").beginObject();
        for (Map.Entry<String, Long> e : new TreeMap<>(result.counters()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
    }
}
