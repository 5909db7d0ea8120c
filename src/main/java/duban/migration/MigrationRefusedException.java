package duban.migration;

/** A plan whose validation found problems: nothing was moved. */
class MigrationRefusedException extends RuntimeException {

  private final MigrationReport report;

  MigrationRefusedException(MigrationReport report) {
    super("迁移未执行：" + (report.planProblems().isEmpty() ? "" : "迁移方案有 " + report.planProblems().size() + " 处问题；")
        + (report.blockedInstances().isEmpty() ? "" : report.blockedInstances().size() + " 个实例无法迁移；")
        + "所有实例均未迁移，仍在第 " + report.source().version() + " 版");
    this.report = report;
  }

  MigrationReport report() {
    return report;
  }
}
