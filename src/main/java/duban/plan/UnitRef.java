package duban.plan;

import java.util.List;

/**
 * One entry of a lead or supporting unit cell.
 *
 * @param name the name as written, minus noise such as 等相关单位
 * @param code directory code of the named unit or collective
 * @param units codes of the concrete units it stands for; empty if they must be designated
 * @param needsDesignation true for collectives like 园区 that the document cannot expand
 */
public record UnitRef(String name, String code, List<String> units, boolean needsDesignation) {

  public UnitRef {
    units = List.copyOf(units);
  }
}
