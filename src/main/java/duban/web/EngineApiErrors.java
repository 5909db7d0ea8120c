package duban.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.form.SubmissionRejectedException;
import duban.form.TaskConflictException;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The engine's refusals of a submit, answered by Camunda's REST API ({@code /engine-rest}) and the webapps' engine API
 * ({@code /camunda/api/engine}, what Tasklist calls) in the shape of duban's own API: 400 with the form's violations,
 * 409 when a colleague's submit won. Both are Jersey applications; Jersey finds this through
 * {@code META-INF/services}, so it serves both without either's configuration being touched. It maps, nothing else.
 */
public final class EngineApiErrors implements AutoDiscoverable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RejectedSubmission.class)) {
      context.register(RejectedSubmission.class);
      context.register(TaskConflict.class);
    }
  }

  public static final class RejectedSubmission implements ExceptionMapper<SubmissionRejectedException> {
    @Override
    public Response toResponse(SubmissionRejectedException e) {
      Map<String, Object> body = ApiErrors.body("InvalidFormSubmission", e.getMessage());
      body.put("violations", e.violations());
      return json(Response.Status.BAD_REQUEST, body);
    }
  }

  public static final class TaskConflict implements ExceptionMapper<TaskConflictException> {
    @Override
    public Response toResponse(TaskConflictException e) {
      return json(Response.Status.CONFLICT, ApiErrors.body("TaskConflict", e.getMessage()));
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
