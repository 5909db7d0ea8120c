package duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final LocalDate IMPORTED = LocalDate.of(2026, 11, 26);

  @Test
  void readsMonthsAndQuarters() {
    assertThat(Period.parse("2026-11")).satisfies(p -> {
      assertThat(p.first()).isEqualTo(LocalDate.of(2026, 11, 1));
      assertThat(p.last()).isEqualTo(LocalDate.of(2026, 11, 30));
      assertThat(p.label()).isEqualTo("2026年11月");
      assertThat(p.previous().code()).isEqualTo("2026-10");
    });
    assertThat(Period.parse("2026-Q4")).satisfies(p -> {
      assertThat(p.first()).isEqualTo(LocalDate.of(2026, 10, 1));
      assertThat(p.last()).isEqualTo(LocalDate.of(2026, 12, 31));
      assertThat(p.label()).isEqualTo("2026年第四季度");
      assertThat(p.previous().code()).isEqualTo("2026-Q3");
    });
  }

  @Test
  void refusesWhatIsNoPeriodAFuturePeriodAndOneBeforeThePlanNamingIt() {
    assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("「2026-13」无法识别");
    assertThatThrownBy(() -> Period.parse("十一月")).hasMessageContaining("「十一月」");
    assertThatThrownBy(() -> Period.parse("2027-01").checkedAgainst(TODAY, IMPORTED))
        .hasMessageContaining("「2027-01」").hasMessageContaining("尚未开始");
    assertThatThrownBy(() -> Period.parse("2026-10").checkedAgainst(TODAY, IMPORTED))
        .hasMessageContaining("「2026-10」").hasMessageContaining("早于");
    assertThat(Period.parse("2026-12").checkedAgainst(TODAY, IMPORTED).cutOff(TODAY)).isEqualTo(TODAY);
    assertThat(Period.parse("2026-11").checkedAgainst(TODAY, IMPORTED).cutOff(TODAY))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
