package duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import duban.form.Submission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 签收's contact checks, without an engine: a phone SMS or a caller can reach, an e-mail that is an address. */
class AcknowledgementContactRuleTest {

  private static List<String> check(String phone, String email) {
    Map<String, Object> v = new HashMap<>();
    v.put("ackDecision", "accept");
    v.put("contactPhone", phone);
    if (email != null) {
      v.put("contactEmail", email);
    }
    List<String> violations = new ArrayList<>();
    new SupervisionRules().acknowledgementContactRule().check(new Submission("t", "签收任务", v, Map.of()), violations);
    return violations;
  }

  @Test
  void acceptsMobilesAndLandlinesWithTheirAreaCode() {
    assertThat(check("13912345678", null)).isEmpty();
    assertThat(check("139 1234 5678", "wang@jrj.example.cn")).isEmpty();
    assertThat(check("0531-86051234", null)).isEmpty();
    assertThat(check("010-12345678", null)).isEmpty();
    assertThat(check("053186051234", "")).isEmpty();
  }

  @Test
  void refusesWhatNeitherSmsNorACallerCouldReachWithAChineseMessage() {
    assertThat(check("86051234", null)).singleElement().asString()
        .contains("「联系电话」须为手机号码", "带区号的座机号码", "86051234");
    assertThat(check("12912345678", null)).hasSize(1);
    assertThat(check("1391234567", null)).hasSize(1);
    assertThat(check("张三的电话", null)).hasSize(1);
    assertThat(check("13912345678", "wang.jrj.example.cn")).singleElement().asString().contains("「电子邮箱」");
  }

  @Test
  void onlyAMobileReceivesSms() {
    assertThat(new ResponsibleContacts.Contact("jrj", "王立新", "139 1234 5678", null).mobile()).isEqualTo("13912345678");
    assertThat(new ResponsibleContacts.Contact("jrj", "王立新", "0531-86051234", null).mobile()).isNull();
  }
}
