package duban.evidence;

import org.springframework.http.HttpStatus;

/** An upload or change refused, with the Chinese message the user sees and the HTTP status it answers with. */
class EvidenceRejectedException extends RuntimeException {

  private final HttpStatus status;
  private final String type;

  EvidenceRejectedException(HttpStatus status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  static EvidenceRejectedException badFile(String message) {
    return new EvidenceRejectedException(HttpStatus.BAD_REQUEST, "InvalidEvidence", message);
  }

  static EvidenceRejectedException tooLarge(String message) {
    return new EvidenceRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "EvidenceTooLarge", message);
  }

  static EvidenceRejectedException frozen(String message) {
    return new EvidenceRejectedException(HttpStatus.CONFLICT, "EvidenceFrozen", message);
  }

  static EvidenceRejectedException forbidden(String message) {
    return new EvidenceRejectedException(HttpStatus.FORBIDDEN, "Forbidden", message);
  }

  static EvidenceRejectedException notFound(String message) {
    return new EvidenceRejectedException(HttpStatus.NOT_FOUND, "NotFound", message);
  }

  HttpStatus status() {
    return status;
  }

  String type() {
    return type;
  }
}
