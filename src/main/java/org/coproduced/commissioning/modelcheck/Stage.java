package org.coproduced.commissioning.modelcheck;

import java.util.Optional;

/**
 * A stage of the commissioning cycle. Each stage has an expert-involvement gate that must come
 * before the stage's decision tasks on every path.
 */
public enum Stage {
  ANALYSE,
  PLAN,
  DO,
  REVIEW;

  /** The stage a marker value names, if it names one exactly (markers are case-sensitive). */
  static Optional<Stage> fromMarker(String value) {
    for (Stage stage : values()) {
      if (stage.name().equals(value)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
