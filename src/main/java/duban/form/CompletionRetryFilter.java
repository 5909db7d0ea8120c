package duban.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.web.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Task submits over HTTP (the REST API, and the webapps' engine API that Tasklist uses), which reach the engine
 * without {@link TaskSubmissions}: a submit the engine rolled back because a sibling task of the same instance was
 * completed at the same moment is run again through the rest of the chain, form checks included; a submit whose task
 * someone else completed first is answered 409 with the reason. The engine's REST layer reports such a rollback as a
 * 500 carrying the engine's error code, which is what is looked at here.
 */
class CompletionRetryFilter extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?$");

  private final SubmitRetry retry;
  private final ClosedTasks closedTasks;
  private final ObjectMapper json = new ObjectMapper();

  CompletionRetryFilter(SubmitRetry retry, ClosedTasks closedTasks) {
    this.retry = retry;
    this.closedTasks = closedTasks;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = COMPLETION.matcher(request.getRequestURI());
    m.matches();
    String taskId = m.group(1);
    CachedBodyRequest cached = new CachedBodyRequest(request);
    for (int attempt = 1; ; attempt++) {
      BufferedResponse buffered = new BufferedResponse(response);
      chain.doFilter(cached, buffered);
      int status = buffered.getStatus();
      if (status == HttpServletResponse.SC_FORBIDDEN && closedTasks.wasOfferedToCaller(taskId)) {
        Optional<String> closed = closedTasks.reason(taskId);
        if (closed.isPresent()) {
          retry.conflict();
          conflict(response, closed.get());
          return;
        }
      }
      if (status < 500 && status != HttpServletResponse.SC_NOT_FOUND) {
        if (status < 300) {
          retry.succeeded(attempt);
        }
        buffered.commit(); // done, refused by the form checks, or not the caller's (401/403)
        return;
      }
      boolean lostRace = isTransient(buffered.body());
      if (lostRace && retry.again(attempt, taskId)) {
        continue;
      }
      Optional<String> closed = closedTasks.reason(taskId);
      if (closed.isPresent() || lostRace) {
        retry.conflict();
        conflict(response, closed.orElse(ClosedTasks.BUSY));
      } else {
        buffered.commit();
      }
      return;
    }
  }

  private boolean isTransient(byte[] body) {
    try {
      JsonNode code = json.readTree(body).path("code");
      return code.isInt() && SubmitRetry.isTransientCode(code.asInt());
    } catch (IOException notJson) {
      return false;
    }
  }

  private void conflict(HttpServletResponse response, String message) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "TaskConflict");
    error.put("message", message);
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
  }
}
