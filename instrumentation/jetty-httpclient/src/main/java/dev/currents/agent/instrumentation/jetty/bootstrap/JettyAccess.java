package dev.currents.agent.instrumentation.jetty.bootstrap;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.HeaderGetter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads and writes Jetty's requests, responses and header fields through their public methods, whatever the
 * version: Jetty 12 moved {@code HttpRequest} and {@code HttpResponse} to {@code org.eclipse.jetty.client.transport}
 * and {@code Request} out of {@code client.api}, and {@code HttpFields} went from a class (9.4) to an interface
 * (10 on), so no one compiled call works on all of them. The methods themselves kept their names and parameters
 * from 9.4.0 to 12.1: {@code getScheme}, {@code getHost}, {@code getPort}, {@code getMethod}, {@code getURI},
 * {@code getHeaders}, {@code getConversation}, {@code getStatus}, {@code HttpFields.get(String)} and
 * {@code put(String, String)}.
 *
 * <p>The method handles are looked up once per class, on a public type the class extends or implements, and
 * cached by {@link ClassValue}; a call is then a lookup in that cache and a direct invocation, no allocation.
 * A class that lacks one of the methods gets no handle: the agent then treats its requests as other hosts'.
 */
public final class JettyAccess {

  private static final ClassValue<RequestType> REQUESTS =
      new ClassValue<>() {
        @Override
        protected RequestType computeValue(Class<?> type) {
          return new RequestType(type);
        }
      };

  private static final ClassValue<FieldsType> FIELDS =
      new ClassValue<>() {
        @Override
        protected FieldsType computeValue(Class<?> type) {
          return new FieldsType(type);
        }
      };

  private static final ClassValue<ResponseType> RESPONSES =
      new ClassValue<>() {
        @Override
        protected ResponseType computeValue(Class<?> type) {
          return new ResponseType(type);
        }
      };

  /** The headers of a request, for the bridge. */
  static final HeaderGetter<Object> REQUEST_HEADERS = JettyAccess::requestHeaderOrFail;
  /** The headers of a response, for the bridge. */
  static final HeaderGetter<Object> RESPONSE_HEADERS = JettyAccess::responseHeaderOrFail;

  private JettyAccess() {}

  /** Whether the request goes to a Currents host; false for a request of a class this cannot read. */
  static boolean isCurrents(Object request) throws Throwable {
    RequestType type = REQUESTS.get(request.getClass());
    if (!type.readable) {
      return false;
    }
    return CurrentsRequests.isCurrents(
        (String) type.scheme.invokeExact(request),
        (String) type.host.invokeExact(request),
        (int) type.port.invokeExact(request));
  }

  static String method(Object request) throws Throwable {
    return (String) REQUESTS.get(request.getClass()).method.invokeExact(request);
  }

  static URI uri(Object request) throws Throwable {
    return (URI) REQUESTS.get(request.getClass()).uri.invokeExact(request);
  }

  /** The conversation a request belongs to: the first request, its redirects and its authentication resends. */
  static Object conversation(Object request) throws Throwable {
    MethodHandle conversation = REQUESTS.get(request.getClass()).conversation;
    return conversation == null ? null : (Object) conversation.invokeExact(request);
  }

  /** The request's header, or null. */
  static String requestHeader(Object request, String name) throws Throwable {
    return header((Object) REQUESTS.get(request.getClass()).headers.invokeExact(request), name);
  }

  /**
   * Sets the request's header, replacing any value it had. Every version's {@code getHeaders()} returns the
   * request's own mutable fields, which Jetty turns into the request's header block only when it sends it.
   */
  static void putRequestHeader(Object request, String name, String value) throws Throwable {
    Object fields = (Object) REQUESTS.get(request.getClass()).headers.invokeExact(request);
    MethodHandle put = FIELDS.get(fields.getClass()).put;
    if (put == null) {
      throw new IllegalStateException("no put(String, String) on " + fields.getClass().getName());
    }
    put.invokeExact(fields, name, value);
  }

  static int status(Object response) throws Throwable {
    return (int) RESPONSES.get(response.getClass()).status.invokeExact(response);
  }

  static String responseHeader(Object response, String name) throws Throwable {
    return header((Object) RESPONSES.get(response.getClass()).headers.invokeExact(response), name);
  }

  private static String requestHeaderOrFail(Object request, String name) {
    try {
      return requestHeader(request, name);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot read a header of " + request.getClass().getName(), t);
    }
  }

