package duban.bench;

import duban.form.TasklistValues;
import duban.security.WebappSessionClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Works a task over HTTP with the calls Tasklist makes, each user in a logged-in webapp session of their own (cookie
 * and CSRF token): open the task, its form key, the deployed Camunda Form (tasks that have one), the form's variables
 * unserialised, claim, submit-form. duban's tasks and the baseline's go through this same client.
 */
final class TasklistClient {

  private static final String API = "/camunda/api/engine/engine/default";

  private final int port;
  private final Map<String, WebappSessionClient> sessions = new HashMap<>();

  TasklistClient(int port) {
    this.port = port;
  }

  /** @return whether the submit went through; false when a concurrent change made it answer 409 */
  boolean work(String user, String password, String taskId, boolean camundaForm, Map<String, Object> values) {
    try {
      WebappSessionClient tasklist = session(user, password);
      String task = API + "/task/" + taskId;
      ok(tasklist.get(task), task);
      ok(tasklist.get(task + "/form"), "form");
      if (camundaForm) {
        ok(tasklist.get(task + "/deployed-form"), "deployed-form");
      }
      ok(tasklist.get(task + "/form-variables?deserializeValues=false"), "form-variables");
      ok(tasklist.postJson(task + "/claim", "{\"userId\":\"" + user + "\"}"), "claim");
      HttpResponse<String> submit = tasklist.postJson(task + "/submit-form", TasklistValues.body(values));
      if (submit.statusCode() == 409) {
        return false;
      }
      ok(submit, "submit-form");
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private WebappSessionClient session(String user, String password) throws IOException, InterruptedException {
    WebappSessionClient session = sessions.get(user);
    if (session == null) {
      session = new WebappSessionClient(port);
      if (session.login(user, password) != 200) {
        throw new IllegalStateException("Tasklist login failed for " + user);
      }
      sessions.put(user, session);
    }
    return session;
  }

  private static void ok(HttpResponse<String> response, String what) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
