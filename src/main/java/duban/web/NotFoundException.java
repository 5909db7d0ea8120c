package duban.web;

public class NotFoundException extends ApiException {

  public NotFoundException(String message) {
    super(404, "NotFound", message);
  }
}
