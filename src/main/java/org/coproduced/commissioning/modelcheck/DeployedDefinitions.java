package org.coproduced.commissioning.modelcheck;

import java.util.List;
import java.util.Optional;

/**
 * The process definitions already in the engine, as a call activity's binding finds them. The
 * command-line check has none: it checks its files as one deployment into an empty engine.
 */
interface DeployedDefinitions {

  DeployedDefinitions NONE =
      new DeployedDefinitions() {
        @Override
        public int latestVersion(String key) {
          return 0;
        }

        @Override
        public Optional<CalledDefinition> latest(String key) {
          return Optional.empty();
        }

        @Override
        public Optional<CalledDefinition> version(String key, int version) {
          return Optional.empty();
        }

        @Override
        public List<CalledDefinition> withVersionTag(String key, String versionTag) {
          return List.of();
        }
      };

  /** The highest version deployed of this key, or 0 if none is. */
  int latestVersion(String key);

  Optional<CalledDefinition> latest(String key);

  Optional<CalledDefinition> version(String key, int version);

  List<CalledDefinition> withVersionTag(String key, String versionTag);
}
