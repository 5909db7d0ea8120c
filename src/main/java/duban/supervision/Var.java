package duban.supervision;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A typed process variable: its name in one place, and reads and writes that cannot mix up types. */
public final class Var<T> {

  private final String name;
  private final Class<T> type;

  private Var(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static Var<String> string(String name) {
    return new Var<>(name, String.class);
  }

  public static Var<Boolean> bool(String name) {
    return new Var<>(name, Boolean.class);
  }

  public static Var<Integer> integer(String name) {
    return new Var<>(name, Integer.class);
  }

  public String name() {
    return name;
  }

  public T get(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  public T get(Map<String, ?> variables) {
    return cast(variables.get(name));
  }

  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  /** Writes only a changed value: with full history every write is a row in ACT_HI_DETAIL (README, Performance). */
  public void set(VariableScope scope, T value) {
    if (scope.hasVariable(name) && java.util.Objects.equals(get(scope), value)) {
      return;
    }
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (type == Integer.class && value instanceof Number number) {
      return type.cast(number.intValue());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
