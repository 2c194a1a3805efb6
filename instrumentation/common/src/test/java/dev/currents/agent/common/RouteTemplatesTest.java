package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Matching semantics, on small tables. */
class RouteTemplatesTest {

  private static final String ITEMS = "/items";
  private static final String ITEM = "/items/{id}";
  private static final String FIND = "/items/find";
  private static final String ITEM_PARTS = "/items/{id}/parts";
  private static final String FIND_ALL = "/items/find/all";

  private final RouteTemplates routes = RouteTemplates.of(ITEMS, ITEM, FIND, ITEM_PARTS, FIND_ALL);

  @Test
  void returnsTheTemplateInstanceGiven() {
    String template = new String("/a/{x}/b".toCharArray());
    RouteTemplates table = RouteTemplates.of(template);
    assertSame(template, table.match("/a/1/b"));
    assertSame(template, table.match("/a/2/b?q=1"));
    assertEquals(List.of("/a/{x}/b"), table.templates());
  }

  @Test
  void otherIsTheConstant() {
    assertEquals("other", RouteTemplates.OTHER);
    assertSame(RouteTemplates.OTHER, routes.match("/nothing"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/items, /items",
    "/items/, /items",
    "/items/find, /items/find",
    "/items/find/, /items/find",
    "/items/find/all, /items/find/all",
    "/items/7, /items/{id}",
    "/items/7/parts, /items/{id}/parts",
    "/items/find/parts, /items/{id}/parts",
    "/items/find/none, other",
    "/items/find/all/x, other",
    "/items/7/all, other",
    "/items/7/parts/9, other",
  })
  void literalsFirstWithBacktracking(String path, String expected) {
    assertEquals(expected, routes.match(path));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bAYZ41",
        "0c1a3b5d7e9f21436587a9cbedf01234",
        "64f1c2d3e4b5a69788990a1b",
        "3f2b8c1e-9d4a-4e6f-b7a2-1c5d8e9f0a3b",
        "dGVzdCBzaWduYXR1cmU9PQ",
        "abc%2Bdef%3D%3D",
        "%E2%9C%93",
        "a%2Fb",
        "%",
        "%zz",
        "~user_name.v2",
        "x",
        "...",
        ".a",
        "a.",
        "%2e%2e%2e",
        "{id}",
        "a;b=c",
        "ü",
      })
  void aParameterTakesAnyNonEmptySegment(String segment) {
    assertEquals(ITEM, routes.match("/items/" + segment));
    assertEquals(ITEM_PARTS, routes.match("/items/" + segment + "/parts"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/items?x=1", "/items#top", "/items?x=/items/7", "/items/?x", "/items/#f", "/items?"})
  void queryAndFragmentAreIgnored(String path) {
    assertEquals(ITEMS, routes.match(path));
  }

  @Test
  void queryAndFragmentNeverReachTheSegments() {
    assertEquals(ITEM, routes.match("/items/7?parts"));
    assertEquals(ITEM, routes.match("/items/7#/parts"));
    assertEquals(FIND, routes.match("/items/find?/all"));
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "items",
        "items/7",
        "?/items",
        "#/items",
        "/",
        "//",
        "//items",
        "/items//",
        "/items//7",
        "/items/7//parts",
        "/items///",
        "/items/.",
        "/items/..",
        "/items/./parts",
        "/items/../parts",
        "/items/%2e",
        "/items/%2E%2e",
        "/items/.%2E/parts",
        "/items/%2e%2e/parts",
        " /items",
        "/items ",
        "/Items",
        "/ITEMS/find",
        "/items/FIND/all",
      })
  void malformedOrForeignPathsAreOther(String path) {
    assertEquals(RouteTemplates.OTHER, routes.match(path));
  }

  @Test
  void onlyOneTrailingSlashIsIgnored() {
    assertEquals(ITEM, routes.match("/items/7/"));
    assertEquals("other", routes.match("/items/7//"));
  }

  @Test
  void percentEncodedLiteralsMatchAsAServerDecodesThem() {
    assertEquals(FIND, routes.match("/items/%66ind"));
    assertEquals(FIND, routes.match("/items/%66%69%6E%64"));
    assertEquals(FIND, routes.match("/items/%66%69%6e%64"));
    assertEquals(FIND_ALL, routes.match("/items/fin%64/%61ll"));
    assertEquals(ITEMS, routes.match("/%69tems"));
    // Not the literal: a case change, a truncated or invalid escape, an escaped separator.
    assertEquals(ITEM, routes.match("/items/%46ind"));
    assertEquals(ITEM, routes.match("/items/find%"));
    assertEquals(ITEM, routes.match("/items/find%6"));
    assertEquals(ITEM, routes.match("/items/%6"));
    assertEquals(ITEM, routes.match("/items/%g6ind"));
    assertEquals(ITEM, routes.match("/items/%66ind%2F"));
    assertEquals(ITEM, routes.match("/items/%66indx"));
    assertEquals(ITEM, routes.match("/items/%66in"));
    assertEquals(ITEM, routes.match("/items/%D9%A6ind"));
    assertEquals("other", routes.match("/items%2Ffind"));
  }

  @Test
  void percentEncodingIsDecodedOnlyWithAsciiHexDigits() {
    // U+0666 is an Arabic-Indic six; Character.digit would read "%\u0666\u0666" as %66.
    assertEquals(ITEM, routes.match("/items/%\u0666\u0666ind"));
  }

  @Test
  void pathsLongerThan2048AreOther() {
    String base = "/items/";
    String atLimit = base + "x".repeat(RouteTemplates.MAX_PATH_LENGTH - base.length());
    assertEquals(2048, atLimit.length());
    assertEquals(ITEM, routes.match(atLimit));
    assertEquals(ITEM, routes.match(atLimit + "?q=" + "y".repeat(10_000)));
    assertEquals("other", routes.match(atLimit + "/"), "the limit is on the raw path, trailing slash included");
    assertEquals("other", routes.match(atLimit + "x"));
    assertEquals("other", routes.match(atLimit + "x?q=1"));
    assertEquals("other", routes.match("/items/" + "a/".repeat(5_000)));
  }

  @Test
  void aRootParameterTakesAnyFirstSegment() {
    RouteTemplates table = RouteTemplates.of("/{tenant}/status", "/health");
    assertEquals("/health", table.match("/health"));
    assertEquals("/{tenant}/status", table.match("/acme/status"));
    assertEquals("/{tenant}/status", table.match("/health/status"));
    assertEquals("other", table.match("/acme"));
  }

  @Test
  void anEmptyTableMatchesNothing() {
    RouteTemplates table = RouteTemplates.of();
    assertEquals("other", table.match("/items"));
    assertEquals(List.of(), table.templates());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "/",
        "items",
        "/items/",
        "//items",
        "/items//x",
        "/items/{}",
        "/items/{",
        "/items/{id",
        "/items/id}",
        "/items/{a}b",
        "/items/{{id}}",
        "/items/.",
        "/items/..",
        "/items/a b",
        "/items/a%20b",
        "/items?x",
        "/items#x",
      })
  void malformedTemplatesAreRefused(String template) {
    assertThrows(IllegalArgumentException.class, () -> RouteTemplates.of(template));
  }

  @Test
  void nullTemplateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RouteTemplates.of("/a", null));
  }

  @Test
  void templatesOfTheSameShapeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RouteTemplates.of("/a/{x}", "/a/{y}"));
    assertThrows(IllegalArgumentException.class, () -> RouteTemplates.of("/a/b", "/a/b"));
  }

  @Test
  void differentParameterNamesAtOnePositionShareIt() {
    RouteTemplates table = RouteTemplates.of("/a/{x}/b", "/a/{y}/c");
    assertEquals("/a/{x}/b", table.match("/a/1/b"));
    assertEquals("/a/{y}/c", table.match("/a/1/c"));
  }

  @Test
  void theArgumentArrayIsCopied() {
    String[] templates = {"/a"};
    RouteTemplates table = RouteTemplates.of(templates);
    templates[0] = "/b";
    assertEquals(List.of("/a"), table.templates());
    assertEquals("/a", table.match("/a"));
  }
}
