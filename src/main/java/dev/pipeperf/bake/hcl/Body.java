package dev.pipeperf.bake.hcl;

import dev.pipeperf.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * The contents of a file or a block: attributes and nested blocks, in source order.
 *
 * @param attributes {@code name = expr} items
 * @param blocks {@code type "label" { ... }} items
 * @param location where the body starts
 */
public record Body(List<Attribute> attributes, List<Block> blocks, Location location) {

  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The attribute of that name, if any (the last one when repeated). */
  public Optional<Attribute> attribute(String name) {
    Attribute found = null;
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        found = a;
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code name = expr}. */
  public record Attribute(String name, Expression expression, Location location) {}

  /** {@code type "label"... { body }}. */
  public record Block(String type, List<String> labels, Body body, Location location) {
    public Block {
      labels = List.copyOf(labels);
    }
  }
}
