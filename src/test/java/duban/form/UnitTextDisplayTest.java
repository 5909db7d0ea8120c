package duban.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What units write reaches others in disabled fields, which show it as typed, and never in form-js {@code text}
 * components, which render Markdown and HTML. A disabled field is no submittable field of its form.
 */
class UnitTextDisplayTest {

  /** What a unit writes in its 容错 application, as the tolerance team's forms show it. */
  private static final List<String> APPLICATION = List.of("whatHappened", "whyExploratory", "diligent", "diligentNote",
      "noPrivateGain", "noPrivateGainNote", "noProhibitionBreach", "noProhibitionBreachNote", "noSeriousLoss",
      "noSeriousLossNote", "decisionProcedure", "decisionProcedureNote");

  /** Form → the unit-written values it shows. */
  private static final Map<String, List<String>> SHOWN = Map.of(
      "review-report", List.of("reportSummary", "achievedFigures", "contributionSummary"),
      "sign-off", List.of("reportSummary", "reviewComment"),
      "reassign-assignment", List.of("returnReason"),
      "review-extension", List.of("extensionReason"),
      "submit-report", List.of("contributionSummary", "acknowledgementSummary"),
      "open-investigation", APPLICATION,
      "verify-facts", APPLICATION,
      "redetermine-outcome", List.of("appealReason"));

  private static JsonNode form(String id) throws Exception {
    return new ObjectMapper().readTree(Files.readString(Path.of("forms", id + ".form")));
  }

  private static List<JsonNode> components(JsonNode node) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : node.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }

  @Test
  void unitTextIsShownInDisabledFieldsAndNeverInterpolatedIntoMarkdown() throws Exception {
    for (Map.Entry<String, List<String>> entry : SHOWN.entrySet()) {
      List<JsonNode> components = components(form(entry.getKey()));
      for (String variable : entry.getValue()) {
        assertThat(components).as("%s shows %s in a disabled field", entry.getKey(), variable)
            .anyMatch(c -> variable.equals(c.path("key").asText()) && c.path("disabled").asBoolean());
        assertThat(components).as("%s renders %s as Markdown", entry.getKey(), variable)
            .noneMatch(c -> "text".equals(c.path("type").asText()) && c.path("text").asText().contains(variable));
      }
    }
  }

  @Test
  void aDisabledFieldCannotBeSubmitted() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("forms", "review-report.form"))) {
      FormSchema review = FormSchema.read(in);
      assertThat(review.keys()).contains("reviewDecision", "reviewComment")
          .doesNotContain("reportSummary", "achievedFigures", "contributionSummary");
    }
    try (InputStream in = Files.newInputStream(Path.of("forms", "sign-off.form"))) {
      assertThat(FormSchema.read(in).keys()).doesNotContain("reportSummary", "reviewComment");
    }
  }
}
