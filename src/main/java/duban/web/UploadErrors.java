package duban.web;

import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Uploads the servlet could not take: over the multipart limits or cut off before their end. These are raised before
 * any controller is chosen, so they are answered here for every upload; nothing of such a request was stored.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadErrors {

  private final MultipartProperties limits;

  UploadErrors(MultipartProperties limits) {
    this.limits = limits;
  }

  /** Tomcat does not say which limit a part broke, so the answer names both. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiException.body("UploadTooLarge",
        "上传的文件超过允许的大小（单个文件最大 " + megabytes(limits.getMaxFileSize()) + "，每次上传合计最大 "
            + megabytes(limits.getMaxRequestSize()) + "），未保存"));
  }

  private static String megabytes(DataSize size) {
    return size.toMegabytes() + " MB";
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> broken(MultipartException e) {
    return ResponseEntity.badRequest().body(ApiException.body("UploadIncomplete",
        "上传未完成或格式有误，未保存任何内容，请重新上传"));
  }
}
