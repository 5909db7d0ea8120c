package duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' API answers an anonymous caller before any of duban's filters reads the request: Spring's filters run
 * before the webapps' own authentication filter, so without this a filter that checks a body would read it (and could
 * answer from it) for anyone. Only what the login page needs passes without a session, spelt exactly; the webapps'
 * own security filter still decides about everything that passes.
 */
class WebappLoginGate extends OncePerRequestFilter {

  static final String MESSAGE = "未登录或登录已失效，请重新登录";

  private static final List<Pattern> ANONYMOUS_GET = List.of(
      Pattern.compile("/api/engine/engine/?"),
      Pattern.compile("/api/(cockpit|tasklist|admin)/plugin/[\\w-]+/static/[\\w./-]+"),
      Pattern.compile("/api/admin/auth/user/[\\w-]+"),
      Pattern.compile("/api/engine/engine/[\\w-]+/identity/password-policy"));
  private static final List<Pattern> ANONYMOUS_POST = List.of(
      Pattern.compile("/api/admin/auth/user/[\\w-]+/login/[\\w-]+"),
      Pattern.compile("/api/admin/auth/user/[\\w-]+/logout"));

  private final String applicationPath;

  WebappLoginGate(String applicationPath) {
    this.applicationPath = applicationPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (loggedIn(request) || mayPassAnonymously(request)) {
      chain.doFilter(request, response);
      return;
    }
    Refusal.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationRequired", MESSAGE);
  }

  private boolean mayPassAnonymously(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(applicationPath + "/")) {
      return false;
    }
    String inApp = path.substring(applicationPath.length());
    List<Pattern> allowed = switch (request.getMethod()) {
      case "GET", "HEAD" -> ANONYMOUS_GET;
      case "POST" -> ANONYMOUS_POST;
      default -> List.of();
    };
    return allowed.stream().anyMatch(p -> p.matcher(inApp).matches());
  }

  private static boolean loggedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
  }
}
