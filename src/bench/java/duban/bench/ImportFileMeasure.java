package duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.plan.TableFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 17 point 10, over HTTP as the Cockpit import page sends it, as the supervision office: the preview of a
 * 500-row .docx; and the seed imported from a .docx beside the same seed imported from its text layout, the two
 * alternating round by round. Ratio: the .docx import's median ÷ the text import's median.
 */
final class ImportFileMeasure {

  private static final String USER = "supervisor";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  ImportFileMeasure(App app) {
    this.base = "http://localhost:" + app.context.getEnvironment().getProperty("local.server.port");
  }

  Map<String, Object> run(int rounds) throws Exception {
    byte[] big = TableFixtures.docx(seedRepeatedTo(500), true);
    byte[] docx = TableFixtures.docx(TableFixtures.seed(), true);
    byte[] text = Seed.TEXT.getBytes(StandardCharsets.UTF_8);

    preview(big); // warm-up of both paths
    importPlan("IFW1", docx);
    importPlan("IFW2", text);
    Stats previews = new Stats();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      preview(big);
      previews.add(System.nanoTime() - t0);
    }
    Stats fromDocx = new Stats();
    Stats fromText = new Stats();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      importPlan("IFD" + i, docx);
      long t1 = System.nanoTime();
      importPlan("IFT" + i, text);
      fromDocx.add(t1 - t0);
      fromText.add(System.nanoTime() - t1);
      Progress.log("  import files round %d/%d", i + 1, rounds);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("docxBytes500Rows", big.length);
    m.put("preview500Rows", previews.summary());
    m.put("importDocx", fromDocx.summary());
    m.put("importText", fromText.summary());
    m.put("docxOverText", Stats.round(fromDocx.percentile(50) / fromText.percentile(50)));
    return m;
  }

  /** The seed's sections with their task rows repeated until the table has {@code tasks} numbered rows. */
  private static TableFixtures.Table seedRepeatedTo(int tasks) {
    TableFixtures.Table seed = TableFixtures.seed();
    List<List<List<String>>> sections = new ArrayList<>();
    List<List<String>> headings = new ArrayList<>();
    for (List<String> row : seed.rows()) {
      if (row.size() == 1) {
        headings.add(row);
        sections.add(new ArrayList<>());
      } else {
        sections.get(sections.size() - 1).add(row);
      }
    }
    int perSection = (int) Math.ceil((double) tasks / sections.size());
    List<List<String>> rows = new ArrayList<>();
    int number = 0;
    for (int s = 0; s < sections.size(); s++) {
      rows.add(headings.get(s));
      List<List<String>> own = sections.get(s);
      for (int i = 0; i < perSection && number < tasks; i++) {
        List<String> row = new ArrayList<>(own.get(i % own.size()));
        row.set(0, String.valueOf(++number));
        rows.add(row);
      }
    }
    return new TableFixtures.Table(seed.preamble(), seed.header(), rows, seed.itemColumn());
  }

  private void preview(byte[] docx) throws Exception {
    JsonNode preview = JSON.readTree(post("/api/plans/preview", docx, 200));
    if (preview.path("tasks").size() != 500) {
      throw new IllegalStateException("the 500-row preview read " + preview.path("tasks").size() + " tasks");
    }
  }

  private void importPlan(String code, byte[] file) throws Exception {
    JsonNode imported = JSON.readTree(post("/api/plans?code=" + code, file, 201));
    if (imported.path("started").asInt() != 67) {
      throw new IllegalStateException(code + " started " + imported.path("started").asInt() + " instances");
    }
  }

  private String post(String path, byte[] body, int expected) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
