package duban.evidence;

import duban.supervision.SupervisionEvents.Kind;
import duban.supervision.SupervisionJournal;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * Puts each file attached to or removed from a task on the task's timeline (the overview's), in the change's own
 * transaction: the office reads there who added what and when, and the ledger counts the files.
 */
@Component
class EvidenceJournal {

  private final SupervisionJournal journal;
  private final UnitDirectory directory;

  EvidenceJournal(SupervisionJournal journal, UnitDirectory directory) {
    this.journal = journal;
    this.directory = directory;
  }

  void added(Evidence file) {
    record(file, Kind.EVIDENCE_ADDED,
        "上传佐证材料「" + file.name() + "」（" + Sizes.of(file.size()) + "，" + file.taskName() + "）");
  }

  void removed(Evidence file) {
    record(file, Kind.EVIDENCE_REMOVED, "删除佐证材料「" + file.name() + "」");
  }

  private void record(Evidence file, Kind kind, String text) {
    String key = file.businessKey();
    int dash = key.lastIndexOf('-');
    String unit = directory.byCode(file.unit()).map(Unit::name).orElse(file.unit());
    journal.record(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)), file.processInstanceId(), kind,
        unit, text, null);
  }
}
