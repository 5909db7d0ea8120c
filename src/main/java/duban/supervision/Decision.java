package duban.supervision;

import java.util.Locale;

/**
 * A choice a form offers, as an enum: its wire value, the value the form's radio sends and the BPMN's conditions
 * compare ({@code ${reviewDecision == 'return'}}), is the constant's name in lower case.
 */
public interface Decision {

  String name();

  default String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a submitted or stored value is this choice. */
  default boolean is(Object wireValue) {
    return value().equals(wireValue);
  }
}
