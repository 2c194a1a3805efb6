package dev.currents.quarkusservice;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The Currents REST API as this service uses it, its base URL in {@code quarkus.rest-client.currents.url}. The
 * key is a parameter: the service calls on behalf of several organisations.
 */
@RegisterRestClient(configKey = "currents")
@Path("/v1")
public interface CurrentsApi {

  @GET
  @Path("/projects")
  RestResponse<JsonNode> projects(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("/runs/{runId}")
  RestResponse<JsonNode> run(@HeaderParam("Authorization") String authorization, @PathParam("runId") String runId);

  @PUT
  @Path("/runs/{runId}/cancel")
  RestResponse<JsonNode> cancelRun(
      @HeaderParam("Authorization") String authorization, @PathParam("runId") String runId);

  /**
   * A 429 as an exception of its own, so that a retry can be limited to it; every other error status is left to
   * the client's default mapping (a {@code WebApplicationException}).
   */
  @ClientExceptionMapper
  static RuntimeException rateLimited(Response response) {
    return response.getStatus() == 429 ? new RateLimited() : null;
  }
}
