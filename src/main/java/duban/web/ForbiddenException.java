package duban.web;

public class ForbiddenException extends ApiException {

  public ForbiddenException(String message) {
    super(403, "Forbidden", message);
  }
}