  private static String responseHeaderOrFail(Object response, String name) {
    try {
      return responseHeader(response, name);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot read a header of " + response.getClass().getName(), t);
    }
  }

  private static String header(Object fields, String name) throws Throwable {
    return fields == null ? null : (String) FIELDS.get(fields.getClass()).get.invokeExact(fields, name);
  }

  /** The handles of one request class. */
  private static final class RequestType {
    final MethodHandle scheme;
    final MethodHandle host;
    final MethodHandle port;
    final MethodHandle method;
    final MethodHandle uri;
    final MethodHandle headers;
    final MethodHandle conversation;
    final boolean readable;

    RequestType(Class<?> type) {
      scheme = find(type, "getScheme", String.class);
      host = find(type, "getHost", String.class);
      port = find(type, "getPort", int.class);
      method = find(type, "getMethod", String.class);
      uri = find(type, "getURI", URI.class);
      headers = find(type, "getHeaders", Object.class);
      // Public from 9.4.x (2019) on; 9.4.0's is protected, and the field has the same name in every version.
      MethodHandle getConversation = find(type, "getConversation", Object.class);
      conversation = getConversation != null ? getConversation : fieldOf(type, "conversation");
      readable =
          scheme != null && host != null && port != null && method != null && uri != null && headers != null;
      if (!readable) {
        AgentErrors.report("reading a Jetty request", new NoSuchMethodException(type.getName()));
      }
    }
  }

  /** The handles of one class of header fields. */
  private static final class FieldsType {
    final MethodHandle get;
    final MethodHandle put;

    FieldsType(Class<?> type) {
      get = find(type, "get", String.class, String.class);
      put = find(type, "put", void.class, String.class, String.class);
    }
  }

  /** The handles of one response class. */
  private static final class ResponseType {
    final MethodHandle status;
    final MethodHandle headers;

    ResponseType(Class<?> type) {
      status = find(type, "getStatus", int.class);
      headers = find(type, "getHeaders", Object.class);
    }
  }

  /**
   * A handle on the public method {@code name(parameters)} of {@code type}, typed {@code (Object,
   * parameters)returnAs}, or null. It is looked up on the first public class or interface of {@code type}'s
   * hierarchy that has it, because the class itself may not be public; a return value that {@code returnAs}
   * does not need (the builder that {@code put} returns from Jetty 10 on) is dropped.
   */
  private static MethodHandle find(Class<?> type, String name, Class<?> returnAs, Class<?>... parameters) {
    for (Class<?> candidate : publicTypesOf(type)) {
      try {
        Class<?> returned = candidate.getMethod(name, parameters).getReturnType();
        MethodHandle handle =
            MethodHandles.publicLookup()
                .findVirtual(candidate, name, MethodType.methodType(returned, parameters));
        Class<?>[] arguments = new Class<?>[parameters.length + 1];
        arguments[0] = Object.class;
        System.arraycopy(parameters, 0, arguments, 1, parameters.length);
        return handle.asType(MethodType.methodType(returnAs, arguments));
      } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
        // not here, or not accessible through this type: try the next one
      }
    }
    return null;
  }

  /**
   * A getter of the private field {@code name} of {@code type} or a superclass, typed {@code (Object)Object}, or
   * null. Jetty 9.4, in the class path or as an automatic module, opens its packages to every module.
   */
  private static MethodHandle fieldOf(Class<?> type, String name) {
    for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
      try {
        java.lang.reflect.Field field = declaring.getDeclaredField(name);
        return MethodHandles.privateLookupIn(declaring, MethodHandles.lookup())
            .unreflectGetter(field)
            .asType(MethodType.methodType(Object.class, Object.class));
      } catch (NoSuchFieldException e) {
        // a superclass may declare it
      } catch (IllegalAccessException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** The public classes and interfaces {@code type} is, extends or implements, nearest first. */
  private static List<Class<?>> publicTypesOf(Class<?> type) {
    List<Class<?>> found = new ArrayList<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> next = pending.poll();
      if (found.contains(next)) {
        continue;
      }
      found.add(next);
      if (next.getSuperclass() != null) {
        pending.add(next.getSuperclass());
      }
      pending.addAll(List.of(next.getInterfaces()));
    }
    found.removeIf(candidate -> !Modifier.isPublic(candidate.getModifiers()));
    return found;
  }
}
