package duban.unit;

import java.util.List;

/**
 * An entry of the unit directory. {@code code} doubles as the Camunda group id.
 *
 * @param aliases forms of the name as written in task-division tables
 * @param email contact address; null for collectives, which are never addressed directly
 * @param members codes of the concrete units a collective stands for
 * @param needsDesignation a collective whose concrete units someone must designate
 */
public record Unit(
    String code,
    String name,
    List<String> aliases,
    UnitKind kind,
    String email,
    List<String> members,
    boolean needsDesignation) {

  public Unit {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    members = members == null ? List.of() : List.copyOf(members);
  }

  /** The name as staff write it: the first alias (市发展改革委) where there is one. */
  public String shortName() {
    return aliases.isEmpty() ? name : aliases.get(0);
  }

  public boolean isCollective() {
    return kind == UnitKind.COLLECTIVE;
  }
}
