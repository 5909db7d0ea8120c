package duban.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * duban's API for scripts running inside the webapps (the Tasklist evidence tab): HTTP Basic as before, or else the
 * user logged in to the webapps in this session. A session-authenticated request that changes something must carry
 * the session's CSRF token in {@code X-XSRF-TOKEN}, as the webapps' own requests do; without it the session does not
 * count, so a page of another site cannot act through a logged-in user's browser.
 */
public class WebappSessionAuthenticationProvider extends BasicAuthentication {

  private static final Pattern SAFE = Pattern.compile("GET|HEAD|OPTIONS");

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (request.getHeader("Authorization") != null) {
      return super.extractAuthenticatedUser(request, engine);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return AuthenticationResult.unsuccessful();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
    if (user == null || user.getIdentityId() == null) {
      return AuthenticationResult.unsuccessful();
    }
    if (!SAFE.matcher(request.getMethod()).matches()) {
      Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      if (expected == null || !expected.equals(sent)) {
        return AuthenticationResult.unsuccessful();
      }
    }
    return AuthenticationResult.successful(user.getIdentityId());
  }
}
