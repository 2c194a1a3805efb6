package dev.currents.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The alert and recording rules of a Prometheus rules file, as Prometheus reads them. */
final class RulesFile {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<JsonNode> rules = new ArrayList<>();

  private RulesFile(JsonNode root) {
    root.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
  }

  static RulesFile read(Path file) {
    return new RulesFile(readYaml(file));
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> alerts() {
    return rules.stream().filter(rule -> rule.has("alert")).toList();
  }

  List<String> alertNames() {
    return alerts().stream().map(rule -> rule.get("alert").asText()).toList();
  }

  List<JsonNode> all() {
    return List.copyOf(rules);
  }
}
