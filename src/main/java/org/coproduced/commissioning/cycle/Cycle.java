package org.coproduced.commissioning.cycle;

/** A commissioning cycle as shown on the application's pages. */
public record Cycle(
    long id,
    String title,
    String serviceArea,
    String commissioner,
    String status,
    String involvementPurpose,
    String specificationSummary,
    String specificationChanges,
    String specificationLink,
    int reviewRound,
    String cancellationReason) {}
