package duban.unit;

/** What kind of body a unit is; decides how supervision addresses it. */
public enum UnitKind {
  MUNICIPAL_DEPARTMENT("市直部门"),
  DISTRICT_GOVERNMENT("区县政府"),
  FUNCTIONAL_ZONE("功能区管委会"),
  CENTRAL_OR_PROVINCIAL_AGENCY("中央和省属驻济单位"),
  STATE_OWNED_ENTERPRISE("国有企业"),
  /** A name standing for several units (各区县, 园区 ...), never an addressee itself. */
  COLLECTIVE("集合名称");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
