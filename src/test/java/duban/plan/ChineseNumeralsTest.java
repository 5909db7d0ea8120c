package duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

  @Test
  void readsSectionNumbers() {
    assertThat(ChineseNumerals.parse("一")).isEqualTo(1);
    assertThat(ChineseNumerals.parse("七")).isEqualTo(7);
    assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
    assertThat(ChineseNumerals.parse("十二")).isEqualTo(12);
    assertThat(ChineseNumerals.parse("二十")).isEqualTo(20);
    assertThat(ChineseNumerals.parse("九十九")).isEqualTo(99);
  }

  @Test
  void rejectsOtherForms() {
    assertThat(ChineseNumerals.parse("一一")).isEqualTo(-1);
    assertThat(ChineseNumerals.parse("十十")).isEqualTo(-1);
    assertThat(ChineseNumerals.parse("一百")).isEqualTo(-1);
    assertThat(ChineseNumerals.parse("二十一二")).isEqualTo(-1);
  }
}
