package duban.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The engine's refusals of a submit, answered by Camunda's REST API ({@code /engine-rest}) and the webapps' engine API
 * ({@code /camunda/api/engine}, what Tasklist calls) in the shape of duban's own API: 400 with the form's violations,
 * 409 when a colleague's submit won (any {@link ApiException}). Both are Jersey applications; Jersey finds this through
 * {@code META-INF/services}, so it serves both without either's configuration being touched. It maps, nothing else.
 */
public final class EngineApiErrors implements AutoDiscoverable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(Refusal.class)) {
      context.register(Refusal.class);
    }
  }

  public static final class Refusal implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return json(Response.Status.fromStatusCode(e.status()), e.body());
    }
  }

  private static Response json(Response.Status status, Map<String, Object> body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
