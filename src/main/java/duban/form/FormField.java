package duban.form;

import java.util.List;

/** One input component of a Camunda Form, with the validation the form declares. */
record FormField(
    String key,
    String type,
    String label,
    boolean required,
    Integer minLength,
    Integer maxLength,
    Double min,
    Double max,
    List<String> values,
    String valuesKey,
    String subtype,
    Condition hide) {

  boolean isList() {
    return type.equals("taglist") || type.equals("checklist");
  }

  boolean isChoice() {
    return type.equals("select") || type.equals("radio") || isList();
  }
}
