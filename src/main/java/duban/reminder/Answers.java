package duban.reminder;

import static duban.reminder.FailureClass.PERMANENT;
import static duban.reminder.FailureClass.RATE_LIMITED;
import static duban.reminder.FailureClass.TRANSIENT;
import static java.util.Map.entry;

import java.util.Map;

/**
 * The one table of what channels answer and what it means. 企业微信 and 钉钉 group robots answer HTTP 200 with an
 * {@code errcode} in the body: 0 is success, anything else a refusal. SMTP (RFC 5321) replies 4xx for a transient
 * and 5xx for a permanent failure. An HTTP status outside 2xx is read the usual way.
 */
final class Answers {

  record Meaning(FailureClass kind, String explanation) {}

  /** Robot errcodes by vendor documentation; an errcode not listed is taken as a permanent refusal. */
  private static final Map<Integer, Meaning> ROBOT = Map.ofEntries(
      entry(-1, new Meaning(TRANSIENT, "企业微信系统繁忙")),
      entry(45009, new Meaning(RATE_LIMITED, "企业微信：接口调用超过频率限制")),
      entry(130101, new Meaning(RATE_LIMITED, "钉钉：发送太快（每分钟最多 20 条，超出后限流 10 分钟）")),
      entry(410100, new Meaning(RATE_LIMITED, "钉钉：发送速度太快而被限流")),
      entry(93000, new Meaning(PERMANENT, "企业微信：webhook 地址无效（key 错误或机器人已删除）")),
      entry(93004, new Meaning(PERMANENT, "企业微信：机器人被停用")),
      entry(40008, new Meaning(PERMANENT, "企业微信：消息类型无效")),
      entry(40058, new Meaning(PERMANENT, "企业微信：消息参数不合法")),
      entry(44004, new Meaning(PERMANENT, "企业微信：消息内容为空")),
      entry(45002, new Meaning(PERMANENT, "企业微信：消息内容超过长度限制")),
      entry(310000, new Meaning(PERMANENT, "钉钉：安全设置校验未通过（自定义关键词、加签或 IP 地址段）")),
      entry(300001, new Meaning(PERMANENT, "钉钉：access_token 不存在")),
      entry(400013, new Meaning(PERMANENT, "钉钉：群已被解散")),
      entry(400101, new Meaning(PERMANENT, "钉钉：access_token 不存在")),
      entry(400102, new Meaning(PERMANENT, "钉钉：机器人已停用")),
      entry(400106, new Meaning(PERMANENT, "钉钉：机器人不存在")),
      entry(430101, new Meaning(PERMANENT, "钉钉：消息含有不安全的外链")),
      entry(430102, new Meaning(PERMANENT, "钉钉：消息含有不合适的文本")),
      entry(430104, new Meaning(PERMANENT, "钉钉：消息含有不合适的内容")));

  private Answers() {}

  /** A robot's errcode: null for success. */
  static Meaning robot(int errcode) {
    if (errcode == 0) {
      return null;
    }
    return ROBOT.getOrDefault(errcode, new Meaning(PERMANENT, "机器人拒收消息（未知错误码）"));
  }

  /** An HTTP status outside 2xx: 429 is a rate limit, 5xx transient, any other refusal permanent. */
  static Meaning http(int status) {
    if (status == 429) {
      return new Meaning(RATE_LIMITED, "HTTP 429：请求过于频繁");
    }
    if (status >= 500) {
      return new Meaning(TRANSIENT, "HTTP " + status + "：服务端暂时出错");
    }
    return new Meaning(PERMANENT, "HTTP " + status + "：地址或凭据有误");
  }

  /** An SMTP reply code (RFC 5321 §4.2.1): 5yz permanent, 4yz transient; no code (connection lost) transient. */
  static Meaning smtp(int replyCode) {
    if (replyCode >= 500 && replyCode < 600) {
      return new Meaning(PERMANENT, "邮件服务器永久拒收（" + replyCode + "）");
    }
    return new Meaning(TRANSIENT, replyCode > 0 ? "邮件服务器暂时拒收（" + replyCode + "）" : "邮件服务器连接失败");
  }
}
