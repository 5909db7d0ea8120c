package duban.bulletin;

import duban.plan.Plan;
import duban.reminder.Announcements;
import duban.unit.Role;
import duban.unit.Unit;
import duban.unit.UnitDirectory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the joint-conference office and every unit of the plan that a bulletin was issued, with its download link. */
@Component
class BulletinAnnouncement {

  private final Announcements announcements;
  private final UnitDirectory directory;
  private final String publicUrl;

  BulletinAnnouncement(Announcements announcements, UnitDirectory directory,
      duban.reminder.ReminderSettings reminders) {
    this.announcements = announcements;
    this.directory = directory;
    this.publicUrl = reminders.publicUrl();
  }

  void announce(Plan plan, BulletinArchive.Issued issued) {
    List<String> to = new ArrayList<>();
    to.add(Role.JOINT_OFFICE.groupId());
    plan.tasks().stream().flatMap(t -> java.util.stream.Stream.concat(t.leadUnits().stream(), t.supportingUnits().stream()))
        .flatMap(u -> u.units().stream()).distinct().filter(code -> directory.byCode(code).filter(u -> !u.isCollective()).isPresent())
        .forEach(to::add);
    String link = publicUrl + "/api/plans/" + plan.code() + "/bulletins/" + issued.serial() + ".docx";
    announcements.announce("bulletin:" + plan.code() + ":" + issued.serial(), plan.code() + "-bulletin-" + issued.serial(),
        to, issued.title(),
        String.join("\n", issued.title() + "已印发" + (issued.corrects() == null ? "" : "（更正第 " + issued.corrects() + " 期）") + "。",
            "通报截至：" + issued.asOf(),
            "请登录督办系统下载：" + link));
  }
}
