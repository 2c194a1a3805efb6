package dev.currents.agent.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.config.ConfigKey;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's tables say what the agent loads: its instrumentations as the agent finds them, in the Supported,
 * Layout and Metrics tables and the start-up line, and its configuration keys. A client added or renamed without
 * its documentation fails here.
 */
class ReadmeTablesTest {

  private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private final List<ClientInstrumentation> instrumentations = new ArrayList<>();
  private final String readme;

  ReadmeTablesTest() throws IOException {
    ServiceLoader.load(ClientInstrumentation.class).forEach(instrumentations::add);
    readme = Files.readString(ROOT.resolve("README.md"));
  }

  private List<String> names() {
    return instrumentations.stream().map(ClientInstrumentation::name).collect(Collectors.toList());
  }

  private Set<String> clientTags() {
    return instrumentations.stream()
        .map(ClientInstrumentation::client)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The lines of the table under {@code heading} whose first cell matches {@code firstCell}. */
  private List<String> rows(String heading, String firstCell) {
    String section = readme.substring(readme.indexOf("\n" + heading + "\n"));
    section = section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length() : section.indexOf("\n## ", 1));
    return section.lines().filter(line -> line.startsWith("| " + firstCell)).collect(Collectors.toList());
  }

  private static Set<String> codeIn(String text) {
    Set<String> spans = new LinkedHashSet<>();
    Matcher matcher = CODE.matcher(text);
    while (matcher.find()) {
      spans.add(matcher.group(1));
    }
    return spans;
  }

  @Test
  void theAgentFindsEveryInstrumentationOnce() {
    assertTrue(instrumentations.size() >= 9, names()::toString);
    assertEquals(new LinkedHashSet<>(names()).size(), names().size(), "names are unique: " + names());
  }

  @Test
  void theMetricsTableListsEveryClientTagAndNoOther() {
    List<String> clientRow = rows("## Metrics", "`client`");
    assertEquals(1, clientRow.size(), clientRow::toString);
    Set<String> documented = new TreeSet<>(codeIn(clientRow.get(0)));
    documented.remove("client");
    assertEquals(clientTags(), documented);
  }

  @Test
  void theSupportedTableHasEveryClientTag() {
    String supported = String.join("\n", rows("## Supported", ""));
    for (String client : clientTags()) {
      assertTrue(supported.contains("| `" + client + "` |") || supported.contains("`" + client + "` ("),
          () -> client + " has no row of its own in the Supported table");
    }
  }

  @Test
  void theStartUpLineListsTheInstrumentationsInTheOrderTheAgentLoadsThem() {
    Matcher line = Pattern.compile("; clients ([a-z0-9, -]+);").matcher(readme);
    assertTrue(line.find(), "the README shows the start-up line");
    assertEquals(String.join(", ", names()), line.group(1));
  }

  @Test
  void theLayoutTableHasEveryInstrumentationModuleAndEveryModuleIsOne() throws IOException {
    String layout = String.join("\n", rows("## Layout", "`instrumentation/"));
    Set<String> documented = new TreeSet<>();
    for (String code : codeIn(layout)) {
      documented.add(code.replaceFirst("^instrumentation/", "").replaceFirst("/$", ""));
    }
    Set<String> modules;
    try (Stream<Path> folders = Files.list(ROOT.resolve("instrumentation"))) {
      modules =
          folders
              .filter(folder -> Files.exists(folder.resolve("pom.xml")))
              .map(folder -> folder.getFileName().toString())
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertTrue(modules.containsAll(names()), () -> "one module per instrumentation, named as it is: " + names());
    assertTrue(documented.containsAll(modules), () -> "the Layout table lacks " + without(modules, documented));
  }

  @Test
  void theConfigurationTableHasEveryKey() {
    Set<String> documented = new TreeSet<>();
    for (String row : rows("## Configuration", "`currents.agent.")) {
      documented.add(codeIn(row).iterator().next());
    }
    Set<String> keys =
        Stream.of(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toCollection(TreeSet::new));
    keys.add("currents.agent.instrumentation.<name>.enabled");
    assertEquals(keys, documented);
  }

  private static Set<String> without(Set<String> all, Set<String> some) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(some);
    return rest;
  }
}
