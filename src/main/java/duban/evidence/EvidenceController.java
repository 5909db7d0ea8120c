package duban.evidence;

import duban.evidence.EvidenceAccess.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The evidence API the Tasklist tab and other clients use (README, 佐证材料). */
@RestController
class EvidenceController {

  record Uploaded(String id, String name, long size, String type, String typeLabel, int round) {}

  private final EvidenceService service;
  private final EvidenceListing listing;
  private final EvidenceArchive archive;

  EvidenceController(EvidenceService service, EvidenceListing listing, EvidenceArchive archive) {
    this.service = service;
    this.listing = listing;
    this.archive = archive;
  }

  @PostMapping("/api/tasks/{taskId}/evidence")
  ResponseEntity<Uploaded> upload(@PathVariable String taskId, HttpServletRequest request) throws IOException {
    MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
    if (file == null) {
      service.checkMayAttach(taskId);
      throw EvidenceRejectedException.badFile("请以 multipart/form-data 上传，文件放在字段 file 中");
    }
    Evidence stored;
    try (InputStream in = file.getInputStream()) {
      stored = service.attach(taskId, file.getOriginalFilename(), file.getContentType(), file.getSize(), in);
    }
    return ResponseEntity.created(URI.create("/api/evidence/" + stored.id()))
        .body(new Uploaded(stored.id(), stored.name(), stored.size(), stored.kind().mediaType(), stored.kind().label(),
            stored.round()));
  }

  @GetMapping("/api/tasks/{taskId}/evidence")
  EvidenceListing.Listing list(@PathVariable String taskId) {
    return listing.of(taskId);
  }

  /** All of a task's evidence as one ZIP, in folders by round and unit: for the offices. */
  @GetMapping("/api/tasks/{taskId}/evidence/archive")
  void downloadAll(@PathVariable String taskId, HttpServletResponse response) throws IOException {
    EvidenceArchive.Pack pack = archive.pack(taskId);
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", FileNames.contentDisposition(pack.fileName(), false));
    response.setHeader("Cache-Control", "private, no-store");
    archive.write(pack, response.getOutputStream());
  }

  @GetMapping("/api/evidence/{id}")
  void download(@PathVariable String id, @RequestParam(defaultValue = "false") boolean inline,
      HttpServletResponse response) throws IOException {
    Evidence file = service.readable(id);
    boolean showInline = inline && file.kind().previewable();
    response.setContentType(file.kind().mediaType());
    response.setContentLengthLong(file.size());
    response.setHeader("Content-Disposition", FileNames.contentDisposition(file.name(), showInline));
    response.setHeader("Cache-Control", "private, no-store");
    if (showInline) {
      // the file is the whole page: it may show itself, nothing else (no script, no framing by other sites)
      response.setHeader("Content-Security-Policy",
          "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
    }
    service.copyContent(file, response.getOutputStream());
  }

  @PatchMapping("/api/evidence/{id}")
  Uploaded rename(@PathVariable String id, @RequestBody Map<String, String> body) {
    Evidence renamed = service.rename(id, body.get("name"));
    return new Uploaded(renamed.id(), renamed.name(), renamed.size(), renamed.kind().mediaType(),
        renamed.kind().label(), renamed.round());
  }

  @DeleteMapping("/api/evidence/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    service.delete(id);
    return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }
}
