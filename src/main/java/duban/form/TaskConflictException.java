package duban.form;

import duban.web.ApiException;

/**
 * A submit that lost to another: the task was completed or withdrawn meanwhile, or its instance stayed busy with
 * other submits through every retry. Answered with 409; nothing was changed by this submit.
 */
public class TaskConflictException extends ApiException {

  public TaskConflictException(String message, Throwable cause) {
    super(409, "TaskConflict", message, cause);
  }
}
