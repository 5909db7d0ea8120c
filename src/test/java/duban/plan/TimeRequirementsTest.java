package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import duban.plan.TimeRequirements.Timing;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRequirementsTest {

  static Timing read(String phrase) {
    return TimeRequirements.read(phrase, 2022);
  }

  static LocalDate deadline(String phrase) {
    return read(phrase).deadline();
  }

  @Test
  void endOfThe14thFiveYearPlanIsTheEndOf2025() {
    assertThat(TimeRequirements.deadline("“十四五”末")).contains(LocalDate.of(2025, 12, 31));
    assertThat(TimeRequirements.deadline("\"十四五\"末")).contains(LocalDate.of(2025, 12, 31));
    assertThat(TimeRequirements.deadline("十四五末")).contains(LocalDate.of(2025, 12, 31));
  }

  @Test
  void yearPhrasesMeanTheYearsLastDay() {
    assertThat(deadline("2023年年底")).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(deadline(" 2026年年底 ")).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(deadline("2025年底前")).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(deadline("2023年底")).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(deadline("2024年")).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(deadline("２０２４年底前完成。")).isEqualTo(LocalDate.of(2024, 12, 31)); // full-width digits
  }

  @Test
  void monthPhrasesMeanTheMonthsLastDay() {
    assertThat(deadline("2024年6月底前")).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(deadline("2024年2月")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(deadline("2023年11月底")).isEqualTo(LocalDate.of(2023, 11, 30));
    assertThat(deadline("2024年上半年")).isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void dayPhrasesMeanThatDay() {
    assertThat(deadline("2024年3月15日前")).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(deadline("2024年3月15日")).isEqualTo(LocalDate.of(2024, 3, 15));
  }

  @Test
  void withinTheYearIsThePlanYearsEnd() {
    assertThat(TimeRequirements.read("年内", 2022).deadline()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(TimeRequirements.read("年底前", 2024).deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThatIllegalArgumentException().isThrownBy(() -> TimeRequirements.read("年内", null))
        .withMessageContaining("标题中没有年份").withMessageContaining("year");
  }

  @Test
  void longTermPhrasesHaveNoDeadlineAndTheConfiguredCycle() {
    for (String phrase : List.of("长期", "持续推进", "常态化推进", "长期坚持")) {
      assertThat(read(phrase)).as(phrase).isEqualTo(new Timing(null, null, List.of()));
    }
    assertThat(TimeRequirements.deadline("长期")).isEmpty();
  }

  @Test
  void periodicPhrasesNameTheirCycle() {
    assertThat(read("每年")).isEqualTo(new Timing(null, "YEARLY", List.of()));
    assertThat(read("每季度")).isEqualTo(new Timing(null, "QUARTERLY", List.of()));
    assertThat(read("每半年")).isEqualTo(new Timing(null, "HALF_YEARLY", List.of()));
    assertThat(read("每月")).isEqualTo(new Timing(null, "MONTHLY", List.of()));
  }

  @Test
  void severalDatesMakeTheLastTheDeadlineAndTheOthersMilestones() {
    assertThat(read("2022年6月底前启动，2023年底前完成")).isEqualTo(
        new Timing(LocalDate.of(2023, 12, 31), null, List.of(LocalDate.of(2022, 6, 30))));
    assertThat(read("分阶段：年内、2024年3月31日前、“十四五”末")).isEqualTo(new Timing(LocalDate.of(2025, 12, 31), null,
        List.of(LocalDate.of(2022, 12, 31), LocalDate.of(2024, 3, 31))));
  }

  @Test
  void refusesEverythingElseNamingThePhrase() {
    assertThatIllegalArgumentException().isThrownBy(() -> read("明年"))
        .withMessageStartingWith("无法识别的时间要求「明年」");
    assertThatIllegalArgumentException().isThrownBy(() -> read("2024年6月底前完成主体工程"))
        .withMessageStartingWith("无法识别的时间要求「2024年6月底前完成主体工程」");
    assertThatIllegalArgumentException().isThrownBy(() -> read("2022—2024年"));
    assertThatIllegalArgumentException().isThrownBy(() -> read("2024年13月")).withMessageContaining("月份 13");
    assertThatIllegalArgumentException().isThrownBy(() -> read("2023年2月30日")).withMessageContaining("2月30日");
    assertThatIllegalArgumentException().isThrownBy(() -> read("")).withMessage("时间要求为空");
  }
}
