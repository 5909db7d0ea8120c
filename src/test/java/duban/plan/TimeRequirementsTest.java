package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeRequirementsTest {

  @Test
  void endOfTheFourteenthFiveYearPlanIsTheEndOf2025() {
    assertThat(TimeRequirements.deadline("“十四五”末")).contains(LocalDate.of(2025, 12, 31));
    assertThat(TimeRequirements.deadline("\"十四五\"末")).contains(LocalDate.of(2025, 12, 31));
  }

  @Test
  void yearEndIsTheLastDayOfThatYear() {
    assertThat(TimeRequirements.deadline("2023年年底")).contains(LocalDate.of(2023, 12, 31));
    assertThat(TimeRequirements.deadline(" 2026年年底 ")).contains(LocalDate.of(2026, 12, 31));
  }

  @Test
  void longTermHasNoDeadline() {
    assertThat(TimeRequirements.deadline("长期")).isEmpty();
  }

  @Test
  void rejectsAnyOtherPhrase() {
    assertThatIllegalArgumentException().isThrownBy(() -> TimeRequirements.deadline("2023年底"))
        .withMessage("无法识别的时间要求「2023年底」，应为“十四五”末、YYYY年年底或长期");
    assertThatIllegalArgumentException().isThrownBy(() -> TimeRequirements.deadline("十四五末"));
    assertThatIllegalArgumentException().isThrownBy(() -> TimeRequirements.deadline(""));
  }
}
