package duban.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 退回 column of the overview and the ledger: each return counts against the unit whose report it was. */
class OverviewFiguresTest {

  @Test
  void countsEachReturnAgainstTheMemberWhosePartItWas() {
    OverviewTask parks = task(List.of("lixia", "shizhong", "huaiyin"), 3, List.of("shizhong", "huaiyin", "shizhong"));

    assertThat(OverviewFigures.returnsOf(parks, "shizhong")).isEqualTo(2);
    assertThat(OverviewFigures.returnsOf(parks, "huaiyin")).isEqualTo(1);
    assertThat(OverviewFigures.returnsOf(parks, "lixia")).as("the primary lead, never returned").isZero();
  }

  @Test
  void countsARowFromBeforeTheReturnedUnitsWereKeptAgainstThePrimaryLead() {
    OverviewTask old = task(List.of("lixia", "shizhong"), 2, List.of());

    assertThat(OverviewFigures.returnsOf(old, "lixia")).isEqualTo(2);
    assertThat(OverviewFigures.returnsOf(old, "shizhong")).isZero();
  }

  private static OverviewTask task(List<String> leads, int reviewRounds, List<String> returnedUnits) {
    StoredTask stored = new StoredTask("P", 13, StoredTask.WHOLE_TASK, "pi", "示范园区", leads, List.of(), "2025-12-31",
        false, null, null, null, false, false, false, null, null, null, null, reviewRounds, returnedUnits, 0, false,
        null, null, null, 0);
    return new OverviewTask(stored, null, Status.GREEN, 0, null, false);
  }
}
