package duban.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks a submit against the Camunda Form it answers, because the engine itself does not: required fields, lengths,
 * ranges and choices, the type each field stores, no variable the form does not ask for, and none the form hides
 * under the submitted values. Form-specific business rules run after the form's own rules. The engine calls it for
 * every submit (duban.engine); it reads nothing itself.
 */
@Component
public class SubmissionValidator {

  private final List<SubmissionRule> rules;

  SubmissionValidator(List<SubmissionRule> rules) {
    this.rules = rules;
  }

  /** Every problem of the submit, the form's first; the business rules only run on a submit the form allows. */
  public List<String> problems(FormSchema schema, Submission submission) {
    List<String> violations = violations(schema, submission);
    if (violations.isEmpty()) {
      for (SubmissionRule rule : rules) {
        if (rule.formId().equals(schema.id())) {
          rule.check(submission, violations);
        }
      }
    }
    return violations;
  }

  static List<String> violations(FormSchema schema, Submission submission) {
    List<String> violations = new ArrayList<>();
    for (String name : submission.submitted().keySet()) {
      if (!schema.fields().containsKey(name)) {
        violations.add("表单中没有「" + name + "」，不得提交该变量");
      }
    }
    Map<String, Object> merged = submission.merged();
    for (FormField field : schema.fields().values()) {
      Object value = submission.submitted().get(field.key());
      if (field.hide() != null && field.hide().isTrue(merged)) {
        // Tasklist does not send a hidden field: a value for one is not the user's answer to this form
        if (!isBlank(value)) {
          violations.add("「" + field.label() + "」在当前选择下不显示，不得提交");
        }
        continue;
      }
      if (value instanceof SubmittedValues.Foreign foreign) {
        violations.add("「" + field.label() + "」不接受 " + foreign.type() + " 类型的值，应为" + expected(field));
        continue;
      }
      if (isBlank(value)) {
        if (field.required()) {
          violations.add("「" + field.label() + "」为必填项");
        }
        continue;
      }
      checkValue(field, value, submission, violations);
    }
    return violations;
  }

  private static String expected(FormField field) {
    return switch (field.type()) {
      case "number" -> "数字";
      case "checkbox" -> "是或否";
      case "taglist", "checklist" -> "Json 列表";
      default -> "文本";
    };
  }

  private static void checkValue(FormField field, Object value, Submission submission, List<String> violations) {
    String label = "「" + field.label() + "」";
    switch (field.type()) {
      case "textfield", "textarea" -> {
        if (!(value instanceof String text)) {
          violations.add(label + "应为文本");
          return;
        }
        int length = text.strip().codePointCount(0, text.strip().length());
        if (field.minLength() != null && length < field.minLength()) {
          violations.add(label + "至少 " + field.minLength() + " 个字");
        }
        if (field.maxLength() != null && length > field.maxLength()) {
          violations.add(label + "最多 " + field.maxLength() + " 个字");
        }
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          violations.add(label + "应为数字");
          return;
        }
        if (field.min() != null && number.doubleValue() < field.min()) {
          violations.add(label + "不得小于 " + field.min());
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
          violations.add(label + "不得大于 " + field.max());
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          violations.add(label + "应为是或否");
        }
      }
      case "datetime" -> {
        try {
          LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
          violations.add(label + "不是有效日期（应为 yyyy-MM-dd）");
        }
      }
      default -> {
        if (field.isChoice()) {
          checkChoice(field, value, submission, violations);
        }
      }
    }
  }

  private static void checkChoice(FormField field, Object value, Submission submission, List<String> violations) {
    String label = "「" + field.label() + "」";
    List<String> allowed = field.valuesKey() == null ? field.values() : options(submission.current().get(field.valuesKey()));
    List<?> chosen;
    if (field.isList()) {
      if (!(value instanceof List<?> list)) {
        violations.add(label + "应为列表");
        return;
      }
      chosen = list;
    } else {
      chosen = List.of(value);
    }
    for (Object choice : chosen) {
      if (!allowed.contains(String.valueOf(choice))) {
        violations.add(label + "不能选择「" + choice + "」");
      }
    }
  }

  /** Options given in a variable, as Camunda Forms read them: strings, or objects with a value. */
  private static List<String> options(Object options) {
    List<String> values = new ArrayList<>();
    if (options instanceof List<?> list) {
      for (Object option : list) {
        values.add(option instanceof Map<?, ?> map ? String.valueOf(map.get("value")) : String.valueOf(option));
      }
    }
    return values;
  }

  private static boolean isBlank(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof List<?> l && l.isEmpty());
  }
}
