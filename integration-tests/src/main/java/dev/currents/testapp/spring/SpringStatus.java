package dev.currents.testapp.spring;

import java.lang.reflect.InvocationTargetException;
import org.springframework.http.HttpStatus;

/**
 * The status of a Spring {@code ResponseEntity} or {@code RestClientResponseException}, read by name: Spring 6
 * changed the type {@code getStatusCode()} returns (HttpStatus to HttpStatusCode) and Spring 7 removed
 * {@code getRawStatusCode()}, so no one compiled call reads it on 5.3, 6.x and 7.x. For the standard codes the
 * suite uses, the value returned is an {@link HttpStatus} on every version.
 */
final class SpringStatus {

  private SpringStatus() {}

  static int of(Object responseOrException) {
    try {
      Object code = responseOrException.getClass().getMethod("getStatusCode").invoke(responseOrException);
      return ((HttpStatus) code).value();
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("no status in " + responseOrException, e);
    }
  }
}
