package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Optional;

/** One entry of the legacy {@code AttributeUpdates} map (AttributeValueUpdate); the action defaults to PUT. */
public record LegacyUpdate(Optional<AttributeValue> value, Optional<String> action) {
}
