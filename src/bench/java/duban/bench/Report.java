package duban.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** target/bench/report.json (everything measured) and report.md (the ratios, for the README). */
final class Report {

  final Map<String, Object> root = new LinkedHashMap<>();
  private final Path out;

  Report(BenchConfig config) {
    this.out = config.out();
    root.put("startedAt", OffsetDateTime.now().toString());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("memoryGb", Stats.round(((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1073741824.0));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
    root.put("machine", machine);
    root.put("config", config);
    root.put("note", "The machine's 2 cores are shared with other builds: absolute figures are noisy, so each is "
        + "reported beside a baseline measured in the same run, on the same database, and as a ratio to it.");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> database(String name) {
    return (Map<String, Object>) root.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
  }

  void write() {
    try {
      writeFiles();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void writeFiles() throws IOException {
    Files.createDirectories(out);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules();
    Files.writeString(out.resolve("report.json"), json.writeValueAsString(root), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private String markdown() {
    StringBuilder md = new StringBuilder("# duban benchmarks\n\n");
    md.append("Run ").append(root.get("startedAt")).append(" on ").append(root.get("machine")).append(".\n\n");
    md.append(root.get("note")).append(" Ratios: throughput is duban ÷ baseline (1 = as fast as the bare engine); ")
        .append("times are duban ÷ baseline (1 = as fast, 2 = twice as long).\n\n");
    md.append("Settings: ").append(root.get("config")).append("\n");
    for (String db : List.of("h2", "postgres")) {
      if (!root.containsKey(db)) {
        continue;
      }
      Map<String, Object> r = (Map<String, Object>) root.get(db);
      md.append("\n## ").append(r.getOrDefault("database", db)).append("\n\n");
      md.append("| measure | duban | baseline | ratio |\n|---|---|---|---|\n");
      r.forEach((key, value) -> {
        if (key.endsWith("Error")) {
          row(md, "**" + key.substring(0, key.length() - "Error".length()) + " failed**", value, "", "");
        }
      });
      if (r.get("startup") instanceof Map<?, ?> s) {
        List<Map<String, Object>> d = (List<Map<String, Object>>) s.get("duban");
        List<Map<String, Object>> b = (List<Map<String, Object>>) s.get("bare");
        row(md, "start-up to ready, first start (creates schema" + (d.get(0).containsKey("seedImportMs")
            ? ", seed import " + d.get(0).get("seedImportMs") + " ms" : "") + ")", d.get(0).get("readyMs") + " ms",
            b.get(0).get("readyMs") + " ms", s.get("firstStartRatio"));
        row(md, "start-up to ready, restart", d.get(d.size() - 1).get("readyMs") + " ms",
            b.get(b.size() - 1).get("readyMs") + " ms", s.get("restartRatio"));
        row(md, "heap used after the seed import (after GC)", s.get("heapAfterSeedImportMb") + " MB",
            s.get("bareHeapMb") + " MB", "");
      }
      if (r.get("import") instanceof Map<?, ?> i) {
        row(md, "import of the 67-task plan, first after start-up", i.get("firstAfterStartupMs") + " ms", "", "");
        row(md, "import of the 67-task plan, median (vs 67 bare starts)", i.get("medianMs") + " ms",
            i.get("baselineStart67MedianMs") + " ms", "throughput " + i.get("ratio"));
      }
      if (r.get("lifecycle") instanceof Map<?, ?> l) {
        row(md, "lifecycle, " + l.get("plans") + " plans = " + l.get("instances") + " instances, "
            + l.get("userTaskCompletions") + " user tasks: instances/s", l.get("dubanInstancesPerSecond"),
            l.get("baselineInstancesPerSecond"), "throughput " + l.get("ratio"));
        row(md, "lifecycle: user-task completions/s", l.get("dubanCompletionsPerSecond"),
            l.get("baselineCompletionsPerSecond"), "throughput " + l.get("ratio"));
        if (l.get("rowsPerInstanceDubanBaseline") instanceof Map<?, ?> rows) {
          rows.forEach((table, pair) -> row(md, "lifecycle: " + table + " rows per instance",
              ((double[]) pair)[0], ((double[]) pair)[1], ""));
        }
      }
      if (r.get("query") instanceof Map<?, ?> q) {
        md.append("\nTask queries with ").append(q.get("plans")).append(" plans loaded: ").append(q.get("instances"))
            .append(" running instances, ").append(q.get("openTasks")).append(" open tasks (loaded in ")
            .append(q.get("loadSeconds")).append(" s, ").append(q.get("loadInstancesPerSecond"))
            .append(" instances/s). Baseline: the same call with authorization checks off.\n\n")
            .append("Rows per running instance: ").append(q.get("rowsPerInstance")).append("\n\n")
            .append("| filter (user, tasks) | call | p50 ms | p95 ms | p99 ms | baseline p50 / p95 / p99 ms | p95 ratio |\n")
            .append("|---|---|---|---|---|---|---|\n");
        ((Map<String, Map<String, Object>>) q.get("filters")).forEach((name, f) -> {
          for (String call : List.of("page", "count")) {
            Map<String, Object> a = (Map<String, Object>) f.get(call + "WithAuth");
            Map<String, Object> b = (Map<String, Object>) f.get(call + "Baseline");
            md.append("| ").append(name).append(" (").append(f.get("user")).append(", ").append(f.get("count"))
                .append(") | ").append(call).append(" | ").append(a.get("p50Ms")).append(" | ").append(a.get("p95Ms"))
                .append(" | ").append(a.get("p99Ms")).append(" | ").append(b.get("p50Ms")).append(" / ")
                .append(b.get("p95Ms")).append(" / ").append(b.get("p99Ms")).append(" | ")
                .append(f.get(call + "Ratio")).append(" |\n");
          }
        });
      }
      if (r.get("queryBySize") instanceof List<?> sizes && sizes.size() > 1) {
        md.append("\nBy size (p95 ms with authorization / baseline):\n\n| plans | open tasks |");
        Map<String, Object> last = (Map<String, Object>) sizes.get(sizes.size() - 1);
        Map<String, Object> names = (Map<String, Object>) last.get("filters");
        names.keySet().forEach(n -> md.append(" ").append(n).append(" page | ").append(n).append(" count |"));
        md.append("\n|---|---|").append("---|---|".repeat(names.size())).append("\n");
        for (Object o : sizes) {
          Map<String, Object> q = (Map<String, Object>) o;
          md.append("| ").append(q.get("plans")).append(" | ").append(q.get("openTasks")).append(" |");
          ((Map<String, Map<String, Object>>) q.get("filters")).forEach((name, f) -> {
            for (String call : List.of("page", "count")) {
              md.append(" ").append(((Map<String, Object>) f.get(call + "WithAuth")).get("p95Ms")).append(" / ")
                  .append(((Map<String, Object>) f.get(call + "Baseline")).get("p95Ms")).append(" |");
            }
          });
          md.append("\n");
        }
      }
      if (r.get("reminders") instanceof Map<?, ?> b) {
        md.append("\nReminder burst: ").append(b.get("notices")).append(" notices from ").append(b.get("jobsDue"))
            .append(" jobs due at once (").append(b.get("plans")).append(" plans), ").append(b.get("sent"))
            .append(" sent, ").append(b.get("mailedNotices")).append(" distinct mails in ").append(b.get("mailCopies"))
            .append(" mailbox copies, ").append(b.get("duplicates")).append(" duplicates, ")
            .append(b.get("failedJobs")).append(" failed jobs: ").append(b.get("dubanSeconds")).append(" s (")
            .append(b.get("noticesPerSecond")).append(" notices/s) against ").append(b.get("baselineSeconds"))
            .append(" s for as many bare timer jobs; time ratio ").append(b.get("ratio")).append(". The jobs were done after ")
            .append(b.get("dubanJobsDoneSeconds")).append(" s, with ").append(b.get("pendingAfterJobs"))
            .append(" notices still waiting for the sweep.\n");
      }
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String what, Object duban, Object baseline, Object ratio) {
    md.append("| ").append(what).append(" | ").append(duban).append(" | ").append(baseline).append(" | ")
        .append(ratio).append(" |\n");
  }
}
