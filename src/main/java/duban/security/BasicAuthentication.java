package duban.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic, with a refusal that says in Chinese that a login is needed and nothing else: not whether the
 * user exists, is locked or what the request would have touched.
 */
public class BasicAuthentication extends HttpBasicAuthenticationProvider {

  static final String BODY = "{\"type\":\"AuthenticationRequired\",\"message\":\"" + WebappLoginGate.MESSAGE + "\"}";

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    try {
      response.setContentType("application/json;charset=UTF-8");
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
