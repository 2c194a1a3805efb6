package dev.currents.testapp.feign;

import feign.Headers;
import feign.HeaderMap;
import feign.RequestLine;
import java.net.URI;
import java.util.Map;

/**
 * A Feign interface as applications declare one, with the URL given per call (a {@code URI} parameter). What a
 * method returns is the status of a 2xx ({@link FeignAdapter}'s decoder); any other status is an exception.
 */
interface CurrentsApi {

  @RequestLine("GET")
  Integer get(URI url, @HeaderMap Map<String, Object> headers);

  @RequestLine("DELETE")
  Integer delete(URI url, @HeaderMap Map<String, Object> headers);

  @RequestLine("POST")
  @Headers("Content-Type: application/json")
  Integer post(URI url, @HeaderMap Map<String, Object> headers, String body);

  @RequestLine("PUT")
  @Headers("Content-Type: application/json")
  Integer put(URI url, @HeaderMap Map<String, Object> headers, String body);
}
