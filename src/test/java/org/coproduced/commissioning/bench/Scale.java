package org.coproduced.commissioning.bench;

/**
 * How big the benchmark runs: {@code -Dbench.scale=full} (the sizes the goals are about) or
 * {@code small} (a quick check while developing). Sizes can be set one by one with
 * {@code -Dbench.sizes=cycles=5,clients=20} (the names of this record's fields).
 */
record Scale(String name, int warmUpCycles, int cycles, int openTasks, int finishedCycles, int clients,
    int latencySeconds, int contributors, int coldStarts) {

  static Scale fromSystemProperties() {
    String name = System.getProperty("bench.scale", "full");
    Scale base = switch (name) {
      case "full" -> new Scale("full", 2, 15, 10_000, 100_000, 50, 30, 1_000, 3);
      case "small" -> new Scale("small", 2, 2, 1_000, 2_000, 10, 5, 100, 1);
      default -> throw new IllegalArgumentException("bench.scale is full or small, not " + name);
    };
    java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
    for (String pair : System.getProperty("bench.sizes", "").split(",")) {
      if (!pair.isBlank()) {
        String[] parts = pair.trim().split("=");
        sizes.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    Scale scale = new Scale(name,
        sizes.getOrDefault("warmUpCycles", base.warmUpCycles()),
        sizes.getOrDefault("cycles", base.cycles()),
        sizes.getOrDefault("openTasks", base.openTasks()),
        sizes.getOrDefault("finishedCycles", base.finishedCycles()),
        sizes.getOrDefault("clients", base.clients()),
        sizes.getOrDefault("latencySeconds", base.latencySeconds()),
        sizes.getOrDefault("contributors", base.contributors()),
        sizes.getOrDefault("coldStarts", base.coldStarts()));
    sizes.keySet().stream().filter(key -> java.util.Arrays.stream(Scale.class.getRecordComponents())
        .noneMatch(c -> c.getName().equals(key))).findFirst().ifPresent(key -> {
          throw new IllegalArgumentException("bench.sizes has no size called " + key);
        });
    return scale;
  }
}
