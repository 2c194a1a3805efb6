package dev.currents.agent.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a request path to its route template, the {@code endpoint} tag (SPEC section 4). The templates form a
 * trie of path segments; a path is walked segment by segment over its raw text, literal children before the
 * parameter child, backtracking when the literal branch leads nowhere, as a server's router does. Matching
 * allocates nothing and returns one of the template strings given at construction, or {@link #OTHER}: the
 * tag's cardinality is bounded by the table.
 */
public final class RouteTemplates {

  public static final String OTHER = "other";

  /** Longer paths are not worth walking; no Currents route comes close. */
  static final int MAX_PATH_LENGTH = 2048;

  /** Every route of /work/shared/currents-routes.md: REST API and recording service, in one table. */
  private static final String[] CURRENTS_ROUTES = {
    // REST API, https://api.currents.dev/v1
    "/v1/projects",
    "/v1/projects/{projectId}",
    "/v1/projects/{projectId}/runs",
    "/v1/projects/{projectId}/insights",
    "/v1/projects/{projectId}/pull-requests",
    "/v1/projects/{projectId}/terms/{termType}",
    "/v1/projects/{projectId}/jira/issues",
    "/v1/projects/{projectId}/jira/issues/{jiraIssueKey}/link",
    "/v1/runs/find",
    "/v1/runs/previous",
    "/v1/runs/cancel-ci/github",
    "/v1/runs/attachments",
    "/v1/runs/{runId}",
    "/v1/runs/{runId}/cancel",
    "/v1/runs/{runId}/reset",
    "/v1/runs/{runId}/attachments",
    "/v1/instances/{instanceId}",
    "/v1/spec-files/{projectId}",
    "/v1/tests/{projectId}",
    "/v1/errors/{projectId}",
    "/v1/test-results/{signature}",
    "/v1/signature/test",
    "/v1/actions",
    "/v1/actions/tests",
    "/v1/actions/tests/{signature}",
    "/v1/actions/{actionId}",
    "/v1/actions/{actionId}/enable",
    "/v1/actions/{actionId}/disable",
    "/v1/actions/{actionId}/tests",
    "/v1/webhooks",
    "/v1/webhooks/{hookId}",
    "/v1/integrations/jira/projects",
    "/v1/integrations/jira/projects/{jiraProjectId}/issue-types",
    "/v1/sessions",
    "/v1/sessions/{sessionId}/attachments",
    "/v1/share",
    // Recording service, https://cy.currents.dev
    "/runs",
    "/runs/{runId}/instances",
    "/runs/{runId}/cy/instances",
    "/instances/{instanceId}/tests",
    "/instances/{instanceId}/results",
    "/instances/{instanceId}/cy/results",
    "/instances/{instanceId}/stdout",
    "/v1/runs",
    "/v1/runs/cancel",
    "/cache/upload",
    "/cache/v2/download",
    "/cache/meta",
  };

  private static final RouteTemplates CURRENTS = new RouteTemplates(CURRENTS_ROUTES);

  private final Node root;
  private final List<String> templates;

  private RouteTemplates(String[] templates) {
    NodeBuilder rootBuilder = new NodeBuilder();
    for (String template : templates) {
      rootBuilder.add(template);
    }
    this.root = rootBuilder.build();
    this.templates = List.copyOf(Arrays.asList(templates));
  }

  public static RouteTemplates currents() {
    return CURRENTS;
  }

  /**
   * A table of the given templates: absolute paths of non-empty segments, parameters written {@code {name}}.
   *
   * @throws IllegalArgumentException for a malformed template or two templates of the same shape
   */
  public static RouteTemplates of(String... templates) {
    return new RouteTemplates(templates.clone());
  }

  /** The templates in the order given: every value {@link #match} can return besides {@link #OTHER}. */
  public List<String> templates() {
    return templates;
  }

  /**
   * The template matching the raw (percent-encoded) path, which may carry a query or fragment; a single
   * trailing slash is ignored. Empty, {@code .} and {@code ..} segments, relative and overlong paths match
   * nothing.
   */
  public String match(String rawPath) {
    if (rawPath == null) {
      return OTHER;
    }
    int end = PathSegments.pathEnd(rawPath, MAX_PATH_LENGTH);
    if (end <= 0 || rawPath.charAt(0) != '/') {
      return OTHER;
    }
    if (end > 1 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    String template = matchSegment(root, rawPath, 1, end);
    return template == null ? OTHER : template;
  }

  /** The template for the rest of the path from the segment starting at {@code start}, or null. */
  private static String matchSegment(Node node, String path, int start, int end) {
    int segmentEnd = start;
    boolean encoded = false;
    while (segmentEnd < end) {
      char c = path.charAt(segmentEnd);
      if (c == '/') {
        break;
      }
      encoded |= c == '%';
      segmentEnd++;
    }
    if (segmentEnd == start) {
      return null;
    }
    boolean last = segmentEnd == end;
    Node literal = node.literalChild(path, start, segmentEnd, encoded);
    if (literal != null) {
      String template = last ? literal.template : matchSegment(literal, path, segmentEnd + 1, end);
      if (template != null) {
        return template;
      }
    }
    Node parameter = node.parameterChild;
    if (parameter != null && !PathSegments.isDotSegment(path, start, segmentEnd, encoded)) {
      return last ? parameter.template : matchSegment(parameter, path, segmentEnd + 1, end);
    }
    return null;
  }

  private static final class Node {
    final String[] literals;
    final Node[] literalChildren;
    final Node parameterChild;
    /** The template ending at this node, or null. */
    final String template;

    Node(String[] literals, Node[] literalChildren, Node parameterChild, String template) {
      this.literals = literals;
      this.literalChildren = literalChildren;
      this.parameterChild = parameterChild;
      this.template = template;
    }

    Node literalChild(String path, int start, int end, boolean encoded) {
      for (int i = 0; i < literals.length; i++) {
        if (PathSegments.segmentEquals(path, start, end, encoded, literals[i])) {
          return literalChildren[i];
        }
      }
      return null;
    }
  }

  private static final class NodeBuilder {
    final List<String> literals = new ArrayList<>();
    final List<NodeBuilder> literalChildren = new ArrayList<>();
    NodeBuilder parameterChild;
    String template;

    void add(String template) {
      if (template == null || template.length() < 2 || template.charAt(0) != '/') {
        throw new IllegalArgumentException("a route template is an absolute path: " + template);
      }
      NodeBuilder node = this;
      int start = 1;
      while (start <= template.length()) {
        int slash = template.indexOf('/', start);
        int end = slash < 0 ? template.length() : slash;
        node = node.child(template, template.substring(start, end));
        start = end + 1;
      }
      if (node.template != null) {
        throw new IllegalArgumentException(
            "route templates " + node.template + " and " + template + " have the same shape");
      }
      node.template = template;
    }

    private NodeBuilder child(String template, String segment) {
      if (segment.startsWith("{")) {
        boolean named = segment.length() >= 3 && segment.endsWith("}");
        if (!named || hasAny(segment.substring(1, segment.length() - 1))) {
          throw new IllegalArgumentException("bad parameter " + segment + " in route template " + template);
        }
        if (parameterChild == null) {
          parameterChild = new NodeBuilder();
        }
        return parameterChild;
      }
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || hasAny(segment)) {
        throw new IllegalArgumentException("bad segment '" + segment + "' in route template " + template);
      }
      int index = literals.indexOf(segment);
      if (index >= 0) {
        return literalChildren.get(index);
      }
      NodeBuilder child = new NodeBuilder();
      literals.add(segment);
      literalChildren.add(child);
      return child;
    }

    /** Characters a template segment cannot hold: they would never compare equal to a raw path segment. */
    private static boolean hasAny(String segment) {
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c == '{' || c == '}' || c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7F) {
          return true;
        }
      }
      return false;
    }

    Node build() {
      Node[] children = new Node[literalChildren.size()];
      for (int i = 0; i < children.length; i++) {
        children[i] = literalChildren.get(i).build();
      }
      return new Node(
          literals.toArray(new String[0]),
          children,
          parameterChild == null ? null : parameterChild.build(),
          template);
    }
  }
}
