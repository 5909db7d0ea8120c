package duban.overview;

import static org.assertj.core.api.Assertions.assertThat;

import duban.supervision.Target;
import duban.supervision.TargetProgress;
import duban.supervision.TargetProgress.Member;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's 目标进度 cell for a broken-down collective task: per member where each member has the target. */
class LedgerTargetProgressTest {

  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final LocalDate TO = LocalDate.of(2026, 12, 31);
  /** Half way from FROM to TO: the linear pace is 50%. */
  private static final LocalDate MID_YEAR = LocalDate.of(2026, 7, 2);

  @Test
  void judgesAPerMemberTargetByItsMembersAndLagsAsTheMemberFurthestBehind() {
    Target parks = new Target("每个区县建设不少于2家“双创”示范园区（基地）", BigDecimal.valueOf(2), null, "家", "≥", false, null);
    TargetProgress progress = new TargetProgress(1, parks, BigDecimal.valueOf(2), FROM, TO, List.of(
        member("lixia", "历下区政府", parks, 2), member("shizhong", "市中区政府", parks, 0),
        member("huaiyin", "槐荫区政府", parks, null)));

    assertThat(Ledger.targetProgress(List.of(progress), MID_YEAR)).isEqualTo(
        "目标 1：不少于 2 家（每个成员单位）· 达标 1/3 个单位，平均进度 33.3%；未达标：市中区政府（0 家）、槐荫区政府（未报送）"
            + "，落后进度 50.0 个百分点");
  }

  @Test
  void judgesATargetForAllMembersTogetherByTheirSum() {
    Target parks = new Target("各区县共建设示范园区超过30家", BigDecimal.valueOf(30), null, "家", ">", false, null);
    TargetProgress progress = new TargetProgress(2, parks, BigDecimal.valueOf(15), FROM, TO, List.of(
        member("lixia", "历下区政府", parks, 12), member("shizhong", "市中区政府", parks, 3)));

    assertThat(parks.perMember()).isFalse();
    assertThat(Ledger.targetProgress(List.of(progress), LocalDate.of(2026, 10, 1)))
        .isEqualTo("目标 2：超过 30 家（各成员单位合计） · 完成 15 家（50.0%），落后进度 25.0 个百分点");
  }

  private static Member member(String unit, String name, Target target, Integer achieved) {
    return new Member(unit, name, new TargetProgress(1, target, achieved == null ? null : BigDecimal.valueOf(achieved),
        FROM, TO));
  }
}
