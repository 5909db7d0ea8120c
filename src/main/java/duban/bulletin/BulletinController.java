package duban.bulletin;

import duban.evaluation.Period;
import duban.engine.CurrentUser;
import duban.supervision.SupervisionProcess;
import duban.web.ForbiddenException;
import duban.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 情况通报: a draft on demand and issuing (the supervision office, the joint-conference office, administrators); the
 * issued ones are listed and downloaded by everyone logged in, as they go to every unit.
 */
@RestController
@RequestMapping("/api/plans/{code}")
class BulletinController {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final Bulletins bulletins;
  private final BulletinArchive archive;
  private final CurrentUser currentUser;

  BulletinController(Bulletins bulletins, BulletinArchive archive, CurrentUser currentUser) {
    this.bulletins = bulletins;
    this.archive = archive;
    this.currentUser = currentUser;
  }

  @GetMapping("/bulletin.docx")
  ResponseEntity<byte[]> draft(@PathVariable String code, @RequestParam(required = false) String period) {
    requireOffice();
    bulletins.plan(code);
    Period p = bulletins.period(code, required(period));
    return docx(code + "-情况通报-" + p.code() + "（草稿）.docx", bulletins.draft(code, p));
  }

  @PostMapping("/bulletins")
  ResponseEntity<BulletinArchive.Issued> issue(@PathVariable String code, @RequestParam(required = false) String period,
      @RequestParam(required = false) Integer corrects) {
    requireOffice();
    bulletins.plan(code);
    Period p = bulletins.period(code, required(period));
    return ResponseEntity.status(HttpStatus.CREATED).body(bulletins.issue(code, p, corrects, null, currentUser.id()));
  }

  @GetMapping("/bulletins")
  List<BulletinArchive.Issued> list(@PathVariable String code) {
    bulletins.plan(code);
    return archive.list(code);
  }

  @GetMapping("/bulletins/{serial}.docx")
  ResponseEntity<byte[]> issued(@PathVariable String code, @PathVariable int serial) {
    bulletins.plan(code);
    byte[] document = archive.document(code, serial)
        .orElseThrow(() -> new NotFoundException("任务分工表 " + code + " 没有第 " + serial + " 期通报"));
    return docx(code + "-情况通报-第" + serial + "期.docx", document);
  }

  private static String required(String period) {
    if (period == null || period.isBlank()) {
      throw new IllegalArgumentException("请用参数 period 指定通报期间，如 period=2026-11（月）或 period=2026-Q4（季度）");
    }
    return period;
  }

  private void requireOffice() {
    if (!currentUser.isAdmin() && !currentUser.inGroup(SupervisionProcess.SUPERVISION_GROUP)
        && !currentUser.inGroup(SupervisionProcess.JOINT_OFFICE_GROUP)) {
      throw new ForbiddenException("情况通报由督查室或联席会议办公室编发；各单位可查看已印发的通报");
    }
  }

  static ResponseEntity<byte[]> docx(String fileName, byte[] document) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(DOCX)).body(document);
  }
}
