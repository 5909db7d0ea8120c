package duban.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The derivation {@link DeployedFormsTest} relies on, against the real sources, without Spring. */
class ListenerReadsTest {

  private final ListenerReads reads = ListenerReads.ofMainSources();

  @Test
  void theReportListenersReadsComeFromItsMethodAndTheHelpersItCalls() {
    ListenerReads.Reads report = reads.of("reportListener");
    assertThat(report.type()).isEqualTo("SupervisionService");
    assertThat(report.method()).isEqualTo("reported");
    // submissionType is what the hand-kept table of old had missed; achievedValue1 is read in recordTargetValues
    assertThat(report.variables()).contains("submissionType", "reportStatus", "reportSummary", "achievedFigures",
        "extensionDate", "extensionReason", "targetCount", "achievedValue1");
  }

  @Test
  void callsOnOtherObjectsAreNotFollowedIntoTheSameClass() {
    ListenerReads.Reads reassignment = reads.of("reassignmentListener");
    assertThat(reassignment.variables()).contains("reassignDecision", "replacementUnit", "reassignComment")
        .doesNotContain("achievedValue1", "submissionType");
  }

  @Test
  void aBeanDeclaredInAnotherShapeIsRefusedNotSkipped() {
    assertThatThrownBy(() -> reads.of("noSuchListener")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("noSuchListener").hasMessageContaining("cannot be derived");
  }

  @Test
  void theCodesWritesIncludeTheProcessesOwnCounters() {
    assertThat(reads.writtenByCode()).contains("reviewRounds", "reportedLate", "contributionSummary")
        .doesNotContain("contactPhone", "workPlan");
  }
}
