package duban.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small subset of FEEL our forms use in {@code conditional.hide}, evaluated on the server so that a field hidden
 * in Tasklist is also not required on submit. Supported terms: {@code not(x)}, {@code x}, {@code x = null},
 * {@code x != null}, {@code x = "v"}, {@code x != "v"}, joined by {@code and} / {@code or}. Anything else is refused
 * when the form is loaded, so a form can never silently disagree with its server-side check.
 */
final class Condition {

  private static final Pattern NOT = Pattern.compile("not\\((\\w+)\\)");
  private static final Pattern IDENT = Pattern.compile("(\\w+)");
  private static final Pattern COMPARE = Pattern.compile("(\\w+)\\s*(!=|=)\\s*(null|\"([^\"]*)\")");

  private interface Term {
    Boolean eval(Map<String, ?> values);
  }

  private final String source;
  private final List<List<Term>> disjunction;

  private Condition(String source, List<List<Term>> disjunction) {
    this.source = source;
    this.disjunction = disjunction;
  }

  static Condition parse(String expression) {
    if (expression == null || !expression.startsWith("=")) {
      throw new IllegalArgumentException("条件表达式须以 = 开头: " + expression);
    }
    List<List<Term>> disjunction = new ArrayList<>();
    for (String conjunctionText : expression.substring(1).trim().split("\\s+or\\s+")) {
      List<Term> conjunction = new ArrayList<>();
      for (String termText : conjunctionText.split("\\s+and\\s+")) {
        conjunction.add(term(termText.trim(), expression));
      }
      disjunction.add(conjunction);
    }
    return new Condition(expression, disjunction);
  }

  private static Term term(String text, String expression) {
    Matcher m;
    if ((m = NOT.matcher(text)).matches()) {
      String key = m.group(1);
      return values -> values.get(key) instanceof Boolean b ? !b : null;
    }
    if ((m = COMPARE.matcher(text)).matches()) {
      String key = m.group(1);
      boolean negated = m.group(2).equals("!=");
      String literal = m.group(4);
      return values -> {
        Object value = values.get(key);
        boolean equal = literal == null ? value == null : literal.equals(value);
        return negated != equal;
      };
    }
    if ((m = IDENT.matcher(text)).matches()) {
      String key = m.group(1);
      return values -> values.get(key) instanceof Boolean b ? b : null;
    }
    throw new IllegalArgumentException("不支持的条件表达式: " + expression);
  }

  /** FEEL is three-valued: a field is hidden only when its condition is true, not when it is null. */
  boolean isTrue(Map<String, ?> values) {
    for (List<Term> conjunction : disjunction) {
      Boolean result = Boolean.TRUE;
      for (Term term : conjunction) {
        Boolean value = term.eval(values);
        if (Boolean.FALSE.equals(value)) {
          result = Boolean.FALSE;
          break;
        }
        if (value == null) {
          result = null;
        }
      }
      if (Boolean.TRUE.equals(result)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return source;
  }
}
