package duban.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class UnitDirectoryTest {

  static final List<String> DISTRICTS = List.of("lixia", "shizhong", "huaiyin", "tianqiao", "licheng",
      "changqing", "zhangqiu", "jiyang", "laiwu", "gangcheng", "pingyin", "shanghe");
  static final List<String> ZONES = List.of("gaoxin", "nanshan", "qibuqu");

  final UnitDirectory shipped = shippedDirectory();

  static UnitDirectory shippedDirectory() {
    try (InputStream in = UnitDirectoryTest.class.getResourceAsStream("/seeds/units.yaml")) {
      return UnitDirectory.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static UnitDirectory load(String yaml) {
    return UnitDirectory.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shippedDirectoryHasValidCodesAndContactsForEveryConcreteUnit() {
    assertThat(shipped.all()).extracting(Unit::code).allMatch(code -> code.matches("[a-z0-9]+")).doesNotHaveDuplicates()
        .doesNotContain("supervision", "jointoffice", "tolerance", "demo", "supervisor", "admin", "camunda-admin");
    assertThat(shipped.concreteUnits()).isNotEmpty()
        .allSatisfy(unit -> assertThat(unit.email()).matches("[a-z0-9]+@duban\\.example\\.cn"));
  }

  @Test
  void shippedDirectoryHasTheTwelveDistrictsAndTheCollectives() {
    assertThat(shipped.all()).filteredOn(unit -> unit.kind() == UnitKind.DISTRICT_GOVERNMENT)
        .extracting(Unit::code).containsExactlyElementsOf(DISTRICTS);
    assertThat(shipped.byName("章丘区政府")).map(Unit::code).contains("zhangqiu");
    assertThat(shipped.byName("历下区政府")).map(Unit::code).contains("lixia");
    assertThat(shipped.byName("先行区管委会")).map(Unit::code).contains("qibuqu");
    assertThat(shipped.byName("市“双创”工作联席会议成员单位")).map(Unit::kind).contains(UnitKind.COLLECTIVE);
    assertThat(shipped.byCode("lwgaoxin")).map(Unit::kind).contains(UnitKind.FUNCTIONAL_ZONE);
    assertThat(shipped.byCode("swj")).map(Unit::kind).contains(UnitKind.CENTRAL_OR_PROVINCIAL_AGENCY);
    assertThat(shipped.byCode("ctjj")).map(Unit::kind).contains(UnitKind.STATE_OWNED_ENTERPRISE);
  }

  @Test
  void looksUpByNameOrAliasAfterTrimming() {
    Unit fgw = shipped.byCode("fgw").orElseThrow();
    assertThat(shipped.byName("市发展改革委")).contains(fgw);
    assertThat(shipped.byName(" 济南市发展和改革委员会\t")).contains(fgw);
    assertThat(shipped.byName("发展改革委")).isEmpty();
    assertThat(shipped.byCode("nosuchunit")).isEmpty();
  }

  @Test
  void expandsCollectivesToConcreteCodes() {
    assertThat(shipped.expand("quxian")).containsExactlyElementsOf(DISTRICTS);
    assertThat(shipped.expand(shipped.byName("功能区管委会").orElseThrow().code())).containsExactlyElementsOf(ZONES);
    assertThat(shipped.expand("fgw")).containsExactly("fgw");
    assertThat(shipped.expand("yuanqu")).isEmpty();
    assertThat(shipped.byCode("yuanqu")).map(Unit::needsDesignation).contains(true);
    assertThatIllegalArgumentException().isThrownBy(() -> shipped.expand("nosuchunit"));
  }

  @Test
  void keepsFileOrderAndSeparatesConcreteUnits() {
    assertThat(shipped.all().get(0).code()).isEqualTo("fgw");
    assertThat(shipped.concreteUnits()).noneMatch(Unit::isCollective);
    assertThat(shipped.all()).filteredOn(Unit::isCollective).extracting(Unit::code)
        .contains("quxian", "gongnengqu", "yuanqu", "lianzhang");
  }

  @Test
  void rejectsDuplicateCodeNamingTheEntry() {
    assertThatIllegalStateException().isThrownBy(() -> load("""
        units:
          - {code: fgw, name: 发改委, kind: MUNICIPAL_DEPARTMENT, email: a@x.cn}
          - {code: fgw, name: 科技局, kind: MUNICIPAL_DEPARTMENT, email: b@x.cn}
        """)).withMessageContaining("第2项（code: fgw）：code 与第1项重复");
  }

  @Test
  void rejectsUnknownAndCollectiveMembers() {
    assertThatIllegalStateException().isThrownBy(() -> load("""
        units:
          - {code: a1, name: 甲区, kind: DISTRICT_GOVERNMENT, email: a@x.cn}
          - {code: all, name: 各区, kind: COLLECTIVE, members: [a1, b2]}
          - {code: some, name: 某些区, kind: COLLECTIVE, members: [all]}
        """))
        .withMessageContaining("第2项（code: all）：成员 b2 不在单位目录中")
        .withMessageContaining("第3项（code: some）：成员 all 是集合名称");
  }

  @Test
  void rejectsInvalidEntriesAllAtOnce() {
    assertThatIllegalStateException().isThrownBy(() -> load("""
        units:
          - {code: Fgw-1, name: 发改委, kind: MUNICIPAL_DEPARTMENT, email: a@x.cn}
          - {code: kjj, name: 科技局, kind: MUNICIPAL_DEPARTMENT}
          - {code: admin, name: 管理员, aliases: [发改委], kind: MUNICIPAL_DEPARTMENT, email: c@x.cn}
          - {code: yq, name: 园区, kind: COLLECTIVE}
          - {code: gx, name: 高新区, kind: FUNCTIONAL_ZONE, email: d@x.cn, needsDesignation: true}
        """))
        .withMessageContaining("第1项（code: Fgw-1）：code 只能由小写字母和数字组成")
        .withMessageContaining("第2项（code: kjj）：缺少 email")
        .withMessageContaining("第3项（code: admin）：code admin 已被角色组占用")
        .withMessageContaining("第3项（code: admin）：名称或别名「发改委」与第1项重复")
        .withMessageContaining("第4项（code: yq）：集合名称须二选一")
        .withMessageContaining("第5项（code: gx）：只有 COLLECTIVE 可以有 members 或 needsDesignation");
  }

  @Test
  void refusesEveryRoleGroupAndDemoLoginAsUnitCode() {
    for (Role role : Role.values()) {
      for (String code : role.demoLogin().map(login -> List.of(role.groupId(), login)).orElse(List.of(role.groupId()))) {
        assertThatIllegalStateException().isThrownBy(() -> load("units:\n  - {code: " + code
            + ", name: 某单位, kind: MUNICIPAL_DEPARTMENT, email: a@x.cn}\n"))
            .withMessageContaining("code " + code + " 已被角色组占用");
      }
    }
  }

  @Test
  void rejectsWrongShapes() {
    assertThatIllegalStateException().isThrownBy(() -> load("""
        units:
          - {code: 110, name: 甲, kind: CITY, email: a@x.cn, member: [b]}
        """))
        .withMessageContaining("第1项：字段 code 应为字符串")
        .withMessageContaining("未知的 kind CITY")
        .withMessageContaining("未知字段 member");
    assertThatIllegalStateException().isThrownBy(() -> load("unit: []"))
        .withMessageContaining("缺少顶层 units 列表");
  }

  @Test
  void acceptsTheNameRepeatedAsAlias() {
    UnitDirectory directory = load("""
        units:
          - {code: a1, name: 甲区, kind: DISTRICT_GOVERNMENT, email: a@x.cn}
          - {code: quxian, name: 各区县政府, aliases: [各区县, 各区县政府], kind: COLLECTIVE, members: [a1]}
        """);
    assertThat(directory.byName("各区县")).map(Unit::code).contains("quxian");
  }

  @Test
  void configurationLoadsTheShippedFileOrAnOverride() {
    UnitDirectoryConfiguration configuration = new UnitDirectoryConfiguration();
    DefaultResourceLoader loader = new DefaultResourceLoader();
    assertThat(configuration.read(loader, "classpath:seeds/units.yaml", units -> units).all())
        .isEqualTo(shipped.all());
    assertThatIllegalStateException()
        .isThrownBy(() -> configuration.read(loader, "classpath:seeds/jinan-shuangchuang-task-division-2022.txt", units -> units))
        .withMessageStartingWith("classpath:seeds/jinan-shuangchuang-task-division-2022.txt：");
    assertThatThrownBy(() -> configuration.read(loader, "classpath:nosuch.yaml", units -> units))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("classpath:nosuch.yaml");
  }
}
