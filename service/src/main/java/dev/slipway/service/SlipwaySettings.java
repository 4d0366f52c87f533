package dev.slipway.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code custom.slipway}: Slipway's own settings, ignored by the Framework.
 *
 * @param site        folder served as the static site by {@code slipway offline} (absolute)
 * @param deployment  release strategy name, e.g. {@code all-at-once}, {@code canary10Percent5Minutes}
 * @param alias       the alias functions are released behind, e.g. {@code live}
 * @param pruneKeep   how many function versions {@code slipway deploy} keeps
 * @param raw         the whole section, for settings other modules read
 */
public record SlipwaySettings(Optional<Path> site, Optional<String> deployment, Optional<String> alias,
        Optional<Integer> pruneKeep, ObjectNode raw) {}
